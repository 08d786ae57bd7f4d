/**
 * The sample article (traditional script, inline-pinyin artefacts, local-government idiom) must
 * be fully covered: every political term of issue 5's list is found, at offsets that point at
 * the text as written.
 */
import { describe, expect, it } from 'vitest';
import { describeTerm } from '../../utils/glossary/entries';
import { matchTerms, type TermHit } from '../../utils/glossary/matcher';
import { hasSampleArticle, readSampleArticle } from './support/shared';

/** Terms the issue lists for the sample article, in simplified form. */
const REQUIRED = [
  '十五五',
  '新质生产力',
  '二十大',
  '二十届历次全会',
  '现代化产业体系',
  '人工智能',
  '营商环境',
  '十要十不准',
  '城市更新',
  '政绩观',
  '高质量发展',
  '开门红',
  '安全生产',
  '债务化解',
  '区域副中心城市',
  '作风建设',
];

/** Further political terms of the article that the glossary covers. */
const ALSO_COVERED = [
  '十四五',
  '开局之年',
  '走在前',
  '挺膺争先',
  '挺膺在前',
  '干事创业',
  '担当尽责',
  '一二三产',
  '以习近平同志为核心的党中央',
  '习近平总书记',
  '开好局',
  '挑大梁',
  '现代化强省',
  '拼经济',
  '实体经济',
  '科技创新',
  '有求必应、无事不扰',
  '守住底线',
  '开门稳',
  '举一反三',
  '获得感',
  '市场主体',
  '内涵式发展',
];

/** Whether a hit is the term: its key contains it, or its card is the term's card. */
function isTerm(hit: TermHit, term: string): boolean {
  return hit.key.includes(term) || describeTerm(hit.id)?.simplified === term;
}

describe.runIf(hasSampleArticle)('the sample article', () => {
  const text = hasSampleArticle ? readSampleArticle() : '';
  const lines = text.split('\n');
  const hits = lines.flatMap((line) => matchTerms(line).map((hit) => ({ ...hit, line })));

  it.each(REQUIRED)('finds %s', (term) => {
    expect(hits.some((hit) => isTerm(hit, term))).toBe(true);
  });

  it.each(ALSO_COVERED)('also finds %s', (term) => {
    expect(hits.some((hit) => isTerm(hit, term))).toBe(true);
  });

  it('finds 新质生产力 in its artefact form, with the artefacts in the surface', () => {
    const hit = hits.find((h) => h.id === 'new-quality-productive-forces');
    expect(hit?.surface).toBe('新質(zhì)生產(chǎn)力');
    expect(hit?.line.slice(hit.start, hit.end)).toBe(hit?.surface);
  });

  it('points every hit at the text as written', () => {
    for (const hit of hits) expect(hit.line.slice(hit.start, hit.end)).toBe(hit.surface);
  });

  it('matches the whole article the same way as line by line', () => {
    const whole = matchTerms(text);
    expect(whole.map((h) => h.id)).toEqual(hits.map((h) => h.id));
  });
});
