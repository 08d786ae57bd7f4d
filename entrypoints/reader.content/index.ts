/**
 * The reader's gatekeeper, injected into every http(s) frame. It is deliberately tiny, because
 * every page on every site pays for it: it reads the site list straight from `storage.local`
 * (WXT's storage items would read every setting at start-up), and only on a site the reader is on
 * does it look for Chinese text and ask the background to inject the reader itself
 * (`reader-main`), which carries the text engine.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { isSiteEnabled } from '../../utils/site-key';
import { pageHasChinese } from './page-has-chinese';
import { readerHostname } from './reader-site';

/** The `storage.local` key of `enabledSites` (utils/settings.ts, WXT key `local:enabledSites`). */
const SITES_KEY = 'enabledSites';

/** The injection request as the background's protocol map declares it (utils/messaging.ts);
 * written out here so the gatekeeper does not bundle the sender helper. */
const INJECT_REQUEST = { type: 'injectReader', payload: {} } as const;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  // WXT's "a newer copy started" notice to the page: the gatekeeper never stops itself on it, and
  // a window message would wake the page's own listeners on every page.
  noScriptStartedPostMessage: true,
  main() {
    // A page without Chinese at document_idle is left alone, without so much as touching the
    // extension APIs (creating `chrome.storage` in this world is most of what the script costs).
    if (!pageHasChinese(document)) return;
    const local = browser.storage.local;
    let hostname: string | null = null;
    let injected = false;
    const injectIfWanted = (sites: unknown) => {
      if (injected || !Array.isArray(sites)) return;
      hostname ??= readerHostname();
      if (!isSiteEnabled(sites as string[], hostname)) return;
      injected = true;
      browser.runtime.sendMessage(INJECT_REQUEST).then(
        (reply: { ok?: boolean; error?: string } | undefined) => {
          if (reply?.ok) return;
          injected = false;
          console.warn('tifa: the reader could not start:', reply?.error ?? 'no reply');
        },
        (error: unknown) => {
          injected = false;
          console.warn(
            'tifa: the reader could not start:',
            error instanceof Error ? error.message : error,
          );
        },
      );
    };
    // Once injected, the reader follows the site switch itself; this only handles the first start
    // (also when the site is switched on later from the popup, the shortcut or the context menu).
    local.onChanged.addListener((changes) => {
      const change = changes[SITES_KEY];
      if (change) injectIfWanted(change.newValue);
    });
    void local.get(SITES_KEY).then((items) => injectIfWanted(items[SITES_KEY] ?? []));
  },
});
