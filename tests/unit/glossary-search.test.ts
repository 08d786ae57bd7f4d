/**
 * The glossary page's search and routes: hanzi in either script, pinyin with or without tones,
 * English, the category filter, numbered terms explained by pattern families, and hash links.
 */
import { describe, expect, it } from 'vitest';
import { indexGlossary, searchGlossary } from '../../components/glossary/search-glossary';
import { parseRoute, termHref } from '../../components/glossary/use-hash-route';
import { GLOSSARY_ENTRIES } from '../../utils/glossary/entries';

const index = indexGlossary(GLOSSARY_ENTRIES);
const NQPF = 'new-quality-productive-forces';

function ids(query: string, category: Parameters<typeof searchGlossary>[2] = null): string[] {
  return searchGlossary(index, query, category).map((card) => card.id);
}

describe('glossary search', () => {
  it('lists every entry for an empty query, in pinyin order', () => {
    const all = searchGlossary(index, '  ');
    expect(all).toHaveLength(GLOSSARY_ENTRIES.length);
    expect(all[0]?.pinyin.localeCompare(all.at(-1)?.pinyin ?? '')).toBeLessThan(0);
  });

  it('finds hanzi in simplified, traditional and partial forms', () => {
    expect(ids('新质生产力')[0]).toBe(NQPF);
    expect(ids('新質生產力')[0]).toBe(NQPF);
    expect(ids('新質')).toContain(NQPF);
  });

  it('finds pinyin with or without tones, and tones must agree when given', () => {
    expect(ids('xinzhi')[0]).toBe(NQPF);
    expect(ids('xīnzhì')[0]).toBe(NQPF);
    expect(ids('xin1 zhi4')[0]).toBe(NQPF);
    expect(ids('xin4 zhi3')).not.toContain(NQPF);
  });

  it('finds English in the official rendering and the gloss', () => {
    expect(ids('productive forces')[0]).toBe(NQPF);
    expect(ids('Productive Forces')).toContain(NQPF);
    expect(ids('high-quality development')).toContain('high-quality-development');
  });

  it('filters by category', () => {
    const development = searchGlossary(index, '', 'development');
    expect(development.length).toBeGreaterThan(0);
    expect(development.every((card) => card.category === 'development')).toBe(true);
    expect(ids('xinzhi', 'diplomacy')).toEqual([]);
  });

  it('explains numbered terms no entry lists, through the pattern families', () => {
    expect(ids('十四届全国人大三次会议')).toContain('pattern:npc:14:3');
    expect(ids('十三五')[0]).toMatch(/thirteenth|pattern:fyp:13/);
  });

  it('finds nothing for text in no entry', () => {
    expect(ids('zzzzqx')).toEqual([]);
  });
});

describe('glossary routes', () => {
  it('round-trips term ids through links, pattern ids included', () => {
    for (const id of [NQPF, 'pattern:plenum:20:4']) {
      expect(parseRoute(termHref(id))).toEqual({ page: 'term', id });
    }
  });

  it('treats anything else as the list', () => {
    expect(parseRoute('')).toEqual({ page: 'list' });
    expect(parseRoute('#/')).toEqual({ page: 'list' });
    expect(parseRoute('#/term/%E0%A4%A')).toEqual({ page: 'list' });
  });
});
