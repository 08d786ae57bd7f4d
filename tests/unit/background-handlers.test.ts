import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '../../entrypoints/background/handlers';

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
});
