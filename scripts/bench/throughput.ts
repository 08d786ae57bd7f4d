/**
 * `analyze` throughput against pinyin-pro alone, side by side in one process.
 *
 * Budget (ARCHITECTURE.md): `analyze` keeps ≥ 0.7× pinyin-pro's throughput on the same text.
 * pinyin-pro is the step we cannot make faster, so the ratio says what our own layers
 * (artefacts, conversion, segmentation, polyphone words, tokens) cost on top of it.
 *
 * The corpus is ≈1,000,000 characters of varied text built at run time: CPP dev sentences
 * grouped into paragraphs, every other paragraph converted to Taiwan traditional script (a
 * traditional page is a real case and costs a conversion), and the sample article's paragraphs
 * (traditional, with inline-pinyin artefacts) in between. One article repeated would measure
 * caches of one vocabulary, not a reader moving across news sites.
 *
 * Usage: npm run bench:throughput  (BENCH_ROUNDS=n to change the number of timed rounds)
 */
import { pinyin } from 'pinyin-pro';
import { loadReadingFileFromDisk, loadWordListFromDisk } from '../../utils/dict/load-node';
import { analyze, baseReadings, segmentText, type AnalyzeOptions } from '../../utils/zh/analyze';
import { removeInlinePinyin } from '../../utils/zh/artifacts';
import { getMappedConverter } from '../../utils/zh/convert';
import { detectScript } from '../../utils/zh/detect-script';
import { identityMapped } from '../../utils/zh/offset-map';
import { applyPolyphoneWords } from '../../utils/zh/polyphone-words';
import { loadPolyphoneModelFromDisk } from '../../utils/zh/polyphones/load-node';
import type { PolyphoneModel } from '../../utils/zh/polyphones/model-format';
import { disambiguatePolyphones } from '../../utils/zh/polyphones/disambiguate';
import { readingTableFor, type ReadingTable } from '../../utils/zh/reading-table';
import { createLexicon, type Lexicon } from '../../utils/zh/segment';
import { markdownTable } from './lib/markdown';
import { runIfMain, type BenchReport } from './lib/report';
import { readCppDev, readSampleArticleParagraphs } from './lib/shared-data';
import { formatInteger, formatMs, formatRate, median, timed } from './lib/stats';

/** About the size of a very long page; large enough that a pass takes seconds, not microseconds. */
const TARGET_CHARS = 1_000_000;
/** One article paragraph after this many corpus paragraphs: the article's share stays small, as
 * one page among many, but its artefacts and traditional text are exercised throughout. */
const ARTICLE_EVERY = 25;
/** Timed rounds after the warm-up; the median resists a round slowed by other load. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** Paragraphs per block. Within a round every variant runs on a block before the next block, so
 * all variants share the same moments of outside load (this machine also runs other jobs); a
 * block of about 18,000 characters still takes milliseconds, far above the timer's resolution. */
const BLOCK = 100;
const BUDGET_RATIO = 0.7;
/** The polyphone issue's bar: `analyze` with the trained model keeps this share of pinyin-pro. */
const MODEL_BUDGET_RATIO = 0.6;
/** The options `readingsOf` (utils/zh/pinyin.ts) passes to pinyin-pro. */

export interface Corpus {
  readonly paragraphs: readonly string[];
  readonly chars: number;
  readonly simplifiedChars: number;
  readonly traditionalChars: number;
  readonly articleChars: number;
  /** Sentences per CPP paragraph on each pass over the sentences. */
  readonly groupSizes: readonly number[];
}

/**
 * Builds the corpus: passes over the CPP sentences with growing paragraph sizes (5, 6, 7…
 * sentences), so no paragraph repeats; in each pass every other paragraph is converted to
 * traditional, the other way round in the next pass.
 */
export function buildCorpus(): Corpus {
  const sentences = readCppDev().map((s) => s.text);
  const article = readSampleArticleParagraphs();
  const toTraditional = getMappedConverter('cn', 'tw');
  const paragraphs: string[] = [];
  const counts = { chars: 0, simplifiedChars: 0, traditionalChars: 0, articleChars: 0 };
  const add = (text: string, kind: 'simplifiedChars' | 'traditionalChars' | 'articleChars') => {
    const chars = countCodePoints(text);
    paragraphs.push(text);
    counts.chars += chars;
    counts[kind] += chars;
  };
  let articleIndex = 0;
  const groupSizes: number[] = [];
  for (let pass = 0; counts.chars < TARGET_CHARS; pass++) {
    const size = 5 + pass;
    groupSizes.push(size);
    for (let k = 0; k * size < sentences.length && counts.chars < TARGET_CHARS; k++) {
      const text = sentences.slice(k * size, (k + 1) * size).join('');
      if ((k + pass) % 2 === 0) add(text, 'simplifiedChars');
      else add(toTraditional(text).text, 'traditionalChars');
      if (paragraphs.length % ARTICLE_EVERY === 0 && article.length > 0)
        add(article[articleIndex++ % article.length] ?? '', 'articleChars');
    }
  }
  return { paragraphs, ...counts, groupSizes };
}

function countCodePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) i++;
    count++;
  }
  return count;
}

type VariantKey =
  'pinyinPro' | 'analyze' | 'analyzeModel' | 'analyzePage' | 'analyzeToCn' | 'analyzeNoPinyin';

interface Variant {
  readonly key: VariantKey;
  readonly name: string;
  readonly code: string;
  readonly run: (paragraph: string) => number;
}

function variants(
  lexicon: Lexicon,
  polyphones: PolyphoneModel,
  readingTable: ReadingTable,
): Variant[] {
  const withOptions = (options: AnalyzeOptions) => (p: string) =>
    analyze(p, { lexicon, ...options }).tokens.length;
  return [
    {
      key: 'pinyinPro',
      name: 'pinyin-pro alone',
      code: "pinyin(p, { type: 'array', toneType: 'symbol', toneSandhi: false })",
      run: (p) => pinyin(p, { type: 'array', toneType: 'symbol', toneSandhi: false }).length,
    },
    {
      key: 'analyze',
      name: '`analyze`, keep script, marks',
      code: "analyze(p, { lexicon, pinyin: 'mark', to: 'keep' })",
      run: withOptions({ pinyin: 'mark', to: 'keep' }),
    },
    {
      // What the reader runs: the polyphone model on top (utils/zh/polyphones/).
      key: 'analyzeModel',
      name: '`analyze`, keep script, marks, polyphone model',
      code: "analyze(p, { lexicon, polyphones, pinyin: 'mark', to: 'keep' })",
      run: withOptions({ polyphones, pinyin: 'mark', to: 'keep' }),
    },
    {
      // What the page's reader runs: readings from the build-time table, no pinyin-pro call.
      key: 'analyzePage',
      name: '`analyze`, keep script, marks, polyphone model, reading table (as on a page)',
      code: "analyze(p, { lexicon, polyphones, readingTable, pinyin: 'mark', to: 'keep' })",
      run: withOptions({ polyphones, readingTable, pinyin: 'mark', to: 'keep' }),
    },
    {
      key: 'analyzeToCn',
      name: '`analyze`, to simplified, marks',
      code: "analyze(p, { lexicon, pinyin: 'mark', to: 'cn' })",
      run: withOptions({ pinyin: 'mark', to: 'cn' }),
    },
    {
      key: 'analyzeNoPinyin',
      name: '`analyze`, keep script, no pinyin',
      code: "analyze(p, { lexicon, pinyin: 'none', to: 'keep' })",
      run: withOptions({ pinyin: 'none', to: 'keep' }),
    },
  ];
}

/** One pass over the corpus; returns milliseconds. The results are summed so no call is dead. */
function timePass(paragraphs: readonly string[], run: (p: string) => number): number {
  let sink = 0;
  const started = performance.now();
  for (const paragraph of paragraphs) sink += run(paragraph);
  const ms = performance.now() - started;
  if (sink < 0) console.log(sink);
  return ms;
}

interface StageTimes {
  /** The whole of `analyze` (keep, marks) on the same paragraphs, for the remainder. */
  analyze: number;
  artefacts: number;
  detectScript: number;
  toSimplified: number;
  readings: number;
  /** pinyin-pro on the same simplified text, for scale. */
  pinyinProSymbol: number;
  polyphoneWords: number;
  segmentation: number;
  /** The polyphone model's layer (`disambiguatePolyphones`), which `analyze` runs with a model. */
  polyphoneModel: number;
}

/**
 * Times the steps of `analyze` one by one on a block of paragraphs, each step over the whole
 * block with the calls `analyze` makes (utils/zh/analyze.ts), fed the previous step's output,
 * then `analyze` itself on the same block: what it takes beyond the steps is token building.
 * Blocks are small, so every step and the whole run under the same outside load.
 */
function timeStages(
  block: readonly string[],
  lexicon: Lexicon,
  polyphones: PolyphoneModel,
): StageTimes {
  const toSimplified = getMappedConverter('t', 'cn');
  const keep = <T, R>(inputs: readonly T[], step: (input: T, index: number) => R) => {
    const started = performance.now();
    const outputs = inputs.map(step);
    return { outputs, ms: performance.now() - started };
  };
  const discard = <T>(inputs: readonly T[], step: (input: T) => { length: number }) => {
    let sink = 0;
    const started = performance.now();
    for (const input of inputs) sink += step(input).length;
    const ms = performance.now() - started;
    if (sink < 0) console.log(sink);
    return ms;
  };
  const clean = keep(block, (p) => removeInlinePinyin(p).clean.text);
  const scripts = keep(clean.outputs, (text) => detectScript(text));
  const toConvert = clean.outputs.map((text, i) => ({ text, script: scripts.outputs[i] }));
  const simplified = keep(toConvert, ({ text, script }) =>
    script === 'simplified' ? identityMapped(text).text : toSimplified(text).text,
  );
  const texts = simplified.outputs;
  const segmentations = keep(texts, (text) => segmentText(text, lexicon));
  const readings = keep(texts, (text, i) =>
    baseReadings(text, segmentations.outputs[i] ?? { boundaries: [0, text.length] }),
  );
  const model = keep(texts, (text, i) =>
    disambiguatePolyphones(
      text,
      segmentations.outputs[i]?.boundaries ?? [0, text.length],
      [...(readings.outputs[i] ?? [])],
      polyphones,
      {},
      // As `analyze` calls it: with the words' lexicon numbers, so it remembers settled words.
      segmentations.outputs[i]?.words,
    ),
  );
  const polyphoneWords = keep(texts, (text, i) =>
    applyPolyphoneWords(text, readings.outputs[i] ?? []),
  );
  return {
    artefacts: clean.ms,
    detectScript: scripts.ms,
    toSimplified: simplified.ms,
    segmentation: segmentations.ms,
    readings: readings.ms,
    pinyinProSymbol: discard(texts, (text) => pinyin(text, { type: 'array', toneSandhi: false })),
    polyphoneWords: polyphoneWords.ms,
    polyphoneModel: model.ms,
    analyze: discard(block, (p) => analyze(p, { lexicon, pinyin: 'mark', to: 'keep' }).tokens),
  };
}

/** Sums the step times of every block: one pass over the corpus. */
function timeStagesOverCorpus(
  blocks: readonly (readonly string[])[],
  lexicon: Lexicon,
  polyphones: PolyphoneModel,
) {
  // An empty block yields every key; zero them and add the blocks up.
  const totals = timeStages([], lexicon, polyphones);
  for (const key of Object.keys(totals) as (keyof StageTimes)[]) totals[key] = 0;
  for (const block of blocks) {
    const times = timeStages(block, lexicon, polyphones);
    for (const key of Object.keys(times) as (keyof StageTimes)[]) totals[key] += times[key];
  }
  return totals;
}

/** Runs the benchmark and returns its section of BENCHMARKS.md. */
export function runThroughput(): BenchReport {
  const load = timed(() => loadWordListFromDisk());
  const build = timed(() => createLexicon(load.result));
  const lexicon = build.result;
  const model = timed(() => loadPolyphoneModelFromDisk());
  const corpus = buildCorpus();
  const readingTable = readingTableFor(loadReadingFileFromDisk(), lexicon);
  const all = variants(lexicon, model.result, readingTable);
  log(
    `corpus: ${formatInteger(corpus.chars)} chars in ${corpus.paragraphs.length} paragraphs; ` +
      `${all.length} variants, 1 warm-up + ${ROUNDS} rounds`,
  );

  // Warm-up: JIT, opencc tries, pinyin-pro's dictionaries and the polyphone table, untimed in
  // the rounds. `analyze` remembers each lexicon word's reading the first time it meets it, so
  // its first pass (reported apart) is the cost of a cold start on a million characters.
  const firstPass = new Map<VariantKey, number>();
  for (const variant of all) firstPass.set(variant.key, timePass(corpus.paragraphs, variant.run));
  const blocks: string[][] = [];
  for (let i = 0; i < corpus.paragraphs.length; i += BLOCK)
    blocks.push(corpus.paragraphs.slice(i, i + BLOCK));
  const ms = new Map<VariantKey, number[]>(all.map((v) => [v.key, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Reverse the order every other round so neither side always runs first.
    const order = round % 2 === 0 ? all : [...all].reverse();
    const totals = new Map<VariantKey, number>();
    for (const block of blocks) {
      for (const v of order) totals.set(v.key, (totals.get(v.key) ?? 0) + timePass(block, v.run));
    }
    for (const v of all) ms.get(v.key)?.push(totals.get(v.key) ?? NaN);
    log(
      `round ${round + 1}: ${all.map((v) => `${v.key} ${formatMs(totals.get(v.key) ?? 0)}`).join(', ')}`,
    );
  }
  const passMs = (key: VariantKey) => median(ms.get(key) ?? []);
  const rate = (key: VariantKey) =>
    median((ms.get(key) ?? []).map((m) => (corpus.chars * 1000) / m));
  const baseline = rate('pinyinPro');
  const ratio = rate('analyze') / baseline;
  const modelRatio = rate('analyzeModel') / baseline;
  const pageRatio = rate('analyzePage') / baseline;
  // The ratio within each round, where both sides took turns block by block.
  const analyzeRounds = ms.get('analyze') ?? [];
  const pairedRatio = median(
    (ms.get('pinyinPro') ?? []).map((a, r) => a / (analyzeRounds[r] ?? NaN)),
  );

  log('timing the steps of analyze');
  const stageRuns = [0, 1, 2].map(() => timeStagesOverCorpus(blocks, lexicon, model.result));
  const stage = (key: keyof StageTimes) => median(stageRuns.map((s) => s[key]));
  const analyzeMs = stage('analyze');
  const steps: [string, number][] = [
    ['inline-pinyin artefact scan (`removeInlinePinyin`)', stage('artefacts')],
    ['script detection (`detectScript`)', stage('detectScript')],
    [
      'traditional → simplified with offsets (`t`→`cn`; traditional paragraphs only)',
      stage('toSimplified'),
    ],
    [
      'segmentation (`segmentText`: dictionary words and their lexicon numbers)',
      stage('segmentation'),
    ],
    [
      'readings (`baseReadings`: each word read by pinyin-pro once, then remembered by its lexicon number)',
      stage('readings'),
    ],
    ['polyphone word overrides (`applyPolyphoneWords`)', stage('polyphoneWords')],
  ];
  const stepsSum = steps.reduce((sum, [, t]) => sum + t, 0);
  steps.push([
    'the rest: token building (offsets, display text, tone marks), and the garbage collection and cache misses of running the steps together',
    analyzeMs - stepsSum,
  ]);
  const share = (t: number) => `${((t / analyzeMs) * 100).toFixed(0)} %`;
  // Steps timed apart can add up to more than the whole under outside load; say so, not `-12 ms`.
  const row = ([name, t]: [string, number]) =>
    t < 0 ? [name, '≈ 0 (within noise)', '–'] : [name, formatMs(t), share(t)];

  const body: string[] = [
    `Corpus built at run time: ${formatInteger(corpus.chars)} characters in ` +
      `${formatInteger(corpus.paragraphs.length)} paragraphs (mean ` +
      `${Math.round(corpus.chars / corpus.paragraphs.length)} characters): ` +
      `${formatInteger(corpus.simplifiedChars)} of CPP dev sentences as they are (simplified), ` +
      `${formatInteger(corpus.traditionalChars)} of CPP dev sentences converted to Taiwan ` +
      `traditional (\`convertText\` \`cn\`→\`tw\`), ${formatInteger(corpus.articleChars)} of the ` +
      `sample article (traditional, with inline-pinyin artefacts) every ${ARTICLE_EVERY} ` +
      `paragraphs. The CPP sentences are regrouped into paragraphs of ` +
      `${corpus.groupSizes.join(', ')} sentences on successive passes, so no CPP paragraph repeats. ` +
      `Each call gets one paragraph. One untimed warm-up pass of every variant, then ` +
      `${ROUNDS} timed rounds of one pass each; within a round the variants take turns block ` +
      `by block (${BLOCK} paragraphs), so outside load falls on all of them alike, and the ` +
      `order is reversed every other round. Figures are medians over the rounds.`,
    markdownTable(
      ['variant', 'call per paragraph', 'median chars/s', 'vs pinyin-pro alone', 'median pass'],
      all.map((v) => [
        v.name,
        `\`${v.code}\``,
        formatRate(rate(v.key)),
        `${(rate(v.key) / baseline).toFixed(2)}×`,
        formatMs(passMs(v.key)),
      ]),
    ),
    `First pass over the corpus (the untimed warm-up, cold caches): pinyin-pro alone ` +
      `${formatMs(firstPass.get('pinyinPro') ?? NaN)}, \`analyze\` (keep, marks) ` +
      `${formatMs(firstPass.get('analyze') ?? NaN)}: it reads each distinct dictionary word ` +
      `with pinyin-pro once and remembers it, so the first million characters pay for the ` +
      `vocabulary and the rounds above measure what a reader pays once it has been met.`,
    `\`analyze\` (keep, marks) ÷ pinyin-pro alone: **${ratio.toFixed(2)}×** (ratio of the ` +
      `medians); median of the per-round ratios ${pairedRatio.toFixed(2)}×. Lexicon, once per ` +
      `process and outside the figures above: word list read and parsed in ${formatMs(load.ms)}, ` +
      `\`createLexicon\` over ${formatInteger(load.result.length)} words in ${formatMs(build.ms)}.`,
    `With the polyphone model (\`public/polyphones/model.u8\`, read and parsed once in ` +
      `${formatMs(model.ms)}), \`analyze\` (keep, marks) ÷ pinyin-pro alone: ` +
      `**${modelRatio.toFixed(2)}×**; the model's layer costs ` +
      `${formatMs(passMs('analyzeModel') - passMs('analyze'))} per pass. As the page runs it ` +
      `(model and the build-time reading table, \`readings.u8\`): **${pageRatio.toFixed(2)}×**, ` +
      `and its first pass ${formatMs(firstPass.get('analyzePage') ?? NaN)} (no pinyin-pro ` +
      `call at all, so nothing to warm up but the code).`,
    `### Where \`analyze\` spends its time\n\nEach step run on its own with the calls ` +
      `\`analyze\` makes, block by block, followed by \`analyze\` (keep, marks) itself on the ` +
      `same block; summed over the corpus, median of 3 passes. The last row is what ` +
      `\`analyze\`, ${formatMs(analyzeMs)} in these passes, takes beyond the steps.`,
    markdownTable(['step', 'ms per pass', 'share of `analyze`'], steps.map(row)),
    `For scale, on the same simplified text: pinyin-pro alone ` +
      `${formatMs(stage('pinyinProSymbol'))} per pass; the polyphone model's layer ` +
      `(\`disambiguatePolyphones\`, run when a model is given) ${formatMs(stage('polyphoneModel'))}.`,
  ];
  if (ratio < BUDGET_RATIO) body.push(explainMiss(passMs));

  return {
    id: 'throughput',
    title: '`analyze` throughput',
    script: 'bench:throughput',
    body: body.join('\n\n'),
    budgets: [
      {
        what: '`analyze` throughput vs pinyin-pro alone, same text, same process',
        budget: `≥ ${BUDGET_RATIO}×`,
        measured: `${ratio.toFixed(2)}×`,
        pass: ratio >= BUDGET_RATIO,
        shortfall:
          `${(BUDGET_RATIO - ratio).toFixed(2)}× short: \`analyze\` needs ` +
          `${formatRate(BUDGET_RATIO * baseline)} chars/s, a pass of at most ` +
          `${formatMs(passMs('pinyinPro') / BUDGET_RATIO)}`,
      },
      {
        what: '`analyze` with the polyphone model vs pinyin-pro alone (issue 8)',
        budget: `≥ ${MODEL_BUDGET_RATIO}×`,
        measured: `${modelRatio.toFixed(2)}× (${pageRatio.toFixed(2)}× with the reading table, as on a page)`,
        pass: modelRatio >= MODEL_BUDGET_RATIO,
        shortfall: `${(MODEL_BUDGET_RATIO - modelRatio).toFixed(2)}× short`,
      },
    ],
    failures: [],
  };
}

/** What a miss means in time: the budget pass against what `analyze` takes with no pinyin. */
function explainMiss(passMs: (key: VariantKey) => number): string {
  const pinyinProMs = passMs('pinyinPro');
  const budgetMs = pinyinProMs / BUDGET_RATIO;
  return (
    `**Reading the miss.** The budget allows \`analyze\` ${formatMs(budgetMs)} per pass, ` +
    `${formatMs(budgetMs - pinyinProMs)} more than pinyin-pro's own pass. \`analyze\` with no ` +
    `pinyin at all takes ${formatMs(passMs('analyzeNoPinyin'))}: the layers besides the readings ` +
    `(artefacts, script detection, conversion, segmentation, tokens) cost ` +
    `${(passMs('analyzeNoPinyin') / pinyinProMs).toFixed(2)}× pinyin-pro's whole pass.`
  );
}

function log(line: string): void {
  console.log(`[throughput] ${line}`);
}

await runIfMain(import.meta.url, runThroughput);
