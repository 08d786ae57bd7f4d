/**
 * Pattern families: numbered political terms explained from their numbers, so every 十三五,
 * 十九届六中全会 or 十四届全国人大三次会议 gets a card without an entry of its own.
 *
 *   five-year-plan periods   十一五 … 十五五 (+ 规划, 规划纲要, 时期)      pattern:fyp:<plan>
 *   Party congresses         十五大 … 二十大; 党的/中共 一大 … 二十一大;
 *                            (中国共产党)第二十次全国代表大会                pattern:congress:<n>
 *   Central Committee plenums 二十届四中全会; 中国共产党第二十届中央委员会第四次全体会议
 *                                                                       pattern:plenum:<cc>:<n>
 *   all plenums so far       二十届历次全会                                pattern:plenums:<cc>
 *   CCDI plenums             二十届中央纪委四次全会                        pattern:ccdi:<cc>:<n>
 *   NPC sessions             十四届全国人大三次会议; 第十四届全国人民代表大会第三次会议
 *                                                                       pattern:npc:<term>:<n>
 *   NPC Standing Committee   十四届全国人大常委会第十次会议                 pattern:npcsc:<term>:<n>
 *   CPPCC sessions           十四届全国政协三次会议; 全国政协十四届三次会议;
 *                            政协第十四届全国委员会第三次会议               pattern:cppcc:<term>:<n>
 *
 * Matching runs on the simplified key (see normalize.ts). Dates are given only where the glossary
 * is sure of them; elsewhere the card says the date is not recorded.
 */
import type { RelatedTerm, TermCard } from './schema';

/** One pattern hit in key coordinates. */
export interface PatternMatch {
  readonly end: number;
  readonly id: string;
}

// ---------------------------------------------------------------------------------------------
// Chinese numerals

const DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const DIGIT_CHARS = '一二三四五六七八九';
const DIGIT_PINYIN = ['', 'yī', 'èr', 'sān', 'sì', 'wǔ', 'liù', 'qī', 'bā', 'jiǔ'];

/** A numeral read from text: its value and where it ends. */
export interface ReadNumeral {
  readonly value: number;
  readonly end: number;
}

/**
 * Reads the Chinese numeral 1–99 starting at `i` (一, 十, 十四, 二十, 二十一), taking the longest
 * one: 十五五 reads 十五 and leaves the plan's 五. Null when none starts there.
 */
export function readNumeral(text: string, i: number): ReadNumeral | null {
  const first = text[i];
  if (first === '十') {
    const unit = DIGITS[text[i + 1] ?? ''];
    return unit ? { value: 10 + unit, end: i + 2 } : { value: 10, end: i + 1 };
  }
  const tens = DIGITS[first ?? ''];
  if (!tens) return null;
  if (text[i + 1] !== '十') return { value: tens, end: i + 1 };
  // 二十 … 九十; 一十 is not written in these terms.
  if (tens === 1) return { value: 1, end: i + 1 };
  const unit = DIGITS[text[i + 2] ?? ''];
  return unit ? { value: tens * 10 + unit, end: i + 3 } : { value: tens * 10, end: i + 2 };
}

/** Parses a whole string as a Chinese numeral 1–99; null for anything else. */
export function parseChineseNumeral(text: string): number | null {
  const read = readNumeral(text, 0);
  return read && read.end === text.length ? read.value : null;
}

/** Writes 1–99 as a Chinese numeral (14 → 十四, 20 → 二十). */
export function formatChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`${n} is outside 1–99`);
  const tens = Math.floor(n / 10);
  const units = n % 10;
  const unitChar = units ? (DIGIT_CHARS[units - 1] ?? '') : '';
  if (tens === 0) return unitChar;
  return `${tens === 1 ? '' : (DIGIT_CHARS[tens - 1] ?? '')}十${unitChar}`;
}

/** Pinyin of a numeral as one word (14 → shísì). */
function numeralPinyin(n: number): string {
  const tens = Math.floor(n / 10);
  const units = n % 10;
  const head = tens === 0 ? '' : `${tens === 1 ? '' : DIGIT_PINYIN[tens]}shí`;
  return head + (units ? (DIGIT_PINYIN[units] ?? '') : '');
}

/** 1 → 1st, 2 → 2nd, 13 → 13th, 22 → 22nd. */
export function ordinal(n: number): string {
  const lastTwo = n % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

// ---------------------------------------------------------------------------------------------
// Facts behind the cards

/** Range of each family's numbers; outside them the text is not taken for the term. */
const LIMITS = {
  fyp: [11, 15],
  /** Bare 十大, 十二大 are everyday words (十大 "top ten"); from 十五大 on they mean congresses. */
  congressBare: [15, 20],
  /** With 党的 / 中共 / 第…次全国代表大会 the number is unambiguous. */
  congress: [1, 21],
  centralCommittee: [1, 20],
  plenum: [1, 12],
  npcTerm: [1, 14],
  npcSession: [1, 5],
  npcscSession: [1, 60],
} as const satisfies Record<string, readonly [number, number]>;

/** When each Party congress met (month and year). */
const CONGRESS_DATES: Record<number, string> = {
  1: 'July 1921',
  2: 'July 1922',
  3: 'June 1923',
  4: 'January 1925',
  5: 'April–May 1927',
  6: 'June–July 1928',
  7: 'April–June 1945',
  8: 'September 1956',
  9: 'April 1969',
  10: 'August 1973',
  11: 'August 1977',
  12: 'September 1982',
  13: 'October–November 1987',
  14: 'October 1992',
  15: 'September 1997',
  16: 'November 2002',
  17: 'October 2007',
  18: 'November 2012',
  19: 'October 2017',
  20: 'October 2022',
};

interface PlenumFact {
  readonly date: string;
  /** What the plenum is known for, as a clause after "It was held in … and". */
  readonly outcome?: string;
}

/**
 * Plenums of the 16th–20th Central Committees, and the 3rd plenum of the 11th. Later plenums of
 * the 20th CC are not recorded: the glossary does not guess dates.
 */
const PLENUMS: Record<string, PlenumFact> = {
  '11:3': { date: 'December 1978', outcome: 'launched the policy of reform and opening up' },
  '16:1': { date: 'November 2002', outcome: 'elected Hu Jintao General Secretary' },
  '16:2': { date: 'February 2003' },
  '16:3': { date: 'October 2003' },
  '16:4': { date: 'September 2004' },
  '16:5': {
    date: 'October 2005',
    outcome: 'adopted the recommendations for the 11th Five-Year Plan',
  },
  '16:6': { date: 'October 2006', outcome: 'adopted a decision on building a harmonious society' },
  '16:7': { date: 'October 2007' },
  '17:1': { date: 'October 2007' },
  '17:2': { date: 'February 2008' },
  '17:3': { date: 'October 2008' },
  '17:4': { date: 'September 2009' },
  '17:5': {
    date: 'October 2010',
    outcome: 'adopted the recommendations for the 12th Five-Year Plan',
  },
  '17:6': { date: 'October 2011', outcome: 'adopted a decision on cultural reform' },
  '17:7': { date: 'November 2012' },
  '18:1': { date: 'November 2012', outcome: 'elected Xi Jinping General Secretary' },
  '18:2': { date: 'February 2013' },
  '18:3': {
    date: 'November 2013',
    outcome: 'adopted the decision on comprehensively deepening reform',
  },
  '18:4': {
    date: 'October 2014',
    outcome: 'adopted the decision on comprehensively advancing law-based governance',
  },
  '18:5': {
    date: 'October 2015',
    outcome: 'adopted the recommendations for the 13th Five-Year Plan',
  },
  '18:6': {
    date: 'October 2016',
    outcome: 'adopted new rules on intra-Party political life and named Xi Jinping the "core"',
  },
  '18:7': { date: 'October 2017' },
  '19:1': { date: 'October 2017' },
  '19:2': { date: 'January 2018', outcome: 'proposed amendments to the state constitution' },
  '19:3': { date: 'February 2018', outcome: 'adopted a plan for reforming Party and state bodies' },
  '19:4': {
    date: 'October 2019',
    outcome: 'adopted a decision on modernising the system and capacity for governance',
  },
  '19:5': {
    date: 'October 2020',
    outcome:
      'adopted the recommendations for the 14th Five-Year Plan and the long-range objectives through 2035',
  },
  '19:6': {
    date: 'November 2021',
    outcome: "adopted the resolution on the Party's major achievements and historical experience",
  },
  '19:7': { date: 'October 2022' },
  '20:1': { date: 'October 2022' },
  '20:2': { date: 'February 2023', outcome: 'adopted a plan for reforming Party and state bodies' },
  '20:3': {
    date: 'July 2024',
    outcome: 'adopted the decision on further deepening reform comprehensively',
  },
  '20:4': {
    date: 'October 2025',
    outcome: 'adopted the recommendations for the 15th Five-Year Plan (2026–2030)',
  },
};

/**
 * First year of each NPC and CPPCC National Committee term whose sessions have met once a year
 * since (the 6th, 1983, on). Session n of a term then meets in year start + n − 1.
 */
const TERM_START: Record<number, number> = {
  6: 1983,
  7: 1988,
  8: 1993,
  9: 1998,
  10: 2003,
  11: 2008,
  12: 2013,
  13: 2018,
  14: 2023,
};

/** The glossary's "now": sessions after this year are described as due, not as held. */
const LAST_CHECKED_YEAR = 2026;

// ---------------------------------------------------------------------------------------------
// Matching

/** First characters a pattern can start with; anything else is skipped with one lookup. */
const START_CHARS = '十一二三四五六七八九第党中全政';
/** Characters before which a numeral is part of a larger number, not one of our terms. */
const NUMBER_CONTEXT = new Set(Array.from('〇零一二三四五六七八九十百千万亿两几第', (c) => c));

/**
 * Whether the character before `i` makes a numeral at `i` part of a larger number (一百二十大,
 * 二十五五) or an ordinal (第三个代表): then neither a pattern nor an authored form such as 十五五
 * starts there.
 */
export function followsNumber(key: string, i: number): boolean {
  return i > 0 && NUMBER_CONTEXT.has(key[i - 1] ?? '');
}

const PATTERN_START = 1;
const NUMERAL = 2;

/** Flags per UTF-16 unit, so the matcher's per-character test is one typed-array read (64 KiB). */
const UNIT_FLAGS = new Uint8Array(65536);
for (const c of START_CHARS) UNIT_FLAGS[c.charCodeAt(0)] = PATTERN_START;
// Every numeral is also a pattern start (十四五, 二十大).
for (const c of '一二三四五六七八九十') UNIT_FLAGS[c.charCodeAt(0)] = PATTERN_START | NUMERAL;

/** Whether this UTF-16 unit is a Chinese digit or 十. */
export function isNumeral(unit: number): boolean {
  return ((UNIT_FLAGS[unit] ?? 0) & NUMERAL) !== 0;
}

/** Whether a pattern can start with this UTF-16 unit; the matcher's per-character filter. */
export function isPatternStart(unit: number): boolean {
  return ((UNIT_FLAGS[unit] ?? 0) & PATTERN_START) !== 0;
}

function within(n: number, [lo, hi]: readonly [number, number]): boolean {
  return n >= lo && n <= hi;
}

/** Reads `literal` at `i`; returns the position after it, or -1. */
function lit(text: string, i: number, literal: string): number {
  return text.startsWith(literal, i) ? i + literal.length : -1;
}

/** Reads an optional `literal`. */
function opt(text: string, i: number, literal: string): number {
  return text.startsWith(literal, i) ? i + literal.length : i;
}

/**
 * The pattern hit starting at `i` of a simplified key, or null. Tries the prefixed forms first so
 * 党的二十大 is one hit, not 二十大 after 党的.
 */
export function matchPatternAt(key: string, i: number): PatternMatch | null {
  const c = key[i];
  if (c === '党') {
    const j = lit(key, i, '党的');
    return j < 0 ? null : partyTerm(key, j);
  }
  if (c === '中') {
    let j = lit(key, i, '中国共产党');
    if (j >= 0) return partyTerm(key, j);
    j = lit(key, i, '中共');
    if (j >= 0) return partyTerm(key, j);
    j = lit(key, i, '中国人民政治协商会议');
    return j < 0 ? null : cppccFormal(key, j);
  }
  if (c === '全') {
    const j = lit(key, i, '全国政协');
    return j < 0 ? null : cppccInverted(key, j);
  }
  if (c === '政') {
    const j = lit(key, i, '政协');
    return j < 0 ? null : cppccFormal(key, j);
  }
  // A numeral inside a larger number (一百二十大…) or after 第 (read from the 第) is not a start.
  if (followsNumber(key, i)) return null;
  return partyOrState(key, i);
}

/** After 党的 / 中共 / 中国共产党: a congress or a Central Committee term. */
function partyTerm(key: string, i: number): PatternMatch | null {
  const j = opt(key, i, '第');
  const n = readNumeral(key, j);
  if (!n) return null;
  return congress(key, n.value, n.end, true) ?? centralCommitteeTerm(key, n.value, n.end);
}

/** A bare numbered term: plan, congress, Central Committee, NPC or CPPCC term. */
function partyOrState(key: string, i: number): PatternMatch | null {
  const j = opt(key, i, '第');
  const n = readNumeral(key, j);
  if (!n) return null;
  if (j === i && key[n.end] === '五' && within(n.value, LIMITS.fyp)) {
    let end = n.end + 1;
    for (const suffix of ['规划纲要', '规划', '时期']) {
      if (key.startsWith(suffix, end)) {
        end += suffix.length;
        break;
      }
    }
    return { end, id: `pattern:fyp:${n.value}` };
  }
  return (
    congress(key, n.value, n.end, false) ??
    centralCommitteeTerm(key, n.value, n.end) ??
    stateTerm(key, n.value, n.end)
  );
}

function congress(key: string, n: number, i: number, prefixed: boolean): PatternMatch | null {
  let end = lit(key, i, '次全国代表大会');
  if (end >= 0 && within(n, LIMITS.congress)) return { end, id: `pattern:congress:${n}` };
  end = lit(key, i, '大');
  if (end < 0) return null;
  return within(n, prefixed ? LIMITS.congress : LIMITS.congressBare)
    ? { end, id: `pattern:congress:${n}` }
    : null;
}

/** After the Central Committee's number: 届 then a plenum, all plenums, or a CCDI plenum. */
function centralCommitteeTerm(key: string, cc: number, i: number): PatternMatch | null {
  const j = lit(key, i, '届');
  if (j < 0 || !within(cc, LIMITS.centralCommittee)) return null;
  let end = lit(key, j, '历次全会');
  if (end >= 0) return { end, id: `pattern:plenums:${cc}` };
  // 二十届四中全会, 二十届中央四中全会
  const m = readNumeral(key, opt(key, j, '中央'));
  if (m) {
    end = lit(key, m.end, '中全会');
    if (end >= 0 && within(m.value, LIMITS.plenum))
      return { end, id: `pattern:plenum:${cc}:${m.value}` };
  }
  // 二十届中央委员会第四次全体会议
  let k = lit(key, j, '中央委员会第');
  if (k >= 0) {
    const n = readNumeral(key, k);
    end = n ? lit(key, n.end, '次全体会议') : -1;
    if (n && end >= 0 && within(n.value, LIMITS.plenum))
      return { end, id: `pattern:plenum:${cc}:${n.value}` };
    return null;
  }
  // 二十届中央纪委四次全会, 二十届中央纪委第四次全体会议
  k = lit(key, j, '中央纪委');
  if (k >= 0) {
    const n = readNumeral(key, opt(key, k, '第'));
    if (!n || !within(n.value, LIMITS.plenum)) return null;
    end = lit(key, n.end, '次全会');
    if (end < 0) end = lit(key, n.end, '次全体会议');
    return end >= 0 ? { end, id: `pattern:ccdi:${cc}:${n.value}` } : null;
  }
  return stateTermAfterJie(key, cc, j);
}

/** A bare number followed by 届全国人大… or 届全国政协…. */
function stateTerm(key: string, term: number, i: number): PatternMatch | null {
  const j = lit(key, i, '届');
  return j < 0 ? null : stateTermAfterJie(key, term, j);
}

function stateTermAfterJie(key: string, term: number, j: number): PatternMatch | null {
  if (!within(term, LIMITS.npcTerm)) return null;
  for (const [body, family, sessions] of STATE_BODIES) {
    const k = lit(key, j, body);
    if (k < 0) continue;
    const n = readNumeral(key, opt(key, k, '第'));
    if (!n || !within(n.value, sessions)) return null;
    const end = lit(key, n.end, '次会议');
    return end >= 0 ? { end, id: `pattern:${family}:${term}:${n.value}` } : null;
  }
  return null;
}

/** Longest first: 全国人大常委会 before 全国人大. */
const STATE_BODIES: readonly (readonly [
  string,
  'npc' | 'npcsc' | 'cppcc',
  readonly [number, number],
])[] = [
  ['全国人民代表大会常务委员会', 'npcsc', LIMITS.npcscSession],
  ['全国人大常委会', 'npcsc', LIMITS.npcscSession],
  ['全国人民代表大会', 'npc', LIMITS.npcSession],
  ['全国人大', 'npc', LIMITS.npcSession],
  ['全国政协', 'cppcc', LIMITS.npcSession],
];

/** 全国政协十四届三次会议: the CPPCC's own order, body first. */
function cppccInverted(key: string, i: number): PatternMatch | null {
  const term = readNumeral(key, opt(key, i, '第'));
  if (!term || !within(term.value, LIMITS.npcTerm)) return null;
  const j = lit(key, term.end, '届');
  if (j < 0) return null;
  const n = readNumeral(key, opt(key, j, '第'));
  if (!n || !within(n.value, LIMITS.npcSession)) return null;
  const end = lit(key, n.end, '次会议');
  return end >= 0 ? { end, id: `pattern:cppcc:${term.value}:${n.value}` } : null;
}

/** (中国人民政治协商会议 | 政协)第十四届全国委员会第三次会议. */
function cppccFormal(key: string, i: number): PatternMatch | null {
  const term = readNumeral(key, lit(key, i, '第'));
  if (!term || !within(term.value, LIMITS.npcTerm)) return null;
  const j = lit(key, term.end, '届全国委员会第');
  if (j < 0) return null;
  const n = readNumeral(key, j);
  if (!n || !within(n.value, LIMITS.npcSession)) return null;
  const end = lit(key, n.end, '次会议');
  return end >= 0 ? { end, id: `pattern:cppcc:${term.value}:${n.value}` } : null;
}

// ---------------------------------------------------------------------------------------------
// Cards

type Family = 'fyp' | 'congress' | 'plenum' | 'plenums' | 'ccdi' | 'npc' | 'npcsc' | 'cppcc';

interface ParsedPatternId {
  readonly family: Family;
  readonly a: number;
  readonly b: number;
}

const TWO_NUMBER_FAMILIES = new Set<Family>(['plenum', 'ccdi', 'npc', 'npcsc', 'cppcc']);

/** Splits a pattern id into family and numbers, checking the numbers are in range. */
export function parsePatternId(id: string): ParsedPatternId | null {
  const match = /^pattern:([a-z]+):(\d{1,2})(?::(\d{1,2}))?$/.exec(id);
  if (!match) return null;
  const family = match[1] as Family;
  const a = Number(match[2]);
  const b = match[3] === undefined ? 0 : Number(match[3]);
  const two = TWO_NUMBER_FAMILIES.has(family);
  if (two !== (match[3] !== undefined)) return null;
  const ok: Record<Family, boolean> = {
    fyp: within(a, LIMITS.fyp),
    congress: within(a, LIMITS.congress),
    plenum: within(a, LIMITS.centralCommittee) && within(b, LIMITS.plenum),
    plenums: within(a, LIMITS.centralCommittee),
    ccdi: within(a, LIMITS.centralCommittee) && within(b, LIMITS.plenum),
    npc: within(a, LIMITS.npcTerm) && within(b, LIMITS.npcSession),
    npcsc: within(a, LIMITS.npcTerm) && within(b, LIMITS.npcscSession),
    cppcc: within(a, LIMITS.npcTerm) && within(b, LIMITS.npcSession),
  };
  return ok[family] ? { family, a, b } : null;
}

/** The card for a pattern id (`pattern:plenum:20:4`), or null for an unknown or invalid id. */
export function explainPattern(id: string): TermCard | null {
  const parsed = parsePatternId(id);
  if (!parsed) return null;
  const { family, a, b } = parsed;
  const build = CARD_BUILDERS[family];
  const card = build(a, b);
  return {
    id,
    kind: 'pattern',
    components: [],
    sources: [],
    ...card,
  };
}

type CardBody = Omit<TermCard, 'id' | 'kind' | 'components' | 'sources'> &
  Partial<Pick<TermCard, 'sources'>>;

const CARD_BUILDERS: Record<Family, (a: number, b: number) => CardBody> = {
  fyp: (n) => {
    const start = 1966 + 5 * (n - 3);
    const numeral = formatChineseNumeral(n);
    const related: RelatedTerm[] = [{ id: 'five-year-plan', relation: 'part-of' }];
    if (n > LIMITS.fyp[0]) related.push({ id: `pattern:fyp:${n - 1}`, relation: 'successor-of' });
    if (n < LIMITS.fyp[1]) related.push({ id: `pattern:fyp:${n + 1}`, relation: 'predecessor-of' });
    return {
      simplified: `${numeral}五`,
      traditional: `${numeral}五`,
      pinyin: `${numeralPinyin(n)} wǔ`,
      english: { gloss: `the ${ordinal(n)} Five-Year Plan period (${start}–${start + 4})` },
      explanation:
        `Shorthand for the ${ordinal(n)} Five-Year Plan for National Economic and Social ` +
        `Development, which covers ${start} to ${start + 4}. The Party's recommendations for each ` +
        'plan are adopted at a Central Committee plenum the autumn before it starts, and the NPC ' +
        'approves the plan outline in March of its first year.',
      category: 'plan-period',
      related,
    };
  },
  congress: (n) => {
    const numeral = formatChineseNumeral(n);
    const date = CONGRESS_DATES[n];
    const related: RelatedTerm[] = [{ id: 'party-congress', relation: 'part-of' }];
    if (n > 1) related.push({ id: `pattern:congress:${n - 1}`, relation: 'successor-of' });
    if (n < LIMITS.congress[1])
      related.push({ id: `pattern:congress:${n + 1}`, relation: 'predecessor-of' });
    const when = date
      ? `It met in ${date}.`
      : 'It is due in 2027 and had not been held when this was last checked (November 2026).';
    return {
      simplified: `党的${numeral}大`,
      traditional: `黨的${numeral}大`,
      pinyin: `dǎng de ${numeralPinyin(n)} dà`,
      english: {
        gloss: `the ${ordinal(n)} National Congress of the Communist Party of China${date ? ` (${date})` : ''}`,
      },
      explanation:
        `The ${ordinal(n)} National Congress of the Communist Party of China; "${numeral}大" is ` +
        `the usual shorthand. ${when} A national congress is held every five years and elects ` +
        'the Central Committee and the Central Commission for Discipline Inspection.',
      category: 'party-meeting',
      related,
    };
  },
  plenum: (cc, n) => {
    const fact = PLENUMS[`${cc}:${n}`];
    const elected = CONGRESS_DATES[cc];
    const when = fact
      ? `It was held in ${fact.date}${fact.outcome ? ` and ${fact.outcome}` : ''}.`
      : 'Its date is not recorded in this glossary.';
    const related: RelatedTerm[] = [
      { id: 'plenary-session', relation: 'see-also' },
      { id: `pattern:plenums:${cc}`, relation: 'part-of' },
    ];
    if (n > 1) related.push({ id: `pattern:plenum:${cc}:${n - 1}`, relation: 'successor-of' });
    return {
      simplified: `${formatChineseNumeral(cc)}届${formatChineseNumeral(n)}中全会`,
      traditional: `${formatChineseNumeral(cc)}屆${formatChineseNumeral(n)}中全會`,
      pinyin: `${numeralPinyin(cc)} jiè ${numeralPinyin(n)} zhōng quánhuì`,
      english: {
        gloss: `the ${ordinal(n)} plenary session of the ${ordinal(cc)} CPC Central Committee${fact ? ` (${fact.date})` : ''}`,
      },
      explanation:
        `A full meeting of the Central Committee elected at the ${ordinal(cc)} Party Congress` +
        `${elected ? ` (${elected})` : ''}; this was its ${ordinal(n)}. ${when}`,
      category: 'party-meeting',
      related,
    };
  },
  plenums: (cc) => ({
    simplified: `${formatChineseNumeral(cc)}届历次全会`,
    traditional: `${formatChineseNumeral(cc)}屆歷次全會`,
    pinyin: `${numeralPinyin(cc)} jiè lìcì quánhuì`,
    english: {
      gloss: `all plenary sessions of the ${ordinal(cc)} CPC Central Committee held so far`,
    },
    explanation:
      `Refers together to every plenum the ${ordinal(cc)} Central Committee has held up to the ` +
      `date of the text, typically in "the spirit of the ${ordinal(cc)} Party Congress and of ` +
      'all plenums of the Central Committee". Which plenums it covers depends on when the text was written.',
    category: 'party-meeting',
    related: [
      { id: 'plenary-session', relation: 'see-also' },
      { id: `pattern:congress:${cc}`, relation: 'see-also' },
    ],
  }),
  ccdi: (cc, n) => ({
    simplified: `${formatChineseNumeral(cc)}届中央纪委${formatChineseNumeral(n)}次全会`,
    traditional: `${formatChineseNumeral(cc)}屆中央紀委${formatChineseNumeral(n)}次全會`,
    pinyin: `${numeralPinyin(cc)} jiè zhōngyāng jìwěi ${numeralPinyin(n)} cì quánhuì`,
    english: {
      gloss: `the ${ordinal(n)} plenary session of the ${ordinal(cc)} Central Commission for Discipline Inspection`,
    },
    explanation:
      `A full meeting of the Party's discipline commission elected at the ${ordinal(cc)} Party ` +
      'Congress. Apart from the first, held with the congress, these plenums normally meet early ' +
      'in the year and hear the General Secretary speak on discipline and anti-corruption work. ' +
      'Its date is not recorded in this glossary.',
    category: 'discipline',
    related: [{ id: 'ccdi', relation: 'see-also' }],
  }),
  npc: (term, n) => ({
    simplified: `${formatChineseNumeral(term)}届全国人大${formatChineseNumeral(n)}次会议`,
    traditional: `${formatChineseNumeral(term)}屆全國人大${formatChineseNumeral(n)}次會議`,
    pinyin: `${numeralPinyin(term)} jiè quánguó réndà ${numeralPinyin(n)} cì huìyì`,
    english: {
      gloss: `the ${ordinal(n)} session of the ${ordinal(term)} National People's Congress${yearNote(term, n)}`,
    },
    explanation:
      `The ${ordinal(n)} annual full session of the ${ordinal(term)} National People's Congress, ` +
      'which serves a five-year term. It normally opens in early March, together with the CPPCC ' +
      `session (the "two sessions").${sessionYearSentence(term, n)}`,
    category: 'institution',
    related: [
      { id: 'npc', relation: 'part-of' },
      { id: 'two-sessions', relation: 'part-of' },
      { id: `pattern:cppcc:${term}:${n}`, relation: 'see-also' },
    ],
  }),
  npcsc: (term, n) => ({
    simplified: `${formatChineseNumeral(term)}届全国人大常委会第${formatChineseNumeral(n)}次会议`,
    traditional: `${formatChineseNumeral(term)}屆全國人大常委會第${formatChineseNumeral(n)}次會議`,
    pinyin: `${numeralPinyin(term)} jiè quánguó réndà chángwěihuì dì ${numeralPinyin(n)} cì huìyì`,
    english: {
      gloss: `the ${ordinal(n)} session of the Standing Committee of the ${ordinal(term)} National People's Congress`,
    },
    explanation:
      'The NPC Standing Committee passes most national laws between the annual congress ' +
      'sessions and meets roughly every two months; its sessions are numbered from the start of ' +
      'each five-year term. The date of this session is not recorded in this glossary.',
    category: 'institution',
    related: [{ id: 'npc-standing-committee', relation: 'part-of' }],
  }),
  cppcc: (term, n) => ({
    simplified: `${formatChineseNumeral(term)}届全国政协${formatChineseNumeral(n)}次会议`,
    traditional: `${formatChineseNumeral(term)}屆全國政協${formatChineseNumeral(n)}次會議`,
    pinyin: `${numeralPinyin(term)} jiè quánguó zhèngxié ${numeralPinyin(n)} cì huìyì`,
    english: {
      gloss: `the ${ordinal(n)} session of the ${ordinal(term)} National Committee of the Chinese People's Political Consultative Conference${yearNote(term, n)}`,
    },
    explanation:
      `The ${ordinal(n)} annual plenary session of the ${ordinal(term)} CPPCC National ` +
      'Committee, the advisory body that meets alongside the NPC each spring (the "two ' +
      `sessions").${sessionYearSentence(term, n)}`,
    category: 'institution',
    related: [
      { id: 'cppcc', relation: 'part-of' },
      { id: 'two-sessions', relation: 'part-of' },
      { id: `pattern:npc:${term}:${n}`, relation: 'see-also' },
    ],
  }),
};

function sessionYear(term: number, n: number): number | null {
  const start = TERM_START[term];
  return start === undefined ? null : start + n - 1;
}

function yearNote(term: number, n: number): string {
  const year = sessionYear(term, n);
  return year === null ? '' : ` (${year})`;
}

function sessionYearSentence(term: number, n: number): string {
  const year = sessionYear(term, n);
  if (year === null) return ' Its date is not recorded in this glossary.';
  // The 2020 sessions were postponed from March to May by the COVID-19 epidemic.
  if (year === 2020)
    return ' This session met in May 2020, postponed from March by the COVID-19 epidemic.';
  if (year > LAST_CHECKED_YEAR) return ` This session is due in ${year}.`;
  return ` This session met in ${year}.`;
}

/**
 * Words for the segmentation lexicon: the pattern terms readers meet most (recent plans,
 * congresses, plenums), so 二十大 or 二十届四中全会 segment as one word like the entries.
 */
export function patternWords(): string[] {
  const words: string[] = [];
  for (let n = LIMITS.fyp[0]; n <= LIMITS.fyp[1]; n++) words.push(`${formatChineseNumeral(n)}五`);
  for (let n = LIMITS.congressBare[0]; n <= LIMITS.congressBare[1]; n++)
    words.push(`${formatChineseNumeral(n)}大`);
  for (let cc = 16; cc <= 20; cc++) {
    words.push(`${formatChineseNumeral(cc)}届历次全会`);
    for (let n = 1; n <= 7; n++)
      words.push(`${formatChineseNumeral(cc)}届${formatChineseNumeral(n)}中全会`);
  }
  return words;
}
