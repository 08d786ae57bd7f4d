/**
 * The word-reading layer's table: CC-CEDICT's reading of every dictionary word that holds a
 * polyphonic character, kept only where it disagrees with pinyin-pro's reading of the word.
 * Built at training time (the model file carries it), so the content script needs neither the
 * 9 MB dictionary nor a second pass of pinyin-pro to use it.
 *
 * CC-CEDICT's conventions, brought to ours:
 * - Capitalised syllables mark proper nouns (`Zhong1 guo2`): lower-cased.
 * - `u:` is ü: written `v` (`lu:4` → `lv4`).
 * - Neutral tone is 5 already, erhua 儿 is `r5` (一点儿 yi1 dian3 r5), as in the standard
 *   dictionary.
 * - 一 and 不 are written in citation tones (yi1, bu4). They are not polyphones of the model, so
 *   the table never rewrites them and tone sandhi, when switched on, is left alone.
 * Entries whose syllables do not line up one-to-one with Chinese characters (Latin letters,
 * `·` in names, a few abbreviations) are skipped.
 */
import type { CedictEntry } from '../../dict/cedict-format';

const SYLLABLE = /^[a-z]+[1-5]$/;
const HAN_WORD = /^[\u3400-\u9fff\uf900-\ufaff]{2,}$/;

/** CC-CEDICT pinyin as our tone-number readings, one per syllable; null if any syllable is not a
 * plain toned syllable (a letter, a punctuation mark, a toneless syllable). */
export function cedictReadings(pinyin: string): string[] | null {
  const readings = pinyin.split(' ').map((s) => s.toLowerCase().replace('u:', 'v'));
  return readings.every((r) => SYLLABLE.test(r)) ? readings : null;
}

/**
 * The readings of one word from all its CC-CEDICT entries: the entry whose reading of the
 * polyphonic positions agrees most with `pro` wins ties, common words before proper nouns (a
 * word that is also a surname or place name keeps its common reading).
 */
function chooseEntry(
  candidates: readonly { readings: string[]; proper: boolean }[],
  positions: readonly number[],
  pro: readonly string[],
): string[] | null {
  let best: { readings: string[]; score: number } | null = null;
  for (const { readings, proper } of candidates) {
    const agree = positions.filter((p) => readings[p] === pro[p]).length;
    const score = agree * 2 + (proper ? 0 : 1);
    if (!best || score > best.score) best = { readings, score };
  }
  return best?.readings ?? null;
}

/**
 * Builds the table: word → CC-CEDICT readings, for words (multi-character, all Chinese, in
 * `lexicon` when given, so the segmenter can find them) holding at least one character of
 * `polyphones` at which no CC-CEDICT entry agrees with `readWord(word)` (pinyin-pro's reading of
 * the word alone).
 */
export function buildWordReadings(
  entries: Iterable<CedictEntry>,
  polyphones: ReadonlySet<string>,
  readWord: (word: string) => readonly string[],
  lexicon?: ReadonlySet<string>,
): Map<string, string[]> {
  const byWord = new Map<string, { readings: string[]; proper: boolean }[]>();
  for (const entry of entries) {
    const word = entry.simplified;
    if (!HAN_WORD.test(word) || (lexicon && !lexicon.has(word))) continue;
    const readings = cedictReadings(entry.pinyin);
    if (!readings || readings.length !== Array.from(word).length) continue;
    const proper = /[A-Z]/.test(entry.pinyin);
    const list = byWord.get(word);
    if (list) list.push({ readings, proper });
    else byWord.set(word, [{ readings, proper }]);
  }
  const table = new Map<string, string[]>();
  for (const [word, candidates] of byWord) {
    const chars = Array.from(word);
    const positions = chars.flatMap((c, i) => (polyphones.has(c) ? [i] : []));
    if (positions.length === 0) continue;
    const pro = readWord(word);
    const disagrees = positions.some((p) => !candidates.some((c) => c.readings[p] === pro[p]));
    if (!disagrees) continue;
    const chosen = chooseEntry(candidates, positions, pro);
    if (chosen) table.set(word, chosen);
  }
  return table;
}
