/**
 * The Terms dashboard's figures, computed from the keys of the sightings table's
 * `[termId+outlet+time+count]` index (utils/db/schema.ts): reading keys instead of rows skips
 * 100,000 sentences, titles and URLs the overview does not show. Pure functions.
 */

/** One key of the `[termId+outlet+time+count]` index. */
export type SightingKey = readonly [termId: string, outlet: string, time: number, count: number];

/** Epoch milliseconds in a day and a week. */
const DAY = 24 * 60 * 60 * 1000;
const WEEK = 7 * DAY;
/** 1970-01-01 was a Thursday; weeks start on Monday (ISO 8601), the 5th, four days later. */
const FIRST_MONDAY = 4 * DAY;

/** The Monday 00:00 UTC that starts the ISO week of `time`. */
export function weekStart(time: number): number {
  return Math.floor((time - FIRST_MONDAY) / WEEK) * WEEK + FIRST_MONDAY;
}

export interface OutletCount {
  readonly outlet: string;
  /** Occurrences of the term on the outlet's pages. */
  readonly mentions: number;
  /** Pages of the outlet with the term. */
  readonly pages: number;
}

export interface TermSummary {
  readonly id: string;
  readonly mentions: number;
  readonly pages: number;
  readonly firstSeen: number;
  readonly lastSeen: number;
  /** Most mentions first. */
  readonly outlets: readonly OutletCount[];
  /** The term's keys in the index array: [start, end). */
  readonly range: readonly [number, number];
}

export interface OutletSummary {
  readonly outlet: string;
  readonly mentions: number;
  readonly pages: number;
  /** The outlet's most frequent terms, most mentions first (at most `topTerms`). */
  readonly terms: readonly { readonly id: string; readonly mentions: number }[];
}

export interface TrackerOverview {
  /** Most mentions first. */
  readonly terms: readonly TermSummary[];
  /** Most mentions first. */
  readonly outlets: readonly OutletSummary[];
  /** Rows: one per term per page. */
  readonly sightings: number;
  readonly mentions: number;
  /** The keys summarised, for `weeklySeries` of one term. */
  readonly keys: readonly SightingKey[];
}

/**
 * Summarises index keys in one pass. Keys must come in index order (by term, then outlet, then
 * time), as IndexedDB returns them; each term's keys are then one contiguous range.
 */
export function summarizeKeys(keys: readonly SightingKey[], topTerms = 10): TrackerOverview {
  const terms: TermSummary[] = [];
  const outletTerms = new Map<
    string,
    { mentions: number; pages: number; terms: Map<string, number> }
  >();
  let mentionsTotal = 0;
  let i = 0;
  while (i < keys.length) {
    const first = keys[i];
    if (!first) break;
    const id = first[0];
    const start = i;
    let mentions = 0;
    let firstSeen = Infinity;
    let lastSeen = -Infinity;
    const outlets: OutletCount[] = [];
    while (i < keys.length && keys[i]?.[0] === id) {
      const outlet = keys[i]?.[1] ?? '';
      let outletMentions = 0;
      let outletPages = 0;
      for (; i < keys.length; i++) {
        const key = keys[i];
        if (!key || key[0] !== id || key[1] !== outlet) break;
        const [, , time, count] = key;
        outletMentions += count;
        outletPages++;
        if (time < firstSeen) firstSeen = time;
        if (time > lastSeen) lastSeen = time;
      }
      outlets.push({ outlet, mentions: outletMentions, pages: outletPages });
      mentions += outletMentions;
      let summary = outletTerms.get(outlet);
      if (!summary) {
        summary = { mentions: 0, pages: 0, terms: new Map() };
        outletTerms.set(outlet, summary);
      }
      summary.mentions += outletMentions;
      summary.pages += outletPages;
      summary.terms.set(id, outletMentions);
    }
    outlets.sort((a, b) => b.mentions - a.mentions || compareText(a.outlet, b.outlet));
    terms.push({ id, mentions, pages: i - start, firstSeen, lastSeen, outlets, range: [start, i] });
    mentionsTotal += mentions;
  }
  terms.sort((a, b) => b.mentions - a.mentions || compareText(a.id, b.id));
  const outlets: OutletSummary[] = [...outletTerms].map(([outlet, summary]) => ({
    outlet,
    mentions: summary.mentions,
    pages: summary.pages,
    terms: topEntries(summary.terms, topTerms),
  }));
  outlets.sort((a, b) => b.mentions - a.mentions || compareText(a.outlet, b.outlet));
  return { terms, outlets, sightings: keys.length, mentions: mentionsTotal, keys };
}

/** The `n` largest counts of a map, largest first (ties by id). */
function topEntries(counts: ReadonlyMap<string, number>, n: number) {
  const top: { id: string; mentions: number }[] = [];
  for (const [id, mentions] of counts) {
    if (top.length === n && mentions <= (top[n - 1]?.mentions ?? 0)) continue;
    top.push({ id, mentions });
    top.sort((a, b) => b.mentions - a.mentions || compareText(a.id, b.id));
    if (top.length > n) top.pop();
  }
  return top;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A weekly timeline: every week from the first to the last sighting, empty weeks included. */
export interface WeeklySeries {
  /** Week starts, epoch seconds (uPlot's time axis). */
  readonly weeks: number[];
  /** Occurrences per week. */
  readonly mentions: number[];
  /** Pages per week. */
  readonly pages: number[];
}

/** The weekly timeline of one term, from its keys. */
export function weeklySeries(
  keys: readonly SightingKey[],
  range: readonly [number, number],
): WeeklySeries {
  const [start, end] = range;
  if (end <= start) return { weeks: [], mentions: [], pages: [] };
  let first = Infinity;
  let last = -Infinity;
  for (let i = start; i < end; i++) {
    const time = keys[i]?.[2] ?? 0;
    if (time < first) first = time;
    if (time > last) last = time;
  }
  const firstWeek = weekStart(first);
  const count = Math.round((weekStart(last) - firstWeek) / WEEK) + 1;
  const mentions = new Array<number>(count).fill(0);
  const pages = new Array<number>(count).fill(0);
  for (let i = start; i < end; i++) {
    const key = keys[i];
    if (!key) continue;
    const week = Math.round((weekStart(key[2]) - firstWeek) / WEEK);
    mentions[week] = (mentions[week] ?? 0) + key[3];
    pages[week] = (pages[week] ?? 0) + 1;
  }
  const weeks = Array.from({ length: count }, (_, w) => (firstWeek + w * WEEK) / 1000);
  return { weeks, mentions, pages };
}
