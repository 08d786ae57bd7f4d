import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '../../entrypoints/background/handlers';
import { servePackagedFiles } from './support/packaged-files';

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
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const reply = await handleMessage({
      type: 'lookupWord',
      payload: { text: '经济', path: '../../etc' },
    });
    expect(reply.ok).toBe(false);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('reports a failing handler as an error reply, and loads the file again next time', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `file://${path}`);
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('', { status: 404 }));
    const first = await handleMessage({ type: 'lookupWord', payload: { text: '经济' } });
    expect(first).toMatchObject({
      ok: false,
      error: expect.stringMatching(/missing from the build \(HTTP 404\)/) as unknown,
    });
    vi.restoreAllMocks();
    servePackagedFiles();
    const second = await handleMessage({ type: 'lookupWord', payload: { text: '经济' } });
    expect(second.ok && (second.value as { matches: { word: string }[] }).matches[0]?.word).toBe(
      '经济',
    );
  });
});
