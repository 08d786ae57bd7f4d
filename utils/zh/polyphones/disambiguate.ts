/**
 * The polyphone layer of `analyze`: after pinyin-pro has read the text, each polyphonic character
 * gets the reading its context supports. Three witnesses, then a judge:
 *
 *   1. pinyin-pro's reading (already in `readings`);
 *   2. CC-CEDICT's reading of the dictionary word holding the character, from the model's word
 *      table (only words where CC-CEDICT and pinyin-pro disagree are stored: the rest add nothing);
 *   3. the hand-written rules for particles and news polyphones (`rules.ts`);
 *   4. the classifier: a linear model per character over the context (`features.ts`) and over
 *      which witness proposed which reading, fitted on CPP by `scripts/train-polyphones.ts`.
 *
 * The layers can be switched off one by one, so the benchmark shows what each adds.
 */
import { contextKeys, featureText, type FeatureText } from './features';
import type { Agreement, CharModel, PolyphoneModel } from './model-format';
import { ruleReading } from './rules';

/** Which layers run; all by default. Without the classifier, a later witness overrides an earlier
 * one (word over pinyin-pro, rule over word). */
export interface PolyphoneLayers {
  readonly words?: boolean;
  readonly rules?: boolean;
  readonly classifier?: boolean;
}

/** The readings proposed for one occurrence of a polyphonic character. */
export interface Witnesses {
  readonly pro: string;
  /** The character is part of a multi-character word of the segmentation. */
  readonly inWord: boolean;
  /** CC-CEDICT's reading from the word table, '' when the word is not in it. */
  readonly word: string;
  /** The rules' reading, '' when none applies. */
  readonly rule: string;
  /** The rule's reading is firm: final, the classifier does not weigh it. */
  readonly firm: boolean;
}

/** The witnesses for the character at code point `i`. */
export function witnessesAt(
  text: FeatureText,
  i: number,
  readings: readonly string[],
  words: ReadonlyMap<string, readonly string[]>,
): Witnesses {
  const w = text.wordOf[i] as number;
  const start = text.wordStarts[w] as number;
  const end = text.wordStarts[w + 1] as number;
  let word = '';
  if (end - start > 1) {
    let key = '';
    for (let k = start; k < end; k++) key += text.chars[k] as string;
    word = words.get(key)?.[i - start] ?? '';
  }
  const rule = ruleReading(text, i);
  return {
    pro: readings[i] ?? '',
    inWord: end - start > 1,
    word,
    rule: rule.reading,
    firm: rule.firm,
  };
}

/**
 * Whether the classifier reads this occurrence. Inside a dictionary word on whose reading
 * pinyin-pro and CC-CEDICT agree (the word table has no entry for it), the word's reading stands:
 * on CPP dev it is right 98 % of the time, and a model fitted on ≤ 20 sentences per character
 * would otherwise override 着力, 人参 or 便宜 with whatever reading its character had most often.
 */
export function classifierDecides(witnesses: Witnesses): boolean {
  return !witnesses.firm && (!witnesses.inWord || witnesses.word !== '');
}

/** Which agreement features a candidate reading gets from these witnesses. */
export function agreementsOf(witnesses: Witnesses, reading: string): Agreement[] {
  const found: Agreement[] = [];
  if (reading === witnesses.pro) found.push(witnesses.inWord ? 'proInWord' : 'proAlone');
  if (reading === witnesses.word) found.push('word');
  if (reading === witnesses.rule) found.push('rule');
  return found;
}

/** Prefix of the per-character agreement keys (`=word`): they fire for one candidate only. */
export const AGREEMENT_KEY = '=';

/**
 * Scores every candidate of one occurrence: the character's own readings first, then any reading
 * a witness proposed that the character's list lacks (it gets only the global weights).
 */
export function scoreCandidates(
  model: PolyphoneModel,
  charModel: CharModel,
  keys: readonly string[],
  witnesses: Witnesses,
): { readings: string[]; scores: number[] } {
  const readings = [...charModel.readings];
  for (const extra of [witnesses.pro, witnesses.word, witnesses.rule]) {
    if (extra !== '' && !readings.includes(extra)) readings.push(extra);
  }
  const scores = new Array<number>(readings.length).fill(0);
  const own = charModel.readings.length;
  for (const key of keys) {
    const vector = charModel.weights.get(key);
    if (vector)
      for (let j = 0; j < own; j++) scores[j] = (scores[j] as number) + (vector[j] as number);
  }
  for (let j = 0; j < readings.length; j++) {
    for (const agreement of agreementsOf(witnesses, readings[j] as string)) {
      let score = model.agreements[agreement];
      if (j < own) score += charModel.weights.get(AGREEMENT_KEY + agreement)?.[j] ?? 0;
      scores[j] = (scores[j] as number) + score;
    }
  }
  return { readings, scores };
}

/** The best-scoring reading; on a tie, pinyin-pro's, then the earliest candidate. */
export function bestReading(
  readings: readonly string[],
  scores: readonly number[],
  pro: string,
): string {
  let best = 0;
  for (let j = 1; j < readings.length; j++) {
    const delta = (scores[j] as number) - (scores[best] as number);
    if (delta > 0 || (delta === 0 && readings[j] === pro)) best = j;
  }
  return readings[best] ?? pro;
}

/**
 * Rewrites `readings` (one per code point of `text`, tone-number form, from `readingsOf`) where
 * the polyphone layer decides otherwise, and returns it. `wordEnds` are the end offsets (UTF-16)
 * of the segmentation's words, the last being `text.length`; without a lexicon every character
 * is its own word and only the rules and the context keys speak.
 */
export function disambiguatePolyphones(
  text: string,
  wordEnds: readonly number[],
  readings: string[],
  model: PolyphoneModel,
  layers: PolyphoneLayers = {},
): string[] {
  const useWords = layers.words ?? true;
  const useRules = layers.rules ?? true;
  const useClassifier = layers.classifier ?? true;
  const prepared = featureText(text, wordEnds);
  const noWords = new Map<string, readonly string[]>();
  const keys: string[] = [];
  for (let i = 0; i < prepared.chars.length; i++) {
    const charModel = model.chars.get(prepared.chars[i] as string);
    if (!charModel || !readings[i]) continue;
    const witnesses = witnessesAt(prepared, i, readings, useWords ? model.words : noWords);
    if (
      !useClassifier ||
      !classifierDecides(useRules ? witnesses : { ...witnesses, firm: false })
    ) {
      const rule = useRules ? witnesses.rule : '';
      readings[i] = rule || witnesses.word || witnesses.pro;
      continue;
    }
    keys.length = 0;
    contextKeys(prepared, i, keys);
    const scored = scoreCandidates(
      model,
      charModel,
      keys,
      useRules ? witnesses : { ...witnesses, rule: '', firm: false },
    );
    readings[i] = bestReading(scored.readings, scored.scores, witnesses.pro);
  }
  return readings;
}
