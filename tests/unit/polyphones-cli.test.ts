import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const TIFA = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/tifa.mjs');

function tifa(args: string[], input: string): { out: string; err: string; code: number } {
  const run = spawnSync(process.execPath, [TIFA, ...args], { input, timeout: 60_000 });
  return {
    out: run.stdout.toString('utf8'),
    err: run.stderr.toString('utf8'),
    code: run.status ?? -1,
  };
}

/** The reading of `char` in `tifa pinyin --format tsv` output. */
const readingOf = (out: string, char: string) =>
  out
    .split('\n')
    .find((row) => row.startsWith(`${char}\t`))
    ?.split('\t')[1];

// Each test starts the CLI (about a second each on a busy machine).
describe('tifa pinyin with the polyphone model', { timeout: 60_000 }, () => {
  it('reads with the committed model unless told otherwise', () => {
    const withModel = tifa(['pinyin', '--format', 'tsv'], '他认真地学习\n');
    expect(withModel.code).toBe(0);
    expect(readingOf(withModel.out, '地')).toBe('de5');
    const without = tifa(
      ['pinyin', '--format', 'tsv', '--polyphone-model', 'none'],
      '他认真地学习\n',
    );
    expect(readingOf(without.out, '地')).toBe('di4');
  });

  it('says in one line when a model file is missing or malformed', () => {
    const missing = tifa(['pinyin', '--polyphone-model', '/nonexistent/model.u8'], '行\n');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^tifa: \/nonexistent\/model\.u8 is missing/);
    const dir = mkdtempSync(join(tmpdir(), 'tifa-model-'));
    const broken = join(dir, 'model.u8');
    writeFileSync(broken, '{"not": "a model"}\n');
    const malformed = tifa(['pinyin', '--polyphone-model', broken], '行\n');
    expect(malformed.code).toBe(2);
    expect(malformed.err).toMatch(/^tifa: polyphone model line 1: data before the first section/);
  });
});
