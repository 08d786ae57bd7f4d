/**
 * Training and cross-validation of the polyphone classifier, shared by the training script
 * (`scripts/train-polyphones.ts`) and the accuracy benchmark (which refits the folds so every
 * figure it prints comes from sentences the model never saw).
 *
 * The model: for each polyphonic character, a multinomial logistic regression over its candidate
 * readings. Features are the context keys of `features.ts` (one weight per candidate each) and
 * the agreement features (a candidate gets a weight when pinyin-pro, the CC-CEDICT word table or
 * a rule proposes it; a global weight shared by every character plus a per-character correction).
 * The shared weights are what lets the model read characters it saw few times: they carry
 * "trust CC-CEDICT over pinyin-pro" from the characters that have data to those that have little.
 *
 * Fitted by AdaGrad on the log loss with L2 regularisation. Node only (reads the data and the
 * dictionary), never imported by extension code.
 */
import { readFileSync } from 'node:fs';
import { loadCedictFromDisk, loadWordListFromDisk } from '../../utils/dict/load-node';
import { baseReadings, segmentText } from '../../utils/zh/analyze';
import { readingsOf } from '../../utils/zh/pinyin-pro-readings';
import { contextKeys, featureText } from '../../utils/zh/polyphones/features';
import {
  AGREEMENT_KEY,
  agreementsOf,
  bestReading,
  classifierDecides,
  scoreCandidates,
  witnessesAt,
  type Witnesses,
} from '../../utils/zh/polyphones/disambiguate';
import {
  AGREEMENTS,
  formatPolyphoneModel,
  parsePolyphoneModel,
  type Agreement,
  type CharModel,
  type ModelHeader,
  type PolyphoneModel,
} from '../../utils/zh/polyphones/model-format';
import { buildWordReadings } from '../../utils/zh/polyphones/word-readings';
import { createLexicon, type Lexicon } from '../../utils/zh/segment';
import { readSharedText, sharedDir, type CppSentence } from '../bench/lib/shared-data';

export interface Hyper {
  /** AdaGrad base step. */
  readonly rate: number;
  /** L2 penalty of the bias and agreement weights, applied at every update of that weight. */
  readonly l2: number;
  /** L2 penalty of the context weights: higher, since a context key seen in two sentences
   * should not outweigh pinyin-pro and the dictionary agreeing. */
  readonly l2Context: number;
  readonly epochs: number;
  /** Weights whose magnitude stays under this are dropped from the file (size, not accuracy). */
  readonly prune: number;
  /** Integer scale of the stored weights. */
  readonly scale: number;
  readonly seed: number;
  /** Fit only on the occurrences the classifier will read (not inside agreed dictionary words). */
  readonly fitDecidedOnly: boolean;
}

export const DEFAULT_HYPER: Hyper = {
  rate: 0.3,
  l2: 1e-4,
  l2Context: 1e-3,
  epochs: 12,
  prune: 0.02,
  scale: 100,
  seed: 8,
  fitDecidedOnly: true,
};

/** One annotated occurrence, prepared once: its features do not depend on the weights. */
export interface Example {
  readonly sentence: number;
  readonly char: string;
  readonly gold: string;
  readonly keys: readonly string[];
  readonly witnesses: Witnesses;
}

/** Everything the trainer reads besides the sentences: candidates, lexicon, word table. */
export interface TrainingInputs {
  /** Candidate readings per character from `POLYPHONIC_CHARS.txt` (g2pW's list). */
  readonly candidates: ReadonlyMap<string, readonly string[]>;
  readonly lexicon: Lexicon;
  readonly words: ReadonlyMap<string, readonly string[]>;
}

/** Reads the candidate list and builds the lexicon and the CC-CEDICT word table. */
export function loadTrainingInputs(): TrainingInputs {
  const candidates = new Map<string, string[]>();
  for (const line of readSharedText('data/cpp/POLYPHONIC_CHARS.txt').split(/\r?\n/)) {
    const [char, reading] = line.split('\t');
    if (!char || !reading) continue;
    const list = candidates.get(char) ?? [];
    const normal = reading.trim().replace('u:', 'v');
    if (!list.includes(normal)) list.push(normal);
    candidates.set(char, list);
  }
  const wordList = loadWordListFromDisk();
  const lexicon = createLexicon(wordList);
  const words = buildWordReadings(
    loadCedictFromDisk(),
    new Set(candidates.keys()),
    (word) => readingsOf(word),
    new Set(wordList),
  );
  return { candidates, lexicon, words };
}

/** The commit of the data, from the data README (`commit <hex>`), for the model's header. */
export function cppDataCommit(): string {
  const readme = readFileSync(`${sharedDir()}/data/cpp/README.md`, 'utf8');
  return /commit ([0-9a-f]{7,40})/.exec(readme)?.[1] ?? 'unknown';
}

/** Prepares the examples: segmentation, pinyin-pro and the witnesses, exactly as `analyze`. */
export function prepareExamples(
  sentences: readonly CppSentence[],
  inputs: TrainingInputs,
): Example[] {
  return sentences.map((s, sentence) => {
    const segmentation = segmentText(s.text, inputs.lexicon);
    const text = featureText(s.text, segmentation.boundaries);
    const readings = baseReadings(s.text, segmentation);
    const keys: string[] = [];
    contextKeys(text, s.index, keys);
    const witnesses = witnessesAt(text, s.index, readings, inputs.words);
    return { sentence, char: s.char, gold: s.gold, keys, witnesses };
  });
}

/** The candidates of each character: the list's readings, then any gold reading it lacks. */
export function candidateReadings(
  inputs: TrainingInputs,
  examples: readonly Example[],
): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const [char, list] of inputs.candidates) result.set(char, [...list]);
  for (const e of examples) {
    const list = result.get(e.char) ?? [];
    if (!list.includes(e.gold)) list.push(e.gold);
    result.set(e.char, list);
  }
  return result;
}

/** A small seeded generator (mulberry32): the same seed gives the same folds and the same model. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

interface Trainable {
  readonly readings: readonly string[];
  readonly weights: Map<string, Float64Array>;
  readonly squares: Map<string, Float64Array>;
}

/**
 * Fits the model on `examples`. `candidates` lists every character's readings (characters with
 * no example keep their list, and only the shared weights speak for them).
 */
export function fitModel(
  examples: readonly Example[],
  candidates: ReadonlyMap<string, readonly string[]>,
  words: ReadonlyMap<string, readonly string[]>,
  hyper: Hyper,
): PolyphoneModel {
  const chars = new Map<string, Trainable>();
  for (const [char, readings] of candidates) {
    chars.set(char, { readings, weights: new Map(), squares: new Map() });
  }
  const shared = new Float64Array(AGREEMENTS.length);
  const sharedSquares = new Float64Array(AGREEMENTS.length);
  const random = seededRandom(hyper.seed);
  const order = examples.map((_, i) => i);
  const vectorOf = (c: Trainable, key: string) => {
    let vector = c.weights.get(key);
    if (!vector) {
      vector = new Float64Array(c.readings.length);
      c.weights.set(key, vector);
      c.squares.set(key, new Float64Array(c.readings.length));
    }
    return vector;
  };
  const step = (
    vector: Float64Array,
    squares: Float64Array,
    j: number,
    gradient: number,
    l2 = hyper.l2,
  ) => {
    const g = gradient + l2 * (vector[j] ?? 0);
    const square = (squares[j] ?? 0) + g * g;
    squares[j] = square;
    vector[j] = (vector[j] ?? 0) - (hyper.rate * g) / Math.sqrt(square + 1e-8);
  };

  for (let epoch = 0; epoch < hyper.epochs; epoch++) {
    for (const index of shuffle(order, random)) {
      const e = examples[index] as Example;
      const c = chars.get(e.char);
      if (!c || (hyper.fitDecidedOnly && !classifierDecides(e.witnesses))) continue;
      const model = snapshotOne(c, shared);
      const { readings, scores } = scoreCandidates(model.model, model.char, e.keys, e.witnesses);
      const probabilities = softmax(scores);
      const own = c.readings.length;
      for (let j = 0; j < readings.length; j++) {
        const gradient = (probabilities[j] as number) - (readings[j] === e.gold ? 1 : 0);
        if (Math.abs(gradient) < 1e-6) continue;
        if (j < own) {
          for (const key of e.keys) {
            const l2 = key === 'b' ? hyper.l2 : hyper.l2Context;
            step(vectorOf(c, key), c.squares.get(key) as Float64Array, j, gradient, l2);
          }
        }
        for (const agreement of agreementsOf(e.witnesses, readings[j] as string)) {
          const a = AGREEMENTS.indexOf(agreement);
          step(shared, sharedSquares, a, gradient);
          if (j < own) {
            const key = AGREEMENT_KEY + agreement;
            step(vectorOf(c, key), c.squares.get(key) as Float64Array, j, gradient);
          }
        }
      }
    }
  }
  const finalChars = new Map<string, CharModel>();
  for (const [char, c] of chars) {
    const weights = new Map<string, Float64Array>();
    for (const [key, vector] of c.weights) {
      if (vector.some((w) => Math.abs(w) >= hyper.prune)) weights.set(key, vector);
    }
    finalChars.set(char, { readings: c.readings, weights });
  }
  return { header: {}, agreements: agreementRecord(shared), chars: finalChars, words };
}

/** A one-character view of the weights being trained, for `scoreCandidates`. */
function snapshotOne(
  c: Trainable,
  shared: Float64Array,
): { model: PolyphoneModel; char: CharModel } {
  const char: CharModel = { readings: c.readings, weights: c.weights };
  return {
    model: { header: {}, agreements: agreementRecord(shared), chars: new Map(), words: new Map() },
    char,
  };
}

function agreementRecord(values: Float64Array): Record<Agreement, number> {
  return Object.fromEntries(AGREEMENTS.map((a, i) => [a, values[i] ?? 0])) as Record<
    Agreement,
    number
  >;
}

function softmax(scores: readonly number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((x) => x / sum);
}

/** Writes and re-reads the model: what is scored is exactly what the file holds. */
export function roundTrip(
  model: PolyphoneModel,
  header: ModelHeader,
  hyper: Hyper,
): PolyphoneModel {
  return parsePolyphoneModel(formatPolyphoneModel(model, header, hyper.scale));
}

/** The classifier's reading of one prepared example. */
export function predict(model: PolyphoneModel, e: Example): string {
  const charModel = model.chars.get(e.char);
  if (!charModel || !classifierDecides(e.witnesses)) {
    return e.witnesses.rule || e.witnesses.word || e.witnesses.pro;
  }
  const { readings, scores } = scoreCandidates(model, charModel, e.keys, e.witnesses);
  return bestReading(readings, scores, e.witnesses.pro);
}

/** Fold number (0 … k−1) of each sentence: a seeded shuffle cut into k near-equal parts. */
export function assignFolds(count: number, k: number, seed: number): Int32Array {
  const order = shuffle(
    Array.from({ length: count }, (_, i) => i),
    seededRandom(seed ^ 0x5eed),
  );
  const folds = new Int32Array(count);
  order.forEach((sentence, position) => (folds[sentence] = position % k));
  return folds;
}

export interface CrossValidation {
  readonly k: number;
  /** Accuracy of each fold on its held-out sentences. */
  readonly foldAccuracy: readonly number[];
  /** Mean of the fold accuracies. */
  readonly mean: number;
  /** Held-out prediction for every example (each sentence is predicted by the one model that
   * did not see it). */
  readonly predictions: readonly string[];
  readonly folds: Int32Array;
  /** The fold models, each fitted without its fold (the benchmark runs `analyze` with them). */
  readonly models: readonly PolyphoneModel[];
}

/** k-fold cross-validation, folds by sentence; a sentence is never scored by a model fitted on it. */
export function crossValidate(
  examples: readonly Example[],
  inputs: TrainingInputs,
  hyper: Hyper,
  k = 5,
): CrossValidation {
  const folds = assignFolds(examples.length, k, hyper.seed);
  const predictions = new Array<string>(examples.length).fill('');
  const foldAccuracy: number[] = [];
  const models: PolyphoneModel[] = [];
  for (let fold = 0; fold < k; fold++) {
    const train = examples.filter((e) => folds[e.sentence] !== fold);
    const test = examples.filter((e) => folds[e.sentence] === fold);
    const model = roundTrip(
      fitModel(train, candidateReadings(inputs, train), inputs.words, hyper),
      { fold: `${fold + 1} of ${k}` },
      hyper,
    );
    models.push(model);
    let correct = 0;
    for (const e of test) {
      const reading = predict(model, e);
      predictions[e.sentence] = reading;
      if (reading === e.gold) correct++;
    }
    foldAccuracy.push(test.length === 0 ? 0 : correct / test.length);
  }
  const mean = foldAccuracy.reduce((a, b) => a + b, 0) / k;
  return { k, foldAccuracy, mean, predictions, folds, models };
}
