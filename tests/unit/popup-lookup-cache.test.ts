import { describe, expect, it } from 'vitest';
import type { WordMatch } from '../../utils/dict/lookup';
import {
  LOOKUP_CACHE_ENTRIES,
  LookupCache,
  requestKey,
} from '../../entrypoints/reader.content/popup/lookup-cache';

function matches(word: string): WordMatch[] {
  return [{ word, entries: [], characters: [] }];
}

describe('the popup’s in-page lookup cache', () => {
  it('keeps answers by request, the preferred word included', () => {
    const cache = new LookupCache(4);
    cache.set({ text: '经济体制' }, matches('经济体制'));
    cache.set({ text: '经济体制', preferred: '经济' }, matches('经济'));
    expect(cache.get({ text: '经济体制' })?.[0]?.word).toBe('经济体制');
    expect(cache.get({ text: '经济体制', preferred: '经济' })?.[0]?.word).toBe('经济');
    expect(cache.get({ text: '经济' })).toBeUndefined();
    expect(requestKey({ text: '经济体制', preferred: '经济' })).not.toBe(
      requestKey({ text: '经济体制经济' }),
    );
  });

  it('is bounded: beyond its limit the least recently used answer goes', () => {
    const cache = new LookupCache(3);
    cache.set({ text: '一' }, matches('一'));
    cache.set({ text: '二' }, matches('二'));
    cache.set({ text: '三' }, matches('三'));
    expect(cache.get({ text: '一' })).toBeDefined(); // now the most recent
    cache.set({ text: '四' }, matches('四'));
    expect(cache.size).toBe(3);
    expect(cache.has({ text: '二' })).toBe(false);
    expect(cache.has({ text: '一' })).toBe(true);
    expect(cache.has({ text: '四' })).toBe(true);
  });

  it('never grows past the default limit and counts what it holds', () => {
    const cache = new LookupCache();
    for (let i = 0; i < LOOKUP_CACHE_ENTRIES * 2; i++) cache.set({ text: `字${i}` }, matches('字'));
    expect(cache.size).toBe(LOOKUP_CACHE_ENTRIES);
    const each = JSON.stringify(matches('字')).length;
    expect(cache.chars).toBe(LOOKUP_CACHE_ENTRIES * each);
    cache.set({ text: `字${LOOKUP_CACHE_ENTRIES * 2 - 1}` }, matches('字字'));
    expect(cache.size).toBe(LOOKUP_CACHE_ENTRIES);
    expect(cache.chars).toBe(
      (LOOKUP_CACHE_ENTRIES - 1) * each + JSON.stringify(matches('字字')).length,
    );
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.chars).toBe(0);
  });
});
