/**
 * Starting a personal term from text the reader picked: a selection on a page (the in-page form,
 * or the review page's "My terms" when the reader is off for the site) and the address that
 * carries such a start to the review page (`review.html#my-terms?term=…`).
 *
 * The term's key is what the matcher keys page text by (utils/glossary/normalize.ts): inline
 * pinyin artefacts removed, traditional converted to simplified, quotes and full-width ASCII
 * folded. So a term started on a traditional page with artefacts (`縣域經(jīng)濟`) is stored as
 * 县域经济 and is matched in every script, with the traditional form kept for display.
 */
import * as v from 'valibot';
import { TERM_CARD_LIMITS } from '../limits';
import { removeInlinePinyin } from '../zh/artifacts';
import { detectScript } from '../zh/detect-script';
import { normalizeForMatching } from './normalize';

/** The longest selection looked at (TERM_CARD_LIMITS.selectionChars says why); anything longer
 * is cut before the work below. */
export const MAX_SELECTION_CHARS = TERM_CARD_LIMITS.selectionChars;

/** The prefilled fields of a new personal term. */
export interface TermPrefill {
  /** Simplified, artefact-free: the term's key. */
  readonly simplified: string;
  /** The selection's own form when it was written in traditional script. */
  readonly traditional?: string;
}

const HAN = String.raw`\p{Script=Han}`;
/** Whitespace between two Chinese characters (a selection across lines or elements). */
const SPACE_IN_HAN = new RegExp(`(?<=${HAN})\\s+(?=${HAN})`, 'gu');
/** Punctuation, symbols and spaces: dropped at either end (the full stop a drag catches). */
const EDGE = /^[\p{P}\p{S}\s]$/u;
/** Opening and closing quotes and brackets: kept at an end when their pair is inside. */
const OPENER = /^[\p{Ps}\p{Pi}"']$/u;
const CLOSER = /^[\p{Pe}\p{Pf}"']$/u;

/** Drops punctuation and spaces at both ends, but keeps a quote or bracket whose pair is in
 * the term (“十五五”规划 keeps its quotes, 规划。” loses both marks). */
function trimEdges(text: string): string {
  const chars = [...text];
  let start = 0;
  let end = chars.length;
  const has = (pattern: RegExp, from: number, to: number) =>
    chars.slice(from, to).some((c) => pattern.test(c));
  while (start < end) {
    const first = chars[start] ?? '';
    const last = chars[end - 1] ?? '';
    if (EDGE.test(first) && !(OPENER.test(first) && has(CLOSER, start + 1, end))) start++;
    else if (EDGE.test(last) && !(CLOSER.test(last) && has(OPENER, start, end - 1))) end--;
    else break;
  }
  return chars.slice(start, end).join('');
}

/** Tidies a selection into a term's forms, or null when no Chinese is left in it. */
export function termFromSelection(selection: string): TermPrefill | null {
  const text = selection
    .slice(0, MAX_SELECTION_CHARS)
    .replace(SPACE_IN_HAN, '')
    .replace(/\s+/g, ' ');
  const clean = trimEdges(removeInlinePinyin(trimEdges(text)).clean.text);
  if (!/\p{Script=Han}/u.test(clean)) return null;
  const simplified = normalizeForMatching(clean).key.trim();
  const script = detectScript(clean);
  const traditional =
    (script === 'traditional' || script === 'mixed') && clean !== simplified ? clean : undefined;
  return traditional ? { simplified, traditional } : { simplified };
}

/** Where the review page's "My terms" view is, with a term to start from. */
export const MY_TERMS_ROUTE = 'my-terms';

const prefillSchema = v.object({
  term: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(MAX_SELECTION_CHARS)),
});

/** The review page's hash for adding `text` (raw selection text: the page tidies it). */
export function addTermHash(text: string): string {
  const params = new URLSearchParams({ term: text.slice(0, MAX_SELECTION_CHARS) });
  return `#${MY_TERMS_ROUTE}?${params.toString()}`;
}

/**
 * The term to start from in a review-page hash (`#my-terms?term=…`), tidied as a selection is,
 * or null for any other hash. The hash is typed by anyone who can make a link, so it is checked
 * and only ever fills form fields (as text).
 */
export function prefillFromHash(hash: string): TermPrefill | null {
  const match = /^#my-terms\?(.*)$/s.exec(hash);
  if (!match) return null;
  const params = new URLSearchParams(match[1]);
  const parsed = v.safeParse(prefillSchema, { term: params.get('term') ?? '' });
  return parsed.success ? termFromSelection(parsed.output.term) : null;
}
