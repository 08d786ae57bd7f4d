/** The CLI's word list: read once per run from the compiled dictionary. */
import { loadWordListFromDisk } from '../../utils/dict/load-node';
import { createLexicon, type Lexicon } from '../../utils/zh/segment';

let lexicon: Lexicon | null = null;

/** The CC-CEDICT lexicon for segmentation, loaded on first use. */
export function cliLexicon(): Lexicon {
  lexicon ??= createLexicon(loadWordListFromDisk());
  return lexicon;
}
