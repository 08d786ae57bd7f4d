/** `tifa terms`: the rows, the offsets in code points, the summary in both formats. */
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../bin/cli/args';
import { UsageError } from '../../bin/cli/input';
import { rowsOf, termsCommand } from '../../bin/cli/terms-command';

function run(lines: string[], argv: string[] = []): string {
  const chunks: string[] = [];
  termsCommand(lines, parseArgs(argv, ['format']), (chunk) => chunks.push(chunk));
  return chunks.join('');
}

const INPUT = ['确保“十五五”开好局', '𠮷新質(zhì)生產(chǎn)力，十五五', 'no terms here'];

describe('tifa terms', () => {
  it('writes one tsv row per hit, then a blank line and the counts', () => {
    expect(run(INPUT)).toBe(
      [
        'fifteenth-five-year-plan\t十五五\t1\t3',
        'make-a-good-start\t开好局\t1\t7',
        'new-quality-productive-forces\t新質(zhì)生產(chǎn)力\t2\t1',
        'fifteenth-five-year-plan\t十五五\t2\t18',
        '',
        '#count\tid\tterm',
        '2\tfifteenth-five-year-plan\t十五五',
        '1\tmake-a-good-start\t开好局',
        '1\tnew-quality-productive-forces\t新质生产力',
        '',
      ].join('\n'),
    );
  });

  it('writes json lines, then one summary object', () => {
    const lines = run(INPUT, ['--format', 'json']).trimEnd().split('\n');
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed[0]).toEqual({
      line: 1,
      offset: 3,
      id: 'fifteenth-five-year-plan',
      surface: '十五五',
      key: '十五五',
    });
    expect(parsed.at(-1)).toEqual({
      summary: [
        { id: 'fifteenth-five-year-plan', term: '十五五', count: 2 },
        { id: 'make-a-good-start', term: '开好局', count: 1 },
        { id: 'new-quality-productive-forces', term: '新质生产力', count: 1 },
      ],
      hits: 4,
      lines: 3,
    });
  });

  it('counts offsets in code points, past astral characters', () => {
    const text = '𠮷𠮷二十大';
    expect(rowsOf(text, 1)).toEqual([
      { line: 1, offset: 2, id: 'twentieth-party-congress', surface: '二十大', key: '二十大' },
    ]);
    expect(Array.from(text).slice(2).join('')).toBe('二十大');
  });

  it('keeps tsv columns intact when a surface holds a tab', () => {
    // An artefact may follow a space; no form holds a tab, so a tab never reaches a cell.
    const out = run(['二十大\t十九大']);
    for (const row of out.split('\n').filter((l) => l && !l.startsWith('#')))
      expect(row.split('\t').length).toBeGreaterThanOrEqual(3);
  });

  it('rejects an unknown format', () => {
    expect(() => run(['二十大'], ['--format', 'xml'])).toThrow(UsageError);
  });

  it('writes only the header for input without terms', () => {
    expect(run([])).toBe('\n#count\tid\tterm\n');
  });
});
