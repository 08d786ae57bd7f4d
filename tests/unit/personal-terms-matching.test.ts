// Personal terms on pages: a second small glossary through the same normalisation and matcher
// (every script, artefacts too, no pattern families), and how its hits join the built-in ones.
import { describe, expect, it } from 'vitest';
import { matchTerms } from '../../utils/glossary/matcher';
import {
  buildPersonalGlossary,
  joinPersonalHits,
  type PagePersonalTerm,
} from '../../utils/glossary/personal';

const MINE: PagePersonalTerm[] = [
  {
    id: 'my-gong-tong-fu-yu',
    simplified: '共同富裕',
    english: { gloss: 'common prosperity (mine)' },
  },
  {
    id: 'my-xin-zhi',
    simplified: '新质生产力',
    english: { gloss: 'my rendering' },
    notes: '见政府工作报告',
  },
  { id: 'my-xin-zhi-2', simplified: '新质生产力', english: { gloss: 'a colleague’s rendering' } },
];

describe('personal glossary', () => {
  const personal = buildPersonalGlossary(MINE);

  it('matches a personal term in simplified, traditional and with inline-pinyin artefacts', () => {
    for (const text of ['推动共同富裕。', '推動共同富裕。', '推动共同富(fù)裕。']) {
      const hits = matchTerms(text, personal.glossary);
      expect(hits.map((h) => h.id)).toEqual(['personal:my-gong-tong-fu-yu']);
      expect(hits[0]?.surface.startsWith('共同')).toBe(true);
    }
  });

  it('matches no pattern families (those are the built-in glossary’s)', () => {
    expect(matchTerms('党的二十届四中全会', personal.glossary)).toEqual([]);
  });

  it('gives one hit to terms sharing a form, with every term behind it', () => {
    const hits = matchTerms('发展新质生产力', personal.glossary);
    expect(hits.map((h) => h.id)).toEqual(['personal:my-xin-zhi']);
    expect(personal.termsByHit.get('personal:my-xin-zhi')?.map((t) => t.id)).toEqual([
      'my-xin-zhi',
      'my-xin-zhi-2',
    ]);
    expect(personal.words).toContain('共同富裕');
  });

  it('annotates a built-in hit it overlaps without changing it; keeps its own hits elsewhere', () => {
    const text = '加快发展新质生产力，推动共同富裕。';
    const builtIn = matchTerms(text);
    const mine = matchTerms(text, personal.glossary);
    const joined = joinPersonalHits(builtIn, mine);
    const nqpf = joined.find((h) => h.id === 'new-quality-productive-forces');
    expect(nqpf?.personal).toBe('personal:my-xin-zhi');
    expect(nqpf?.surface).toBe('新质生产力');
    // Ascending and non-overlapping, like the matcher's own hits.
    for (let i = 1; i < joined.length; i++) {
      expect(joined[i]?.start ?? 0).toBeGreaterThanOrEqual(joined[i - 1]?.end ?? 0);
    }
    const own = joined.filter((h) => h.id.startsWith('personal:'));
    for (const hit of own)
      expect(builtIn.some((b) => b.start < hit.end && hit.start < b.end)).toBe(false);
  });

  it('joins own hits in order between built-in ones', () => {
    const hit = (id: string, start: number, end: number) => ({
      id,
      start,
      end,
      surface: '',
      key: '',
    });
    const joined = joinPersonalHits(
      [hit('a', 2, 4), hit('b', 10, 12)],
      [hit('personal:x', 0, 1), hit('personal:y', 3, 5), hit('personal:z', 6, 8)],
    );
    expect(joined.map((h) => [h.id, 'personal' in h ? h.personal : undefined])).toEqual([
      ['personal:x', undefined],
      ['a', 'personal:y'],
      ['personal:z', undefined],
      ['b', undefined],
    ]);
  });
});
