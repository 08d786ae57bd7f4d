/**
 * The segmentation word list, read from the extension's own compiled file on first request and
 * kept for the life of the worker. The worker can be stopped at any time; the next request
 * simply reads it again.
 */
import { browser } from 'wxt/browser';
import { loadOnce } from '../../utils/load-once';

/** The word list as compiled (`public/dict/words.u8`), one simplified word per line. */
export const loadWordListText = loadOnce(fetchWordList);

async function fetchWordList(): Promise<string> {
  // The extension's own files are readable from its worker without any permission.
  const response = await fetch(browser.runtime.getURL('/dict/words.u8'));
  if (!response.ok) throw new Error(`word list missing from the build (HTTP ${response.status})`);
  return response.text();
}
