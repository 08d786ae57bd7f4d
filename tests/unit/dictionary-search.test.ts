import { beforeAll, describe, expect, it } from 'vitest';
import { readCompiledFile } from '../../utils/dict/load-node';
import {
  buildSearchIndex,
  classifyQuery,
  normalizePinyinQuery,
  searchDictionary,
  type SearchIndex,
} from '../../utils/dict/search';

let index: SearchIndex;
beforeAll(() => {
  index = buildSearchIndex(readCompiledFile('cedict.u8'));
});

const top = (query: string, n = 3) =>
  searchDictionary(index, query)
    .entries.slice(0, n)
    .map((e) => e.simplified);

describe('dictionary search', () => {
  it('normalises pinyin written with marks, numbers or no tones alike', () => {
    expect(normalizePinyinQuery('xīnzhì')).toEqual({ toneless: 'xinzhi', tones: '14' });
    expect(normalizePinyinQuery('xin1 zhi4')).toEqual({ toneless: 'xinzhi', tones: '14' });
    expect(normalizePinyinQuery('Xinzhi')).toEqual({ toneless: 'xinzhi', tones: null });
    expect(normalizePinyinQuery('lü4')).toEqual({ toneless: 'lv', tones: '4' });
    expect(normalizePinyinQuery("xi'an")).toEqual({ toneless: 'xian', tones: null });
  });

  it('tells hanzi, pinyin and English queries apart', () => {
    expect(classifyQuery('經濟')).toBe('hanzi');
    expect(classifyQuery('jingji')).toBe('pinyin');
    expect(classifyQuery('jing1 ji4')).toBe('pinyin');
    expect(classifyQuery('economy')).toBe('english');
    expect(classifyQuery('productive forces')).toBe('english');
  });

  it('finds words by hanzi in either script, exact match first', () => {
    expect(top('經濟', 1)).toEqual(['经济']);
    expect(top('经济', 1)).toEqual(['经济']);
  });

  it('ranks common words first for toneless pinyin', () => {
    expect(top('jingji', 1)).toEqual(['经济']);
    expect(top('fazhan', 1)).toEqual(['发展']);
    expect(top('zhongguo', 1)).toEqual(['中国']);
  });

  it('keeps only matching tones when tones are given', () => {
    const results = searchDictionary(index, 'xin1 zhi4').entries;
    expect(results.length).toBeGreaterThan(0);
    for (const entry of results) expect(entry.pinyin.toLowerCase()).toMatch(/^xin1 zhi4/);
    expect(top('xīnzhì')).toEqual(top('xin1 zhi4'));
  });

  it('finds English in the senses, whole senses first', () => {
    expect(top('economy', 1)).toEqual(['经济']);
  });

  it('returns nothing for an empty query and never throws on odd input', () => {
    expect(searchDictionary(index, '   ').entries).toEqual([]);
    for (const odd of ['(', '[a-z]*', '\\', '𠮷', '\ud800']) {
      expect(() => searchDictionary(index, odd)).not.toThrow();
    }
  });
});
