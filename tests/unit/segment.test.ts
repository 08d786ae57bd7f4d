import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadWordListFromDisk } from '../../utils/dict/load-node';
import { createLexicon, Lexicon, segmentHanRun } from '../../utils/zh/segment';

/** Cuts text at the returned ends, for readable expectations. */
function split(text: string, lexicon: Lexicon): string {
  const ends = segmentHanRun(text, lexicon);
  let start = 0;
  return ends
    .map((end) => {
      const word = text.slice(start, end);
      start = end;
      return word;
    })
    .join('/');
}

/** Greedy forward maximum matching, the baseline the segmenter must beat. */
function splitForwardMaximum(text: string, lexicon: Lexicon): string {
  const matches = new Int32Array(Math.max(1, lexicon.maxWordLength));
  const words: string[] = [];
  for (let start = 0; start < text.length;) {
    const count = lexicon.matchWordEnds(text, start, text.length, matches);
    const end = count > 0 ? (matches[count - 1] as number) : start + 1;
    words.push(text.slice(start, end));
    start = end;
  }
  return words.join('/');
}

describe('segmentHanRun with the full CC-CEDICT word list', () => {
  const lexicon = createLexicon(loadWordListFromDisk());

  // Segmentations checked by hand against CC-CEDICT's headwords.
  it.each([
    ['全面贯彻党的二十大精神', '全面/贯彻/党/的/二十/大/精神'], // 二十大 is not in CC-CEDICT.
    ['中共中央政治局常务委员会近日召开会议', '中共中央/政治局/常务委员会/近日/召开/会议'],
    ['坚持以人民为中心的发展思想', '坚持/以/人民/为/中心/的/发展/思想'],
    ['统筹发展和安全', '统筹/发展/和/安全'],
    ['推动构建人类命运共同体', '推动/构建/人类/命运/共同体'],
    ['台湾问题纯属中国内政', '台湾/问题/纯属/中国/内政'],
    ['着力推动高质量发展', '着力/推动/高质量/发展'],
    ['中国将继续坚定不移地走和平发展道路', '中国/将/继续/坚定不移/地/走/和平/发展/道路'],
    ['国务院总理在会见外国代表团时表示', '国务院/总理/在/会见/外国/代表团/时/表示'],
    ['一揽子增量政策落地见效', '一揽子/增量/政策/落地/见效'],
    ['依法治国有机统一', '依法治国/有机/统一'],
  ])('%s', (text, expected) => {
    expect(split(text, lexicon)).toBe(expected);
  });

  // Each of these is a known trap for greedy forward matching.
  it.each([
    ['研究生命起源', '研究/生命/起源', '研究生/命/起源'],
    ['结婚的和尚未结婚的', '结婚/的/和/尚未/结婚/的', '结婚/的/和尚/未/结婚/的'],
    ['他说的确实在理', '他/说/的/确实/在理', '他/说/的确/实在/理'],
    [
      '外交部发言人在例行记者会上回答提问时说',
      '外交部/发言人/在/例行/记者会/上/回答/提问/时/说',
      '外交部/发言人/在/例行/记者会/上回/答/提问/时/说',
    ],
    ['会议在北京人民大会堂闭幕', '会议/在/北京/人民大会堂/闭幕', '会议/在/北京人/民/大会/堂/闭幕'],
  ])('%s: beats forward maximum matching', (text, expected, forward) => {
    expect(splitForwardMaximum(text, lexicon)).toBe(forward);
    expect(split(text, lexicon)).toBe(expected);
  });

  it('takes glossary terms added later', () => {
    const withTerms = createLexicon(loadWordListFromDisk());
    withTerms.addWords(['二十大', '新质生产力']);
    expect(split('全面贯彻党的二十大精神', withTerms)).toBe('全面/贯彻/党/的/二十大/精神');
    expect(split('因地制宜发展新质生产力', withTerms)).toBe('因地制宜/发展/新质生产力');
  });
});

describe('segmentHanRun on runs longer than one chunk', () => {
  const lexicon = createLexicon(loadWordListFromDisk());

  it('gives the same words as short runs when cut where no word spans', () => {
    const sentence = '全面贯彻党的二十大精神坚持以人民为中心的发展思想';
    const one = segmentHanRun(sentence, lexicon);
    const copies = 500; // 12,000 code units, three chunks.
    const expected = Array.from({ length: copies }, (_, copy) =>
      one.map((end) => end + copy * sentence.length),
    ).flat();
    expect(segmentHanRun(sentence.repeat(copies), lexicon)).toEqual(expected);
  });

  it('still covers a run where every position is inside a word', () => {
    const ends = segmentHanRun('哈'.repeat(10_001), createLexicon(['哈哈']));
    expect(ends).toHaveLength(5001);
    expect(ends.at(-1)).toBe(10_001);
  });

  it('never cuts a chunk inside a surrogate pair', () => {
    const text = '中' + '𠮷'.repeat(3000);
    const ends = segmentHanRun(text, createLexicon([]));
    expect(ends).toEqual([1, ...Array.from({ length: 3000 }, (_, i) => 3 + 2 * i)]);
  });
});

describe('segmentHanRun on a small lexicon', () => {
  it('returns nothing for empty input', () => {
    expect(segmentHanRun('', createLexicon([]))).toEqual([]);
  });

  it('splits unknown characters one by one', () => {
    expect(segmentHanRun('龘靐齉', createLexicon(['中国']))).toEqual([1, 2, 3]);
    expect(segmentHanRun('中国龘', createLexicon(['中国']))).toEqual([2, 3]);
  });

  it('never splits a surrogate pair', () => {
    const lexicon = createLexicon(['𠮷野', '野家', '中国']);
    expect(segmentHanRun('𠮷', lexicon)).toEqual([2]);
    expect(segmentHanRun('𠮷𠮷中国', lexicon)).toEqual([2, 4, 6]);
    // Two covers of two words, one single each: the longer last word wins.
    expect(split('𠮷野家', lexicon)).toBe('𠮷/野家');
    expect(split('𠮷野', lexicon)).toBe('𠮷野');
  });

  it('keeps lone surrogates as their own characters', () => {
    expect(segmentHanRun('\ud842中国', createLexicon(['中国']))).toEqual([1, 3]);
    expect(segmentHanRun('中\udfb7', createLexicon(['中国']))).toEqual([1, 2]);
  });

  it('refuses words that could match half a pair', () => {
    const lexicon = createLexicon(['中\ud842', '\udfb7国', '']);
    expect(lexicon.size).toBe(0);
    expect(segmentHanRun('中𠮷国', lexicon)).toEqual([1, 3, 4]);
  });

  // Latin letters stand for characters here, to keep the covers easy to read.
  it('prefers fewer words, then fewer single characters, then a longer last word', () => {
    const lexicon = createLexicon(['ABCD', 'AB', 'CD', 'BC', 'CDE', 'DE']);
    expect(split('ABCDE', lexicon)).toBe('AB/CDE'); // Not ABCD/E: same count, one single.
    expect(split('ABCDEF', lexicon)).toBe('AB/CDE/F');
    expect(split('ABC', lexicon)).toBe('A/BC'); // AB/C ties on both counts.
  });

  it('answers lookups and counts words once', () => {
    const lexicon = createLexicon(['中国', '中国', '中国人']);
    expect(lexicon.size).toBe(2);
    expect(lexicon.maxWordLength).toBe(3);
    expect(lexicon.has('中国')).toBe(true);
    expect(lexicon.has('中')).toBe(false);
    expect(lexicon.has('中国人民')).toBe(false);
    expect(lexicon.addWord('中国')).toBe(false);
  });

  it('keeps every word while the table grows', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `词${String.fromCharCode(0x4e00 + i)}语`);
    const lexicon = createLexicon(words.slice(0, 10));
    lexicon.addWords(words.slice(10));
    expect(lexicon.size).toBe(words.length);
    expect(words.every((word) => lexicon.has(word))).toBe(true);
    expect(lexicon.has('词语')).toBe(false);
  });
});

describe('segmentHanRun properties', () => {
  // Few distinct units, so random words actually occur in random text; includes an astral
  // character and both lone surrogate halves.
  const unit = fc.constantFrom('中', '国', '人', '民', '大', '会', '𠮷', '\ud842', '\udfb7');
  const text = fc.array(unit, { maxLength: 40 }).map((units) => units.join(''));
  const words = fc.array(
    fc.array(unit, { minLength: 2, maxLength: 5 }).map((units) => units.join('')),
    { maxLength: 30 },
  );

  it('ends ascend strictly, finish at text.length, keep pairs whole and use lexicon words', () => {
    fc.assert(
      fc.property(text, words, (sample, list) => {
        const lexicon = createLexicon(list);
        const ends = segmentHanRun(sample, lexicon);
        if (sample === '') return ends.length === 0;
        let start = 0;
        for (const end of ends) {
          expect(end).toBeGreaterThan(start);
          expect(isInsidePair(sample, end)).toBe(false);
          const word = sample.slice(start, end);
          if ([...word].length > 1) expect(lexicon.has(word)).toBe(true);
          start = end;
        }
        expect(start).toBe(sample.length);
        return true;
      }),
    );
  });

  it('never uses more words than forward maximum matching', () => {
    fc.assert(
      fc.property(text, words, (sample, list) => {
        const lexicon = createLexicon(list);
        const forward = sample === '' ? 0 : splitForwardMaximum(sample, lexicon).split('/').length;
        return segmentHanRun(sample, lexicon).length <= forward;
      }),
    );
  });
});

function isInsidePair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

describe('the edge filter', () => {
  const words = loadWordListFromDisk();

  it('matches every word of the list from its start, built at once and grown from small', () => {
    // The walk's edge filter (a Bloom filter rebuilt on growth) may only ever skip edges that
    // are not there: a false "no" would lose a word.
    const built = createLexicon(words);
    const grown = createLexicon(words.slice(0, 10));
    grown.addWords(words.slice(10));
    const ends = new Int32Array(built.maxWordLength);
    const numbers = new Int32Array(built.maxWordLength);
    for (const lexicon of [built, grown]) {
      const missing = words.filter((word) => {
        const count = lexicon.matchWordEnds(word, 0, word.length, ends, numbers);
        return count === 0 || ends[count - 1] !== word.length;
      });
      expect(missing).toEqual([]);
    }
    expect(words.length).toBeGreaterThan(100_000);
  });
});
