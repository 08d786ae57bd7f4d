/**
 * Where and when figures were taken: the machine, Node, the date and the commit. A benchmark
 * figure without them cannot be compared with a rerun.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { PROJECT_ROOT } from './shared-data';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly ramGiB: number;
  readonly node: string;
  readonly os: string;
  /** ISO date and time (UTC) of the measurement. */
  readonly date: string;
  readonly commit: string;
  /** Uncommitted changes in the code the benchmarks exercise (the figures include them). */
  readonly dirty: boolean;
  /** 1-minute load average when the benchmark started: other work on the machine skews timings. */
  readonly loadAverage: number;
}

const MEASURED_PATHS = ['utils/zh', 'utils/dict', 'bin', 'scripts/bench', 'package-lock.json'];

/** Describes this machine and checkout now. */
export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    ramGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit: git(['rev-parse', '--short', 'HEAD']) ?? 'unknown',
    // Only the code the benchmarks run counts (engine, dictionary loader, CLI, the benchmarks):
    // other work in progress in the checkout, and new files nothing imports yet, do not change
    // the figures.
    dirty:
      (git(['status', '--porcelain', '--untracked-files=no', '--', ...MEASURED_PATHS]) ?? '') !==
      '',
    loadAverage: os.loadavg()[0] ?? 0,
  };
}

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

/** One line naming the run, for the top of a benchmark's section. */
export function describeRun(machine: Machine): string {
  const commit = machine.dirty ? `${machine.commit} + uncommitted changes` : machine.commit;
  return (
    `Measured ${machine.date} at commit ${commit}, on ${machine.cpu} (${machine.cores} cores), ` +
    `Node ${machine.node}; 1-minute load average at start ${machine.loadAverage.toFixed(2)}.`
  );
}

/** The machine as rows of a two-column table. */
export function machineRows(machine: Machine): string[][] {
  return [
    ['CPU', machine.cpu],
    ['cores', String(machine.cores)],
    ['RAM', `${machine.ramGiB.toFixed(1)} GiB`],
    ['Node', machine.node],
    ['OS', machine.os],
    ['date', machine.date],
    ['commit', machine.dirty ? `${machine.commit} (+ uncommitted changes)` : machine.commit],
    ['load average (1 min) at start', machine.loadAverage.toFixed(2)],
  ];
}
