/**
 * "Annotate" from outside the page: a context-menu item on a selection and a keyboard shortcut
 * (manifest `commands`). The background cannot touch the page; it asks the tab's reader, which
 * opens its annotation editor on the selection (annotation-controller.ts).
 */
import { browser, type Browser } from 'wxt/browser';
import { t } from '../../utils/i18n';
import type { TabMessage } from '../../utils/tab-messages';
import { createMenuItem, READER_PAGES, sendToReader } from './context-menu';

/** The command name declared in wxt.config.ts. */
export const ANNOTATE_COMMAND = 'annotate-selection';

export const ANNOTATE_MENU_ID = 'tifa-annotate-selection';

/** Adds the menu item; called where the menu is (re)built, after its removeAll. */
export function createAnnotateMenuItem(): void {
  createMenuItem({
    id: ANNOTATE_MENU_ID,
    title: t('contextMenuAnnotate'),
    contexts: ['selection'],
    documentUrlPatterns: READER_PAGES,
  });
}

/** Registers the menu and shortcut listeners (call in the worker's first turn, like the rest). */
export function registerAnnotateCommand(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== ANNOTATE_MENU_ID || tab?.id === undefined) return;
    // The frame the selection is in; only that frame's reader is asked.
    void askReader(tab.id, { type: 'openAnnotator', payload: { from: 'menu' } }, info.frameId);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== ANNOTATE_COMMAND) return;
    void annotateInActiveTab(tab);
  });
}

async function annotateInActiveTab(tab: Browser.tabs.Tab | undefined): Promise<void> {
  const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return;
  // Every frame hears it; the focused frame with a selection opens the editor.
  await askReader(id, { type: 'openAnnotator', payload: { from: 'shortcut' } });
}

/**
 * Sends a message to the reader in a tab (one frame, or all). A page where the reader is off has
 * no one listening: that is not an error worth more than a quiet note (never the page's URL).
 */
async function askReader(tabId: number, message: TabMessage, frameId?: number): Promise<void> {
  try {
    await sendToReader(tabId, message, frameId);
  } catch (error) {
    console.warn(
      'Tifa Reader: no reader on this page to annotate with (switch the reader on for the site):',
      error instanceof Error ? error.name : 'error',
    );
  }
}
