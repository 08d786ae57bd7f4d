import { describe, expect, it } from 'vitest';
import { findInlinePinyin, removeInlinePinyin } from '../../utils/zh/artifacts';
import '../../utils/zh/pinyin-pro-readings'; // pinyin-pro says which syllables a character has
import { hasSampleArticle, readSampleArticle } from './support/shared';

describe('inline-pinyin artefacts', () => {
  it('removes a tone-marked artefact and keeps its reading', () => {
    const { clean, artifacts } = removeInlinePinyin('實現(xiàn)目標');
    expect(clean.text).toBe('實現目標');
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ charStart: 1, start: 2, end: 8, written: 'xiàn' });
    expect(artifacts[0]?.reading).toEqual({ toneless: 'xian', tone: 4 });
  });

  it('handles several artefacts in one word', () => {
    expect(removeInlinePinyin('新質(zhì)生產(chǎn)力').clean.text).toBe('新質生產力');
    expect(removeInlinePinyin('經(jīng)濟').clean.text).toBe('經濟');
  });

  it('accepts toneless, numbered, spaced and full-width forms', () => {
    expect(removeInlinePinyin('會(hui)議').clean.text).toBe('會議');
    expect(removeInlinePinyin('會(hui4)議').clean.text).toBe('會議');
    expect(removeInlinePinyin('會 (huì)議').clean.text).toBe('會議');
    expect(removeInlinePinyin('會（huì）議').clean.text).toBe('會議');
    expect(removeInlinePinyin('綠(lu:4)色').clean.text).toBe('綠色');
  });

  it('never touches real parentheses', () => {
    for (const text of [
      '(2025)',
      '年份(2025)',
      '見上文(see above)',
      '（記者 王明）',
      '報道(中)',
      '方案(A)',
      '北京(Beijing)',
      '附件(an)', // a syllable, but not a reading of 件
      '說明(ma)', // 明 is never read ma
    ]) {
      expect(findInlinePinyin(text), text).toEqual([]);
    }
  });

  it('keeps the real parenthesis around artefacts: (市屬開發(fā)區(qū))', () => {
    expect(removeInlinePinyin('(市屬開發(fā)區(qū))').clean.text).toBe('(市屬開發區)');
  });

  it('leaves an unclosed artefact as text', () => {
    const { clean, artifacts } = removeInlinePinyin('現(xian代化');
    expect(clean.text).toBe('現(xian代化');
    expect(artifacts).toEqual([]);
  });

  it('handles an astral character before the parenthesis', () => {
    expect(removeInlinePinyin('𠮷(jí)野').clean.text).toBe('𠮷野');
  });

  describe.runIf(hasSampleArticle)('the sample article', () => {
    it('finds all 128 artefacts on 29 characters and removes every one', () => {
      const text = readSampleArticle();
      const { clean, artifacts } = removeInlinePinyin(text);
      expect(artifacts).toHaveLength(128);
      expect(new Set(artifacts.map((a) => text[a.charStart])).size).toBe(29);
      expect(clean.text).not.toMatch(/\p{Script=Han}[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]/u);
      // The article's one real parenthetical and every other bracket survive.
      expect(clean.text).toContain('(市屬開發區)');
      const brackets = (s: string) => (s.match(/[()（）]/g) ?? []).length;
      expect(brackets(text) - brackets(clean.text)).toBe(128 * 2);
    });
  });
});
