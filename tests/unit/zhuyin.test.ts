import { describe, expect, it } from 'vitest';
import { isMandarinSyllable } from '../../utils/zh/pinyin-syllables';
import { toZhuyin } from '../../utils/zh/zhuyin';

// Expected values checked by hand against the zhuyin table of the Taiwan Ministry of Education's
// dictionary (first tone unmarked, ˊ ˇ ˋ after the syllable, ˙ before it).
const HAND_CHECKED: readonly (readonly [string, string])[] = [
  // The examples of the brief.
  ['zhong4', 'ㄓㄨㄥˋ'],
  ['lv4', 'ㄌㄩˋ'],
  ['de5', '˙ㄉㄜ'],
  ['er2', 'ㄦˊ'],
  ['zhi1', 'ㄓ'],
  ['yuan2', 'ㄩㄢˊ'],
  ['jiong3', 'ㄐㄩㄥˇ'],
  // The empty rhyme: the initial alone.
  ['chi1', 'ㄔ'],
  ['shi4', 'ㄕˋ'],
  ['ri4', 'ㄖˋ'],
  ['zi4', 'ㄗˋ'],
  ['ci2', 'ㄘˊ'],
  ['si1', 'ㄙ'],
  // y- and w- spellings of finals without an initial.
  ['yi1', 'ㄧ'],
  ['ye3', 'ㄧㄝˇ'],
  ['you3', 'ㄧㄡˇ'],
  ['yin2', 'ㄧㄣˊ'],
  ['ying1', 'ㄧㄥ'],
  ['yong3', 'ㄩㄥˇ'],
  ['yu2', 'ㄩˊ'],
  ['yue4', 'ㄩㄝˋ'],
  ['yun2', 'ㄩㄣˊ'],
  ['wu3', 'ㄨˇ'],
  ['wo3', 'ㄨㄛˇ'],
  ['wei4', 'ㄨㄟˋ'],
  ['wen2', 'ㄨㄣˊ'],
  ['weng1', 'ㄨㄥ'],
  // ü after j q x (written u) and after n l (written v, u: or ü).
  ['ju2', 'ㄐㄩˊ'],
  ['qu4', 'ㄑㄩˋ'],
  ['xue2', 'ㄒㄩㄝˊ'],
  ['quan2', 'ㄑㄩㄢˊ'],
  ['jun1', 'ㄐㄩㄣ'],
  ['nv3', 'ㄋㄩˇ'],
  ['lu:4', 'ㄌㄩˋ'],
  ['lü4', 'ㄌㄩˋ'],
  ['lve4', 'ㄌㄩㄝˋ'],
  ['nue4', 'ㄋㄩㄝˋ'],
  // Contracted finals written in full.
  ['liu2', 'ㄌㄧㄡˊ'],
  ['dui4', 'ㄉㄨㄟˋ'],
  ['lun4', 'ㄌㄨㄣˋ'],
  ['xiong1', 'ㄒㄩㄥ'],
  ['gong1', 'ㄍㄨㄥ'],
  // Ordinary syllables of political news.
  ['guo2', 'ㄍㄨㄛˊ'],
  ['zheng4', 'ㄓㄥˋ'],
  ['dang3', 'ㄉㄤˇ'],
  ['xi2', 'ㄒㄧˊ'],
  ['jin4', 'ㄐㄧㄣˋ'],
  ['ping2', 'ㄆㄧㄥˊ'],
  ['chuang4', 'ㄔㄨㄤˋ'],
  ['bo2', 'ㄅㄛˊ'],
  ['shuai4', 'ㄕㄨㄞˋ'],
  ['er4', 'ㄦˋ'],
  ['e4', 'ㄜˋ'],
  ['ou1', 'ㄡ'],
  ['ang2', 'ㄤˊ'],
  // Neutral tone in its three spellings: 5 (CC-CEDICT), 0 (pinyin-pro), no digit.
  ['ma5', '˙ㄇㄚ'],
  ['le0', '˙ㄌㄜ'],
  ['men', '˙ㄇㄣ'],
  // Syllabic consonants and the erhua suffix.
  ['r5', '˙ㄦ'],
  ['ng2', 'ㄫˊ'],
  ['m2', 'ㄇˊ'],
  ['hng5', '˙ㄏㄫ'],
  // Capitals and surrounding spaces.
  ['Zhong1', 'ㄓㄨㄥ'],
  [' guo2 ', 'ㄍㄨㄛˊ'],
];

describe('toZhuyin', () => {
  it.each(HAND_CHECKED)('%s → %s', (numbered, zhuyin) => {
    expect(toZhuyin(numbered)).toBe(zhuyin);
  });

  it('returns anything that is not one Mandarin syllable unchanged', () => {
    for (const input of [
      '',
      '5',
      'xx5', // CC-CEDICT's placeholder reading
      'zhong6',
      'zhong44',
      'zhong 4',
      'gia1',
      'bv4',
      'ji ng',
      'zhv4',
      'fi1',
      'yer2',
      'wong1',
      'ong1',
      'uo3',
      'i1',
      '中',
      'zhòng',
      'hello',
    ]) {
      expect(toZhuyin(input), input).toBe(input);
    }
  });

  it('converts every syllable of Standard Mandarin into bopomofo and tone marks only', () => {
    const syllables = allMandarinSyllables();
    // pinyin-syllables.ts lists 405 syllables; finding all of them shows the enumeration is whole.
    expect(syllables).toHaveLength(405);
    for (const syllable of syllables) {
      for (const tone of [1, 2, 3, 4, 5]) {
        const zhuyin = toZhuyin(`${syllable}${tone}`);
        expect(zhuyin, `${syllable}${tone}`).toMatch(/^˙?[\u3105-\u312f]{1,3}[ˊˇˋ]?$/u);
      }
    }
  });

  it('gives different syllables different zhuyin (no two spellings collapse)', () => {
    const syllables = allMandarinSyllables();
    const seen = new Map<string, string>();
    for (const syllable of syllables) {
      const zhuyin = toZhuyin(`${syllable}1`);
      expect(seen.get(zhuyin), `${syllable} and ${seen.get(zhuyin)} → ${zhuyin}`).toBeUndefined();
      seen.set(zhuyin, syllable);
    }
  });
});

/** Every initial × every written final that the project's syllable list accepts. */
function allMandarinSyllables(): string[] {
  const initials = ['', ...'b p m f d t n l g k h j q x zh ch sh r z c s y w'.split(' ')];
  const finals = (
    'a o e ai ei ao ou an en ang eng ong er i ia io ie iai iao iu ian in iang ing iong ' +
    'u ua uo uai ui uan un uang ueng v ve van vn ue'
  ).split(' ');
  const found = new Set<string>();
  for (const initial of initials) {
    for (const final of finals) {
      if (isMandarinSyllable(initial + final)) found.add(initial + final);
    }
  }
  return [...found].sort();
}
