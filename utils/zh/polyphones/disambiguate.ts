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
import {
  addContextWeights,
  featureText,
  indexContextWeights,
  wordAt,
  type ContextIndex,
  type FeatureText,
  type WeightVector,
} from './features';
import { AGREEMENTS, type Agreement, type CharModel, type PolyphoneModel } from './model-format';
import type { WordNumbers } from '../pinyin';
import { NOT_A_WORD, type Lexicon } from '../segment';
import { hasRule, RULE_WORDS, ruleReading, type RuleReading } from './rules';

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

/** The witnesses for the character at code point `i` (in word `w`; `rule` when the caller has
 * already asked the rules). */
export function witnessesAt(
  text: FeatureText,
  i: number,
  readings: readonly string[],
  words: ReadonlyMap<string, readonly string[]>,
  w: number = text.wordOf(i),
  rule: RuleReading = ruleReading(text, i),
): Witnesses {
  const start = text.wordStarts[w] as number;
  const end = text.wordStarts[w + 1] as number;
  const word = end - start > 1 ? (words.get(wordAt(text, w))?.[i - start] ?? '') : '';
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
 *
 * `words`: the lexicon numbers of the words (as `segmentText` gives them, `wordEnds` being its
 * boundaries), only when `readings` were read word by word, each word's the same wherever it
 * stands (`baseReadings` without tone sandhi). The layer then remembers which words it can skip.
 */
export function disambiguatePolyphones(
  text: string,
  wordEnds: readonly number[],
  readings: string[],
  model: PolyphoneModel,
  layers: PolyphoneLayers = {},
  words?: WordNumbers,
): string[] {
  const useWords = layers.words ?? true;
  const useRules = layers.rules ?? true;
  const useClassifier = layers.classifier ?? true;
  const prepared = featureText(text, wordEnds);
  const { at, codeAt, wordStarts, unitStarts } = prepared;
  const table = useWords ? model.words : NO_WORDS;
  const mask = polyphoneMask(model);
  const byUnit = charModelsByUnit(model);
  const starts = useWords ? wordStartKeys(model) : RULE_WORD_STARTS;
  // The lexicon's verdicts apply only when word w is the word ending at wordEnds[w + 1] (the
  // boundaries of `analyze`) and every layer runs, as they were when the verdict was reached.
  const numbers =
    words && useWords && useRules && useClassifier && wordEnds[0] === 0 && wordStarts === wordEnds
      ? words.numbers
      : null;
  const verdicts = numbers && words ? verdictsFor(model, words.lexicon) : null;
  /** Decides the readings of word w; true when nothing it did depended on the words around it and
   * it left every reading as it found it (see `verdictsFor`). */
  /** `rule`: the rules' answer for a lone character, when the caller has it (its verdict is
   * then kept per answer, so the rule does not unsettle it). */
  const decideWord = (w: number, rule?: RuleReading): boolean => {
    const start = wordStarts[w] as number;
    const end = wordStarts[w + 1] as number;
    if (end - start > 1) {
      // Inside a dictionary word that is not in the word table (pinyin-pro and CC-CEDICT
      // agree) and that no rule reads, every reading stands as it is. Most polyphone words are
      // not in the table: a set of (first unit, length) pairs rules them out before the word is
      // cut out of the text and hashed.
      const unitStart = unitStarts[w] as number;
      const units = (unitStarts[w + 1] as number) - unitStart;
      if (!starts.has(startKey(text.charCodeAt(unitStart), units))) return true;
      const word = wordAt(prepared, w);
      if (!table.has(word) && !(useRules && RULE_WORDS.has(word))) return true;
    }
    let settled = true;
    for (let i = start; i < end; i++) {
      // A BMP character is found by its code unit, without making a string of it.
      const code = codeAt(i);
      const place = code < 0x10000 ? (byUnit.places[code] as number) : -1;
      const charModel =
        place > 0
          ? byUnit.models[place - 1]
          : place === 0
            ? undefined
            : model.chars.get(at(i) as string);
      if (!charModel || !readings[i]) continue;
      const ruled = code >= 0x10000 || hasRule(code);
      // A rule reads the neighbours: what it says here may not hold in the next sentence.
      if (ruled && !rule) settled = false;
      // A character standing alone, with one reading of its own which pinyin-pro gave, and no
      // rule: every witness agrees, so the reading stands (和, 上, 大 … most of the text's
      // polyphone occurrences) without building the witnesses.
      if (
        end - start === 1 &&
        charModel.readings.length === 1 &&
        readings[i] === charModel.readings[0] &&
        !ruled
      )
        continue;
      const pro = readings[i];
      const found = witnessesAt(prepared, i, readings, table, w, rule);
      const witnesses = useRules ? found : { ...found, rule: '', firm: false };
      if (!useClassifier || !classifierDecides(witnesses)) {
        readings[i] = witnesses.rule || witnesses.word || witnesses.pro;
      } else {
        // A character with one reading of its own, which every witness proposes: nothing to
        // weigh (the same answer `classify` gives, at no cost; 的 alone is 2–3 % of news text).
        const only = charModel.readings.length === 1 ? charModel.readings[0] : undefined;
        if (
          only === witnesses.pro &&
          (witnesses.word === '' || witnesses.word === only) &&
          (witnesses.rule === '' || witnesses.rule === only)
        ) {
          readings[i] = only;
        } else {
          const index = classifierIndex(model, charModel);
          const certain = certainReading(index, charModel, witnesses);
          if (certain !== '') {
            readings[i] = certain;
          } else {
            // The context was weighed.
            settled = false;
            readings[i] = scoreReading(index, charModel, prepared, i, witnesses);
          }
        }
      }
      if (readings[i] !== pro) settled = false;
    }
    return settled;
  };
  const decideNumbered = (w: number): void => {
    if (!verdicts || !numbers) {
      decideWord(w);
      return;
    }
    // Lone characters are not lexicon words (the lexicon holds words of two characters or more):
    // they are remembered by code unit, after the lexicon's numbers.
    const number = numbers[w + 1] ?? NOT_A_WORD;
    const unit = unitStarts[w] as number;
    const key =
      number !== NOT_A_WORD
        ? number + 0x10000
        : (unitStarts[w + 1] as number) - unit === 1
          ? text.charCodeAt(unit)
          : -1;
    if (key < 0) {
      decideWord(w);
      return;
    }
    if (key < 0x10000 && hasRule(key)) {
      // A lone character with a rule (的, 了, 为 …): its verdict holds for one answer of the rule,
      // which is worked out first. 的 alone is 2–3 % of news text and its rule nearly always says
      // de5, which settles it.
      const rule = ruleReading(prepared, wordStarts[w] as number);
      const byRule = verdicts.byRule(key);
      const known = byRule.get(rule) ?? UNKNOWN;
      if (known === SETTLED) return;
      const settled = decideWord(w, rule);
      if (known === UNKNOWN) byRule.set(rule, settled ? SETTLED : CONTEXTUAL);
      return;
    }
    const known = verdicts.get(key);
    if (known === SETTLED) return;
    const settled = decideWord(w);
    if (known === UNKNOWN) verdicts.set(key, settled ? SETTLED : CONTEXTUAL);
  };
  // Only words holding a character of the model are looked at: most words hold none.
  if (prepared.size === text.length) {
    // No surrogate pairs (nearly every text): code point i is code unit i, so one pass over the
    // units, one byte read each, finds those words.
    // The word holding unit i is found by walking the word starts along with i.
    let w = 0;
    let last = -1;
    for (let i = 0; i < text.length; i++) {
      if (mask[text.charCodeAt(i)] !== 1) continue;
      while ((wordStarts[w + 1] as number) <= i) w++;
      if (w === last) continue;
      last = w;
      decideNumbered(w);
    }
  } else {
    for (let w = 0; w + 1 < wordStarts.length; w++) {
      for (let u = unitStarts[w] as number; u < (unitStarts[w + 1] as number); u++) {
        if (mask[text.charCodeAt(u)] === 1) {
          decideNumbered(w);
          break;
        }
      }
    }
  }
  return readings;
}

const NO_WORDS: ReadonlyMap<string, readonly string[]> = new Map();

/** What the layer found the first time it decided a lexicon word (`Verdicts`). */
const UNKNOWN = 0;
/** Every reading of the word stood, and nothing around the word was read to decide so. */
const SETTLED = 1;
/** A rule or the classifier's context weights had their say, or a reading changed. */
const CONTEXTUAL = 2;

/**
 * The layer's verdict on each word of a lexicon, by word number. Given the word alone, the base
 * readings (`readingsByWord`, `readingsFromTable`: one reading list per word), the word table and
 * the classifier's bound (`certainReading`) give the same answer wherever the word stands; only
 * the rules and a full scoring look at the neighbours. A word settled once (most of a page's
 * polyphone words: 行 in 银行 is in no table and no rule) is skipped everywhere after, without
 * building its witnesses again.
 */
class Verdicts {
  /** Lone BMP characters by code unit, then lexicon word n at 0x10000 + n. */
  private values = new Uint8Array(0x10000 + 4096);

  get(number: number): number {
    return this.values[number] ?? UNKNOWN;
  }

  /** Verdicts on a lone character with a rule, by the rule's (interned) answer. */
  byRule(unit: number): Map<RuleReading, number> {
    let verdicts = this.ruled.get(unit);
    if (!verdicts) this.ruled.set(unit, (verdicts = new Map<RuleReading, number>()));
    return verdicts;
  }

  private readonly ruled = new Map<number, Map<RuleReading, number>>();

  set(number: number, verdict: number): void {
    if (number >= this.values.length) {
      // Lexicons grow (personal terms): double rather than size to the lexicon up front.
      const grown = new Uint8Array(Math.max(number + 1, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[number] = verdict;
  }
}

const verdictsByModel = new WeakMap<PolyphoneModel, WeakMap<Lexicon, Verdicts>>();

function verdictsFor(model: PolyphoneModel, lexicon: Lexicon): Verdicts {
  let byLexicon = verdictsByModel.get(model);
  if (!byLexicon) verdictsByModel.set(model, (byLexicon = new WeakMap()));
  let verdicts = byLexicon.get(lexicon);
  if (!verdicts) byLexicon.set(lexicon, (verdicts = new Verdicts()));
  return verdicts;
}

/** A word's first UTF-16 unit and its length in units, as one number. */
const startKey = (unit: number, units: number) => unit * 64 + Math.min(units, 63);

const startKeysOf = (words: Iterable<string>) =>
  new Set(Array.from(words, (word) => startKey(word.charCodeAt(0), word.length)));

const RULE_WORD_STARTS = startKeysOf(RULE_WORDS);
const wordStarts = new WeakMap<PolyphoneModel, Set<number>>();

/** The start keys of the model's table words and the rule words. */
function wordStartKeys(model: PolyphoneModel): Set<number> {
  let keys = wordStarts.get(model);
  if (!keys) {
    keys = startKeysOf([...model.words.keys(), ...RULE_WORDS]);
    wordStarts.set(model, keys);
  }
  return keys;
}

/** The model's BMP characters by code unit: their place in a list + 1 (a typed index costs a
 * page nothing to make, where an array of 65,536 slots costs it a millisecond or more). */
interface UnitIndex {
  readonly places: Int32Array;
  readonly models: readonly CharModel[];
}

const unitIndexes = new WeakMap<PolyphoneModel, UnitIndex>();

function charModelsByUnit(model: PolyphoneModel): UnitIndex {
  let index = unitIndexes.get(model);
  if (!index) {
    const places = new Int32Array(0x10000);
    const models: CharModel[] = [];
    for (const [char, charModel] of model.chars) {
      if (char.length !== 1) continue;
      models.push(charModel);
      places[char.charCodeAt(0)] = models.length;
    }
    index = { places, models };
    unitIndexes.set(model, index);
  }
  return index;
}

/** 1 for each UTF-16 unit that is a character of the model: the scan that skips the words no
 * polyphone is in reads one byte per character instead of looking each up in a Map. */
const masks = new WeakMap<PolyphoneModel, Uint8Array>();

function polyphoneMask(model: PolyphoneModel): Uint8Array {
  let mask = masks.get(model);
  if (mask) return mask;
  mask = new Uint8Array(65536);
  for (const char of model.chars.keys()) {
    // A character outside the BMP marks both its surrogates: the word is then looked at fully.
    for (let u = 0; u < char.length; u++) mask[char.charCodeAt(u)] = 1;
  }
  masks.set(model, mask);
  return mask;
}

/** Each character's weights arranged for `addContextWeights`, built on first use. */
const indexes = new WeakMap<CharModel, ClassifierIndex>();

/** What `classify` needs of one character, looked up once. */
interface ClassifierIndex {
  readonly context: ContextIndex;
  /** The per-character weights of each agreement, in the order of AGREEMENTS. */
  readonly agreements: readonly (ArrayLike<number> | undefined)[];
  /** The global weight of each agreement, in the same order. */
  readonly global: readonly number[];
  /**
   * `lead[p * own + j]`: the most the context can add to reading j's score over reading p's,
   * whatever the context (the bias difference, plus for each feature slot the largest gain any
   * of its keys gives j over p; a slot holds at most one key per occurrence). When that and the
   * witnesses' agreements still leave p ahead of every j, p is the answer without scoring.
   */
  readonly lead: Float64Array;
}

function classifierIndex(model: PolyphoneModel, charModel: CharModel): ClassifierIndex {
  let index = indexes.get(charModel);
  if (!index) {
    const context = indexContextWeights(charModel.weights);
    index = {
      context,
      agreements: AGREEMENTS.map((a) => charModel.weights.get(AGREEMENT_KEY + a)),
      global: AGREEMENTS.map((a) => model.agreements[a]),
      lead: contextLeads(context, charModel.readings.length),
    };
    indexes.set(charModel, index);
  }
  return index;
}

function contextLeads(context: ContextIndex, own: number): Float64Array {
  const lead = new Float64Array(own * own);
  const slots: Iterable<WeightVector | undefined>[] = [
    // Array.from visits the holes of these sparse arrays (index 0 is unused), map would not.
    ...Array.from(context.before, (m) => m?.values() ?? []),
    ...Array.from(context.after, (m) => m?.values() ?? []),
    [...(context.left?.values() ?? [])].flatMap((m) => [...m.values()]),
    [...(context.right?.values() ?? [])].flatMap((m) => [...m.values()]),
    [...(context.middle?.values() ?? [])].flatMap((m) => [...m.values()]),
    [...(context.word?.values() ?? [])].flat(),
    context.prevWord?.values() ?? [],
    context.nextWord?.values() ?? [],
  ];
  const most = new Float64Array(own * own);
  for (const slot of slots) {
    most.fill(0);
    for (const vector of slot) {
      if (!vector) continue;
      for (let p = 0; p < own; p++) {
        for (let j = 0; j < own; j++) {
          const gain = (vector[j] as number) - (vector[p] as number);
          if (gain > (most[p * own + j] as number)) most[p * own + j] = gain;
        }
      }
    }
    for (let k = 0; k < lead.length; k++) lead[k] = (lead[k] as number) + (most[k] as number);
  }
  const bias = context.bias;
  if (bias) {
    for (let p = 0; p < own; p++) {
      for (let j = 0; j < own; j++) {
        lead[p * own + j] =
          (lead[p * own + j] as number) + (bias[j] as number) - (bias[p] as number);
      }
    }
  }
  return lead;
}

/**
 * pinyin-pro's reading when no context can overturn it (see `lead`), else ''. Only for the
 * common case where every witness proposes one of the character's own readings.
 */
function certainReading(
  index: ClassifierIndex,
  charModel: CharModel,
  witnesses: Witnesses,
): string {
  const readings = charModel.readings;
  const own = readings.length;
  const p = readings.indexOf(witnesses.pro);
  if (p < 0) return '';
  if (witnesses.word !== '' && !readings.includes(witnesses.word)) return '';
  if (witnesses.rule !== '' && !readings.includes(witnesses.rule)) return '';
  const base = agreementScore(index, witnesses, witnesses.pro, p);
  for (let j = 0; j < own; j++) {
    if (j === p) continue;
    const best =
      (index.lead[p * own + j] as number) +
      agreementScore(index, witnesses, readings[j] as string, j);
    if (best >= base) return '';
  }
  return witnesses.pro;
}

/** Reused score buffer: a character has a handful of readings. */
let buffer = new Float64Array(8);

/**
 * The classifier's reading of one occurrence: the same sum and the same tie-break as
 * `scoreCandidates` + `bestReading` (which the trainer uses), without building key strings,
 * arrays or closures. This is the hot path of the layer.
 */
export function classify(
  model: PolyphoneModel,
  charModel: CharModel,
  text: FeatureText,
  i: number,
  witnesses: Witnesses,
): string {
  const index = classifierIndex(model, charModel);
  const certain = certainReading(index, charModel, witnesses);
  return certain !== '' ? certain : scoreReading(index, charModel, text, i, witnesses);
}

/** The classifier's reading by the full sum over the context. */
function scoreReading(
  index: ClassifierIndex,
  charModel: CharModel,
  text: FeatureText,
  i: number,
  witnesses: Witnesses,
): string {
  const own = charModel.readings.length;
  if (buffer.length < own) buffer = new Float64Array(own * 2);
  const scores = buffer.fill(0, 0, own);
  addContextWeights(text, i, index.context, scores, own);
  const { pro } = witnesses;
  let best = '';
  let bestScore = -Infinity;
  for (let j = 0; j < own; j++) {
    const reading = charModel.readings[j] as string;
    const score = (scores[j] as number) + agreementScore(index, witnesses, reading, j);
    if (j === 0 || score > bestScore || (score === bestScore && reading === pro)) {
      best = reading;
      bestScore = score;
    }
  }
  // Readings a witness proposed that the character's list lacks: global weights only.
  const { word, rule } = witnesses;
  const extras = [pro, word !== pro ? word : '', rule !== pro && rule !== word ? rule : ''];
  for (let e = 0; e < extras.length; e++) {
    const reading = extras[e] as string;
    if (reading === '' || charModel.readings.includes(reading)) continue;
    const score = agreementScore(index, witnesses, reading, -1);
    // pinyin-pro's own reading, for a character without readings of its own, is the first.
    if ((e === 0 && own === 0) || score > bestScore || (score === bestScore && reading === pro)) {
      best = reading;
      bestScore = score;
    }
  }
  return best || pro;
}

/** The agreement weights a candidate earns from the witnesses; `j` is its index among the
 * character's own readings (-1 for a reading only a witness proposed: global weights only). */
function agreementScore(
  index: ClassifierIndex,
  witnesses: Witnesses,
  reading: string,
  j: number,
): number {
  let score = 0;
  for (let a = 0; a < AGREEMENTS.length; a++) {
    const agreement = AGREEMENTS[a] as Agreement;
    const matches =
      agreement === 'word'
        ? reading === witnesses.word
        : agreement === 'rule'
          ? reading === witnesses.rule
          : agreement === (witnesses.inWord ? 'proInWord' : 'proAlone') &&
            reading === witnesses.pro;
    if (!matches) continue;
    score += index.global[a] as number;
    if (j >= 0) score += index.agreements[a]?.[j] ?? 0;
  }
  return score;
}
