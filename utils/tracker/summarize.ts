/**
 * The term tracker's counting, shared by the reader (which sends one `recordSightings` message per
 * page) and `tifa track` (which writes the same rows as CSV): hits in, one count and one sentence
 * per term out. Pure and DOM-free.
 *
 * The reader wires it with one call once it has matched a page's paragraphs:
 *
 *   const hits = paragraphs.flatMap((text) =>
 *     matchTerms(text).map((hit) => ({ id: hit.id, sentence: sentenceAround(text, hit.start, hit.end) })));
 *   await sendToBackground('recordSightings', {
 *     url: location.href, title: document.title, outlet: location.hostname, date: Date.now(),
 *     terms: summarizeSightings(hits),
 *   });
 *
 * Only when `shouldTrackSite(sanitizeTrackerSettings(await trackerSettings.getValue()), host)`
 * (utils/settings.ts) says so: the tracker is off by default, and the background checks again.
 * Sending a page again replaces its rows. Personal terms are counted under
 * `personalSightingId(id)` (utils/tracker/term-names.ts). An empty `terms` list clears the page.
 */
import { FIELD_LIMITS, TRACKER_LIMITS } from '../limits';

/** One term occurrence on a page: the matcher's id and the sentence it is in. */
export interface SightingHit {
  readonly id: string;
  readonly sentence: string;
}

/** One term on one page, as `recordSightings` carries it. */
export interface TermSighting {
  id: string;
  count: number;
  /** The first non-empty sentence the term occurs in, at most FIELD_LIMITS.sentence long. */
  sentence: string;
}

/**
 * Counts hits per term and keeps the first sentence of each, in order of first occurrence. A page
 * with more than TRACKER_LIMITS.termsPerPage distinct terms keeps the most frequent ones (ties:
 * the earlier), so the message always fits the protocol's limits.
 */
export function summarizeSightings(hits: Iterable<SightingHit>): TermSighting[] {
  const byId = new Map<string, TermSighting>();
  for (const { id, sentence } of hits) {
    const seen = byId.get(id);
    if (seen) {
      seen.count++;
      if (!seen.sentence && sentence) seen.sentence = clipSentence(sentence);
    } else {
      byId.set(id, { id, count: 1, sentence: clipSentence(sentence) });
    }
  }
  let terms = [...byId.values()];
  if (terms.length > TRACKER_LIMITS.termsPerPage) {
    const order = new Map(terms.map((t, i) => [t.id, i]));
    const kept = new Set(
      [...terms]
        .sort((a, b) => b.count - a.count || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
        .slice(0, TRACKER_LIMITS.termsPerPage)
        .map((t) => t.id),
    );
    terms = terms.filter((t) => kept.has(t.id));
  }
  for (const term of terms) term.count = Math.min(term.count, TRACKER_LIMITS.countPerTerm);
  return terms;
}

/** Ends a sentence: Chinese and Western full stops, question and exclamation marks, line breaks. */
const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '\n', '\r']);

/** The same characters, to find the next one natively (`lastIndex` set before each search). */
const SENTENCE_END_RE = /[。！？!?\n\r]/g;

/** Closing quotes and brackets that belong to the sentence before them (……。” stays whole). */
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '"', "'", '】']);

/**
 * The sentence of `text` around the span [start, end): from after the previous sentence end to
 * the next one (with its closing quotes), trimmed. A sentence longer than FIELD_LIMITS.sentence
 * is cut to a window of that length around the span.
 */
export function sentenceAround(text: string, start: number, end: number): string {
  // Native searches rather than a character loop: the reader runs this in a fresh content
  // script world on every page, where a JavaScript loop is still interpreted (cold), and a
  // long paragraph made the loop the tracker's main cost (scripts/bench/tracker.ts).
  let from = 0;
  for (const mark of SENTENCE_END) from = Math.max(from, text.lastIndexOf(mark, start - 1) + 1);
  if (start === 0) from = 0;
  // Closing quotes right after the previous sentence's end are that sentence's.
  while (from < start && CLOSERS.has(text[from] ?? '')) from++;
  SENTENCE_END_RE.lastIndex = end;
  let to = SENTENCE_END_RE.exec(text)?.index ?? text.length;
  if (to < text.length && text[to] !== '\n' && text[to] !== '\r') to++;
  while (to < text.length && CLOSERS.has(text[to] ?? '')) to++;
  let sentence = text.slice(from, to);
  if (sentence.length > FIELD_LIMITS.sentence) {
    const middle = Math.floor((start + end) / 2);
    let windowStart = Math.max(
      from,
      Math.min(middle - FIELD_LIMITS.sentence / 2, to - FIELD_LIMITS.sentence),
    );
    // Never start on the second half of a surrogate pair.
    const first = text.charCodeAt(windowStart);
    if (first >= 0xdc00 && first <= 0xdfff) windowStart++;
    sentence = text.slice(windowStart, windowStart + FIELD_LIMITS.sentence);
  }
  return clipSentence(sentence.replace(/\s+/g, ' ').trim());
}

/** At most FIELD_LIMITS.sentence UTF-16 units, never ending inside a surrogate pair. */
function clipSentence(sentence: string): string {
  if (sentence.length <= FIELD_LIMITS.sentence) return sentence;
  let cut = FIELD_LIMITS.sentence;
  const last = sentence.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return sentence.slice(0, cut);
}
