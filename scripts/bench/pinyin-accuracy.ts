/**
 * Pinyin accuracy on the dev split of CPP (the g2pM polyphone benchmark): the reading of the one
 * annotated character of each sentence, against its gold label.
 *
 * The polyphone model is fitted on this very split, so every figure of a system that uses it is
 * taken by 5-fold cross-validation (folds by sentence): the benchmark refits the five fold models
 * (`scripts/lib/polyphone-training.ts`, the same code as `scripts/train-polyphones.ts`) and reads
 * each sentence with the one model that never saw it, three ways:
 *
 * - layer by layer (pinyin-pro alone; + CC-CEDICT word readings; + rules; + classifier), so the
 *   gain of each is visible;
 * - `analyze` in process with the fold models (the full flow, hand-checked word list included);
 * - the `tifa pinyin --format tsv` CLI, once per fold with `--polyphone-model <fold file>`.
 *
 * The committed model, fitted on all of dev, is also run for completeness: that figure is
 * in-sample and says only that the file loads and agrees with training, not how good it is.
 *
 * Usage: npm run bench:pinyin
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { analyze, baseReadings, segmentText, type Token } from '../../utils/zh/analyze';
import { isHanCodePoint } from '../../utils/zh/han';
import {
  disambiguatePolyphones,
  type PolyphoneLayers,
} from '../../utils/zh/polyphones/disambiguate';
import {
  loadPolyphoneModelFromDisk,
  POLYPHONE_MODEL_PATH,
} from '../../utils/zh/polyphones/load-node';
import { formatPolyphoneModel, type PolyphoneModel } from '../../utils/zh/polyphones/model-format';
import type { Lexicon } from '../../utils/zh/segment';
import {
  crossValidate,
  DEFAULT_HYPER,
  loadTrainingInputs,
  prepareExamples,
  type CrossValidation,
} from '../lib/polyphone-training';
import { markdownTable } from './lib/markdown';
import { runIfMain, type BenchReport, type BudgetCheck } from './lib/report';
import { PROJECT_ROOT, readCppDev, type CppSentence } from './lib/shared-data';
import { formatInteger, formatMs, formatPercent, timed } from './lib/stats';

/** Characters with readings that change meaning in political news (长 zhǎng/cháng, 重, 行…). */
const NEWS_POLYPHONES = Array.from('重行长调还为省会参处相都便朝传种量');

/** Folds of the cross-validation, as in the training script. */
const K = 5;
/** The bars of the polyphone issue: accuracy by k-fold, and what the model may add. */
const ACCURACY_BAR = 0.96;
const MODEL_BYTES_BAR = 2 * 1024 * 1024;

type System = 'pinyinPro' | 'analyze' | 'cli';

const SYSTEMS: readonly { key: System; label: string }[] = [
  { key: 'pinyinPro', label: 'pinyin-pro alone' },
  { key: 'analyze', label: '`analyze` (k-fold)' },
  { key: 'cli', label: '`tifa pinyin` CLI (k-fold)' },
];

/** One sentence's annotated character as each system read it (tone-number form, ü as v). */
interface Scored {
  readonly sentence: CppSentence;
  readonly readings: Readonly<Record<System, string>>;
}

/** Brings any tone-number reading to the gold form: ü as `v`, neutral tone as 5. */
function normalizeReading(reading: string): string {
  return reading.trim().toLowerCase().replace('ü', 'v').replace('u:', 'v').replace(/0$/, '5');
}

/** One reading per code point of `text` from `analyze`'s tokens ('' where not Chinese). */
function readingsByCodePoint(text: string, tokens: readonly Token[]): string[] {
  const readings: string[] = [];
  for (const token of tokens) {
    let k = 0;
    for (let i = token.start; i < token.end;) {
      const cp = text.codePointAt(i) ?? 0;
      const han = token.kind === 'word' && isHanCodePoint(cp);
      readings.push(han ? (token.pinyin[k++] ?? '') : '');
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return readings;
}

/**
 * Runs `tifa pinyin --format tsv` once per fold, on that fold's sentences with that fold's model
 * (`--polyphone-model <file>`), and returns one reading per code point for every sentence.
 */
function readWithCli(
  sentences: readonly CppSentence[],
  cv: CrossValidation,
): { lines: string[][]; ms: number; printed: number } {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-bench-'));
  const lines = new Array<string[]>(sentences.length).fill([]);
  let ms = 0;
  let printed = 0;
  try {
    for (let fold = 0; fold < cv.k; fold++) {
      const members = sentences.flatMap((_, i) => (cv.folds[i] === fold ? [i] : []));
      const input = join(dir, `fold-${fold}.txt`);
      const model = join(dir, `fold-${fold}.u8`);
      writeFileSync(input, members.map((i) => `${sentences[i]?.text ?? ''}\n`).join(''));
      writeFileSync(model, formatPolyphoneModel(foldModel(cv, fold), {}, DEFAULT_HYPER.scale));
      const run = timed(() =>
        execFileSync(
          process.execPath,
          [
            join(PROJECT_ROOT, 'bin', 'tifa.mjs'),
            'pinyin',
            input,
            '--format',
            'tsv',
            '--polyphone-model',
            model,
          ],
          { encoding: 'utf8', maxBuffer: 1 << 28 },
        ),
      );
      ms += run.ms;
      const output = parseTsv(run.result);
      printed += output.length;
      members.forEach((sentence, k) => (lines[sentence] = output[k] ?? []));
    }
    return { lines, ms, printed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function foldModel(cv: CrossValidation, fold: number): PolyphoneModel {
  const model = cv.models[fold];
  if (!model) throw new Error(`no model for fold ${fold}`);
  return model;
}

/** Rows `char TAB reading`, an empty row closing each input line. */
function parseTsv(output: string): string[][] {
  const lines: string[][] = [];
  let current: string[] = [];
  const rows = output.split('\n');
  if (rows.at(-1) === '') rows.pop();
  for (const row of rows) {
    if (row === '') {
      lines.push(current);
      current = [];
      continue;
    }
    // The character is one code point and may itself be a tab, so split after it, not at a tab.
    const char = String.fromCodePoint(row.codePointAt(0) ?? 0);
    current.push(row.slice(char.length + 1));
  }
  return lines;
}

interface Tally {
  total: number;
  correct: Record<System, number>;
}

function newTally(): Tally {
  return { total: 0, correct: { pinyinPro: 0, analyze: 0, cli: 0 } };
}

function count(tally: Tally, item: Scored): void {
  tally.total++;
  for (const { key } of SYSTEMS)
    if (item.readings[key] === item.sentence.gold) tally.correct[key]++;
}

function share(tally: Tally, system: System): string {
  return tally.total === 0 ? '–' : formatPercent(tally.correct[system] / tally.total);
}

/** The readings of one sentence with only some layers of the polyphone model (no training:
 * the word table and the rules are not fitted on any data). */
function readWithLayers(
  text: string,
  lexicon: Lexicon,
  model: PolyphoneModel,
  layers: PolyphoneLayers,
): string[] {
  const segmentation = segmentText(text, lexicon);
  return disambiguatePolyphones(
    text,
    segmentation.boundaries,
    baseReadings(text, segmentation),
    model,
    layers,
  );
}

/** Majority vote per character, k-fold: each fold's sentences read with the most frequent gold
 * reading of their character in the other folds (pinyin-pro's reading for a character unseen). */
function majorityVote(
  sentences: readonly CppSentence[],
  cv: CrossValidation,
  pro: string[],
): number {
  let correct = 0;
  for (let fold = 0; fold < cv.k; fold++) {
    const counts = new Map<string, Map<string, number>>();
    sentences.forEach((s, i) => {
      if (cv.folds[i] === fold) return;
      const byReading = counts.get(s.char) ?? new Map<string, number>();
      byReading.set(s.gold, (byReading.get(s.gold) ?? 0) + 1);
      counts.set(s.char, byReading);
    });
    sentences.forEach((s, i) => {
      if (cv.folds[i] !== fold) return;
      const byReading = [...(counts.get(s.char) ?? new Map<string, number>())];
      const best = byReading.sort((x, y) => y[1] - x[1])[0]?.[0] ?? pro[i];
      if (best === s.gold) correct++;
    });
  }
  return correct;
}

/** Runs the benchmark and returns its section of BENCHMARKS.md. */
export function runPinyinAccuracy(): BenchReport {
  const sentences = readCppDev();
  const failures: string[] = [];
  log(`${sentences.length} sentences`);

  const prepared = timed(() => {
    const inputs = loadTrainingInputs();
    return { inputs, examples: prepareExamples(sentences, inputs) };
  });
  const { inputs, examples } = prepared.result;
  const lexicon = inputs.lexicon;
  const cvRun = timed(() => crossValidate(examples, inputs, DEFAULT_HYPER, K));
  const cv = cvRun.result;
  log(`prepared in ${formatMs(prepared.ms)}, ${K}-fold fits in ${formatMs(cvRun.ms)}`);
  const shipped = loadPolyphoneModelFromDisk();
  const modelBytes = statSync(POLYPHONE_MODEL_PATH).size;

  // analyze in process: every sentence with the fold model that did not see it.
  const inProcess = timed(() =>
    sentences.map((s, i) => {
      const polyphones = foldModel(cv, cv.folds[i] ?? 0);
      const { tokens } = analyze(s.text, { pinyin: 'num', lexicon, polyphones });
      return readingsByCodePoint(s.text, tokens);
    }),
  );
  const cli = readWithCli(sentences, cv);
  log(`analyze ${formatMs(inProcess.ms)}, CLI ${formatMs(cli.ms)}`);
  if (cli.printed !== sentences.length) {
    failures.push(`the CLI printed ${cli.printed} lines for ${sentences.length} input lines`);
  }

  let misaligned = { analyze: 0, cli: 0, pinyinPro: 0 };
  const scored: Scored[] = sentences.map((sentence, i) => {
    const codePoints = Array.from(sentence.text).length;
    const ours = inProcess.result[i] ?? [];
    const fromCli = cli.lines[i] ?? [];
    const alone = pinyin(sentence.text, { type: 'array', toneType: 'num', toneSandhi: false });
    misaligned = {
      analyze: misaligned.analyze + (ours.length === codePoints ? 0 : 1),
      cli: misaligned.cli + (fromCli.length === codePoints ? 0 : 1),
      pinyinPro: misaligned.pinyinPro + (alone.length === codePoints ? 0 : 1),
    };
    return {
      sentence,
      readings: {
        analyze: normalizeReading(ours[sentence.index] ?? ''),
        cli: normalizeReading(fromCli[sentence.index] ?? ''),
        pinyinPro: normalizeReading(alone[sentence.index] ?? ''),
      },
    };
  });
  for (const { key, label } of SYSTEMS) {
    const n = misaligned[key];
    if (n > 0) failures.push(`${label}: ${n} sentences with a reading count ≠ code point count`);
  }

  // The layers, each on every sentence.
  const right = (read: (s: CppSentence, i: number) => string) =>
    sentences.reduce((n, s, i) => n + (read(s, i) === s.gold ? 1 : 0), 0);
  const layer = (layers: PolyphoneLayers) =>
    right((s) => readWithLayers(s.text, lexicon, shipped, layers)[s.index] ?? '');
  const proReadings = scored.map((item) => item.readings.pinyinPro);
  const layerRows: { label: string; how: string; correct: number }[] = [
    {
      label: 'pinyin-pro alone',
      how: "`pinyin(s, { type: 'array', toneType: 'num', toneSandhi: false })`",
      correct: right((_, i) => proReadings[i] ?? ''),
    },
    {
      label: 'pinyin-pro word by word (the base `analyze` reads)',
      how: 'each word of our segmentation read alone by pinyin-pro (`baseReadings`)',
      correct: right((s) => baseReadings(s.text, segmentText(s.text, lexicon))[s.index] ?? ''),
    },
    {
      label: '+ CC-CEDICT word readings',
      how: 'reading of the segmented dictionary word, where CC-CEDICT and pinyin-pro differ',
      correct: layer({ words: true, rules: false, classifier: false }),
    },
    {
      label: '+ rules (particles, news polyphones)',
      how: '`utils/zh/polyphones/rules.ts`, for characters standing alone',
      correct: layer({ words: true, rules: true, classifier: false }),
    },
    {
      label: '+ classifier (k-fold)',
      how: 'per-character logistic regression over context and the witnesses above',
      correct: right((_, i) => cv.predictions[i] ?? ''),
    },
    {
      label: 'full: `analyze` (k-fold)',
      how: "`analyze(s, { pinyin: 'num', lexicon, polyphones: foldModel })`, hand list included",
      correct: right((_, i) => scored[i]?.readings.analyze ?? ''),
    },
    {
      label: 'full: `tifa pinyin` CLI (k-fold)',
      how: '`tifa pinyin <fold> --format tsv --polyphone-model <fold model>`',
      correct: right((_, i) => scored[i]?.readings.cli ?? ''),
    },
  ];
  const total = sentences.length;
  const noModel = right(
    (s) =>
      readingsByCodePoint(s.text, analyze(s.text, { pinyin: 'num', lexicon }).tokens)[s.index] ??
      '',
  );
  const inSample = right(
    (s) =>
      readingsByCodePoint(
        s.text,
        analyze(s.text, { pinyin: 'num', lexicon, polyphones: shipped }).tokens,
      )[s.index] ?? '',
  );
  const majority = majorityVote(sentences, cv, proReadings);

  const all = newTally();
  const subset = newTally();
  const byChar = new Map<string, Tally>(NEWS_POLYPHONES.map((c) => [c, newTally()]));
  const errors = new Map<string, { tally: Tally; confusions: Map<string, number> }>();
  let fixed = 0;
  let broken = 0;
  let cliDisagrees = 0;
  for (const item of scored) {
    const { char, gold } = item.sentence;
    count(all, item);
    const charTally = byChar.get(char);
    if (charTally) {
      count(charTally, item);
      count(subset, item);
    }
    const isRight = (system: System) => item.readings[system] === gold;
    if (isRight('analyze') && !isRight('pinyinPro')) fixed++;
    if (!isRight('analyze') && isRight('pinyinPro')) broken++;
    if (item.readings.cli !== item.readings.analyze) cliDisagrees++;
    const entry = errors.get(char) ?? { tally: newTally(), confusions: new Map<string, number>() };
    count(entry.tally, item);
    if (!isRight('analyze')) {
      const confusion = `${item.readings.analyze || '(none)'} for ${gold}`;
      entry.confusions.set(confusion, (entry.confusions.get(confusion) ?? 0) + 1);
    }
    errors.set(char, entry);
  }
  if (cliDisagrees > 0) {
    failures.push(
      `the CLI and \`analyze\` disagree on ${cliDisagrees} sentences; both must run the same analysis`,
    );
  }

  const charRows = NEWS_POLYPHONES.map((char) => {
    const tally = byChar.get(char) ?? newTally();
    return [char, String(tally.total), ...SYSTEMS.map(({ key }) => share(tally, key))];
  });
  charRows.push([
    '**all 17**',
    String(subset.total),
    ...SYSTEMS.map(({ key }) => `**${share(subset, key)}**`),
  ]);
  const worst = [...errors]
    .map(([char, e]) => ({ char, ...e, wrong: e.tally.total - e.tally.correct.analyze }))
    .filter((e) => e.wrong > 0)
    .sort((a, b) => b.wrong - a.wrong || a.char.localeCompare(b.char))
    .slice(0, 10)
    .map((e) => {
      const [confusion = '', times = 0] =
        [...e.confusions].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
      return [
        e.char,
        String(e.tally.total),
        String(e.wrong),
        share(e.tally, 'analyze'),
        share(e.tally, 'pinyinPro'),
        `${confusion} (${times}×)`,
      ];
    });

  const percent = (correct: number) => formatPercent(correct / total);
  let previous = 0;
  const layerTable = markdownTable(
    ['layer', 'how', 'correct', 'accuracy', 'gain'],
    layerRows.map((row, i) => {
      // The rows up to the classifier add one layer each; the last two are whole flows.
      const layered = i < layerRows.length - 2;
      const gain =
        i === 0 || !layered ? '' : `${(((row.correct - previous) / total) * 100).toFixed(2)} pt`;
      if (layered) previous = row.correct;
      return [
        row.label,
        row.how,
        formatInteger(row.correct),
        percent(row.correct),
        gain ? `+${gain}`.replace('+-', '−') : '',
      ];
    }),
  );
  const kfold = cv.mean;
  const fullCorrect = layerRows[4]?.correct ?? 0;
  const published = markdownTable(
    ['system', 'accuracy', 'on'],
    [
      ['pypinyin 0.36 (published)', '86.13 %', 'CPP test'],
      ['pinyin-pro 3.29.4 alone (measured here)', percent(layerRows[0]?.correct ?? 0), 'CPP dev'],
      ['majority vote per character (published)', '92.08 %', 'CPP test'],
      ['majority vote per character (measured here, k-fold)', percent(majority), 'CPP dev'],
      ['g2pM, Bi-LSTM (published, 2020)', '97.31 %', 'CPP test'],
      ['Chinese BERT (published)', '97.85 %', 'CPP test'],
      ['g2pW, BERT-based (published, 2022)', '99.08 %', 'CPP test'],
      [
        `**Tifa: \`analyze\` with the polyphone model (${K}-fold)**`,
        `**${percent(fullCorrect)}**`,
        'CPP dev',
      ],
    ],
  );
  const budgets: BudgetCheck[] = [
    {
      what: `\`analyze\` accuracy on CPP dev, ${K}-fold cross-validation (issue 8)`,
      budget: '≥ 96 %',
      measured: percent(fullCorrect),
      pass: fullCorrect / total >= ACCURACY_BAR,
      shortfall: `${((ACCURACY_BAR - fullCorrect / total) * 100).toFixed(2)} pt short`,
    },
    {
      what: 'polyphone model added to the extension (`public/polyphones/model.u8`)',
      budget: '≤ 2 MB',
      measured: `${(modelBytes / 1024).toFixed(0)} KiB`,
      pass: modelBytes <= MODEL_BYTES_BAR,
      shortfall: `${((modelBytes - MODEL_BYTES_BAR) / 1024).toFixed(0)} KiB over`,
    },
  ];

  const body = [
    `Data: \`../shared/data/cpp/dev.sent\` and \`dev.lb\`, ${formatInteger(total)} sentences, ` +
      `one annotated character each (index counted in code points). Gold \`u:\` is written \`v\`, ` +
      `the neutral tone 5. The polyphone model is fitted on this split, so every figure that uses ` +
      `it is taken by ${K}-fold cross-validation, folds by sentence (seeded): each sentence is read ` +
      `by a model fitted on the other four folds only. Fold accuracies of the classifier: ` +
      `${cv.foldAccuracy.map((a) => formatPercent(a)).join(', ')} (mean ${formatPercent(kfold)}). ` +
      `Preparing the sentences took ${formatMs(prepared.ms)}, fitting the ${K} fold models ` +
      `${formatMs(cvRun.ms)}, \`analyze\` on all sentences ${formatMs(inProcess.ms)}, the CLI ` +
      `${formatMs(cli.ms)} wall time for its ${K} runs (process start and lexicon build included).`,
    `### Layer by layer\n\nEach row adds one layer to the row above; the last two rows are the ` +
      `whole flow, in process and through the CLI, with the same fold models.`,
    layerTable,
    `For reference: \`analyze\` without a polyphone model (pinyin-pro and the hand-checked word ` +
      `list of \`polyphone-words.ts\`, what callers that do not load the model get) ` +
      `${percent(noModel)}; with the committed model fitted on all of dev ${percent(inSample)} — ` +
      `in-sample, so no estimate of accuracy, only a check that the file loads and scores as ` +
      `trained. Against pinyin-pro alone, \`analyze\` (k-fold) fixes ${fixed} readings and breaks ` +
      `${broken} (net ${fixed - broken >= 0 ? '+' : ''}${fixed - broken}). The CLI and ` +
      `\`analyze\` disagree on ${cliDisagrees} sentences. The model file is ` +
      `${(modelBytes / 1024).toFixed(0)} KiB.`,
    `### Against published results\n\nThe published figures are on CPP's test split, which the ` +
      `project never sees; ours are on dev by cross-validation, the honest stand-in. A test-split ` +
      `figure may differ by a few tenths of a point either way.`,
    published,
    `### Polyphones of political news\n\nThe dev sentences whose annotated character is one of ` +
      `${NEWS_POLYPHONES.join(' ')}:`,
    markdownTable(['character', 'sentences', ...SYSTEMS.map((s) => s.label)], charRows),
    `### Characters \`analyze\` gets wrong most often (k-fold)`,
    markdownTable(
      ['character', 'sentences', 'wrong', '`analyze`', 'pinyin-pro alone', 'most common error'],
      worst,
    ),
  ].join('\n\n');

  return {
    id: 'pinyin',
    title: 'Pinyin accuracy (CPP dev)',
    script: 'bench:pinyin',
    body,
    budgets,
    failures,
  };
}

function log(line: string): void {
  console.log(`[pinyin] ${line}`);
}

await runIfMain(import.meta.url, runPinyinAccuracy);
