/**
 * What a dictionary lookup searches for, from the text a page shows under the pointer: its
 * simplified, artefact-free Chinese from the start, at most LOOKUP_CHARS characters. Worked out
 * in the background, which has the conversion tables and the readings artefact removal checks.
 */
import { analyze } from '../zh/analyze-core';
import { isHanCodePoint } from '../zh/han';

/** Longest key, in code points (the dictionary's longest useful match). */
export const LOOKUP_CHARS = 16;

/** The simplified, artefact-free Chinese at the start of `text`, at most LOOKUP_CHARS long;
 * '' when it does not start with Chinese. */
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
