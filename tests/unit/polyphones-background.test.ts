import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '../../entrypoints/background/handlers';
import { parseRequest } from '../../utils/messaging';
import {
  polyphoneModelFromTransfer,
  type PolyphoneModelTransfer,
} from '../../utils/zh/polyphones/model-format';

describe('getPolyphoneModel', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('accepts only an empty payload', () => {
    expect(parseRequest({ type: 'getPolyphoneModel', payload: {} }).ok).toBe(true);
    expect(parseRequest({ type: 'getPolyphoneModel', payload: { url: 'x' } }).ok).toBe(false);
  });

  it('serves the packaged model parsed and checked, retrying after a failed read', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `ext://${path}`);
    const fetchMock = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(new Response('', { status: 404 }))
      .mockResolvedValueOnce(new Response(TINY_MODEL, { status: 200 }));
    const first = await handleMessage({ type: 'getPolyphoneModel', payload: {} });
    expect(first).toEqual({
      ok: false,
      error: 'polyphone model: ext:///polyphones/model.u8 answered 404',
    });
    const second = await handleMessage({ type: 'getPolyphoneModel', payload: {} });
    if (!second.ok) throw new Error(second.error);
    // What the page gets, after the messaging layer's JSON round trip.
    const sent = JSON.parse(JSON.stringify(second.value)) as { model: PolyphoneModelTransfer };
    const model = polyphoneModelFromTransfer(sent.model);
    expect(model.chars.get('行')?.readings).toEqual(['xing2', 'hang2']);
    expect(Array.from(model.chars.get('行')?.weights.get('b') ?? [])).toEqual([0.5, -0.5]);
    expect(model.words.get('行长')).toEqual(['hang2', 'zhang3']);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(fetchMock).toHaveBeenLastCalledWith('ext:///polyphones/model.u8');
  });
});

const TINY_MODEL = [
  '# format: tifa-polyphones',
  '# format-version: 1',
  '# features: 1',
  '# scale: 100',
  '@agreements',
  'proAlone\t10',
  '@chars',
  '行\txing2 hang2',
  '@weights',
  '行\tb\t50,-50',
  '@words',
  '行长\thang2 zhang3',
  '',
].join('\n');
