/**
 * Anchoring annotations by quote: finding the W3C Web Annotation text-quote selector (exact text
 * with up to 32 characters of prefix and suffix, quote-capture.ts) plus a position hint (the
 * offset in the page's text) again. Pure functions over strings, so the background (which
 * anchors for the page's reader, `anchorQuotes`), the tests and any later tool agree.
 *
 * Matching runs on matching keys (utils/glossary/normalize.ts: simplified, artefact-free, folded)
 * with a map back to offsets of the text, so a quote taken on a traditional page anchors on the
 * simplified one and the other way round, and inline-pinyin artefacts do not get in the way.
 */
import { normalizeForMatching, type NormalizedText } from '../glossary/normalize';
import type { QuoteSelector, TextSpan } from './quote-capture';

/** How far (in characters) an occurrence may be from the hint and still score some closeness. */
const HINT_RANGE = 2000;

/**
 * Finds the selector's quote in `text`: every occurrence of the exact quote (compared by matching
 * key) is scored by how much of the prefix and suffix match around it and by its distance from
 * the position hint; the best wins. When the quote itself no longer occurs (the page edited a
 * character of it), a span between the prefix and the suffix of about the quote's length is taken
 * instead. Null when neither is found: the annotation is orphaned.
 */
export function anchorQuote(text: string, selector: QuoteSelector): TextSpan | null {
  return anchorInKey(normalizeForMatching(text), selector);
}

/** Every selector's span in `text` (or null), in order: the text is normalised once for all. */
export function anchorQuotes(
  text: string,
  selectors: readonly QuoteSelector[],
): (TextSpan | null)[] {
  const page = normalizeForMatching(text);
  return selectors.map((selector) => anchorInKey(page, selector));
}

function anchorInKey(page: NormalizedText, selector: QuoteSelector): TextSpan | null {
  const exact = normalizeForMatching(selector.exact).key;
  if (!exact) return null;
  const prefix = normalizeForMatching(selector.prefix).key;
  const suffix = normalizeForMatching(selector.suffix).key;
  const key = page.key;
  let best: { start: number; end: number; score: number } | null = null;
  for (let at = key.indexOf(exact); at >= 0; at = key.indexOf(exact, at + 1)) {
    const [start, end] = page.toOriginal(at, at + exact.length);
    const score =
      commonSuffix(key, at, prefix) +
      commonPrefix(key, at + exact.length, suffix) +
      closeness(start, selector.position);
    if (!best || score > best.score) best = { start, end, score };
  }
  if (best) return { start: best.start, end: best.end };
  return anchorBetween(key, prefix, suffix, exact.length, page, selector.position);
}

/** The span between an occurrence of the prefix and the next suffix, if its length is within
 * half of the quote's either way (an edited quote), nearest the hint. */
function anchorBetween(
  key: string,
  prefix: string,
  suffix: string,
  length: number,
  page: NormalizedText,
  position: number,
): TextSpan | null {
  // Context too short to be told apart from chance.
  if (prefix.length < 4 || suffix.length < 4) return null;
  let best: { start: number; end: number; distance: number } | null = null;
  for (let at = key.indexOf(prefix); at >= 0; at = key.indexOf(prefix, at + 1)) {
    const start = at + prefix.length;
    const after = key.indexOf(suffix, start);
    if (after < 0) break;
    const gap = after - start;
    if (gap === 0 || Math.abs(gap - length) > Math.ceil(length / 2)) continue;
    const [s, e] = page.toOriginal(start, after);
    const distance = Math.abs(s - position);
    if (!best || distance < best.distance) best = { start: s, end: e, distance };
  }
  return best && { start: best.start, end: best.end };
}

/** How many characters of `context` end right before `at` in `key`. */
function commonSuffix(key: string, at: number, context: string): number {
  let n = 0;
  while (
    n < context.length &&
    at - n - 1 >= 0 &&
    key[at - n - 1] === context[context.length - n - 1]
  )
    n++;
  return n;
}

/** How many characters of `context` start at `at` in `key`. */
function commonPrefix(key: string, at: number, context: string): number {
  let n = 0;
  while (n < context.length && at + n < key.length && key[at + n] === context[n]) n++;
  return n;
}

/** Up to 1 point (less than one character of context) for being near the hint: the context
 * decides, the hint only breaks ties. */
function closeness(start: number, position: number): number {
  const distance = Math.abs(start - position);
  return distance >= HINT_RANGE ? 0 : 1 - distance / HINT_RANGE;
}
