/**
 * Taking a quote for an annotation: the W3C text-quote selector (exact text with up to 32
 * characters of prefix and suffix) plus a position hint. Slicing only, no normalisation, so the
 * page's reader takes quotes without the conversion tables; finding them again is
 * quote-selector.ts's, run in the background (`anchorQuotes`).
 */

/** Characters of context kept on each side of the quote (W3C `prefix`/`suffix`). */
export const QUOTE_CONTEXT_CHARS = 32;

export interface QuoteSelector {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  /** Offset of `exact` in the page's text when the annotation was made. */
  readonly position: number;
}

/** A span of the text being anchored in. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** The selector for [start, end) of `text` (the page's text as the reader displays it). */
export function createQuoteSelector(text: string, start: number, end: number): QuoteSelector {
  let from = Math.max(0, start - QUOTE_CONTEXT_CHARS);
  let to = Math.min(text.length, end + QUOTE_CONTEXT_CHARS);
  // Never cut a surrogate pair in half.
  if (isLowSurrogate(text.charCodeAt(from))) from++;
  if (isHighSurrogate(text.charCodeAt(to - 1))) to--;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(from, start),
    suffix: text.slice(end, to),
    position: start,
  };
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
