/**
 * The term tracker's writes (opt-in; the handler checks the setting and the excluded sites
 * first). One transaction per write, like every write in store.ts.
 */
import type { SightingRecord } from '../../utils/db/schema';
import { siteKey } from '../../utils/settings';
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
 * was first recorded. A page whose terms are now none loses its rows. Returns the rows written.
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
    db.transaction('rw', db.sightings, async () => {
      const previous = db.sightings.where('url').equals(url);
      let time = input.date;
      await previous.each((row) => {
        if (row.time < time) time = row.time;
      });
      await previous.delete();
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
      return rows.length;
    }),
  );
}

/** Deletes every sighting (the dashboard's "Clear history"). Returns how many rows there were. */
export async function clearSightings(): Promise<number> {
  const db = getDatabase();
  return write('clear the term history', () =>
    db.transaction('rw', db.sightings, async () => {
      const count = await db.sightings.count();
      await db.sightings.clear();
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
