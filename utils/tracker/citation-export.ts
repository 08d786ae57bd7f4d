/**
 * Term sightings as files to cite from: CSV for spreadsheets and JSON for scripts, with the
 * term, the sentence, the page's title, outlet and URL and the date it was seen. The review page
 * and `tifa track` write the same columns. Plain text only: nothing is interpreted as HTML.
 */
import type { SightingRecord } from '../db/schema';
import { defuseFormula, quoteField } from '../study/export-formats';

/** One cited sighting. */
export interface CitationRow {
  /** The term as the glossary (or the reader's own term) writes it, simplified. */
  readonly term: string;
  readonly termId: string;
  /** Occurrences on the page. */
  readonly count: number;
  readonly sentence: string;
  readonly title: string;
  readonly outlet: string;
  readonly url: string;
  /** ISO 8601, UTC, to the second. */
  readonly dateSeen: string;
}

/** Header of the CSV, in order. */
export const CITATION_COLUMNS = [
  'term',
  'term_id',
  'count',
  'sentence',
  'title',
  'outlet',
  'url',
  'date_seen',
] as const;

/** Marks a JSON export as ours. */
export const SIGHTINGS_FORMAT = 'tifa-term-sightings';
export const SIGHTINGS_FORMAT_VERSION = 1;

/** An instant as `2025-03-05T08:00:00Z`. */
export function isoSecond(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Stored sightings as citation rows, oldest first (then by term), with `nameOf` for the term. */
export function toCitationRows(
  rows: readonly SightingRecord[],
  nameOf: (termId: string) => string,
): CitationRow[] {
  return [...rows]
    .sort((a, b) => a.time - b.time || compare(a.url, b.url) || compare(a.termId, b.termId))
    .map((row) => ({
      term: nameOf(row.termId),
      termId: row.termId,
      count: row.count,
      sentence: row.sentence,
      title: row.title,
      outlet: row.outlet,
      url: row.url,
      dateSeen: isoSecond(row.time),
    }));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * RFC 4180 CSV with a header row and CRLF line ends, like the vocabulary CSV: cells a
 * spreadsheet would run as formulas get a leading apostrophe. `bom` adds the UTF-8 byte-order
 * mark Excel needs to read Chinese (the review page's download); `tifa track` writes it without,
 * for tools reading standard output.
 */
export function sightingsToCsv(rows: readonly CitationRow[], { bom = true } = {}): string {
  const lines = [CITATION_COLUMNS.join(',')];
  for (const row of rows) {
    const cells = [
      row.term,
      row.termId,
      String(row.count),
      row.sentence,
      row.title,
      row.outlet,
      row.url,
      row.dateSeen,
    ];
    lines.push(cells.map((cell) => quoteField(defuseFormula(cell), ',')).join(','));
  }
  return `${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

/** The JSON export: a header naming the format, then the rows with the CSV's fields. */
export function sightingsToJson(rows: readonly CitationRow[], now = Date.now()): string {
  return `${JSON.stringify(
    {
      format: SIGHTINGS_FORMAT,
      formatVersion: SIGHTINGS_FORMAT_VERSION,
      exportedAt: isoSecond(now),
      sightings: rows,
    },
    null,
    2,
  )}\n`;
}
