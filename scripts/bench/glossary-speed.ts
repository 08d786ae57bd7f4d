/**
 * Glossary matching speed, and what matching adds to `analyze`.
 *
 * Budgets (ARCHITECTURE.md, issue 5): matching ≥ 2,000,000 characters/s in Node, and it adds
 * ≤ 10 % to `analyze`. Measured three ways on the same paragraphs:
 *
 *   - the automaton alone: `matchKey` over keys normalised beforehand (the trie and patterns);
 *   - `matchTerms(paragraph)`: everything a caller without an analysis pays, normalisation
 *     (artefacts, traditional → simplified, folding) and offset mapping included;
 *   - `matchAnalysis(paragraph, analysis)` next to `analyze`: what the reader pays per paragraph
 *     on top of the analysis it makes anyway.
 *
 * Corpus: ≥ 1,000,000 characters built at run time from the CPP dev sentences (read from the
 * shared folder, `$TIFA_SHARED` or `<project>/../shared`, never copied into the project), grouped
 * into paragraphs, every other one converted to Taiwan traditional, with the sample article's
 * paragraphs (traditional, inline-pinyin artefacts) every 25 paragraphs.
 *
 * Usage: npx tsx scripts/bench/glossary-speed.ts  (rewrites its section of BENCHMARKS.md)
 *        npx tsx scripts/bench/glossary-speed.ts --report-json <file>  (JSON for run-all.ts)
 *        BENCH_ROUNDS=n to change the number of timed rounds (default 5).
 */
import { loadWordListFromDisk } from '../../utils/dict/load-node';
import { getGlossary, glossaryWords } from '../../utils/glossary/entries';
import { matchAnalysis, matchKey, matchTerms } from '../../utils/glossary/matcher';
import { normalizeForMatching } from '../../utils/glossary/normalize';
import { analyze, type Analysis } from '../../utils/zh/analyze';
import { getMappedConverter } from '../../utils/zh/convert';
import { createLexicon, type Lexicon } from '../../utils/zh/segment';
import { markdownTable } from './lib/markdown';
import { runIfMain, type BenchReport } from './lib/report';
import { readCppDev, readSampleArticleParagraphs } from './lib/shared-data';
import { formatInteger, formatMs, formatRate, median, timed } from './lib/stats';

/** A long page's worth: enough that a pass takes tens of milliseconds at least. */
const TARGET_CHARS = 1_000_000;
/** Sentences per CPP paragraph: about the length of a news paragraph. */
const SENTENCES_PER_PARAGRAPH = 6;
/** One sample-article paragraph after this many corpus paragraphs. */
const ARTICLE_EVERY = 25;
/** Timed rounds after the warm-up; the median resists a round slowed by other load. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** Paragraphs per block when variants take turns, so outside load falls on all alike. */
const BLOCK = 200;
const MATCH_BUDGET = 2_000_000;
const ADDED_BUDGET = 0.1;

interface Paragraph {
  readonly text: string;
  readonly kind: 'simplified' | 'traditional' | 'article';
  readonly chars: number;
}

/** Builds the corpus: CPP dev sentences in order, wrapping round with a shifted grouping so no
 * paragraph repeats, every other paragraph in traditional script, article paragraphs between. */
export function buildGlossaryCorpus(): Paragraph[] {
  const sentences = readCppDev().map((s) => s.text);
  const article = readSampleArticleParagraphs();
  const toTraditional = getMappedConverter('cn', 'tw');
  const paragraphs: Paragraph[] = [];
  let chars = 0;
  const add = (text: string, kind: Paragraph['kind']) => {
    const n = Array.from(text).length;
    paragraphs.push({ text, kind, chars: n });
    chars += n;
  };
  let articleIndex = 0;
  for (let pass = 0; chars < TARGET_CHARS; pass++) {
    const size = SENTENCES_PER_PARAGRAPH + pass;
    for (let k = 0; k * size < sentences.length && chars < TARGET_CHARS; k++) {
      const text = sentences.slice(k * size, (k + 1) * size).join('');
      if ((k + pass) % 2 === 0) add(text, 'simplified');
      else add(toTraditional(text).text, 'traditional');
      if (paragraphs.length % ARTICLE_EVERY === 0 && article.length > 0)
        add(article[articleIndex++ % article.length] ?? '', 'article');
    }
  }
  return paragraphs;
}

type Work = (p: Paragraph, i: number) => number;

function timeBlock(block: readonly Paragraph[], offset: number, work: Work): number {
  const started = performance.now();
  let sink = 0;
  block.forEach((p, i) => {
    sink += work(p, offset + i);
  });
  const ms = performance.now() - started;
  if (sink < 0) console.log('impossible');
  return ms;
}

/** Runs each variant over the corpus in rounds, block by block in turn; median ms per pass. */
function race(
  paragraphs: readonly Paragraph[],
  variants: Record<string, Work>,
): Map<string, number> {
  const names = Object.keys(variants);
  for (const name of names) timeBlock(paragraphs, 0, variants[name] ?? (() => 0));
  const rounds = new Map<string, number[]>(names.map((n) => [n, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    const totals = new Map<string, number>();
    for (let at = 0; at < paragraphs.length; at += BLOCK) {
      const block = paragraphs.slice(at, at + BLOCK);
      for (const name of order)
        totals.set(
          name,
          (totals.get(name) ?? 0) + timeBlock(block, at, variants[name] ?? (() => 0)),
        );
    }
    for (const name of names) rounds.get(name)?.push(totals.get(name) ?? NaN);
    console.log(
      `round ${round + 1}: ${names.map((n) => `${n} ${formatMs(totals.get(n) ?? 0)}`).join(', ')}`,
    );
  }
  return new Map(names.map((n) => [n, median(rounds.get(n) ?? [])]));
}

/** The benchmark: returns the report run-all.ts collects. */
export function runGlossarySpeed(): BenchReport {
  const lexiconBuild = timed(() => {
    const lexicon: Lexicon = createLexicon(loadWordListFromDisk());
    lexicon.addWords(glossaryWords());
    return lexicon;
  });
  const lexicon = lexiconBuild.result;
  const glossaryBuild = timed(() => matchKey('二十大', getGlossary()));
  const paragraphs = buildGlossaryCorpus();
  const total = paragraphs.reduce((sum, p) => sum + p.chars, 0);
  const charsOf = (kind: Paragraph['kind']) =>
    paragraphs.filter((p) => p.kind === kind).reduce((sum, p) => sum + p.chars, 0);
  console.log(`corpus: ${formatInteger(total)} chars in ${paragraphs.length} paragraphs`);

  const keys = paragraphs.map((p) => normalizeForMatching(p.text).key);
  const analyses: Analysis[] = paragraphs.map((p) => analyze(p.text, { lexicon }));
  let hits = 0;
  for (const p of paragraphs) hits += matchTerms(p.text).length;

  console.log('matching alone');
  const matching = race(paragraphs, {
    automaton: (_p, i) => matchKey(keys[i] ?? '').length,
    matchTerms: (p) => matchTerms(p.text).length,
    matchAnalysis: (p, i) => {
      const analysis = analyses[i];
      return analysis ? matchAnalysis(p.text, analysis).length : 0;
    },
  });
  const toSimplified = getMappedConverter('t', 'cn');
  const bySubset = (['simplified', 'traditional', 'article'] as const).map((kind) => {
    const subset = paragraphs.filter((p) => p.kind === kind);
    const chars = charsOf(kind);
    const timeOf = (work: Work) =>
      median(Array.from({ length: ROUNDS }, () => timeBlock(subset, 0, work)));
    const ms = timeOf((p) => matchTerms(p.text).length);
    // The opencc conversion `analyze` also runs: a floor under matchTerms on traditional text.
    const conversionMs =
      kind === 'simplified' ? NaN : timeOf((p) => toSimplified(p.text).text.length);
    return {
      kind,
      chars,
      rate: (chars * 1000) / ms,
      conversionRate: (chars * 1000) / conversionMs,
    };
  });

  console.log('analyze with and without matching');
  const withAnalyze = race(paragraphs, {
    analyze: (p) => analyze(p.text, { lexicon }).tokens.length,
    analyzeMatchAnalysis: (p) => {
      const analysis = analyze(p.text, { lexicon });
      return analysis.tokens.length + matchAnalysis(p.text, analysis).length;
    },
    analyzeMatchTerms: (p) =>
      analyze(p.text, { lexicon }).tokens.length + matchTerms(p.text).length,
  });

  const ms = (map: Map<string, number>, key: string) => map.get(key) ?? NaN;
  const rate = (passMs: number) => (total * 1000) / passMs;
  const analyzeMs = ms(withAnalyze, 'analyze');
  // What matching adds: its own median pass over the median `analyze` pass. The difference of
  // the combined passes is shown too, but on a busy machine it is noise around a small number.
  const addedAnalysis = ms(matching, 'matchAnalysis') / analyzeMs;
  const addedTerms = ms(matching, 'matchTerms') / analyzeMs;
  const pairedAnalysis = ms(withAnalyze, 'analyzeMatchAnalysis') / analyzeMs - 1;
  const pairedTerms = ms(withAnalyze, 'analyzeMatchTerms') / analyzeMs - 1;
  const matchAnalysisRate = rate(ms(matching, 'matchAnalysis'));
  const simplifiedRate = bySubset.find((b) => b.kind === 'simplified')?.rate ?? NaN;

  const body = [
    `Corpus built at run time: ${formatInteger(total)} characters in ` +
      `${formatInteger(paragraphs.length)} paragraphs: ${formatInteger(charsOf('simplified'))} of ` +
      `CPP dev sentences as they are, ${formatInteger(charsOf('traditional'))} converted to Taiwan ` +
      `traditional, ${formatInteger(charsOf('article'))} of the sample article (traditional, ` +
      `inline-pinyin artefacts). ${formatInteger(hits)} terms found ` +
      `(${((hits / total) * 1000).toFixed(1)} per 1,000 characters). One call per paragraph; one ` +
      `untimed warm-up pass, then ${ROUNDS} rounds in which the variants take turns block by ` +
      `block (${BLOCK} paragraphs); medians over the rounds. Glossary index built on first use ` +
      `in ${formatMs(glossaryBuild.ms)}; lexicon (CC-CEDICT plus ` +
      `${formatInteger(glossaryWords().length)} glossary words) in ${formatMs(lexiconBuild.ms)}.`,
    markdownTable(
      ['what', 'call per paragraph', 'median pass', 'chars/s'],
      [
        ['automaton alone', '`matchKey(key)`', 'automaton'],
        ['full matching', '`matchTerms(p)`', 'matchTerms'],
        ['matching after `analyze`', '`matchAnalysis(p, analysis)`', 'matchAnalysis'],
      ].map(([what, code, key]) => [
        what ?? '',
        code ?? '',
        formatMs(ms(matching, key ?? '')),
        formatRate(rate(ms(matching, key ?? ''))),
      ]),
    ),
    `\`matchTerms\` by kind of text: ` +
      bySubset
        .map(
          (s) =>
            `${s.kind} ${formatRate(s.rate)} chars/s` +
            (Number.isFinite(s.conversionRate)
              ? ` (opencc \`t\`→\`cn\` alone on it: ${formatRate(s.conversionRate)} chars/s)`
              : ''),
        )
        .join(', ') +
      '. On traditional text `matchTerms` cannot beat the conversion to simplified it must ' +
      'run; the reader does not pay it twice, since `matchAnalysis` takes the simplified text ' +
      'from the `analyze` result it already has.',
    markdownTable(
      ['variant', 'median pass', 'matching ÷ `analyze`', 'difference of the passes'],
      [
        [
          '`analyze(p, { lexicon })` (marks, keep script, no polyphone model)',
          formatMs(analyzeMs),
          '–',
          '–',
        ],
        [
          '`analyze` + `matchAnalysis`',
          formatMs(ms(withAnalyze, 'analyzeMatchAnalysis')),
          percent(addedAnalysis),
          percent(pairedAnalysis),
        ],
        [
          '`analyze` + `matchTerms`',
          formatMs(ms(withAnalyze, 'analyzeMatchTerms')),
          percent(addedTerms),
          percent(pairedTerms),
        ],
      ],
    ),
  ].join('\n\n');

  return {
    id: 'glossary-speed',
    title: 'Glossary matching speed',
    script: 'bench:glossary',
    body,
    budgets: [
      rateBudget('glossary matching as the reader runs it (`matchAnalysis`)', matchAnalysisRate),
      rateBudget('glossary matching of simplified text (`matchTerms`)', simplifiedRate),
      {
        what: 'added to `analyze` by matching (`matchAnalysis`)',
        budget: '≤ 10 %',
        measured: percent(addedAnalysis),
        pass: addedAnalysis <= ADDED_BUDGET,
      },
    ],
    failures: hits === 0 ? ['no terms found in the corpus'] : [],
  };
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

function rateBudget(what: string, measured: number): BenchReport['budgets'][number] {
  const pass = measured >= MATCH_BUDGET;
  return {
    what,
    budget: `≥ ${formatInteger(MATCH_BUDGET)} chars/s`,
    measured: `${formatRate(measured)} chars/s`,
    pass,
    ...(pass ? {} : { shortfall: `${(measured / MATCH_BUDGET).toFixed(2)}× of budget` }),
  };
}

await runIfMain(import.meta.url, runGlossarySpeed);
