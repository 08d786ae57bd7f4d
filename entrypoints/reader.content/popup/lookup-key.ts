/**
 * What the popup asks the background for a word under the pointer: the text from the word on,
 * as the page shows it, and the word as reading mode segmented it (the background takes their
 * simplified, artefact-free Chinese: utils/dict/lookup-key.ts). Hovering and prefetching build
 * requests here alike, so a prefetched answer is found again by a hover.
 */
import { isHanCodePoint } from '../../../utils/zh/han';
import { FIELD_LIMITS } from '../../../utils/limits';
import type { LookupRequest } from './lookup-cache';
import type { WordAtPoint } from './word-at-point';

/** The lookup for a word found on the page, or null when it does not start with Chinese. */
export function lookupRequestFor(
  word: Pick<WordAtPoint, 'text' | 'segmented'>,
): LookupRequest | null {
  if (!isHanCodePoint(word.text.codePointAt(0) ?? 0)) return null;
  const text = word.text.slice(0, FIELD_LIMITS.lookupText);
  const preferred = word.segmented?.slice(0, FIELD_LIMITS.lookupText);
  return preferred ? { text, preferred } : { text };
}
