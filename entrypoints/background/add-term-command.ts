/**
 * "Add as my term" on a selection (context menu). The background cannot touch the page: it asks
 * the frame's reader to open its personal-term form on the selection
 * (entrypoints/reader.content/personal-terms/add-term-form.ts).
 *
 * Fallback, when the reader is off for the site (nobody listens), or answers that it could not
 * use the selection (text in a form field, a frame it does not run in): the review page's
 * "My terms" view opens in a new tab with the menu's selection text prefilled
 * (`review.html#my-terms?term=…`). That is the simplest robust choice: it needs no script in the
 * page, works on every site, and the form there is the one the reader already knows. Switching
 * the reader on for the site, or injecting it for one form, would change the page unasked.
 */
import { browser } from 'wxt/browser';
import { addTermHash } from '../../utils/glossary/term-prefill';
import { t } from '../../utils/i18n';
import type { OpenTermFormReply } from '../../utils/tab-messages';
import { createMenuItem, READER_PAGES, sendToReader } from './context-menu';

export const ADD_TERM_MENU_ID = 'tifa-add-personal-term';

/** Adds the menu item; called where the menu is (re)built, after its removeAll. */
export function createAddTermMenuItem(): void {
  createMenuItem({
    id: ADD_TERM_MENU_ID,
    title: t('contextMenuAddTerm'),
    contexts: ['selection'],
    documentUrlPatterns: READER_PAGES,
  });
}

/** Registers the menu listener (call in the worker's first turn, like the rest). */
export function registerAddTermCommand(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== ADD_TERM_MENU_ID) return;
    void addTermFromSelection(tab?.id, info.frameId, info.selectionText ?? '');
  });
}

/** Asks the frame's reader to open its form; opens the review page if it did not. */
export async function addTermFromSelection(
  tabId: number | undefined,
  frameId: number | undefined,
  selectionText: string,
): Promise<void> {
  if (tabId !== undefined && (await askReaderToOpenForm(tabId, frameId))) return;
  try {
    await browser.tabs.create({
      url: browser.runtime.getURL(`/review.html${addTermHash(selectionText)}`),
    });
  } catch (error) {
    console.warn(
      'Tifa Reader: could not open My terms:',
      error instanceof Error ? error.name : 'error',
    );
  }
}

/** Whether the reader in the frame opened its form. A page without the reader has no one
 * listening (sendMessage rejects): that is the expected fallback case, not worth a log. */
async function askReaderToOpenForm(tabId: number, frameId: number | undefined): Promise<boolean> {
  try {
    return isOpenedReply(await sendToReader(tabId, { type: 'openTermForm', payload: {} }, frameId));
  } catch {
    return false;
  }
}

function isOpenedReply(reply: unknown): reply is OpenTermFormReply {
  return (
    typeof reply === 'object' &&
    reply !== null &&
    (reply as Partial<OpenTermFormReply>).opened === true
  );
}
