import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS } from '../../utils/limits';
import { parseRequest } from '../../utils/messaging';

describe('message validation at the background boundary', () => {
  it('says what was expected, never the value it got (page text must not reach a log)', () => {
    const secret = '这是网页上的一句话 https://example.cn/private';
    const result = parseRequest({ type: 'updateWord', payload: { key: 'x', status: secret } });
    expect(result.ok).toBe(false);
    const error = !result.ok ? result.error : '';
    expect(error).toMatch(/^invalid updateWord request/);
    expect(error).not.toContain('这是');
    expect(error).not.toContain('example.cn');
  });

  it('accepts a well-formed request', () => {
    expect(parseRequest({ type: 'ping', payload: {} })).toEqual({
      ok: true,
      type: 'ping',
      payload: {},
    });
  });

  it('refuses unknown types without echoing more than a short prefix', () => {
    const result = parseRequest({ type: 'x'.repeat(500), payload: {} });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.length).toBeLessThan(80);
    expect(parseRequest({ type: 'dropDatabase', payload: {} })).toEqual({
      ok: false,
      error: 'unknown message type "dropDatabase"',
    });
  });

  it('refuses malformed envelopes', () => {
    for (const raw of [null, undefined, 42, 'ping', [], { payload: {} }, { type: 'ping' }]) {
      expect(parseRequest(raw).ok, JSON.stringify(raw)).toBe(false);
    }
  });

  it('refuses extra fields in a payload and names where', () => {
    const result = parseRequest({ type: 'ping', payload: { evil: true } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^invalid ping request/);
  });

  it('refuses oversized messages before parsing them', () => {
    const result = parseRequest({
      type: 'ping',
      payload: { blob: 'a'.repeat(MAX_MESSAGE_CHARS) },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^message too large/);
  });

  it('refuses values that cannot be serialised', () => {
    const cyclic: Record<string, unknown> = { type: 'ping' };
    cyclic.payload = cyclic;
    expect(parseRequest(cyclic)).toEqual({ ok: false, error: 'message is not serialisable' });
  });
});
