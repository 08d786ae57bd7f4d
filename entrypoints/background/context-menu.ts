/**
 * What the background's context-menu items and commands share: creating an item, and asking the
 * reader in a tab to act on its selection (the background cannot touch the page).
 */
import { browser, type Browser } from 'wxt/browser';
import type { TabMessage } from '../../utils/tab-messages';

/** Only where the reader can run; the extension stores are excluded by the browser. */
export const READER_PAGES = ['http://*/*', 'https://*/*'];

/**
 * Creates one menu item; called where the menu is (re)built, after its removeAll. A failure is
 * logged, not thrown: the other items are still worth creating.
 */
export function createMenuItem(properties: Browser.contextMenus.CreateProperties): void {
  browser.contextMenus.create(properties, () => {
    // Reading lastError is what marks it handled; Chrome logs an "unchecked" error otherwise.
    const error = browser.runtime.lastError;
    if (error) console.warn('Tifa Reader: context menu not created:', error.message);
  });
}

/**
 * Sends a message to the reader in a tab: to one frame when `frameId` is given (a menu click
 * names the frame with the selection), else to every frame. Resolves with the reader's reply;
 * rejects where the reader is off, since nobody listens there.
 */
export function sendToReader(
  tabId: number,
  message: TabMessage,
  frameId?: number,
): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message, frameId === undefined ? undefined : { frameId });
}
