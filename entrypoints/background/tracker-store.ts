/**
 * The term tracker's writes (opt-in; the handler checks the setting and the excluded sites
 * first). One transaction per write, like every write in store.ts.
 */
import type { SightingRecord, TermStatsRecord } from '../../utils/db/schema';
import { siteKey } from '../../utils/settings';
import { addSightingToStats, statsFromSightings } from '../../utils/tracker/aggregate';
import { getDatabase, write } from './store';

/** One page's sightings, as the `recordSightings` message carries them. */
export interface RecordSightingsInput {
  url: string;
  title: string;
  /** The site or the publisher's name; the page's host name when empty. */
  outlet: string;
  /** When the page was read, epoch milliseconds. */
  date: number;
  terms: readonly { id: string; count: number; sentence: string }[];
}

/**
 * Records a page's terms, replacing whatever was recorded for the same page (its URL without the
 * `#fragment`) before: a reload or a second visit never counts twice. The page keeps the date it
 * was first recorded. A page whose terms are now none loses its rows. The terms' totals
 * (`termStats`) change in the same transaction. Returns the rows written.
 */
export async function recordSightings(input: RecordSightingsInput): Promise<number> {
  const db = getDatabase();
  const url = withoutFragment(input.url);
  const outlet = input.outlet.trim() || siteKey(hostnameOf(url));
  // The same id twice in one message (a sender that did not use summarizeSightings) is one term.
  const terms = new Map<string, { count: number; sentence: string }>();
  for (const { id, count, sentence } of input.terms) {
    const seen = terms.get(id);
    if (seen) {
      seen.count += count;
      seen.sentence ||= sentence;
    } else terms.set(id, { count, sentence });
  }
  return write('record the terms on this page', () =>
    db.transaction('rw', db.sightings, db.termStats, async () => {
      const previous = await db.sightings.where('url').equals(url).toArray();
      let time = input.date;
      for (const row of previous) if (row.time < time) time = row.time;
      await db.sightings.bulkDelete(
        previous.flatMap((row) => (row.id === undefined ? [] : [row.id])),
      );
      const rows: SightingRecord[] = [...terms].map(([termId, { count, sentence }]) => ({
        termId,
        url,
        title: input.title,
        outlet,
        time,
        count,
        sentence,
      }));
      await db.sightings.bulkAdd(rows);
      await updateStats(previous, rows);
      return rows.length;
    }),
  );
}

/** Moves the totals of the terms concerned from the `removed` sightings to the `added` ones;
 * runs inside the caller's transaction over sightings and termStats. */
async function updateStats(
  removed: readonly SightingRecord[],
  added: readonly SightingRecord[],
): Promise<void> {
  const db = getDatabase();
  const ids = [...new Set([...removed, ...added].map((row) => row.termId))];
  const current = await db.termStats.bulkGet(ids);
  const stats = new Map<string, TermStatsRecord | null>(
    ids.map((id, i) => [id, current[i] ?? null]),
  );
  for (const row of removed) {
    stats.set(row.termId, addSightingToStats(stats.get(row.termId) ?? undefined, row, -1));
  }
  for (const row of added) {
    stats.set(row.termId, addSightingToStats(stats.get(row.termId) ?? undefined, row, 1));
  }
  // A removed sighting may have been a term's first or last: read both ends again.
  const narrowed = new Set(removed.map((row) => row.termId));
  for (const id of narrowed) {
    const term = stats.get(id);
    if (!term) continue;
    const range = db.sightings.where('[termId+time]').between([id, -Infinity], [id, Infinity]);
    term.firstSeen = (await range.first())?.time ?? term.firstSeen;
    term.lastSeen = (await range.last())?.time ?? term.lastSeen;
  }
  await db.termStats.bulkDelete(ids.filter((id) => !stats.get(id)));
  await db.termStats.bulkPut(ids.flatMap((id) => stats.get(id) ?? []));
}

/** Recomputes every term's totals from the sightings (they are rebuildable); returns the count
 * of terms. For repairs, and to check the incremental totals in tests. */
export async function rebuildTermStats(): Promise<number> {
  const db = getDatabase();
  return write('rebuild the term totals', () =>
    db.transaction('rw', db.sightings, db.termStats, async () => {
      const stats = statsFromSightings(await db.sightings.toArray());
      await db.termStats.clear();
      await db.termStats.bulkAdd([...stats.values()]);
      return stats.size;
    }),
  );
}

/** Deletes every sighting (the dashboard's "Clear history"). Returns how many rows there were. */
export async function clearSightings(): Promise<number> {
  const db = getDatabase();
  return write('clear the term history', () =>
    db.transaction('rw', db.sightings, db.termStats, async () => {
      const count = await db.sightings.count();
      await db.sightings.clear();
      await db.termStats.clear();
      return count;
    }),
  );
}

/** The URL without its fragment: `#comments` is the same page. */
export function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
