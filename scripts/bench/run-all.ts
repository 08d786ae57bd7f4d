/**
 * `npm run bench`: runs every benchmark, each in its own Node process (a fresh heap and JIT, so
 * one benchmark's garbage or compiled code does not tilt another's timings), collects their
 * reports and rewrites their sections of BENCHMARKS.md plus a summary with the machine and every
 * budget. Sections written by other scripts are kept. Exits non-zero if any benchmark failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeMachine, machineRows, type Machine } from './lib/machine';
import { markdownTable, writeSections, type Section } from './lib/markdown';
import { REPORT_JSON_FLAG, type RenderedReport } from './lib/report';
import { PROJECT_ROOT } from './lib/shared-data';

/** In the order they run; the timing-sensitive one first, before the machine warms up. */
const BENCHMARKS = [
  { script: 'throughput.ts', title: '`analyze` throughput' },
  { script: 'pinyin-accuracy.ts', title: 'Pinyin accuracy (CPP dev)' },
  { script: 'opencc-conformance.ts', title: 'OpenCC conformance' },
  { script: 'glossary-speed.ts', title: 'Glossary matching' },
  // In the browser, on the extension as last built (`npx wxt build` first).
  { script: 'page.ts', title: 'Reading mode in the browser (page cost)' },
  { script: 'popup.ts', title: 'Word popup in the browser' },
  { script: 'review.ts', title: 'Review page with 10,000 words' },
  { script: 'dashboard.ts', title: 'Terms dashboard (100,000 sightings)' },
] as const;

/** Load average per core above which the summary warns that timings may be skewed. */
const BUSY_LOAD_PER_CORE = 0.25;

interface Outcome {
  readonly title: string;
  readonly status: number;
  readonly rendered?: RenderedReport;
}

function runBenchmark(script: string, title: string, dir: string): Outcome {
  const json = join(dir, `${script}.json`);
  console.log(`\n=== ${script}`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'bench', script), REPORT_JSON_FLAG, json],
    { cwd: PROJECT_ROOT, stdio: 'inherit' },
  );
  const status = result.status ?? 1;
  if (!existsSync(json)) return { title, status: status === 0 ? 1 : status };
  return { title, status, rendered: JSON.parse(readFileSync(json, 'utf8')) as RenderedReport };
}

function summary(machine: Machine, outcomes: readonly Outcome[]): string {
  const budgetRows = outcomes.flatMap((outcome) => {
    const report = outcome.rendered?.report;
    if (!report)
      return [[outcome.title, '–', '–', '–', `did not complete (exit ${outcome.status})`]];
    if (report.budgets.length === 0)
      return [[report.title, 'no budget in ARCHITECTURE.md', '–', '–', 'reported']];
    return report.budgets.map((b) => [
      report.title,
      b.what,
      b.budget,
      b.measured,
      b.pass ? 'pass' : `**miss**${b.shortfall ? `: ${b.shortfall}` : ''}`,
    ]);
  });
  const loads = outcomes.map((o) => o.rendered?.machine.loadAverage ?? 0);
  const busiest = Math.max(machine.loadAverage, ...loads);
  const parts = [
    '## Summary',
    `Last full run: \`npm run bench\`, ${machine.date}. Each section below says how to rerun it ` +
      'alone and carries its own date and commit.',
    markdownTable(['machine', ''], machineRows(machine)),
    markdownTable(['benchmark', 'what', 'budget', 'measured', 'result'], budgetRows),
  ];
  if (busiest >= BUSY_LOAD_PER_CORE * machine.cores) {
    parts.push(
      `Other work was running on this ${machine.cores}-core machine during the run (1-minute ` +
        `load average up to ${busiest.toFixed(2)} at the start of a benchmark), so absolute ` +
        'timings carry noise: throughput figures are medians over rounds, and the ratio to ' +
        'pinyin-pro, measured side by side in one process, is steadier than chars/s alone.',
    );
  }
  return parts.join('\n\n');
}

function main(): number {
  const machine = describeMachine();
  const dir = mkdtempSync(join(tmpdir(), 'tifa-bench-'));
  let outcomes: Outcome[];
  try {
    outcomes = BENCHMARKS.map(({ script, title }) => runBenchmark(script, title, dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const sections: Section[] = [{ id: 'summary', body: summary(machine, outcomes), atTop: true }];
  for (const { rendered } of outcomes)
    if (rendered) sections.push({ id: rendered.report.id, body: rendered.section });
  writeSections(sections);
  console.log(`\n${sections[0]?.body ?? ''}\n\nBENCHMARKS.md updated.`);
  const failed = outcomes.filter((o) => o.status !== 0);
  for (const o of failed) console.error(`${o.title}: exit code ${o.status}`);
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = main();
