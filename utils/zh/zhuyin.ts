/**
 * Zhuyin (bopomofo) from tone-number pinyin, one syllable at a time: `zhong4` → ㄓㄨㄥˋ.
 *
 * Pinyin spells some finals differently depending on what precedes them (y-/w- in place of a
 * missing initial, ü written u after j q x y, contracted iu/ui/un); zhuyin always writes the full
 * final. So the syllable is first rewritten into its full pinyin final (`jun` → `j` + `ün`,
 * `you` → `iou`, `dui` → `d` + `uei`) and only then mapped symbol by symbol.
 */

const INITIALS: Readonly<Record<string, string>> = {
  b: 'ㄅ',
  p: 'ㄆ',
  m: 'ㄇ',
  f: 'ㄈ',
  d: 'ㄉ',
  t: 'ㄊ',
  n: 'ㄋ',
  l: 'ㄌ',
  g: 'ㄍ',
  k: 'ㄎ',
  h: 'ㄏ',
  j: 'ㄐ',
  q: 'ㄑ',
  x: 'ㄒ',
  zh: 'ㄓ',
  ch: 'ㄔ',
  sh: 'ㄕ',
  r: 'ㄖ',
  z: 'ㄗ',
  c: 'ㄘ',
  s: 'ㄙ',
};

/** Full finals (never the contracted spellings), `ü` for the rounded front vowel. */
const FINALS: Readonly<Record<string, string>> = {
  a: 'ㄚ',
  o: 'ㄛ',
  e: 'ㄜ',
  ê: 'ㄝ',
  ai: 'ㄞ',
  ei: 'ㄟ',
  ao: 'ㄠ',
  ou: 'ㄡ',
  an: 'ㄢ',
  en: 'ㄣ',
  ang: 'ㄤ',
  eng: 'ㄥ',
  er: 'ㄦ',
  i: 'ㄧ',
  ia: 'ㄧㄚ',
  io: 'ㄧㄛ',
  ie: 'ㄧㄝ',
  iai: 'ㄧㄞ',
  iao: 'ㄧㄠ',
  iou: 'ㄧㄡ',
  ian: 'ㄧㄢ',
  in: 'ㄧㄣ',
  iang: 'ㄧㄤ',
  ing: 'ㄧㄥ',
  u: 'ㄨ',
  ua: 'ㄨㄚ',
  uo: 'ㄨㄛ',
  uai: 'ㄨㄞ',
  uei: 'ㄨㄟ',
  uan: 'ㄨㄢ',
  uen: 'ㄨㄣ',
  uang: 'ㄨㄤ',
  ueng: 'ㄨㄥ',
  // Pinyin writes ㄨㄥ as -ong after an initial and ㄩㄥ as (i)ong; both are rewritten below.
  ung: 'ㄨㄥ',
  ü: 'ㄩ',
  üe: 'ㄩㄝ',
  üan: 'ㄩㄢ',
  ün: 'ㄩㄣ',
  üng: 'ㄩㄥ',
};

/**
 * Syllabic consonants and interjections CC-CEDICT and pinyin-pro read for a few characters
 * (呣 m, 嗯 n/ng, 哼 hng, 儿 as an erhua suffix r): they have no vowel, so no final.
 */
const CONSONANT_SYLLABLES: Readonly<Record<string, string>> = {
  m: 'ㄇ',
  n: 'ㄋ',
  ng: 'ㄫ',
  hm: 'ㄏㄇ',
  hng: 'ㄏㄫ',
  r: 'ㄦ',
};

/** zhi chi shi ri zi ci si: the "empty rhyme" -i is not written in zhuyin. */
const EMPTY_RHYME_INITIALS = new Set(['zh', 'ch', 'sh', 'r', 'z', 'c', 's']);

/** Initials that only ever take a final beginning with i or ü (and those that never do). */
const PALATAL_INITIALS = new Set(['j', 'q', 'x']);
const NEVER_PALATAL_INITIALS = new Set(['g', 'k', 'h', 'zh', 'ch', 'sh', 'r', 'z', 'c', 's', 'f']);
/** ü-finals occur only after these (and j q x, where the diaeresis is not written). */
const ROUNDED_INITIALS = new Set(['n', 'l', 'j', 'q', 'x', 'y']);

/** Tones 2–4 follow the syllable; tone 1 is unmarked; the neutral tone goes before it. */
const TONE_SUFFIXES = ['', '', 'ˊ', 'ˇ', 'ˋ'] as const;
const NEUTRAL_TONE = '˙';

/**
 * Converts one tone-number pinyin syllable (`zhong4`, `lv4`, `lu:4`, `de5`; 0 or no digit also
 * mean the neutral tone, as pinyin-pro writes it) into zhuyin with its tone mark: ㄓㄨㄥˋ, ㄌㄩˋ,
 * ˙ㄉㄜ. Anything that is not a Mandarin syllable comes back unchanged, so a caller can always
 * show something.
 */
export function toZhuyin(numbered: string): string {
  const match = /^([a-zêü:]+)([0-5]?)$/.exec(numbered.trim().toLowerCase().normalize('NFC'));
  if (!match) return numbered;
  const letters = (match[1] ?? '').replace(/u:|v/g, 'ü');
  const tone = Number(match[2] || '5');
  const symbols = syllableToSymbols(letters);
  if (!symbols) return numbered;
  if (tone === 0 || tone === 5) return NEUTRAL_TONE + symbols;
  return symbols + (TONE_SUFFIXES[tone] ?? '');
}

/** Bopomofo for a toneless syllable, or null if it is not one. */
function syllableToSymbols(letters: string): string | null {
  const consonant = CONSONANT_SYLLABLES[letters];
  if (consonant) return consonant;
  const [initial, written] = splitInitial(letters);
  if (initial && EMPTY_RHYME_INITIALS.has(initial) && written === 'i') {
    return INITIALS[initial] ?? null;
  }
  const final = fullFinal(initial, written);
  if (final === null || !isPossibleSyllable(initial, final)) return null;
  const finalSymbols = FINALS[final];
  if (!finalSymbols) return null;
  return (initial ? (INITIALS[initial] ?? '') : '') + finalSymbols;
}

/** Splits off the initial consonant; y- and w- are kept as the "initial" for fullFinal. */
function splitInitial(letters: string): [string, string] {
  const two = letters.slice(0, 2);
  if (two === 'zh' || two === 'ch' || two === 'sh') return [two, letters.slice(2)];
  const one = letters.slice(0, 1);
  if (one in INITIALS || one === 'y' || one === 'w') return [one, letters.slice(1)];
  return ['', letters];
}

/** Rewrites a written final into its full form, removing y-/w- (which become the initial ''). */
function fullFinal(initial: string, written: string): string | null {
  if (!written) return null;
  if (initial === 'y') {
    // yu yue yuan yun: ü;  yi yin ying: i already there;  ya yao you yan yang yong: i + final.
    if (written.startsWith('u') || written.startsWith('ü'))
      return expandOng(`ü${written.slice(1)}`);
    if (written.startsWith('i')) return written;
    return expandOng(`i${written}`);
  }
  if (initial === 'w') {
    // wu: u;  wa wo wai wei wan wen wang weng: u + final (wei → uei, wen → uen, wo → uo).
    return written.startsWith('u') ? written : `u${written}`;
  }
  if (PALATAL_INITIALS.has(initial) && written.startsWith('u')) {
    // After j q x the u is always ü: ju jue juan jun.
    return `ü${written.slice(1)}`;
  }
  if ((initial === 'n' || initial === 'l') && written === 'ue') {
    // nüe lüe are sometimes typed without the diaeresis; nue/lue exist in no other reading.
    return 'üe';
  }
  switch (written) {
    case 'iu':
      return 'iou';
    case 'ui':
      return 'uei';
    case 'un':
      return 'uen';
    default:
      return expandOng(written);
  }
}

/** -ong is ㄨㄥ and -iong is ㄩㄥ: pinyin writes them with o to look less like -ung/-üng. */
function expandOng(final: string): string {
  if (final === 'ong') return 'ung';
  if (final === 'iong') return 'üng';
  return final;
}

/**
 * Rejects combinations no Mandarin syllable has, so garbage such as `ji` + `a` spelt `gia`
 * returns unchanged rather than as plausible-looking bopomofo.
 */
function isPossibleSyllable(initial: string, final: string): boolean {
  const rounded = final.startsWith('ü');
  const fronted = final.startsWith('i') || rounded;
  if (PALATAL_INITIALS.has(initial)) return fronted;
  if (NEVER_PALATAL_INITIALS.has(initial) && fronted) return false;
  if (rounded && !ROUNDED_INITIALS.has(initial)) return false;
  // Without an initial, pinyin writes i-, u- and ü- finals with y or w (yi, wu, yu).
  if (initial === '' && (fronted || final.startsWith('u'))) return false;
  // ㄨㄥ stands alone only as weng; after an initial it is spelt -ong.
  if (final === 'ueng' && initial !== 'w') return false;
  if (final === 'ung' && (initial === '' || initial === 'w')) return false;
  // er takes no initial; ê only in the interjection ê (欸).
  if ((final === 'er' || final === 'ê') && initial !== '') return false;
  return true;
}
