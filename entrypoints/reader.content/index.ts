/**
 * The reader's gatekeeper, injected into every http(s) frame. It is deliberately tiny: it checks
 * whether the reader is on for this site and whether the page has Chinese, and only then asks the
 * background to inject the reader itself (`reader-main`), which carries the text engine.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { enabledSites, isSiteEnabled } from '../../utils/settings';
import { sendToBackground } from '../../utils/send-message';
import { pageHasChinese } from './page-has-chinese';
import { readerHostname } from './reader-site';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  async main() {
    const hostname = readerHostname();
    let injected = false;
    const injectIfWanted = async (sites: string[]) => {
      if (injected || !isSiteEnabled(sites, hostname) || !pageHasChinese(document)) return;
      injected = true;
      try {
        await sendToBackground('injectReader', {});
      } catch (error) {
        injected = false;
        console.warn(
          'tifa: the reader could not start:',
          error instanceof Error ? error.message : error,
        );
      }
    };
    // Once injected, the reader follows the site switch itself; this only handles the first start.
    enabledSites.watch((sites) => void injectIfWanted(sites));
    await injectIfWanted(await enabledSites.getValue());
  },
});
