/**
 * Switching the reader on or off for the current tab's site from outside the popup: the keyboard
 * shortcut (manifest `commands`) and a page context-menu item. Both only write `enabledSites`:
 * the background then starts the reader in the site's open tabs (inject-reader.ts), and a reader
 * already running sees the change and stops or starts again by itself.
 */
import { browser, type Browser } from 'wxt/browser';
import { t } from '../../utils/i18n';
import { enabledSites, isSiteEnabled } from '../../utils/settings';
import { setSiteEnabled, siteOfUrl } from '../../utils/site-list';
import { createAddTermMenuItem, registerAddTermCommand } from './add-term-command';
import { createAnnotateMenuItem, registerAnnotateCommand } from './annotate-command';
import { createMenuItem, READER_PAGES } from './context-menu';

/** The command name declared in wxt.config.ts. */
export const TOGGLE_READER_COMMAND = 'toggle-reader';

const CONTEXT_MENU_ID = 'tifa-toggle-reader';

/**
 * Registers the shortcut and context-menu listeners. Call once, synchronously, at service worker
 * start: MV3 only delivers an event that woke the worker to listeners added in its first turn.
 */
export function registerSiteToggle(): void {
  // Menu items outlive the service worker (Chrome keeps them with the extension), so creating
  // them at every start would fail with "duplicate id"; install and update are the moments they
  // need (re)creating, and an update also brings new titles.
  browser.runtime.onInstalled.addListener(() => {
    void createContextMenu();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== CONTEXT_MENU_ID) return;
    // The top page decides, as in the popup; a click inside an iframe still toggles the site
    // the user sees in the address bar.
    void toggleSiteOfUrl(tab?.url ?? info.pageUrl);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_READER_COMMAND) return;
    void toggleActiveTab(tab);
  });
  // "Annotate selection": its own menu item and shortcut (annotate-command.ts).
  registerAnnotateCommand();
  // "Add as my term" on a selection (add-term-command.ts).
  registerAddTermCommand();
}

async function createContextMenu(): Promise<void> {
  try {
    // removeAll first: onInstalled also fires on browser updates, when old items may remain.
    await browser.contextMenus.removeAll();
    createMenuItem({
      id: CONTEXT_MENU_ID,
      title: t('contextMenuToggleReader'),
      contexts: ['page', 'selection'],
      documentUrlPatterns: READER_PAGES,
    });
    createAnnotateMenuItem();
    createAddTermMenuItem();
  } catch (error) {
    console.warn('Tifa Reader: context menu not created:', errorMessage(error));
  }
}

/** Chrome passes the tab with the command; look it up where a browser does not. */
async function toggleActiveTab(tab: Browser.tabs.Tab | undefined): Promise<void> {
  let url = tab?.url;
  if (!tab) {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    url = active?.url;
  }
  await toggleSiteOfUrl(url);
}

/**
 * Flips the reader for the site of `url`; does nothing where it cannot run. Errors are logged
 * without the URL (STYLE: never log page URLs).
 */
async function toggleSiteOfUrl(url: string | undefined): Promise<void> {
  const site = siteOfUrl(url);
  if (!site) return;
  try {
    const sites = await enabledSites.getValue();
    await enabledSites.setValue(setSiteEnabled(sites, site, !isSiteEnabled(sites, site)));
  } catch (error) {
    console.warn('Tifa Reader: could not switch the reader for this site:', errorMessage(error));
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
