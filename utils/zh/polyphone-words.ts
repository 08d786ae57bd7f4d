/**
 * Words of political news whose reading pinyin-pro 3.29 gets wrong, with the reading of the
 * standard dictionary (现代汉语词典). Each was checked by hand against pinyin-pro's output; the
 * unit tests pin both this list and a wider set of polyphones pinyin-pro already reads right.
 * `analyze` applies this list last, after the polyphone model (utils/zh/polyphones/) when one
 * is loaded: a word checked by hand outranks a reading learnt from data, and callers without the
 * model still get these fixes. Every entry CC-CEDICT also has agrees with it (checked), so the
 * list and the word table never fight.
 */
const POLYPHONE_WORDS: Readonly<Record<string, string>> = {
  // 长 as "head of" (zhǎng) in titles pinyin-pro reads as cháng.
  处长: 'chu4 zhang3',
  局长: 'ju2 zhang3',
  秘书长: 'mi4 shu1 zhang3',
  委员长: 'wei3 yuan2 zhang3',
  // 重 as "again" (chóng) in verbs of reform and rebuilding.
  重组: 'chong2 zu3',
  重塑: 'chong2 su4',
  重构: 'chong2 gou4',
  重振: 'chong2 zhen4',
  重估: 'chong2 gu1',
  重拾: 'chong2 shi2',
  重铸: 'chong2 zhu4',
  // Others met in political news.
  朝鲜: 'chao2 xian3',
  种植: 'zhong4 zhi2',
  有为: 'you3 wei2',
  基调: 'ji1 diao4',
  量化: 'liang4 hua4',
};

interface WordTable {
  /** Listed words by their first code unit, longest first. */
  byFirst: Map<number, { word: string; readings: string[] }[]>;
  /** 1 for each code unit that starts a listed word: the scan reads one byte per character. */
  starts: Uint8Array;
}

let table: WordTable | null = null;

function buildTable(): WordTable {
  const byFirst = new Map<number, { word: string; readings: string[] }[]>();
  const starts = new Uint8Array(65536);
  for (const [word, reading] of Object.entries(POLYPHONE_WORDS)) {
    const first = word.charCodeAt(0);
    starts[first] = 1;
    const list = byFirst.get(first) ?? [];
    list.push({ word, readings: reading.split(' ') });
    // Longest first, so 挑大梁 wins over a shorter word at the same place.
    list.sort((a, b) => b.word.length - a.word.length);
    byFirst.set(first, list);
  }
  return { byFirst, starts };
}

/**
 * Overrides readings (one per code point of `simplified`, tone-number form) where a listed word
 * occurs. Listed words are all in the Basic Multilingual Plane, so code units and code points
 * agree inside them; positions are tracked in code points for the rest of the text.
 */
export function applyPolyphoneWords(simplified: string, readings: string[]): string[] {
  const { byFirst, starts } = (table ??= buildTable());
  let point = 0;
  for (let i = 0; i < simplified.length;) {
    const unit = simplified.charCodeAt(i);
    if (starts[unit] === 1) {
      const match = byFirst.get(unit)?.find((c) => simplified.startsWith(c.word, i));
      if (match) {
        match.readings.forEach((reading, k) => (readings[point + k] = reading));
        i += match.word.length;
        point += match.word.length;
        continue;
      }
    }
    i += unit >= 0xd800 && unit <= 0xdbff && (simplified.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    point++;
  }
  return readings;
}

/** The list itself, for tests and for the documentation of what is overridden. */
export function polyphoneWords(): Readonly<Record<string, string>> {
  return POLYPHONE_WORDS;
}
