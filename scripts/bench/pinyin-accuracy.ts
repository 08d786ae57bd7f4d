/**
 * Pinyin accuracy on the dev split of CPP (the g2pM polyphone benchmark): the reading of the one
 * annotated character of each sentence, against its gold label.
 *
 * Scored three ways on the same 9,893 sentences: `analyze` in process, the `tifa pinyin` CLI
 * (what a researcher runs; it must agree with `analyze`), and pinyin-pro alone, so what our own
 * layer (simplified text, polyphone word overrides) gains or loses is visible.
 *
 * Usage: npm run bench:pinyin
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { loadWordListFromDisk } from '../../utils/dict/load-node';
import { analyze, type Token } from '../../utils/zh/analyze';
import { isHanCodePoint } from '../../utils/zh/han';
import { createLexicon } from '../../utils/zh/segment';
import { markdownTable } from './lib/markdown';
import { runIfMain, type BenchReport } from './lib/report';
import { PROJECT_ROOT, readCppDev, type CppSentence } from './lib/shared-data';
import { formatInteger, formatMs, formatPercent, timed } from './lib/stats';

/** Characters with readings that change meaning in political news (长 zhǎng/cháng, 重, 行…). */
const NEWS_POLYPHONES = Array.from('重行长调还为省会参处相都便朝传种量');

type System = 'pinyinPro' | 'analyze' | 'cli';

const SYSTEMS: readonly { key: System; label: string }[] = [
  { key: 'pinyinPro', label: 'pinyin-pro alone' },
  { key: 'analyze', label: '`analyze`' },
  { key: 'cli', label: '`tifa pinyin` CLI' },
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

/** Runs `tifa pinyin --format tsv` on the sentences and returns one reading per code point. */
function readWithCli(sentences: readonly CppSentence[]): { lines: string[][]; ms: number } {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-bench-'));
  try {
    const input = join(dir, 'cpp-dev.txt');
    writeFileSync(input, sentences.map((s) => `${s.text}\n`).join(''));
    const { result, ms } = timed(() =>
      execFileSync(
        process.execPath,
        [join(PROJECT_ROOT, 'bin', 'tifa.mjs'), 'pinyin', input, '--format', 'tsv'],
        { encoding: 'utf8', maxBuffer: 1 << 28 },
      ),
    );
    return { lines: parseTsv(result), ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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

/** Runs the benchmark and returns its section of BENCHMARKS.md. */
export function runPinyinAccuracy(): BenchReport {
  const sentences = readCppDev();
  const lexicon = createLexicon(loadWordListFromDisk());
  const failures: string[] = [];
  log(`${sentences.length} sentences`);

  const inProcess = timed(() =>
    sentences.map((s) => {
      const { tokens } = analyze(s.text, { pinyin: 'num', lexicon });
      return readingsByCodePoint(s.text, tokens);
    }),
  );
  const cli = readWithCli(sentences);
  log(`analyze ${formatMs(inProcess.ms)}, CLI ${formatMs(cli.ms)}`);
  if (cli.lines.length !== sentences.length) {
    failures.push(`the CLI printed ${cli.lines.length} lines for ${sentences.length} input lines`);
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
    const right = (system: System) => item.readings[system] === gold;
    if (right('analyze') && !right('pinyinPro')) fixed++;
    if (!right('analyze') && right('pinyinPro')) broken++;
    if (item.readings.cli !== item.readings.analyze) cliDisagrees++;
    const entry = errors.get(char) ?? { tally: newTally(), confusions: new Map<string, number>() };
    count(entry.tally, item);
    if (!right('analyze')) {
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

  const systemRows = SYSTEMS.map(({ key, label }) => [
    label,
    formatInteger(all.correct[key]),
    share(all, key),
  ]);
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

  const body = [
    `Data: \`../shared/data/cpp/dev.sent\` and \`dev.lb\`, ${formatInteger(all.total)} sentences, ` +
      `one annotated character each (index counted in code points). Gold \`u:\` is written \`v\`, ` +
      `the neutral tone 5. \`analyze(s, { pinyin: 'num', lexicon })\` in process ` +
      `(${formatMs(inProcess.ms)} for all sentences); the CLI as \`node bin/tifa.mjs pinyin ` +
      `<file> --format tsv\` on the same sentences written to a temporary file (` +
      `${formatMs(cli.ms)} wall time, process start and lexicon build included); pinyin-pro ` +
      `alone as \`pinyin(s, { type: 'array', toneType: 'num', toneSandhi: false })\` per ` +
      `sentence, 0 read as 5.`,
    markdownTable(['system', 'correct', 'accuracy'], systemRows),
    `Against pinyin-pro alone, \`analyze\` fixes ${fixed} readings and breaks ${broken} ` +
      `(net ${fixed - broken >= 0 ? '+' : ''}${fixed - broken}). The CLI and \`analyze\` ` +
      `disagree on ${cliDisagrees} sentences. For scale (data README, test split, not this ` +
      `one): majority vote per character 92.08 %, g2pM 97.31 %, g2pW 99.08 %.`,
    `### Polyphones of political news\n\nThe dev sentences whose annotated character is one of ` +
      `${NEWS_POLYPHONES.join(' ')}:`,
    markdownTable(['character', 'sentences', ...SYSTEMS.map((s) => s.label)], charRows),
    `### Characters \`analyze\` gets wrong most often`,
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
    budgets: [],
    failures,
  };
}

function log(line: string): void {
  console.log(`[pinyin] ${line}`);
}

await runIfMain(import.meta.url, runPinyinAccuracy);
