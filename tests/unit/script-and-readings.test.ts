import { describe, expect, it } from 'vitest';
import { detectScript } from '../../utils/zh/detect-script';
import { formatReading, formatReadingOf, numberedFromMarked } from '../../utils/zh/pinyin';
import { segmentText } from '../../utils/zh/analyze';
import { readingsByWord, readingsOf } from '../../utils/zh/pinyin-pro-readings';
import { createLexicon } from '../../utils/zh/segment';
import { parseSyllable } from '../../utils/zh/pinyin-syllables';

describe('script detection', () => {
  it('tells simplified, traditional, mixed and unknown text apart', () => {
    expect(detectScript('坚持以人民为中心的发展思想，推动经济高质量发展')).toBe('simplified');
    expect(detectScript('堅持以人民為中心的發展思想，推動經濟高質量發展')).toBe('traditional');
    expect(detectScript('经济發展，经济发展，經濟發展')).toBe('mixed');
    // Characters shared by both scripts say nothing.
    expect(detectScript('中国人民大会')).toBe('simplified');
    expect(detectScript('中大人')).toBe('unknown');
    expect(detectScript('no Chinese at all')).toBe('unknown');
  });
});

describe('readings', () => {
  it('converts pinyin-pro marks to tone numbers, neutral tone 5 and ü as v', () => {
    expect(numberedFromMarked('zhòng')).toBe('zhong4');
    expect(numberedFromMarked('lǜ')).toBe('lv4');
    expect(numberedFromMarked('nü')).toBe('nv5');
    expect(numberedFromMarked('de')).toBe('de5');
    expect(numberedFromMarked('𠮷')).toBe('');
    expect(numberedFromMarked('')).toBe('');
  });

  it('formats tone numbers as marks on the right vowel', () => {
    expect(
      ['hao3', 'gui4', 'liu2', 'xue2', 'lv4', 'de5', 'er2', 'zhuang4'].map((n) =>
        formatReading(n, 'mark'),
      ),
    ).toEqual(['hǎo', 'guì', 'liú', 'xué', 'lǜ', 'de', 'ér', 'zhuàng']);
    expect(formatReading('lv4', 'num')).toBe('lv4');
    expect(formatReading('lv4', 'none')).toBe('lü');
  });

  it('formats by character as it formats the reading, when a character changes reading', () => {
    const hang = '行'.charCodeAt(0);
    for (const numbered of ['xing2', 'hang2', 'xing2', 'hang2', '']) {
      for (const style of ['mark', 'num', 'none'] as const) {
        expect(formatReadingOf(hang, numbered, style)).toBe(formatReading(numbered, style));
      }
    }
    expect(formatReadingOf(hang, 'hang2', 'mark')).toBe('háng');
  });

  it('gives one reading per code point, empty for what is not Chinese', () => {
    expect(readingsOf('中a𠮷。国')).toEqual(['zhong1', '', '', '', 'guo2']);
  });

  it('reads lexicon words alone, the same the first time and after, whether or not they read as their characters', () => {
    // 银行 and 行长 read otherwise than 行 alone (xing2); 经济 reads as its characters.
    const lexicon = createLexicon(['银行', '行长', '经济']);
    const text = '银行行长谈经济，行。银行';
    const expected = [
      ...['yin2', 'hang2', 'hang2', 'zhang3', 'tan2', 'jing1', 'ji4', ''],
      ...['xing2', '', 'yin2', 'hang2'],
    ];
    for (let round = 0; round < 2; round++) {
      const { boundaries, words } = segmentText(text, lexicon);
      expect(readingsByWord(text, boundaries, words)).toEqual(expected);
    }
  });

  it('cuts very long text into chunks without losing or shifting a reading', () => {
    const sentence = '我们要推动高质量发展。';
    const text = sentence.repeat(1000);
    const readings = readingsOf(text);
    expect(readings).toHaveLength(text.length);
    expect(readings.slice(-sentence.length)).toEqual(readingsOf(sentence));
  });
});

describe('syllables', () => {
  it('parses marked, numbered and bare syllables, and refuses the rest', () => {
    expect(parseSyllable('xiàn')).toEqual({ toneless: 'xian', tone: 4 });
    expect(parseSyllable('zhi4')).toEqual({ toneless: 'zhi', tone: 4 });
    expect(parseSyllable('lu:4')).toEqual({ toneless: 'lv', tone: 4 });
    expect(parseSyllable('hui')).toEqual({ toneless: 'hui', tone: 0 });
    for (const bad of ['see', 'xiàǹ', 'zhi44', '2025', 'GDP', '', 'abc'])
      expect(parseSyllable(bad), bad).toBeNull();
  });
});
