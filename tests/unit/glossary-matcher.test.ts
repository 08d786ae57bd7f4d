/**
 * The matcher on text as pages write it: every script, inline-pinyin artefacts, variants and
 * quoted forms, with offsets into the ORIGINAL text; the overlap rules; hostile input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGlossary, GLOSSARY_ENTRIES, getGlossary } from '../../utils/glossary/entries';
import { matchAnalysis, matchKey, matchTerms, type TermHit } from '../../utils/glossary/matcher';
import { foldForMatching, normalizeForMatching } from '../../utils/glossary/normalize';
import type { GlossaryEntry } from '../../utils/glossary/schema';
import { analyze } from '../../utils/zh/analyze';

const ids = (hits: readonly TermHit[]) => hits.map((h) => h.id);
const surfaces = (hits: readonly TermHit[]) => hits.map((h) => h.surface);

/** Checks the invariants every result must keep, whatever the input. */
function expectWellFormed(text: string, hits: readonly TermHit[]): void {
  let previousEnd = 0;
  for (const hit of hits) {
    expect(hit.start).toBeGreaterThanOrEqual(previousEnd);
    expect(hit.end).toBeGreaterThan(hit.start);
    expect(hit.end).toBeLessThanOrEqual(text.length);
    expect(hit.surface).toBe(text.slice(hit.start, hit.end));
    previousEnd = hit.end;
  }
}

function entry(id: string, simplified: string, extra: Partial<GlossaryEntry> = {}): GlossaryEntry {
  return {
    id,
    simplified,
    traditional: simplified,
    pinyin: 'x',
    english: { gloss: id },
    explanation: 'A test entry.',
    category: 'formulation',
    firstUse: { when: 'test', certainty: 'uncertain' },
    lastChecked: '2026-11-28',
    ...extra,
  };
}

describe('normalizeForMatching', () => {
  it('keys simplified text as it is', () => {
    const n = normalizeForMatching('发展新质生产力');
    expect(n.key).toBe('发展新质生产力');
    expect(n.toOriginal(2, 7)).toEqual([2, 7]);
  });

  it('converts traditional text and keeps offsets', () => {
    const n = normalizeForMatching('堅持高質量發展');
    expect(n.key).toBe('坚持高质量发展');
    expect(n.toOriginal(2, 7)).toEqual([2, 7]);
  });

  it('removes artefacts and maps spans over them', () => {
    const text = '發展新質(zhì)生產(chǎn)力';
    const n = normalizeForMatching(text);
    expect(n.key).toBe('发展新质生产力');
    const [start, end] = n.toOriginal(2, 7);
    expect(text.slice(start, end)).toBe('新質(zhì)生產(chǎn)力');
  });

  it('includes an artefact on the last character, not one on the character before', () => {
    const text = '產(chǎn)安全生產(chǎn)';
    const n = normalizeForMatching(text);
    expect(n.key).toBe('产安全生产');
    const [start, end] = n.toOriginal(1, 5);
    expect(text.slice(start, end)).toBe('安全生產(chǎn)');
  });

  it('folds quotes, spaces and full-width ASCII one for one', () => {
    expect(foldForMatching('“十五五”「规划」　２０３５—')).toBe('"十五五""规划" 2035-');
    const text = '“十五五”规划';
    expect(normalizeForMatching(text).key).toBe('"十五五"规划');
  });
});

describe('matchTerms', () => {
  it('finds a term in simplified text', () => {
    const hits = matchTerms('要因地制宜发展新质生产力。');
    expect(hits.map((h) => [h.id, h.start, h.end, h.key])).toContainEqual([
      'new-quality-productive-forces',
      1,
      12,
      '因地制宜发展新质生产力',
    ]);
  });

  it('finds the same term in traditional text', () => {
    const text = '發展新質生產力';
    const [hit] = matchTerms(text);
    expect(hit).toMatchObject({ id: 'new-quality-productive-forces', start: 2, end: 7 });
    expect(hit?.surface).toBe('新質生產力');
    expect(hit?.key).toBe('新质生产力');
  });

  it('finds it with inline-pinyin artefacts, the surface spanning them', () => {
    const text = '培育壯大新質(zhì)生產(chǎn)力上';
    const [hit] = matchTerms(text);
    expect(hit?.id).toBe('new-quality-productive-forces');
    expect(hit?.surface).toBe('新質(zhì)生產(chǎn)力');
    expect(text.slice(hit?.start, hit?.end)).toBe(hit?.surface);
  });

  it('finds a variant: the Taiwanese 高品質發展', () => {
    expect(ids(matchTerms('推動高品質發展'))).toEqual(['high-quality-development']);
  });

  it('finds quoted forms with curly, straight and corner quotes', () => {
    for (const text of ['编制“十五五”规划', '编制"十五五"规划', '編制「十五五」規劃']) {
      const [hit] = matchTerms(text);
      expect(hit?.id, text).toBe('fifteenth-five-year-plan');
      expect(hit?.surface, text).toBe(text.slice(2));
    }
    // Quoted without the word after it: the mark stays inside the quotes.
    expect(surfaces(matchTerms('确保“十五五”开好局'))).toEqual(['十五五', '开好局']);
  });

  it('gives offsets into the original text in a mixed paragraph', () => {
    const text = 'In 2026, 實現(xiàn)“十四五”圓滿收官 and 高質(zhì)量發展.';
    const hits = matchTerms(text);
    expectWellFormed(text, hits);
    expect(surfaces(hits)).toEqual(['十四五', '圓滿收官', '高質(zhì)量發展']);
  });

  it('takes the longest match and never overlaps', () => {
    expect(ids(matchTerms('高质量发展'))).toEqual(['high-quality-development']);
    const glossary = buildGlossary([
      entry('ab', '甲乙'),
      entry('bcd', '乙丙丁'),
      entry('de', '丁戊'),
      entry('efgh', '戊己庚辛'),
    ]);
    // 乙丙丁 is longer than 甲乙 although it starts later; 戊己庚辛 beats 丁戊. Nothing overlaps.
    expect(matchKey('甲乙丙丁戊己庚辛', glossary)).toEqual([
      { id: 'bcd', start: 1, end: 4 },
      { id: 'efgh', start: 4, end: 8 },
    ]);
    // A shorter match at the same start still fits where the longer one lost.
    const nested = buildGlossary([
      entry('a', '甲乙'),
      entry('abc', '甲乙丙'),
      entry('cdef', '丙丁戊己'),
    ]);
    expect(matchKey('甲乙丙丁戊己', nested)).toEqual([
      { id: 'a', start: 0, end: 2 },
      { id: 'cdef', start: 2, end: 6 },
    ]);
  });

  it('prefers an authored entry to a pattern of the same length', () => {
    expect(ids(matchTerms('党的二十大'))).toEqual(['twentieth-party-congress']);
    expect(ids(matchTerms('中共二十届三中全会'))).toEqual(['third-plenum-20th']);
  });

  it('lets an exclusion hide the term inside an ordinary word', () => {
    expect(ids(matchTerms('他走在前面'))).toEqual([]);
    expect(ids(matchTerms('走在前、开新局'))).toEqual(['lead-the-way']);
    expect(ids(matchTerms('加强行政协调'))).toEqual([]);
    expect(ids(matchTerms('市政协主席'))).toEqual(['cppcc-committee']);
  });

  it('finds nothing in text without Chinese', () => {
    expect(matchTerms('The Belt and Road Initiative, 2013.')).toEqual([]);
    expect(matchTerms('')).toEqual([]);
  });
});

describe('matchAnalysis', () => {
  it('gives the same hits as matchTerms from an analysis of the paragraph', () => {
    const texts = [
      '全面貫徹黨的二十大和二十屆歷次全會精神，培育壯大新質(zhì)生產(chǎn)力。',
      '做好安全生產(chǎn)、債務化解、生態(tài)環(huán)保等工作',
      '确保“十五五”开好局、起好步，推动高质量发展。',
      'In English only',
    ];
    for (const text of texts)
      expect(matchAnalysis(text, analyze(text)), text).toEqual(matchTerms(text));
  });

  it('takes the aligned simplified text of the analysis as its key, the same as joining tokens', () => {
    const aligned = ['堅持“十五五”規劃，培育新質生產力', '确保“十五五”开好局，推动高质量发展'];
    for (const text of aligned) {
      const analysis = analyze(text);
      expect(analysis.alignedSimplified).toBe(analysis.tokens.map((t) => t.simplified).join(''));
      const tokensOnly = { tokens: analysis.tokens, artifacts: analysis.artifacts };
      expect(matchAnalysis(text, analysis), text).toEqual(matchAnalysis(text, tokensOnly));
      expect(matchAnalysis(text, analysis).length).toBeGreaterThan(0);
    }
    // Artefacts removed: the simplified text no longer lines up with the original.
    expect(analyze('新質(zhì)生產(chǎn)力').alignedSimplified).toBeUndefined();
  });
});

describe('bad input', () => {
  it('handles 10 MB of text without throwing', () => {
    const paragraph = '推动高质量发展，培育新质生产力，落实二十届四中全会精神。';
    const text = `${paragraph}${'x'.repeat(1000)}`.repeat(Math.ceil(10_000_000 / 1030));
    const hits = matchTerms(text);
    expect(hits.length).toBeGreaterThan(20_000);
    expect(hits.at(-1)?.end).toBeLessThanOrEqual(text.length);
  });

  it('handles astral characters and lone surrogates', () => {
    const text = '𠮷新质生产力\uD800高质量发展\uDC00😀二十大\uD83D';
    const hits = matchTerms(text);
    expectWellFormed(text, hits);
    expect(ids(hits)).toEqual([
      'new-quality-productive-forces',
      'high-quality-development',
      'twentieth-party-congress',
    ]);
  });

  it('never throws and always returns ordered, non-overlapping spans (property)', () => {
    const forms = GLOSSARY_ENTRIES.slice(0, 60).map((e) => e.traditional);
    const pieces = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom(...forms, '(zhì)', '(chǎn)', '“', '”', '十四届全国人大三次会议', '\uD800'),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expectWellFormed(text, matchTerms(text));
      }),
      { numRuns: 300 },
    );
  });

  it('finds every form of every entry when it stands alone', () => {
    const glossary = getGlossary();
    const problems: string[] = [];
    for (const [form, id] of glossary.forms) {
      if (id === '') continue;
      const hits = matchTerms(form);
      if (hits.length !== 1 || hits[0]?.id !== id)
        problems.push(`${form}: ${JSON.stringify(ids(hits))}`);
    }
    expect(problems).toEqual([]);
  });
});
