/**
 * Every opencc dictionary, registered for conversion. Imported for its effect by `analyze.ts`
 * (so by the CLI, the extension pages, the tests and the benchmarks) and by the background, which
 * hands a page the few it needs; never by the page's reader, which would otherwise compile
 * ~1.2 MB of tables on every page (convert.ts).
 */
import CJK_Compatibility_Ideographs from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import HKPhrases from 'opencc-js/dict/HKPhrases';
import HKPhrasesRev from 'opencc-js/dict/HKPhrasesRev';
import HKVariants from 'opencc-js/dict/HKVariants';
import HKVariantsPhrases from 'opencc-js/dict/HKVariantsPhrases';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import HKVariantsRevPhrases from 'opencc-js/dict/HKVariantsRevPhrases';
import JPShinjitaiCharacters from 'opencc-js/dict/JPShinjitaiCharacters';
import JPShinjitaiCharactersRev from 'opencc-js/dict/JPShinjitaiCharactersRev';
import JPShinjitaiPhrases from 'opencc-js/dict/JPShinjitaiPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import STPhrases_GeneratedFromRegionalPhrases from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import TWPhrasesRev from 'opencc-js/dict/TWPhrasesRev';
import TWVariants from 'opencc-js/dict/TWVariants';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';
import { registerOpenccDictionaries } from './convert';
import type { OpenccDictionaryName } from './opencc-dictionaries';

/** Every dictionary's serialized text, by name. */
export const OPENCC_DICTIONARIES: Readonly<Record<OpenccDictionaryName, string>> = {
  CJK_Compatibility_Ideographs,
  HKPhrases,
  HKPhrasesRev,
  HKVariants,
  HKVariantsPhrases,
  HKVariantsRev,
  HKVariantsRevPhrases,
  JPShinjitaiCharacters,
  JPShinjitaiCharactersRev,
  JPShinjitaiPhrases,
  STCharacters,
  STPhrases,
  STPhrases_GeneratedFromRegionalPhrases,
  TSCharacters,
  TSPhrases,
  TWPhrases,
  TWPhrasesRev,
  TWVariants,
  TWVariantsPhrases,
  TWVariantsRev,
  TWVariantsRevPhrases,
};

registerOpenccDictionaries(OPENCC_DICTIONARIES);
