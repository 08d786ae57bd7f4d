import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const TIFA = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/tifa.mjs');

/** Runs the real CLI as a user would, with input on stdin. */
function tifa(
  args: string[],
  input: string | Buffer = '',
): { out: string; err: string; code: number } {
  const run = spawnSync(process.execPath, [TIFA, ...args], {
    input,
    timeout: 60_000,
  });
  return {
    out: run.stdout.toString('utf8'),
    err: run.stderr.toString('utf8'),
    code: run.status ?? -1,
  };
}

// Each test starts the CLI several times (about a second each on a busy machine).
describe('tifa CLI', { timeout: 60_000 }, () => {
  it('converts line for line, removing artefacts unless asked to keep them', () => {
    const { out, code } = tifa(
      ['convert', '--to', 'cn'],
      '實現(xiàn)經(jīng)濟發展\n\n堅持(2025)\n',
    );
    expect(code).toBe(0);
    expect(out).toBe('实现经济发展\n\n坚持(2025)\n');
    expect(tifa(['convert', '--to', 'cn', '--keep-artifacts'], '現(xiàn)\n').out).toBe(
      '现(xiàn)\n',
    );
    expect(tifa(['convert', '--to', 'twp'], '软件\n').out).toBe('軟體\n');
  });

  it('segments into words separated by single spaces, characters unchanged', () => {
    const { out } = tifa(['segment'], '全力以赴拼經濟，2025年\n');
    // 拼经济 is a glossary term, and glossary terms are words of the segmentation lexicon.
    expect(out).toBe('全力以赴 拼經濟 ， 2025 年\n');
    expect(out.replaceAll(' ', '')).toBe('全力以赴拼經濟，2025年\n');
  });

  it('prints one pinyin row per code point and an empty row after each line', () => {
    const { out } = tifa(['pinyin', '--format', 'tsv'], '重庆a𠮷\n绿\n');
    expect(out).toBe('重\tchong2\n庆\tqing4\na\t\n𠮷\t\n\n绿\tlv4\n\n');
  });

  it('annotates as JSON lines whose token spans tile each input line', () => {
    const input = '新質(zhì)生產(chǎn)力\nplain text\n';
    const lines = tifa(['annotate', '--to', 'cn'], input).out.trim().split('\n');
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0] ?? '{}') as {
      line: number;
      tokens: { start: number; end: number; display: string }[];
    };
    expect(first.line).toBe(1);
    expect(first.tokens.map((t) => t.display).join('')).toBe('新质生产力');
    expect(first.tokens.at(-1)?.end).toBe('新質(zhì)生產(chǎn)力'.length);
  });

  it('writes ruby HTML with the input escaped', () => {
    const { out } = tifa(['annotate', '--format', 'html'], '<b>中</b>\n');
    expect(out).toContain('&lt;b&gt;<ruby>中<rt>zhōng</rt></ruby>&lt;/b&gt;');
    expect(out).not.toContain('<b>');
  });

  it('fails with exit code 2 and one line on stderr for bad input', () => {
    const missing = tifa(['convert', '/no/such/file.txt']);
    expect(missing.code).toBe(2);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    expect(missing.err).toContain('cannot read');
    const invalid = tifa(['convert'], Buffer.from([0xe4, 0xb8, 0x41, 0x0a]));
    expect(invalid.code).toBe(2);
    expect(invalid.err).toContain('not valid UTF-8');
    expect(tifa(['convert', '--to', 'klingon'], 'x\n').code).toBe(2);
    expect(tifa(['frobnicate']).code).toBe(2);
  });

  it('reads a file argument as well as stdin', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-cli-'));
    const file = join(dir, 'in.txt');
    writeFileSync(file, '经济\r\n发展\r\n');
    expect(tifa(['convert', '--to', 't', file]).out).toBe('經濟\n發展\n');
  });
});
