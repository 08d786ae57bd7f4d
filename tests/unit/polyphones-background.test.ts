import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '../../entrypoints/background/handlers';
import { parseRequest } from '../../utils/messaging';

describe('getPolyphoneModel', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('accepts only an empty payload', () => {
    expect(parseRequest({ type: 'getPolyphoneModel', payload: {} }).ok).toBe(true);
    expect(parseRequest({ type: 'getPolyphoneModel', payload: { url: 'x' } }).ok).toBe(false);
  });

  it('serves the packaged model file, retrying after a failed read', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `ext://${path}`);
    const fetchMock = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(new Response('', { status: 404 }))
      .mockResolvedValueOnce(new Response('# format: tifa-polyphones\n', { status: 200 }));
    const first = await handleMessage({ type: 'getPolyphoneModel', payload: {} });
    expect(first).toEqual({
      ok: false,
      error: 'polyphone model: ext:///polyphones/model.u8 answered 404',
    });
    const second = await handleMessage({ type: 'getPolyphoneModel', payload: {} });
    expect(second).toEqual({ ok: true, value: { model: '# format: tifa-polyphones\n' } });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(fetchMock).toHaveBeenLastCalledWith('ext:///polyphones/model.u8');
  });
});
