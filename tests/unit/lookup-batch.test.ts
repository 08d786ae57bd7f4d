import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '../../entrypoints/background/handlers';
import type { WordMatch } from '../../utils/dict/lookup';
import { FIELD_LIMITS, LOOKUP_BATCH_LIMITS, MAX_MESSAGE_CHARS } from '../../utils/limits';
import { parseRequest } from '../../utils/messaging';
import { servePackagedFiles } from './support/packaged-files';

const WORDS = ['经济体制改革', '发展', '社会主义', '人民'];

describe('lookupWordBatch validation', () => {
  it('accepts up to the batch limit of well-formed lookups', () => {
    const requests = Array.from({ length: LOOKUP_BATCH_LIMITS.requests }, (_, i) => ({
      text: WORDS[i % WORDS.length] ?? '经济',
      preferred: '经济',
    }));
    expect(parseRequest({ type: 'lookupWordBatch', payload: { requests } }).ok).toBe(true);
  });

  it('refuses one lookup more than the limit, with an error naming where', () => {
    const requests = Array.from({ length: LOOKUP_BATCH_LIMITS.requests + 1 }, () => ({
      text: '经济',
    }));
    const result = parseRequest({ type: 'lookupWordBatch', payload: { requests } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^invalid lookupWordBatch request at requests/);
  });

  it('refuses an empty batch, an over-long text and extra fields', () => {
    for (const payload of [
      { requests: [] },
      { requests: [{ text: '经'.repeat(FIELD_LIMITS.lookupText + 1) }] },
      { requests: [{ text: '' }] },
      { requests: [{ text: '经济', preferred: '经'.repeat(FIELD_LIMITS.lookupText + 1) }] },
      { requests: [{ text: '经济', url: 'https://example.com/' }] },
      { requests: '经济' },
      { requests: [{ text: '经济' }], extra: 1 },
    ]) {
      const result = parseRequest({ type: 'lookupWordBatch', payload });
      expect(result.ok, JSON.stringify(payload).slice(0, 80)).toBe(false);
    }
  });

  it('refuses a batch over the message size limit before parsing it', () => {
    // Within the count limit, but each text is far over its own limit: the size check comes first.
    const requests = Array.from({ length: 8 }, () => ({
      text: '经'.repeat(MAX_MESSAGE_CHARS / 8),
    }));
    const result = parseRequest({ type: 'lookupWordBatch', payload: { requests } });
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.error).toMatch(/^message too large/);
  });
});

describe('lookupWordBatch in the background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    servePackagedFiles();
  });

  it('answers each lookup in the order asked, as lookupWord answers it alone', async () => {
    const requests = WORDS.map((text, i) => (i === 0 ? { text, preferred: '经济' } : { text }));
    const reply = await handleMessage({ type: 'lookupWordBatch', payload: { requests } });
    expect(reply.ok).toBe(true);
    const results = reply.ok ? (reply.value as { results: WordMatch[][] }).results : [];
    expect(results).toHaveLength(WORDS.length);
    expect(results[0]?.[0]?.word).toBe('经济');
    expect(results[2]?.[0]?.word).toBe('社会主义');
    for (const [i, request] of requests.entries()) {
      const single = await handleMessage({ type: 'lookupWord', payload: request });
      expect(single.ok && (single.value as { matches: WordMatch[] }).matches).toEqual(results[i]);
    }
  });

  it('answers an oversized batch with an error and keeps serving', async () => {
    const requests = Array.from({ length: LOOKUP_BATCH_LIMITS.requests + 1 }, () => ({
      text: '经济',
    }));
    const refused = await handleMessage({ type: 'lookupWordBatch', payload: { requests } });
    expect(refused.ok).toBe(false);
    const next = await handleMessage({ type: 'lookupWord', payload: { text: '经济' } });
    expect(next.ok).toBe(true);
  });

  it('looks up text as the page shows it: traditional, with inline-pinyin artefacts', async () => {
    const lookups = [
      { text: '經濟體制改革的', preferred: '經濟' },
      { text: '生產(chǎn)力是' },
      { text: '發展' },
      { text: 'GDP 增长' },
    ];
    const reply = await handleMessage({ type: 'lookupWordBatch', payload: { requests: lookups } });
    if (!reply.ok) throw new Error(reply.error);
    const results = (reply.value as { results: WordMatch[][] }).results;
    // The preferred word (as segmented on the page) comes first, found by its simplified form.
    expect(results[0]?.[0]?.word).toBe('经济');
    expect(results[0]?.map((m) => m.word)).toContain('经济体制');
    // The artefacts are not part of the key: the longest match runs through them.
    expect(results[1]?.[0]?.word).toBe('生产力');
    expect(results[2]?.[0]?.word).toBe('发展');
    // Text that does not start with Chinese has nothing to look up.
    expect(results[3]).toEqual([]);
  });
});
