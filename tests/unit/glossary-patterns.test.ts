/**
 * Pattern families: numbered plans, congresses, plenums and sessions explained from their
 * numbers, and the Chinese numerals they are read with.
 */
import { describe, expect, it } from 'vitest';
import { describeTerm, getGlossary } from '../../utils/glossary/entries';
import { matchTerms } from '../../utils/glossary/matcher';
import {
  explainPattern,
  formatChineseNumeral,
  matchPatternAt,
  ordinal,
  parseChineseNumeral,
  parsePatternId,
  patternWords,
} from '../../utils/glossary/patterns';

/** The single hit of a text, as [id, surface]. */
function only(text: string): [string, string] | undefined {
  const hits = matchTerms(text);
  expect(hits, text).toHaveLength(1);
  const [hit] = hits;
  return hit && [hit.id, hit.surface];
}

describe('Chinese numerals', () => {
  it('parses and writes 1–99 both ways', () => {
    for (let n = 1; n <= 99; n++) expect(parseChineseNumeral(formatChineseNumeral(n))).toBe(n);
    expect(formatChineseNumeral(14)).toBe('十四');
    expect(formatChineseNumeral(20)).toBe('二十');
    expect(formatChineseNumeral(21)).toBe('二十一');
    expect(parseChineseNumeral('十')).toBe(10);
    expect(parseChineseNumeral('二十四')).toBe(24);
  });

  it('rejects what is not a numeral 1–99', () => {
    for (const text of ['', '零', '一十', '十十', '二十二十', '百', '14', '二十大']) {
      expect(parseChineseNumeral(text), text).toBeNull();
    }
    expect(() => formatChineseNumeral(0)).toThrow(RangeError);
    expect(() => formatChineseNumeral(100)).toThrow(RangeError);
  });

  it('writes English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 20, 21, 22].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '20th',
      '21st',
      '22nd',
    ]);
  });
});

describe('five-year-plan periods', () => {
  it.each([
    ['十一五', 11, '2006–2010'],
    ['十二五', 12, '2011–2015'],
    ['十三五', 13, '2016–2020'],
    ['十四五', 14, '2021–2025'],
    ['十五五', 15, '2026–2030'],
  ])('%s is plan %i, %s', (text, n, years) => {
    expect(matchPatternAt(text, 0)).toEqual({ end: 3, id: `pattern:fyp:${n}` });
    expect(explainPattern(`pattern:fyp:${n}`)?.english.gloss).toContain(years);
  });

  it('reads 十三五规划 and 十三五时期 as one term', () => {
    expect(only('编制十三五规划')).toEqual(['pattern:fyp:13', '十三五规划']);
    expect(only('十二五时期')).toEqual(['pattern:fyp:12', '十二五时期']);
  });

  it('leaves other numbers alone', () => {
    expect(matchTerms('十六五')).toEqual([]);
    expect(matchTerms('二十五五')).toEqual([]);
    expect(matchTerms('三十四五个')).toEqual([]);
  });

  it('hands 十四五 and 十五五 to their authored entries', () => {
    expect(only('十四五规划')).toEqual(['fourteenth-five-year-plan', '十四五规划']);
    expect(describeTerm('pattern:fyp:15')?.id).toBe('fifteenth-five-year-plan');
  });
});

describe('Party congresses', () => {
  it.each([
    ['十八大', 18],
    ['十九大', 19],
    ['二十大', 20],
    ['党的二十大', 20],
    ['中共二十大', 20],
    ['党的十二大', 12],
    ['中国共产党第二十次全国代表大会', 20],
    ['第十七次全国代表大会', 17],
  ])('%s is congress %i', (text, n) => {
    const [id] = only(text) ?? [''];
    const patternId = `pattern:congress:${n}`;
    // The 18th–20th have authored entries, which stand in for the pattern's card.
    expect(id).toBe(getGlossary().patternEntries.get(patternId) ?? patternId);
  });

  it('gives dates: the 20th met in October 2022, the 19th in October 2017', () => {
    expect(explainPattern('pattern:congress:20')?.english.gloss).toContain('October 2022');
    expect(explainPattern('pattern:congress:19')?.english.gloss).toContain('October 2017');
    expect(explainPattern('pattern:congress:17')?.explanation).toContain('October 2007');
    expect(explainPattern('pattern:congress:21')?.explanation).toContain('due in 2027');
  });

  it('does not take 十大 or 十二大类 for congresses', () => {
    expect(matchTerms('十大新闻')).toEqual([]);
    expect(matchTerms('十二大类')).toEqual([]);
    expect(matchTerms('一百二十大')).toEqual([]);
  });
});

describe('plenums', () => {
  it('reads 二十届四中全会 as the 4th plenary session of the 20th Central Committee', () => {
    const card = explainPattern('pattern:plenum:20:4');
    expect(card?.english.gloss).toBe(
      'the 4th plenary session of the 20th CPC Central Committee (October 2025)',
    );
    expect(card?.simplified).toBe('二十届四中全会');
    expect(card?.traditional).toBe('二十屆四中全會');
    expect(card?.pinyin).toBe('èrshí jiè sì zhōng quánhuì');
  });

  it.each([
    ['十九届五中全会', 'pattern:plenum:19:5'],
    ['党的十八届四中全会', 'pattern:plenum:18:4'],
    ['十七屆六中全會', 'pattern:plenum:17:6'],
    ['中国共产党第二十届中央委员会第二次全体会议', 'pattern:plenum:20:2'],
    ['二十届中央纪委四次全会', 'pattern:ccdi:20:4'],
    ['二十届历次全会', 'pattern:plenums:20'],
    ['十九屆歷次全會', 'pattern:plenums:19'],
  ])('%s → %s', (text, id) => {
    expect(only(text)).toEqual([id, text]);
  });

  it('gives known dates and says when a date is not recorded', () => {
    expect(explainPattern('pattern:plenum:20:3')?.explanation).toContain('July 2024');
    expect(explainPattern('pattern:plenum:19:6')?.explanation).toContain('November 2021');
    expect(explainPattern('pattern:plenum:20:5')?.explanation).toContain('not recorded');
    expect(explainPattern('pattern:plenum:20:5')?.english.gloss).not.toContain('(');
  });

  it('explains 二十届历次全会 as all plenums so far', () => {
    expect(explainPattern('pattern:plenums:20')?.english.gloss).toBe(
      'all plenary sessions of the 20th CPC Central Committee held so far',
    );
  });
});

describe('NPC and CPPCC sessions', () => {
  it.each([
    ['十四届全国人大三次会议', 'pattern:npc:14:3'],
    ['第十四届全国人民代表大会第三次会议', 'pattern:npc:14:3'],
    ['十四屆全國人大三次會議', 'pattern:npc:14:3'],
    ['十四届全国人大常委会第十次会议', 'pattern:npcsc:14:10'],
    ['十四届全国政协三次会议', 'pattern:cppcc:14:3'],
    ['全国政协十四届三次会议', 'pattern:cppcc:14:3'],
    ['中国人民政治协商会议第十四届全国委员会第三次会议', 'pattern:cppcc:14:3'],
  ])('%s → %s', (text, id) => {
    expect(only(text)).toEqual([id, text]);
  });

  it('reads 十四届全国人大三次会议 as the 3rd session of the 14th NPC, in 2025', () => {
    expect(explainPattern('pattern:npc:14:3')?.english.gloss).toBe(
      "the 3rd session of the 14th National People's Congress (2025)",
    );
    expect(explainPattern('pattern:npc:13:3')?.explanation).toContain('May 2020');
    expect(explainPattern('pattern:npc:14:5')?.explanation).toContain('due in 2027');
    expect(explainPattern('pattern:npc:5:2')?.explanation).toContain('not recorded');
  });
});

describe('pattern ids', () => {
  it('rejects malformed and out-of-range ids', () => {
    for (const id of [
      'pattern:fyp:16',
      'pattern:fyp:14:1',
      'pattern:plenum:20',
      'pattern:plenum:21:1',
      'pattern:npc:15:1',
      'pattern:congress:22',
      'pattern:nope:1',
      'twentieth-party-congress',
      'pattern:plenum:020:4',
    ]) {
      expect(parsePatternId(id), id).toBeNull();
      expect(explainPattern(id), id).toBeNull();
    }
  });

  it('gives a full card for every valid id, linking only to cards that exist', () => {
    const ids = [
      ...[11, 12, 13, 14, 15].map((n) => `pattern:fyp:${n}`),
      ...Array.from({ length: 21 }, (_, i) => `pattern:congress:${i + 1}`),
      ...Array.from({ length: 20 }, (_, i) => `pattern:plenums:${i + 1}`),
      ...[16, 17, 18, 19, 20].flatMap((cc) =>
        [1, 2, 3, 4, 5, 6, 7].flatMap((n) => [
          `pattern:plenum:${cc}:${n}`,
          `pattern:ccdi:${cc}:${n}`,
        ]),
      ),
      ...[8, 12, 13, 14].flatMap((t) =>
        [1, 2, 3, 4, 5].flatMap((n) => [`pattern:npc:${t}:${n}`, `pattern:cppcc:${t}:${n}`]),
      ),
      'pattern:npcsc:14:10',
    ];
    for (const id of ids) {
      const card = explainPattern(id);
      expect(card, id).not.toBeNull();
      expect(card?.kind).toBe('pattern');
      expect(card?.explanation.length).toBeGreaterThan(40);
      // Every pattern card's own form is found again as that pattern (or its authored entry).
      const hit = matchTerms(card?.simplified ?? '')[0];
      expect(hit?.key, id).toBe(card?.simplified);
      for (const related of card?.related ?? [])
        expect(describeTerm(related.id), `${id} → ${related.id}`).not.toBeNull();
    }
  });

  it('offers pattern words for the lexicon', () => {
    const words = patternWords();
    expect(words).toEqual(
      expect.arrayContaining(['十五五', '二十大', '二十届四中全会', '二十届历次全会']),
    );
    for (const word of words) expect(matchTerms(word)).toHaveLength(1);
  });
});
