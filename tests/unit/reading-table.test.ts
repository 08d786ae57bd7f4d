import { polyphonic } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { removeInlinePinyin, setTonelessReadings } from '../../utils/zh/artifacts';
import { loadReadingFileFromDisk, loadWordListFromDisk } from '../../utils/dict/load-node';
import { glossaryWords } from '../../utils/glossary/entries';
import { analyze, baseReadings, segmentText } from '../../utils/zh/analyze';
import {
  parseReadingFile,
  readingTableFor,
  tonelessReadingsOf,
} from '../../utils/zh/reading-table';
import { createLexicon } from '../../utils/zh/segment';

const words = loadWordListFromDisk();
const lexicon = createLexicon(words);
lexicon.addWords(glossaryWords());
const file = loadReadingFileFromDisk();
const table = readingTableFor(file, lexicon);

/** Text made of many lexicon words and single characters, glued as a page would run them. */
function textOfWords(step: number, offset: number): string[] {
  const paragraphs: string[] = [];
  let paragraph = '';
  for (let i = offset; i < words.length; i += step) {
    paragraph += words[i] + (i % 7 === 0 ? '的' : '') + (i % 11 === 0 ? '，' : '');
    if (paragraph.length > 300) {
      paragraphs.push(paragraph + '。');
      paragraph = '';
    }
  }
  return paragraphs;
}

describe('the build-time reading table', () => {
  it('reads exactly as pinyin-pro word by word, on thousands of words and the glossary', () => {
    const paragraphs = [
      ...textOfWords(13, 0),
      glossaryWords().join('，'),
      '重庆的重要会议上，银行行长说：“我们还要还款。”长江长度、长期发展，各地都要重视。',
    ];
    let compared = 0;
    for (const text of paragraphs) {
      const segmentation = segmentText(text, lexicon);
      const fromTable = baseReadings(text, segmentation, { readingTable: table });
      const fromPinyinPro = baseReadings(text, segmentation);
      expect(fromTable).toEqual(fromPinyinPro);
      compared += fromTable.length;
    }
    expect(compared).toBeGreaterThan(20_000);
  });

  it('gives analyze the same tokens as pinyin-pro', () => {
    for (const text of ['經濟發展，重慶的重要會議。', ...textOfWords(997, 3)]) {
      const expected = analyze(text, { lexicon, pinyin: 'mark' }).tokens;
      expect(analyze(text, { lexicon, readingTable: table, pinyin: 'mark' }).tokens).toEqual(
        expected,
      );
    }
  });

  it('is ignored for another lexicon than its own', () => {
    const other = createLexicon(['重庆']);
    const text = '重庆';
    expect(analyze(text, { lexicon: other, readingTable: table }).tokens[0]?.pinyin).toEqual([
      'chóng',
      'qìng',
    ]);
  });

  it('refuses a malformed file with the line', () => {
    expect(() => parseReadingFile('@chars\n中\tzhong\n')).toThrow(/line 2: bad line/);
    // A character line holds one code point and one reading.
    expect(() => parseReadingFile('@chars\n中\tzhong1\n中国\tzhong1 guo2\n')).toThrow(
      /line 3: bad line/,
    );
    expect(() => parseReadingFile('@chars\n中 zhong1\n')).toThrow(/line 2: bad line/);
    expect(parseReadingFile('@chars\n𠮷\tji2\n').astral.get(0x20bb7)).toBe('ji2');
    expect(() => parseReadingFile('@words\n中国\tzhong1\n')).toThrow(/line 2: readings do not/);
    expect(() => parseReadingFile('# only a header\n')).toThrow(/no sections/);
  });
});

describe("the table's readings for artefact removal", () => {
  it('knows every reading of every polyphonic character as pinyin-pro does', () => {
    const chars = [
      '行',
      '长',
      '重',
      '还',
      '了',
      '着',
      '得',
      '的',
      '为',
      '经',
      '济',
      '质',
      '现',
      '发',
    ];
    // From the file alone too (what the background's dictionary lookups use before any page).
    const fromFile = tonelessReadingsOf(file);
    for (const char of chars) {
      const expected = polyphonic(char, { toneType: 'none', type: 'array' })[0];
      expect(table.toneless(char), char).toEqual(expected);
      expect(fromFile(char), char).toEqual(expected);
    }
  });

  it('removes the same artefacts with the table as with pinyin-pro', () => {
    const texts = [
      '實現(xiàn)目標，經(jīng)濟發展，新質(zhì)生產(chǎn)力',
      '附件(an)，銀行(hang)，重(chong)慶，長(zhang)官，(2025)年',
      '高質(zhì)量發展(fazhan)和行(xing)動',
    ];
    const withPinyinPro = texts.map((t) => removeInlinePinyin(t).clean.text);
    setTonelessReadings(table.toneless);
    try {
      expect(texts.map((t) => removeInlinePinyin(t).clean.text)).toEqual(withPinyinPro);
    } finally {
      setTonelessReadings((char) => polyphonic(char, { toneType: 'none', type: 'array' })[0] ?? []);
    }
  });
});
