/**
 * Bytes as base64 text and back, for binary data that must travel in extension messages (which
 * carry JSON: a typed array would arrive as an object of numbered keys). Uses the built-in
 * `Uint8Array.fromBase64` / `toBase64` where the engine has them (Chromium 140+), else
 * `atob`/`btoa`.
 */

interface Base64Native {
  fromBase64?: (text: string) => Uint8Array;
}

/** Encodes bytes as base64. */
export function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  // btoa takes a "binary string"; build it in chunks (spreading megabytes at once overflows the
  // call stack).
  const CHUNK = 0x8000;
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  }
  return btoa(parts.join(''));
}

/** Decodes base64; throws a clear error on text that is not base64. */
export function base64ToBytes(text: string): Uint8Array {
  const native = (Uint8Array as unknown as Base64Native).fromBase64;
  try {
    if (typeof native === 'function') return native(text);
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    throw new Error('not valid base64');
  }
}
