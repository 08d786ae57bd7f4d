/**
 * The term tracker's side of the reader: gathers the term hits the annotator has already matched
 * (one pass over them, no DOM walk) and turns them into the `recordSightings` summary of the page.
 * Only a term's id, its count and one sentence around its first occurrence are kept.
 */
import {
  summarizeSightings,
  sentenceAround,
  type SightingHit,
  type TermSighting,
} from '../../../utils/tracker/summarize';

/** A hit in offsets of the text it was matched in. */
export interface HitSpan {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/** The mark `summarize` leaves in the page's performance timeline, for the tracker benchmark
 * (scripts/bench/tracker.ts): its detail says what the tracker cost the main thread so far. */
export const TRACKER_MARK = 'tifa:tracker';

export interface TrackerMarkDetail {
  /** Main-thread milliseconds spent in `add` and `summarize` since the page was drawn. */
  readonly busyMs: number;
  readonly hits: number;
  readonly terms: number;
}

export class PageSightings {
  private readonly hits: SightingHit[] = [];
  private readonly seen = new Set<string>();
  private reported = 0;
  private busyMs = 0;

  /** Adds the hits of one text node. The sentence is cut out for a term's first hit only: later
   * hits carry none, which `summarizeSightings` reads as "keep the first". */
  add(text: string, hits: readonly HitSpan[]): void {
    const started = performance.now();
    for (const hit of hits) {
      const first = !this.seen.has(hit.id);
      if (first) this.seen.add(hit.id);
      this.hits.push({
        id: hit.id,
        sentence: first ? sentenceAround(text, hit.start, hit.end) : '',
      });
    }
    this.busyMs += performance.now() - started;
  }

  /** Whether hits arrived since the last `summarize`. */
  get changed(): boolean {
    return this.hits.length !== this.reported;
  }

  /** The page's terms so far, as `recordSightings` carries them. */
  summarize(): TermSighting[] {
    const started = performance.now();
    this.reported = this.hits.length;
    const terms = summarizeSightings(this.hits);
    this.busyMs += performance.now() - started;
    const detail: TrackerMarkDetail = {
      busyMs: this.busyMs,
      hits: this.hits.length,
      terms: terms.length,
    };
    performance.mark(TRACKER_MARK, { detail });
    return terms;
  }
}
