import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '../../entrypoints/background/handlers';
import { base64ToBytes } from '../../utils/base64';
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

  it('hands pages the word list as a built lexicon, packed', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `file://${path}`);
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('经济\n发展\n', { status: 200 }));
    const reply = await handleMessage({ type: 'getLexicon', payload: {} });
    if (!reply.ok) throw new Error(reply.error);
    const { packed } = reply.value as { packed: string };
    const lexicon = Lexicon.unpack(base64ToBytes(packed));
    expect(lexicon.has('经济')).toBe(true);
    expect(lexicon.has('发展')).toBe(true);
    expect(lexicon.size).toBe(2);
  });

  it('refuses to inject the reader for a sender that is not a tab', async () => {
    const reply = await handleMessage({ type: 'injectReader', payload: {} }, {});
    expect(reply).toEqual({ ok: false, error: 'injectReader must come from a tab' });
  });
});
