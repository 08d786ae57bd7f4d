/**
 * The segmentation lexicon, built here once from the word list and handed to each page packed
 * (`Lexicon.pack`, base64 for the message): a page then decodes it in a few milliseconds of its
 * main thread instead of building it (about fifty). Kept for the life of the worker; a stopped
 * worker rebuilds it on the next request.
 */
import { bytesToBase64 } from '../../utils/base64';
import { parseWordList } from '../../utils/dict/cedict-format';
import { createLexicon } from '../../utils/zh/segment';
import { loadWordListText } from './word-list';

let packed: Promise<string> | null = null;

/** The lexicon of the compiled word list, packed and base64-encoded. */
export function loadPackedLexicon(): Promise<string> {
  packed ??= loadWordListText()
    .then((text) => bytesToBase64(createLexicon(parseWordList(text)).pack()))
    .catch((error: unknown) => {
      packed = null; // a failed read is retried on the next request
      throw error;
    });
  return packed;
}
