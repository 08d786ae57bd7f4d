/**
 * The popup's in-page memory of lookups the background already answered for this page: a bounded
 * least-recently-used map from a lookup request to its matches. It holds only what was sent to
 * this page (hovered words and prefetched paragraphs), never the dictionary.
 */
import type { WordMatch } from '../../../utils/dict/lookup';

/** One lookup as the background takes it (see `lookupWord` in utils/messaging.ts). */
export interface LookupRequest {
  readonly text: string;
  readonly preferred?: string;
}

/** Requests kept: a screen of ruby text holds a few hundred word starts, so this is a few
 * screens, about 2 MB of JS objects at most (benchmarked; see BENCHMARKS.md, popup section). */
export const LOOKUP_CACHE_ENTRIES = 1024;

/** The cache key of a request: `preferred` changes which match is listed first. */
export function requestKey(request: LookupRequest): string {
  return request.preferred ? `${request.text}\u0000${request.preferred}` : request.text;
}

/** A bounded LRU map of lookup results, with the size of what it holds (JSON characters). */
export class LookupCache {
  /** Insertion order is recency order: a hit is moved to the end, the first is evicted. */
  private readonly entries = new Map<string, { matches: WordMatch[]; chars: number }>();
  private heldChars = 0;

  constructor(readonly limit: number = LOOKUP_CACHE_ENTRIES) {}

  /** The cached matches of a request (marking it recently used), or undefined. */
  get(request: LookupRequest): WordMatch[] | undefined {
    const key = requestKey(request);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.matches;
  }

  has(request: LookupRequest): boolean {
    return this.entries.has(requestKey(request));
  }

  /** Keeps the matches of a request, evicting the least recently used beyond the limit. */
  set(request: LookupRequest, matches: WordMatch[], chars = JSON.stringify(matches).length): void {
    const key = requestKey(request);
    const old = this.entries.get(key);
    if (old) {
      this.heldChars -= old.chars;
      this.entries.delete(key);
    }
    this.entries.set(key, { matches, chars });
    this.heldChars += chars;
    while (this.entries.size > this.limit) {
      const first = this.entries.keys().next();
      if (first.done) break;
      this.heldChars -= this.entries.get(first.value)?.chars ?? 0;
      this.entries.delete(first.value);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** What the cache holds, as characters of the results' JSON (the message's own size). */
  get chars(): number {
    return this.heldChars;
  }

  clear(): void {
    this.entries.clear();
    this.heldChars = 0;
  }
}
