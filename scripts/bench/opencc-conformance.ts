/**
 * OpenCC conformance: our conversion path (`convertText`, a rebuild of opencc-js's pipeline that
 * keeps offset maps) against OpenCC's upstream test cases AND against opencc-js itself.
 *
 * Matching the expected output is opencc-js's business (it fails a few upstream cases); matching
 * opencc-js exactly is ours: any case where our output differs from opencc-js is a bug in the
 * rebuild, and the script exits non-zero. The `tifa convert` CLI is checked on the configs it
 * can express, since it goes through `analyze` (artefact removal, script detection) first.
 *
 * Usage: npm run bench:opencc
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { convertText, type OpenccLocale } from '../../utils/zh/convert';
import '../../utils/zh/opencc-all';
import { markdownTable } from './lib/markdown';
import { runIfMain, type BenchReport } from './lib/report';
import { PROJECT_ROOT, readOpenccCases, type OpenccCase } from './lib/shared-data';
import { formatInteger } from './lib/stats';

/** OpenCC's configuration names as locale pairs of opencc-js (and of `convertText`). */
const CONFIGS: Readonly<Record<string, readonly [OpenccLocale, OpenccLocale]>> = {
  s2t: ['cn', 't'],
  s2tw: ['cn', 'tw'],
  s2twp: ['cn', 'twp'],
  s2hk: ['cn', 'hk'],
  s2hkp: ['cn', 'hkp'],
  t2s: ['t', 'cn'],
  tw2s: ['tw', 'cn'],
  tw2sp: ['twp', 'cn'],
  hk2s: ['hk', 'cn'],
  hk2sp: ['hkp', 'cn'],
  t2tw: ['t', 'tw'],
  t2hk: ['t', 'hk'],
  tw2t: ['tw', 't'],
  hk2t: ['hk', 't'],
  t2jp: ['t', 'jp'],
  jp2t: ['jp', 't'],
};

/** The configs `tifa convert --to …` expresses: its input side is whatever the page is. */
const CLI_TARGETS: Readonly<Record<string, string>> = {
  t2s: 'cn',
  s2t: 't',
  s2tw: 'tw',
  s2twp: 'twp',
  s2hk: 'hk',
};

interface Missed extends OpenccCase {
  readonly ours: string;
  readonly opencc: string | undefined;
}

interface ConfigResult {
  readonly config: string;
  readonly cases: number;
  readonly oursPass: number;
  /** Undefined when opencc-js cannot express the config (it throws on the locale). */
  readonly openccPass: number | undefined;
  readonly differ: readonly OpenccCase[];
  /** Cases our output fails, with both outputs. */
  readonly missed: readonly Missed[];
  readonly cli?: { readonly pass: number; readonly agreeOurs: number };
}

/** opencc-js's converter for a locale pair, or undefined if it rejects the pair. */
function openccConverter(from: string, to: string): ((text: string) => string) | undefined {
  try {
    return OpenCC.Converter({ from, to });
  } catch {
    return undefined;
  }
}

/** Runs `tifa convert --to <to>` on the inputs, one per line, and returns its lines. */
function convertWithCli(inputs: readonly string[], to: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-bench-'));
  try {
    const file = join(dir, 'inputs.txt');
    writeFileSync(file, inputs.map((input) => `${input}\n`).join(''));
    const output = execFileSync(
      process.execPath,
      [join(PROJECT_ROOT, 'bin', 'tifa.mjs'), 'convert', file, '--to', to],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    const lines = output.split('\n');
    if (lines.at(-1) === '') lines.pop();
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function checkConfig(config: string, cases: readonly OpenccCase[]): ConfigResult {
  const pair = CONFIGS[config];
  if (!pair) throw new Error(`opencc/testcases.tsv: unknown config ${config}`);
  const [from, to] = pair;
  const opencc = openccConverter(from, to);
  let oursPass = 0;
  let openccPass = 0;
  const differ: OpenccCase[] = [];
  const missed: Missed[] = [];
  const ours = cases.map((c) => convertText(c.input, from, to));
  cases.forEach((c, i) => {
    const mine = ours[i] ?? '';
    const theirs = opencc?.(c.input);
    if (mine === c.expected) oursPass++;
    else missed.push({ ...c, ours: mine, opencc: theirs });
    if (theirs === undefined) return;
    if (theirs === c.expected) openccPass++;
    if (theirs !== mine) differ.push(c);
  });
  const cliTarget = CLI_TARGETS[config];
  let cli: ConfigResult['cli'];
  if (cliTarget) {
    const lines = convertWithCli(
      cases.map((c) => c.input),
      cliTarget,
    );
    cli = {
      pass: cases.filter((c, i) => lines[i] === c.expected).length,
      agreeOurs: cases.filter((_, i) => lines[i] === ours[i]).length,
    };
  }
  return {
    config,
    cases: cases.length,
    oursPass,
    openccPass: opencc ? openccPass : undefined,
    differ,
    missed,
    cli,
  };
}

/** Runs the benchmark and returns its section of BENCHMARKS.md. */
export function runOpenccConformance(): BenchReport {
  const cases = readOpenccCases();
  const byConfig = new Map<string, OpenccCase[]>();
  for (const c of cases) byConfig.set(c.config, [...(byConfig.get(c.config) ?? []), c]);
  const results = Object.keys(CONFIGS)
    .filter((config) => byConfig.has(config))
    .map((config) => checkConfig(config, byConfig.get(config) ?? []));
  const unknown = [...byConfig.keys()].filter((config) => !(config in CONFIGS));
  if (unknown.length > 0) throw new Error(`unknown configs in the test cases: ${unknown.join()}`);

  const sum = (pick: (r: ConfigResult) => number | undefined) =>
    results.reduce((total, r) => total + (pick(r) ?? 0), 0);
  const expressible = results.filter((r) => r.openccPass !== undefined);
  const expressibleCases = expressible.reduce((total, r) => total + r.cases, 0);
  const differing = results.flatMap((r) => r.differ.map((c) => ({ ...c, config: r.config })));
  const missed = results.flatMap((r) => r.missed);
  const cliResults = results.filter((r) => r.cli);
  const cliCases = cliResults.reduce((total, r) => total + r.cases, 0);
  console.log(
    `[opencc] ${cases.length} cases; ours passes ${sum((r) => r.oursPass)}, ` +
      `opencc-js ${sum((r) => r.openccPass)}; differ ${differing.length}`,
  );

  const rows = results.map((r) => [
    `\`${r.config}\``,
    `\`${CONFIGS[r.config]?.join('` → `') ?? ''}\``,
    String(r.cases),
    String(r.oursPass),
    r.openccPass === undefined ? 'not expressible' : String(r.openccPass),
    r.openccPass === undefined ? '–' : String(r.differ.length),
    r.cli ? `${r.cli.pass} (${r.cli.agreeOurs} agree)` : '–',
  ]);
  rows.push([
    '**all**',
    '',
    String(cases.length),
    `**${sum((r) => r.oursPass)}**`,
    `**${sum((r) => r.openccPass)}** of ${sum((r) => (r.openccPass === undefined ? 0 : r.cases))}`,
    `**${differing.length}**`,
    `${sum((r) => r.cli?.pass)} of ${cliCases} (${sum((r) => r.cli?.agreeOurs)} agree)`,
  ]);

  const body: string[] = [
    `Data: \`../shared/data/opencc/testcases.tsv\`, ${formatInteger(cases.length)} upstream ` +
      `OpenCC cases in ${results.length} configs. Ours: \`convertText(input, from, to)\` from ` +
      `\`utils/zh/convert.ts\`; opencc-js: \`OpenCC.Converter({ from, to })\` (opencc-js ` +
      `1.4.2, the same locale pair). CLI: \`node bin/tifa.mjs convert <file> --to <locale>\`, ` +
      `one case per line, for the configs it expresses (\`--to cn\` on \`t2s\`; \`--to ` +
      `t|tw|twp|hk\` on \`s2t\`, \`s2tw\`, \`s2twp\`, \`s2hk\`); "agree" counts lines ` +
      `identical to \`convertText\`'s output.`,
    markdownTable(
      ['config', 'locales', 'cases', 'ours pass', 'opencc-js pass', 'ours ≠ opencc-js', 'CLI pass'],
      rows,
    ),
    differing.length === 0
      ? `Ours and opencc-js give identical output on all ${expressibleCases} cases opencc-js ` +
        `can express (${expressible.length} of ${results.length} configs).`
      : `Cases where ours differs from opencc-js:\n\n` +
        markdownTable(
          ['id', 'config', 'input', 'expected'],
          differing.map((c) => [c.id, c.config, c.input, c.expected]),
        ),
  ];
  if (missed.length > 0) {
    body.push(
      `Cases our conversion does not pass (expected output from upstream OpenCC, whose ` +
        `dictionaries differ from those opencc-js ships):\n\n` +
        markdownTable(
          ['id', 'config', 'input', 'expected', 'ours', 'opencc-js'],
          missed.map((m) => [m.id, m.config, m.input, m.expected, m.ours, m.opencc ?? '–']),
        ),
    );
  }

  return {
    id: 'opencc',
    title: 'OpenCC conformance',
    script: 'bench:opencc',
    body: body.join('\n\n'),
    budgets: [
      {
        what: 'cases where our conversion differs from opencc-js',
        budget: '0',
        measured: String(differing.length),
        pass: differing.length === 0,
        shortfall: `${differing.length} differing cases`,
      },
    ],
    failures:
      differing.length === 0
        ? []
        : [`our conversion differs from opencc-js on ${differing.length} cases`],
  };
}

await runIfMain(import.meta.url, runOpenccConformance);
