/**
 * The segmentation word list, read from the extension's own compiled file on first request and
 * kept for the life of the worker. The worker can be stopped at any time; the next request
 * simply reads it again.
 */
import { loadOnce } from '../../utils/load-once';
import { fetchPackagedText } from './packaged-file';

/** The word list as compiled (`public/dict/words.u8`), one simplified word per line. */
export const loadWordListText = loadOnce(() => fetchPackagedText('/dict/words.u8', 'word list'));
