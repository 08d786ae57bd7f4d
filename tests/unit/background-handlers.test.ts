import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '../../entrypoints/background/handlers';
import { base64ToBytes } from '../../utils/base64';
import { readingTableFromTransfer, type ReadingTableTransfer } from '../../utils/zh/reading-table';
import { Lexicon } from '../../utils/zh/segment';

describe('background message handlers', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('answers a ping with the version and when the worker started', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'Tifa Reader',
      version: '9.9.9',
    });
    const reply = await handleMessage({ type: 'ping', payload: {} });
    expect(reply.ok).toBe(true);
    const value = reply.ok ? (reply.value as { version: string; startedAt: number }) : null;
    expect(value?.version).toBe('9.9.9');
    expect(value?.startedAt).toBeLessThanOrEqual(Date.now());
  });

  it('turns invalid requests into error replies without running a handler', async () => {
    const reply = await handleMessage({ type: 'getWordList', payload: { path: '../../etc' } });
    expect(reply.ok).toBe(false);
  });

  it('reports a failing handler as an error reply, retrying the word list next time', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `file://${path}`);
    const fetchMock = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(new Response('', { status: 404 }))
      .mockResolvedValueOnce(new Response('经济\n发展\n', { status: 200 }));
    const first = await handleMessage({ type: 'getWordList', payload: {} });
    expect(first).toEqual({ ok: false, error: 'word list missing from the build (HTTP 404)' });
    const second = await handleMessage({ type: 'getWordList', payload: {} });
    expect(second).toEqual({ ok: true, value: { words: '经济\n发展\n' } });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('hands pages the lexicon packed, glossary words included, with its reading table', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `file://${path}`);
    vi.spyOn(globalThis, 'fetch').mockImplementation((url) =>
      Promise.resolve(
        new Response(
          (typeof url === 'string' ? url : url instanceof URL ? url.href : url.url).endsWith(
            'readings.u8',
          )
            ? '@chars\n重\tzhong4\n@words\n二十大\ter4 shi2 da4\n'
            : '经济\n发展\n',
          { status: 200 },
        ),
      ),
    );
    const reply = await handleMessage({ type: 'getLexicon', payload: {} });
    if (!reply.ok) throw new Error(reply.error);
    const sent = JSON.parse(JSON.stringify(reply.value)) as {
      packed: string;
      readings: ReadingTableTransfer;
    };
    const lexicon = Lexicon.unpack(base64ToBytes(sent.packed));
    expect(lexicon.has('经济')).toBe(true);
    expect(lexicon.has('新质生产力')).toBe(true);
    const table = readingTableFromTransfer(sent.readings, lexicon);
    // (The word list may be the one an earlier test left in the worker's memory.)
    expect(table.word(lexicon.wordNumber('二十大'))).toEqual(['er4', 'shi2', 'da4']);
    expect(table.char('重'.charCodeAt(0))).toBe('zhong4');
  });
});
