import { beforeAll, describe, expect, it } from 'vitest';
import { findCedictEntries, type CedictEntry } from '../../utils/dict/cedict-format';
import { readCompiledFile } from '../../utils/dict/load-node';
import { lookupWords } from '../../utils/dict/lookup';
import { parseClassifiers, parseCrossReference } from '../../utils/dict/sense-parts';

let find: (word: string) => CedictEntry[];
beforeAll(() => {
  const text = readCompiledFile('cedict.u8');
  find = (word) => findCedictEntries(text, word);
});

describe('dictionary lookup', () => {
  it('lists the longest word first, then the shorter words starting there', () => {
    const words = lookupWords('经济体制改革', find).map((m) => m.word);
    expect(words).toEqual(['经济体制', '经济体', '经济', '经']);
  });

  it('puts the word as reading mode segmented it first', () => {
    expect(lookupWords('经济体制', find, '经济')[0]?.word).toBe('经济');
  });

  it('gives every sense, classifiers apart, and a character breakdown', () => {
    const match = lookupWords('上午', find)[0];
    const entry = match?.entries[0];
    expect(entry?.pinyin).toBe('shang4 wu3');
    expect(entry?.senses).toContain('morning');
    expect(entry?.senses.some((s) => s.startsWith('CL:'))).toBe(false);
    expect(entry?.classifiers).toEqual([{ traditional: '個', simplified: '个', pinyin: 'ge4' }]);
    expect(match?.characters.map((c) => c.char)).toEqual(['上', '午']);
  });

  it('resolves "variant of X" with X’s own meaning', () => {
    const entry = lookupWords('B格', find)[0]?.entries[0];
    const reference = entry?.references[0];
    expect(reference).toMatchObject({ kind: 'variant', simplified: '逼格', pinyin: 'bi1 ge2' });
    expect(reference?.senses.length).toBeGreaterThan(0);
    expect(reference?.senses.join(' ')).not.toContain('variant of 逼格');
  });

  it('returns nothing for text that starts with no Chinese word', () => {
    expect(lookupWords('。', find)).toEqual([]);
  });
});

describe('sense parts', () => {
  it('parses classifier lists', () => {
    expect(parseClassifiers('CL:個|个[ge4],位[wei4]')).toEqual([
      { traditional: '個', simplified: '个', pinyin: 'ge4' },
      { traditional: '位', simplified: '位', pinyin: 'wei4' },
    ]);
    expect(parseClassifiers('morning')).toBeNull();
  });

  it('parses the kinds of cross-reference and ignores prose', () => {
    expect(parseCrossReference('old variant of 乾[gan1]')).toMatchObject({
      kind: 'old-variant',
      simplified: '乾',
    });
    expect(parseCrossReference('see 開金|开金[kai1 jin1]')).toMatchObject({
      kind: 'see',
      traditional: '開金',
      simplified: '开金',
      pinyin: 'kai1 jin1',
    });
    expect(parseCrossReference('see below')).toBeNull();
    expect(parseCrossReference('a variant of the rules')).toBeNull();
  });
});
