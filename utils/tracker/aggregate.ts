/**
 * The term tracker's totals: per term, mentions and pages by week and by outlet, first and last
 * seen (`TermStatsRecord`, utils/db/schema.ts). The background keeps them in step with every
 * sightings write (`addSightingToStats`), and the Terms dashboard reads them instead of the
 * sightings themselves (`summarizeStats`, `weeklySeries`). Pure functions.
 */
import type { SightingRecord, StatsBucket, TermStatsRecord } from '../db/schema';

/** Epoch milliseconds in a day and a week. */
const DAY = 24 * 60 * 60 * 1000;
const WEEK = 7 * DAY;
/** 1970-01-01 was a Thursday; weeks start on Monday (ISO 8601), the 5th, four days later. */
const FIRST_MONDAY = 4 * DAY;

/** The Monday 00:00 UTC that starts the ISO week of `time`. */
export function weekStart(time: number): number {
  return Math.floor((time - FIRST_MONDAY) / WEEK) * WEEK + FIRST_MONDAY;
}

type Counted = Pick<SightingRecord, 'termId' | 'outlet' | 'time' | 'count'>;

/**
 * Adds (`sign` 1) or takes away (`sign` -1) one sighting's part in its term's totals and returns
 * the new totals, or null when no sighting of the term is left. Taking a sighting away can leave
 * `firstSeen`/`lastSeen` too wide: the caller sets them again from the sightings themselves.
 */
export function addSightingToStats(
  stats: TermStatsRecord | undefined,
  row: Counted,
  sign: 1 | -1,
): TermStatsRecord | null {
  const base: TermStatsRecord = stats ?? {
    termId: row.termId,
    mentions: 0,
    pages: 0,
    firstSeen: row.time,
    lastSeen: row.time,
    weeks: [],
    outlets: [],
  };
  const pages = base.pages + sign;
  if (pages <= 0) return null;
  return {
    termId: base.termId,
    mentions: base.mentions + sign * row.count,
    pages,
    firstSeen: sign > 0 ? Math.min(base.firstSeen, row.time) : base.firstSeen,
    lastSeen: sign > 0 ? Math.max(base.lastSeen, row.time) : base.lastSeen,
    weeks: addToBucket(base.weeks, weekStart(row.time), row.count, sign, true),
    outlets: addToBucket(base.outlets, row.outlet, row.count, sign, false),
  };
}

function addToBucket(
  buckets: readonly StatsBucket[],
  key: string | number,
  count: number,
  sign: 1 | -1,
  sorted: boolean,
): StatsBucket[] {
  const next = buckets.map((b): StatsBucket => [b[0], b[1], b[2]]);
  const at = next.findIndex((b) => b[0] === key);
  if (at >= 0) {
    const bucket = next[at] as StatsBucket;
    bucket[1] += sign * count;
    bucket[2] += sign;
    if (bucket[2] <= 0) next.splice(at, 1);
  } else if (sign > 0) {
    next.push([key, count, 1]);
    if (sorted) next.sort((a, b) => Number(a[0]) - Number(b[0]));
  }
  return next;
}

/** Every term's totals computed from scratch (a rebuild, and the tests' reference). */
export function statsFromSightings(rows: Iterable<Counted>): Map<string, TermStatsRecord> {
  const stats = new Map<string, TermStatsRecord>();
  for (const row of rows) {
    const next = addSightingToStats(stats.get(row.termId), row, 1);
    if (next) stats.set(row.termId, next);
  }
  return stats;
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
  readonly stats: TermStatsRecord;
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
  /** Sightings: one per term per page. */
  readonly sightings: number;
  readonly mentions: number;
}

/** The dashboard's overview from every term's totals. */
export function summarizeStats(rows: readonly TermStatsRecord[], topTerms = 10): TrackerOverview {
  const byOutlet = new Map<
    string,
    { mentions: number; pages: number; terms: Map<string, number> }
  >();
  let sightings = 0;
  let mentions = 0;
  const terms: TermSummary[] = rows.map((stats) => {
    sightings += stats.pages;
    mentions += stats.mentions;
    const outlets = stats.outlets
      .map(([outlet, m, p]) => ({ outlet: String(outlet), mentions: m, pages: p }))
      .sort((a, b) => b.mentions - a.mentions || compareText(a.outlet, b.outlet));
    for (const { outlet, mentions: m, pages: p } of outlets) {
      let summary = byOutlet.get(outlet);
      if (!summary) {
        summary = { mentions: 0, pages: 0, terms: new Map() };
        byOutlet.set(outlet, summary);
      }
      summary.mentions += m;
      summary.pages += p;
      summary.terms.set(stats.termId, m);
    }
    return {
      id: stats.termId,
      mentions: stats.mentions,
      pages: stats.pages,
      firstSeen: stats.firstSeen,
      lastSeen: stats.lastSeen,
      outlets,
      stats,
    };
  });
  terms.sort((a, b) => b.mentions - a.mentions || compareText(a.id, b.id));
  const outlets: OutletSummary[] = [...byOutlet].map(([outlet, summary]) => ({
    outlet,
    mentions: summary.mentions,
    pages: summary.pages,
    terms: topEntries(summary.terms, topTerms),
  }));
  outlets.sort((a, b) => b.mentions - a.mentions || compareText(a.outlet, b.outlet));
  return { terms, outlets, sightings, mentions };
}

/** The `n` largest counts of a map, largest first (ties by id). */
function topEntries(counts: ReadonlyMap<string, number>, n: number) {
  return [...counts]
    .map(([id, mentions]) => ({ id, mentions }))
    .sort((a, b) => b.mentions - a.mentions || compareText(a.id, b.id))
    .slice(0, n);
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

/** A term's weekly timeline from its totals. */
export function weeklySeries(stats: Pick<TermStatsRecord, 'weeks'>): WeeklySeries {
  const filled = stats.weeks.filter((b) => b[2] > 0);
  const first = filled[0];
  const last = filled.at(-1);
  if (!first || !last) return { weeks: [], mentions: [], pages: [] };
  const firstWeek = Number(first[0]);
  const count = Math.round((Number(last[0]) - firstWeek) / WEEK) + 1;
  const mentions = new Array<number>(count).fill(0);
  const pages = new Array<number>(count).fill(0);
  for (const [week, m, p] of filled) {
    const at = Math.round((Number(week) - firstWeek) / WEEK);
    mentions[at] = (mentions[at] ?? 0) + m;
    pages[at] = (pages[at] ?? 0) + p;
  }
  const weeks = Array.from({ length: count }, (_, w) => (firstWeek + w * WEEK) / 1000);
  return { weeks, mentions, pages };
}
