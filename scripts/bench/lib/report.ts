/**
 * What a benchmark hands back, how it becomes a section of BENCHMARKS.md, and the entry point every
 * benchmark script shares: alone it rewrites its own section; under `run-all.ts` it writes its
 * report as JSON for the parent, which writes every section and a summary at once.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeMachine, describeRun, type Machine } from './machine';
import { markdownTable, writeSections } from './markdown';
import { SharedDataMissingError } from './shared-data';

/** A budget from ARCHITECTURE.md and how this run measured up. */
export interface BudgetCheck {
  readonly what: string;
  readonly budget: string;
  readonly measured: string;
  readonly pass: boolean;
  /** For a miss: by how much, in words (`0.08× short`). */
  readonly shortfall?: string;
}

export interface BenchReport {
  /** Section id in BENCHMARKS.md (`<!-- bench:<id>:start -->`). */
  readonly id: string;
  readonly title: string;
  /** The npm script that refreshes this section alone (`bench:throughput`). */
  readonly script: string;
  /** Markdown: the tables and notes of the section, under its heading. */
  readonly body: string;
  readonly budgets: readonly BudgetCheck[];
  /** Correctness failures (not budget misses): any makes the process exit non-zero. */
  readonly failures: readonly string[];
}

/** What a child process of `run-all.ts` writes for its parent. */
export interface RenderedReport {
  readonly report: BenchReport;
  readonly machine: Machine;
  readonly section: string;
}

/** The command line flag by which `run-all.ts` asks for JSON instead of a file update. */
export const REPORT_JSON_FLAG = '--report-json';

/** Budget rows for a table: what, budget, measured, pass or miss (and by how much). */
export function budgetTable(budgets: readonly BudgetCheck[]): string {
  return markdownTable(
    ['what', 'budget', 'measured', 'result'],
    budgets.map((b) => [
      b.what,
      b.budget,
      b.measured,
      b.pass ? 'pass' : `**miss**${b.shortfall ? `: ${b.shortfall}` : ''}`,
    ]),
  );
}

/** The whole section: heading, run line, commands, the benchmark's body, budgets, failures. */
export function renderSection(report: BenchReport, machine: Machine, viaRunAll: boolean): string {
  const parts = [
    `## ${report.title}`,
    `${describeRun(machine)} Command: \`npm run ${report.script}\` (this section alone) or ` +
      `\`npm run bench\` (every section); this run: \`npm run ${viaRunAll ? 'bench' : report.script}\`.`,
    report.body.trim(),
  ];
  if (report.budgets.length > 0) parts.push(`### Budget\n\n${budgetTable(report.budgets)}`);
  if (report.failures.length > 0)
    parts.push(`### Failures\n\n${report.failures.map((f) => `- ${f}`).join('\n')}`);
  return parts.join('\n\n');
}

/**
 * Runs `run` when `moduleUrl` is the script node was started with, then either updates the
 * benchmark's section of BENCHMARKS.md or, with `--report-json <path>`, writes JSON there.
 * Exit code: 0, 1 on a correctness failure, 2 when the shared data is missing.
 */
export async function runIfMain(
  moduleUrl: string,
  run: () => BenchReport | Promise<BenchReport>,
): Promise<void> {
  const entry = process.argv[1];
  if (entry === undefined || pathToFileURL(resolve(entry)).href !== moduleUrl) return;
  const flagAt = process.argv.indexOf(REPORT_JSON_FLAG);
  const jsonPath = flagAt >= 0 ? process.argv[flagAt + 1] : undefined;
  if (flagAt >= 0 && jsonPath === undefined) throw new Error(`${REPORT_JSON_FLAG} needs a path`);
  try {
    const machine = describeMachine();
    const report = await run();
    const section = renderSection(report, machine, jsonPath !== undefined);
    if (jsonPath !== undefined) {
      const rendered: RenderedReport = { report, machine, section };
      writeFileSync(jsonPath, JSON.stringify(rendered));
    } else {
      writeSections([{ id: report.id, body: section }]);
      console.log(`\n${section}\n\nBENCHMARKS.md: section "${report.id}" updated.`);
    }
    process.exitCode = report.failures.length > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof SharedDataMissingError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
  }
}
