import { describe, expect, it, vi } from 'vitest';
import { loadOnce } from '../../utils/load-once';

describe('loadOnce', () => {
  it('starts the load once and shares it', async () => {
    const load = vi.fn(() => Promise.resolve(42));
    const get = loadOnce(load);
    expect(await Promise.all([get(), get()])).toEqual([42, 42]);
    expect(await get()).toBe(42);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('forgets a failed load, so the next call tries again', async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('missing'))
      .mockResolvedValueOnce('ok');
    const get = loadOnce(load);
    await expect(get()).rejects.toThrow('missing');
    expect(await get()).toBe('ok');
    expect(await get()).toBe('ok');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
