/**
 * opencc-js's conversion set-ups by dictionary NAME, without the dictionaries themselves: the
 * page's reader must not compile ~1.2 MB of tables it rarely needs (the simplified→traditional
 * phrases alone are 1 MB and serve only a traditional display), so conversion asks for
 * dictionaries by name and each context supplies them its own way (convert.ts).
 *
 * This mirrors opencc-js 1.4.2's `preset` (configs, from, to) exactly;
 * tests/unit/opencc-dictionaries.test.ts checks it against the preset, so an upgrade that
 * changes a set-up fails there rather than converting differently.
 */

export const OPENCC_DICTIONARY_NAMES = [
  'CJK_Compatibility_Ideographs',
  'HKPhrases',
  'HKPhrasesRev',
  'HKVariants',
  'HKVariantsPhrases',
  'HKVariantsRev',
  'HKVariantsRevPhrases',
  'JPShinjitaiCharacters',
  'JPShinjitaiCharactersRev',
  'JPShinjitaiPhrases',
  'STCharacters',
  'STPhrases',
  'STPhrases_GeneratedFromRegionalPhrases',
  'TSCharacters',
  'TSPhrases',
  'TWPhrases',
  'TWPhrasesRev',
  'TWVariants',
  'TWVariantsPhrases',
  'TWVariantsRev',
  'TWVariantsRevPhrases',
] as const;

export type OpenccDictionaryName = (typeof OPENCC_DICTIONARY_NAMES)[number];

/** A group of dictionaries matched together (longest match across all of them). */
export type NamedGroup = readonly OpenccDictionaryName[];

export interface NamedConversionConfig {
  readonly normalizationChain?: readonly NamedGroup[];
  readonly segmentation?: NamedGroup;
  readonly conversionChain: readonly NamedGroup[];
}

const NORMALIZE: readonly NamedGroup[] = [['CJK_Compatibility_Ideographs']];
const TS: NamedGroup = ['TSPhrases', 'TSCharacters'];
const ST: NamedGroup = ['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases', 'STCharacters'];
const ST_SEGMENTS: NamedGroup = ['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases'];

/** opencc-js's dedicated configurations (`preset.configs`), by name. */
export const NAMED_CONFIGS: Readonly<Record<string, NamedConversionConfig>> = {
  hk2s: {
    normalizationChain: NORMALIZE,
    segmentation: ['TSPhrases'],
    conversionChain: [['HKVariantsRevPhrases', 'HKVariantsRev'], TS],
  },
  hk2sp: {
    normalizationChain: NORMALIZE,
    segmentation: ['TSPhrases'],
    conversionChain: [['HKPhrasesRev', 'HKVariantsRevPhrases', 'HKVariantsRev'], TS],
  },
  hk2t: {
    normalizationChain: NORMALIZE,
    conversionChain: [['HKVariantsRevPhrases', 'HKVariantsRev']],
  },
  jp2t: {
    normalizationChain: NORMALIZE,
    conversionChain: [['JPShinjitaiPhrases', 'JPShinjitaiCharacters']],
  },
  s2hk: {
    normalizationChain: NORMALIZE,
    segmentation: ST_SEGMENTS,
    conversionChain: [ST, ['HKVariantsPhrases', 'HKVariants']],
  },
  s2hkp: {
    normalizationChain: NORMALIZE,
    segmentation: ST_SEGMENTS,
    conversionChain: [ST, ['HKPhrases', 'HKVariantsPhrases', 'HKVariants']],
  },
  s2t: { normalizationChain: NORMALIZE, conversionChain: [ST] },
  s2tw: {
    normalizationChain: NORMALIZE,
    segmentation: ST_SEGMENTS,
    conversionChain: [ST, ['TWVariantsPhrases', 'TWVariants']],
  },
  s2twp: {
    normalizationChain: NORMALIZE,
    segmentation: ST_SEGMENTS,
    conversionChain: [ST, ['TWPhrases', 'TWVariantsPhrases', 'TWVariants']],
  },
  t2hk: { normalizationChain: NORMALIZE, conversionChain: [['HKVariantsPhrases', 'HKVariants']] },
  t2jp: { normalizationChain: NORMALIZE, conversionChain: [['JPShinjitaiCharactersRev']] },
  t2s: { normalizationChain: NORMALIZE, conversionChain: [TS] },
  t2tw: { normalizationChain: NORMALIZE, conversionChain: [['TWVariantsPhrases', 'TWVariants']] },
  tw2s: {
    normalizationChain: NORMALIZE,
    segmentation: ['TSPhrases'],
    conversionChain: [['TWVariantsRevPhrases', 'TWVariantsRev'], TS],
  },
  tw2sp: {
    normalizationChain: NORMALIZE,
    segmentation: ['TSPhrases'],
    conversionChain: [['TWPhrasesRev', 'TWVariantsRevPhrases', 'TWVariantsRev'], TS],
  },
  tw2t: {
    normalizationChain: NORMALIZE,
    conversionChain: [['TWVariantsRevPhrases', 'TWVariantsRev']],
  },
};

/** From a locale to traditional (`preset.from`), for pairs without a dedicated configuration. */
export const NAMED_FROM: Readonly<Record<string, readonly NamedGroup[]>> = {
  // Without the regional phrases, unlike the dedicated s2* configurations.
  cn: [['STPhrases', 'STCharacters']],
  hk: [['HKVariantsRevPhrases', 'HKVariantsRev']],
  hkp: [['HKPhrasesRev', 'HKVariantsRevPhrases', 'HKVariantsRev']],
  tw: [['TWVariantsRevPhrases', 'TWVariantsRev']],
  twp: [['TWPhrasesRev', 'TWVariantsRevPhrases', 'TWVariantsRev']],
  jp: [['JPShinjitaiPhrases', 'JPShinjitaiCharacters']],
};

/** From traditional to a locale (`preset.to`). */
export const NAMED_TO: Readonly<Record<string, readonly NamedGroup[]>> = {
  cn: [TS],
  hk: [['HKVariantsPhrases', 'HKVariants']],
  hkp: [['HKPhrases', 'HKVariantsPhrases', 'HKVariants']],
  tw: [['TWVariantsPhrases', 'TWVariants']],
  twp: [['TWPhrases'], ['TWVariantsPhrases', 'TWVariants']],
  jp: [['JPShinjitaiCharactersRev']],
};

/** Whether a string is one of the dictionary names (for validating messages). */
export function isOpenccDictionaryName(name: string): name is OpenccDictionaryName {
  return (OPENCC_DICTIONARY_NAMES as readonly string[]).includes(name);
}

/** Where the build packages a dictionary (scripts/compile-opencc.ts), from the extension root. */
export function openccDictionaryPath(name: OpenccDictionaryName): `/dict/opencc/${string}.txt` {
  return `/dict/opencc/${name}.txt`;
}
