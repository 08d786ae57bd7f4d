/**
 * The shape of a glossary entry, as a valibot schema (checked over every entry in the unit tests)
 * and as the TypeScript types the data files are written against.
 *
 * The data files import only the types, so the schema and valibot stay out of the content script
 * bundle: entries are checked once, in the tests, not on every page.
 */
import * as v from 'valibot';

/** What a term is about; the glossary browser filters by it. */
export const CATEGORIES = [
  /** 提法: set phrases of Party and state language (中国式现代化, 两个确立's wording aside). */
  'formulation',
  /** Numbered formulas: 两个确立, 四个意识, 五位一体… (with `components`). */
  'numbered-formula',
  /** Five-year plans, their periods and long-range goals (十四五, 2035年远景目标). */
  'plan-period',
  /** Party congresses, plenums and other Party meetings. */
  'party-meeting',
  /** State and Party institutions and their sessions (全国人大, 两会, 政府工作报告). */
  'institution',
  /** Development strategy and policy concepts (新质生产力, 高质量发展, 共同富裕). */
  'development',
  /** Economic policy and the economy (营商环境, 化债, 六稳六保). */
  'economy',
  /** Society, livelihood, rural policy and the environment (乡村振兴, 双碳). */
  'society',
  /** Governance, administration and Party building (党建引领, 放管服). */
  'governance',
  /** Discipline, conduct and anti-corruption (八项规定, 作风建设, 反腐败). */
  'discipline',
  /** Security, safety and risk (总体国家安全观, 安全生产, 底线思维). */
  'security',
  /** Foreign policy, Taiwan, Hong Kong and Macao (人类命运共同体, 一带一路). */
  'diplomacy',
  /** The idiom of local government reports (开门红, 挺膺争先, 一二三产). */
  'local-idiom',
] as const;

export type Category = (typeof CATEGORIES)[number];

/** Who uses an official English rendering. Only publishers of official translations. */
export const PUBLISHERS = [
  'Xinhua',
  "People's Daily",
  'China Daily',
  'CGTN',
  'Qiushi',
  'State Council',
  'State Council Information Office',
  'Ministry of Foreign Affairs',
  'Ministry of Commerce',
  'National Development and Reform Commission',
  "National People's Congress",
  'CPPCC',
  'CCDI',
  'United Nations',
] as const;

export const CERTAINTIES = ['certain', 'likely', 'uncertain'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

export const RELATIONS = [
  'part-of',
  'has-part',
  'successor-of',
  'predecessor-of',
  'see-also',
] as const;
export type Relation = (typeof RELATIONS)[number];

/** Stable ids: lower-case ASCII words joined by hyphens; links and saved terms keep them. */
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Tone-marked pinyin: letters with tone marks, digits (2035), spaces, apostrophes, hyphens. */
const PINYIN_PATTERN = /^[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü0-9' -]+$/;

/** Surface forms must contain Chinese: the matcher never looks at text without it. */
const HAN_PATTERN = /\p{Script=Han}/u;

const nonEmpty = v.pipe(v.string(), v.trim(), v.nonEmpty());

/** Two characters at least: a one-character form would mark every occurrence of a common word. */
const surfaceForm = v.pipe(
  v.string(),
  v.minLength(2),
  v.maxLength(40),
  v.regex(HAN_PATTERN, 'a surface form must contain Chinese characters'),
);

/** Sentences end with `.`, `?` or `!` followed by a space or the end. */
function sentenceCount(text: string): number {
  return text.match(/[.?!](?=\s|$)/g)?.length ?? 0;
}

const explanation = v.pipe(
  v.string(),
  v.minLength(20),
  // About three sentences: the card has to stay readable above the dictionary senses.
  v.maxLength(480),
  v.check((text) => {
    const n = sentenceCount(text);
    return n >= 1 && n <= 3;
  }, 'an explanation has one to three sentences'),
);

export const OfficialEnglishSchema = v.strictObject({
  /** The rendering exactly as the publisher writes it. */
  text: nonEmpty,
  usedBy: v.pipe(v.array(v.picklist(PUBLISHERS)), v.minLength(1)),
});

export const FirstUseSchema = v.strictObject({
  /** A year, a date or an event (`2017, 19th Party Congress`). */
  when: nonEmpty,
  certainty: v.picklist(CERTAINTIES),
  note: v.optional(nonEmpty),
});

export const ComponentSchema = v.strictObject({
  simplified: v.pipe(v.string(), v.regex(HAN_PATTERN)),
  english: nonEmpty,
});

export const RelatedSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(ID_PATTERN)),
  relation: v.picklist(RELATIONS),
});

export const SourceSchema = v.strictObject({
  title: nonEmpty,
  /** Only addresses known to exist; otherwise the title alone. */
  url: v.optional(v.pipe(v.string(), v.url(), v.startsWith('https://'))),
});

export const GlossaryEntrySchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(ID_PATTERN), v.maxLength(64)),
  /** Canonical simplified form; also the first surface form the matcher knows. */
  simplified: surfaceForm,
  /** Taiwan-standard traditional form: opencc's `cn → tw` unless `traditionalOverride` says why not. */
  traditional: surfaceForm,
  /** Why `traditional` differs from opencc's output (opencc picks the wrong character). */
  traditionalOverride: v.optional(v.pipe(v.string(), v.minLength(10))),
  /**
   * Other surface forms in simplified characters (Taiwanese wording converted to simplified,
   * abbreviations, quoted forms). Traditional text is converted to simplified before matching,
   * so no traditional form needs listing.
   */
  variants: v.optional(v.array(surfaceForm)),
  /** Longer ordinary words containing one of the forms that are not this term (走在前面). */
  exclude: v.optional(v.array(surfaceForm)),
  /** The pattern id whose hits this entry explains better (`pattern:congress:20`). */
  patternId: v.optional(v.pipe(v.string(), v.startsWith('pattern:'))),
  /** Hanyu pinyin with tone marks, syllables of a word joined; citation tones (一 yī, 不 bù). */
  pinyin: v.pipe(v.string(), v.regex(PINYIN_PATTERN)),
  english: v.strictObject({
    official: v.optional(OfficialEnglishSchema),
    /** A plain-English gloss written by the project. */
    gloss: nonEmpty,
  }),
  /** One to three sentences, written by the project, neutral and factual. */
  explanation,
  category: v.picklist(CATEGORIES),
  firstUse: FirstUseSchema,
  /** The parts of a numbered formula, in order. */
  components: v.optional(v.pipe(v.array(ComponentSchema), v.minLength(2))),
  related: v.optional(v.array(RelatedSchema)),
  sources: v.optional(v.array(SourceSchema)),
  lastChecked: v.pipe(v.string(), v.isoDate()),
});

export type OfficialEnglish = v.InferOutput<typeof OfficialEnglishSchema>;
export type FirstUse = v.InferOutput<typeof FirstUseSchema>;
export type Component = v.InferOutput<typeof ComponentSchema>;
export type RelatedTerm = v.InferOutput<typeof RelatedSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type GlossaryEntry = v.InferOutput<typeof GlossaryEntrySchema>;

/**
 * What a popup card shows for any hit: an authored entry, or a term explained from its numbers
 * by a pattern family (`pattern:plenum:20:4`). One shape, so the card has one renderer.
 */
export interface TermCard {
  readonly id: string;
  readonly kind: 'entry' | 'pattern';
  readonly simplified: string;
  readonly traditional: string;
  readonly pinyin: string;
  readonly english: { readonly official?: OfficialEnglish; readonly gloss: string };
  readonly explanation: string;
  readonly category: Category;
  readonly firstUse?: FirstUse;
  readonly components: readonly Component[];
  readonly related: readonly RelatedTerm[];
  readonly sources: readonly Source[];
  /** For entries: when the facts were last checked. Pattern cards are computed. */
  readonly lastChecked?: string;
}
