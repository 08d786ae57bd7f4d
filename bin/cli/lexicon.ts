/** The CLI's word list and polyphone model: each read once per run from the compiled files. */
import { loadWordListFromDisk } from '../../utils/dict/load-node';
import { glossaryWords } from '../../utils/glossary/entries';
import { loadPolyphoneModelFromDisk } from '../../utils/zh/polyphones/load-node';
import type { PolyphoneModel } from '../../utils/zh/polyphones/model-format';
import { createLexicon, type Lexicon } from '../../utils/zh/segment';
import type { ParsedArgs } from './args';
import { UsageError } from './input';

let lexicon: Lexicon | null = null;

/** The CC-CEDICT lexicon plus the glossary's terms (as the reader has it), loaded on first use. */
export function cliLexicon(): Lexicon {
  if (!lexicon) {
    lexicon = createLexicon(loadWordListFromDisk());
    lexicon.addWords(glossaryWords());
  }
  return lexicon;
}

/** The option naming another model file (a fold model of the benchmark), or `none`. */
export const POLYPHONE_MODEL_OPTION = 'polyphone-model';

/**
 * The polyphone model the command reads with: the committed `public/polyphones/model.u8`, the
 * file given by `--polyphone-model <file>`, or none with `--polyphone-model none` (pinyin-pro and
 * the hand-checked word list only).
 */
export function cliPolyphoneModel(args: ParsedArgs): PolyphoneModel | undefined {
  const value = args.flags.get(POLYPHONE_MODEL_OPTION);
  if (value === 'none') return undefined;
  try {
    return loadPolyphoneModelFromDisk(typeof value === 'string' ? value : undefined);
  } catch (error) {
    // A missing or malformed file is said in one line, not a stack trace.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
