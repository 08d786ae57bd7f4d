/**
 * Trains the polyphone model on the CPP dev split and writes `public/polyphones/model.u8`.
 *
 * 1. Prepares every annotated sentence as `analyze` would read it (segmentation, pinyin-pro, the
 *    CC-CEDICT word table, the rules) — `scripts/lib/polyphone-training.ts`.
 * 2. 5-fold cross-validation, folds by sentence: each fold's sentences are read by a model fitted
 *    on the other four, so the reported accuracy is on sentences the model never saw.
 * 3. Fits the final model on all of dev and writes it with a header recording the date, the data,
 *    the hyper-parameters and the cross-validated accuracy.
 *
 * The output is committed (a few hundred kilobytes, see public/polyphones/README.md): CI and a
 * fresh checkout then need neither the shared data nor a training run. Training is deterministic
 * (seeded), so rerunning on the same data and code reproduces the file except for its date.
 *
 * Usage: npx tsx scripts/train-polyphones.ts [--out <file>] [--no-cv]
 *        (TIFA_SHARED points at the shared folder; default ../shared)
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { POLYPHONE_MODEL_FILE } from '../utils/zh/polyphones/model-format';
import { FEATURES_VERSION, WINDOW } from '../utils/zh/polyphones/features';
import { readCppDev, SharedDataMissingError } from './bench/lib/shared-data';
import {
  candidateReadings,
  cppDataCommit,
  crossValidate,
  DEFAULT_HYPER,
  fitModel,
  loadTrainingInputs,
  prepareExamples,
  roundTrip,
  type Hyper,
} from './lib/polyphone-training';
import { formatPolyphoneModel } from '../utils/zh/polyphones/model-format';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const MODEL_PATH = join(ROOT, 'public', 'polyphones', POLYPHONE_MODEL_FILE);
/** Folds of the cross-validation: 5 is the usual choice and keeps 80 % of dev for each fit. */
const K = 5;

function describeHyper(hyper: Hyper): string {
  return (
    `AdaGrad rate ${hyper.rate}, L2 ${hyper.l2}, ${hyper.epochs} epochs, seed ${hyper.seed}, ` +
    `weights under ${hyper.prune} dropped, stored ×${hyper.scale}; context ±${WINDOW} characters, ` +
    `bigrams, word, neighbouring words (features v${FEATURES_VERSION})`
  );
}

function main(): void {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? (args[outAt + 1] ?? MODEL_PATH) : MODEL_PATH;
  const hyper = DEFAULT_HYPER;
  const started = performance.now();
  const inputs = loadTrainingInputs();
  const sentences = readCppDev();
  const examples = prepareExamples(sentences, inputs);
  console.log(
    `[train] ${examples.length} sentences, ${inputs.candidates.size} polyphonic characters, ` +
      `${inputs.words.size} CC-CEDICT words in the table`,
  );

  let cvLine = 'not run (--no-cv)';
  if (!args.includes('--no-cv')) {
    const cv = crossValidate(examples, inputs, hyper, K);
    cvLine =
      `${(cv.mean * 100).toFixed(2)} % (${K}-fold by sentence, mean of folds ` +
      `${cv.foldAccuracy.map((a) => (a * 100).toFixed(2)).join(' / ')})`;
    console.log(`[train] cross-validated accuracy ${cvLine}`);
  }

  const header = {
    date: new Date().toISOString().slice(0, 10),
    data:
      `CPP polyphone benchmark, dev split (${examples.length} sentences), from g2pM ` +
      `(github.com/kakaobrain/g2pM, commit ${cppDataCommit()}), Apache License 2.0; ` +
      'candidate readings from g2pW POLYPHONIC_CHARS.txt, Apache License 2.0',
    words: 'CC-CEDICT (CC BY-SA 4.0) readings where they differ from pinyin-pro 3.29.4',
    model: 'per-character multinomial logistic regression; see utils/zh/polyphones/',
    'hyper-parameters': describeHyper(hyper),
    'cv-accuracy': cvLine,
    'made-by': 'npx tsx scripts/train-polyphones.ts',
  };
  const model = fitModel(examples, candidateReadings(inputs, examples), inputs.words, hyper);
  const text = formatPolyphoneModel(model, header, hyper.scale);
  roundTrip(model, header, hyper); // Refuse to write a file the reader would reject.
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.tmp`, text);
  renameSync(`${out}.tmp`, out);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `[train] wrote ${out}: ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB in ${seconds} s`,
  );
}

try {
  main();
} catch (error) {
  if (!(error instanceof SharedDataMissingError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
