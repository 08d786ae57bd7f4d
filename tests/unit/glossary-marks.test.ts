/**
 * The pure logic behind term marks on the page and the "Terms on this page" panel: which tokens
 * a term mark wraps (whole tokens, never part of a ruby), and how the panel counts and cycles.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { groupTokensByTerms } from '../../entrypoints/reader.content/annotate/term-runs';
import { countTerms, nextOccurrence } from '../../entrypoints/reader.content/terms/count-terms';
import { glossaryWords } from '../../utils/glossary/entries';
import { matchAnalysis } from '../../utils/glossary/matcher';
import { loadWordListFromDisk } from '../../utils/dict/load-node';
import { analyze } from '../../utils/zh/analyze';
import { createLexicon, type Lexicon } from '../../utils/zh/segment';

/** Tokens from their texts, tiling a string. */
function tile(...parts: string[]): { start: number; end: number }[] {
  let at = 0;
  return parts.map((p) => ({ start: at, end: (at += p.length) }));
}

describe('groupTokensByTerms', () => {
  it('wraps exactly the tokens of a hit that follows token edges', () => {
    const tokens = tile('培育', '新质生产力', '。');
    expect(groupTokensByTerms(tokens, [{ id: 'nqpf', start: 2, end: 7 }])).toEqual([
      { termId: null, from: 0, to: 1 },
      { termId: 'nqpf', from: 1, to: 2 },
      { termId: null, from: 2, to: 3 },
    ]);
  });

  it('widens a hit to the whole tokens it touches, never splitting one', () => {
    // 开好局 inside a token 开好局工作, plus the token before it cut in half.
    const tokens = tile('确保', '开好局工作', '会议');
    expect(groupTokensByTerms(tokens, [{ id: 'start', start: 1, end: 5 }])).toEqual([
      { termId: 'start', from: 0, to: 2 },
      { termId: null, from: 2, to: 3 },
    ]);
  });

  it('takes in the quote tokens of a quoted form', () => {
    const tokens = tile('确保', '“', '十五五', '”', '开好局');
    const runs = groupTokensByTerms(tokens, [{ id: 'fyp', start: 2, end: 7 }]);
    expect(runs).toEqual([
      { termId: null, from: 0, to: 1 },
      { termId: 'fyp', from: 1, to: 4 },
      { termId: null, from: 4, to: 5 },
    ]);
  });

  it('gives a token two hits touch to the first; a hit left with no token is dropped', () => {
    const tokens = tile('甲乙丙丁', '戊己');
    expect(
      groupTokensByTerms(tokens, [
        { id: 'a', start: 0, end: 2 },
        { id: 'b', start: 2, end: 4 },
        { id: 'c', start: 3, end: 6 },
      ]),
    ).toEqual([
      { termId: 'a', from: 0, to: 1 },
      { termId: 'c', from: 1, to: 2 },
    ]);
  });

  it('keeps every token once and in order, whatever the hits', () => {
    const tokens = tile('一', '二三', '四', '五六七', '八');
    const hits = [
      { id: 'x', start: 1, end: 2 },
      { id: 'y', start: 2, end: 2 },
      { id: 'z', start: 6, end: 20 },
    ];
    const runs = groupTokensByTerms(tokens, hits);
    const covered = runs.flatMap((r) =>
      Array.from({ length: r.to - r.from }, (_, i) => r.from + i),
    );
    expect(covered).toEqual([0, 1, 2, 3, 4]);
    expect(runs.filter((r) => r.termId).map((r) => r.termId)).toEqual(['x', 'z']);
  });

  it('returns one plain run without hits, and nothing for no tokens', () => {
    expect(groupTokensByTerms(tile('新闻'), [])).toEqual([{ termId: null, from: 0, to: 1 }]);
    expect(groupTokensByTerms([], [{ id: 'a', start: 0, end: 1 }])).toEqual([]);
  });
});

describe('term marks over real analysis', () => {
  let lexicon: Lexicon;
  beforeAll(() => {
    lexicon = createLexicon(loadWordListFromDisk());
    lexicon.addWords(glossaryWords());
  });

  /** The displayed text of each term mark, as the page would show it. */
  function markedTexts(text: string): string[] {
    const analysis = analyze(text, { lexicon, pinyin: 'none' });
    const hits = matchAnalysis(text, analysis);
    return groupTokensByTerms(analysis.tokens, hits)
      .filter((r) => r.termId)
      .map((r) =>
        analysis.tokens
          .slice(r.from, r.to)
          .map((t) => t.display)
          .join(''),
      );
  }

  it('segments glossary terms as one word (the lexicon knows them)', () => {
    const words = analyze('培育壮大新质生产力，学习二十大精神', { lexicon, pinyin: 'none' })
      .tokens.filter((t) => t.kind === 'word')
      .map((t) => t.simplified);
    expect(words).toContain('新质生产力');
    expect(words).toContain('二十大');
  });

  it('marks the artefact form with its artefacts hidden, and quoted forms with their quotes', () => {
    expect(markedTexts('在培育壯大新質(zhì)生產(chǎn)力上奮力進階躍升')).toContain('新質生產力');
    expect(markedTexts('確保“十五五”開好局')).toEqual(expect.arrayContaining(['十五五']));
  });
});

describe('terms panel counts', () => {
  it('counts by id, most frequent first, ties in order of first occurrence', () => {
    const ids = ['b', 'pattern:plenum:20:4', 'a', 'b', 'pattern:plenum:20:4', 'c', 'b'];
    expect(countTerms(ids)).toEqual([
      { id: 'b', count: 3 },
      { id: 'pattern:plenum:20:4', count: 2 },
      { id: 'a', count: 1 },
      { id: 'c', count: 1 },
    ]);
    expect(countTerms([])).toEqual([]);
  });

  it('cycles through occurrences, wrapping at the end', () => {
    expect(nextOccurrence(-1, 3)).toBe(0);
    expect(nextOccurrence(0, 3)).toBe(1);
    expect(nextOccurrence(2, 3)).toBe(0);
    // The page removed some marks since: start again rather than point past the end.
    expect(nextOccurrence(5, 3)).toBe(0);
    expect(nextOccurrence(-1, 0)).toBe(-1);
  });
});
