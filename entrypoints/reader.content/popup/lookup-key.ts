/**
 * What the popup asks the background for a word under the pointer: the simplified,
 * artefact-free Chinese from the word on, and the word as reading mode segmented it. Hovering and
 * prefetching build requests here alike, so a prefetched answer is found again by a hover.
 */
// analyze-core: asks for no readings, so pinyin-pro is not needed (nor loaded on the page).
import { analyze } from '../../../utils/zh/analyze-core';
import { isHanCodePoint } from '../../../utils/zh/han';
import type { LookupRequest } from './lookup-cache';
import type { WordAtPoint } from './word-at-point';

/** Longest text sent for a lookup, in code points (the dictionary's longest useful match). */
const LOOKUP_CHARS = 16;

/** The last request built for each drawn word, with the text it was built from. */
const built = new WeakMap<
  object,
  { text: string; segmented: string | undefined; request: LookupRequest | null }
>();

/** The lookup for a word found on the page, or null when it holds no Chinese to look up.
 * Remembered per drawn word (its anchor element) while its text stays the same, so a hover over
 * a prefetched word does not run `analyze` again. */
export function lookupRequestFor(
  word: Pick<WordAtPoint, 'text' | 'segmented' | 'anchor'>,
): LookupRequest | null {
  const known = built.get(word.anchor);
  if (known && known.text === word.text && known.segmented === word.segmented) return known.request;
  const request = buildRequest(word);
  // Ranges are made afresh on each hover; only our drawn words are worth remembering.
  if (word.anchor instanceof Element)
    built.set(word.anchor, { text: word.text, segmented: word.segmented, request });
  return request;
}

function buildRequest(word: Pick<WordAtPoint, 'text' | 'segmented'>): LookupRequest | null {
  const text = lookupKey(word.text);
  if (!text) return null;
  const preferred = word.segmented ? lookupKey(word.segmented) : '';
  return preferred ? { text, preferred } : { text };
}

/** The simplified, artefact-free Chinese at the start of `text`, at most LOOKUP_CHARS long. */
export function lookupKey(text: string): string {
  const simplified = analyze(text, { to: 'cn', pinyin: 'none' })
    .tokens.map((t) => t.simplified)
    .join('');
  let key = '';
  let count = 0;
  for (const char of simplified) {
    if (!isHanCodePoint(char.codePointAt(0) ?? 0) || count >= LOOKUP_CHARS) break;
    key += char;
    count++;
  }
  return key;
}
