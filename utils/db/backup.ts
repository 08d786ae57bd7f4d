/**
 * The JSON backup of the whole database (every table, with a format version), how to read one
 * back with errors that name what is wrong, and the merge rules of an import. The review page
 * writes the backup from its own read of the database (`writeBackupParts`, in a worker) and
 * checks a file before it sends anything (`parseBackup`); the background merges the checked rows
 * chunk by chunk (entrypoints/background/store.ts), each chunk in one transaction.
 */
import * as v from 'valibot';
import { BACKUP_LIMITS, STUDY_LIMITS } from '../limits';
import {
  lookupRowSchema,
  reviewLogRowSchema,
  vocabularyRowSchema,
  type BackupChunk,
} from './backup-rows';
import {
  MAX_CONTEXTS,
  SCHEMA_VERSION,
  type LookupRecord,
  type ReviewLogRecord,
  type TifaDatabase,
  type VocabularyRecord,
  type WordContext,
} from './schema';

/** Marks a file as ours, so a foreign JSON file is recognised as such. */
export const BACKUP_FORMAT = 'tifa-reader-backup';

/** Version of the backup layout (not of the database schema); bump it with a reader for the old. */
export const BACKUP_FORMAT_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The database schema version the rows were read from. */
  schemaVersion: number;
  /** Epoch milliseconds. */
  exportedAt: number;
  tables: {
    vocabulary: VocabularyRecord[];
    lookups: LookupRecord[];
    reviewLog: ReviewLogRecord[];
  };
}

/** Reads every table in one read transaction, so the backup is one consistent snapshot. */
export async function readBackup(db: TifaDatabase, now = Date.now()): Promise<Backup> {
  return db.transaction('r', db.vocabulary, db.lookups, db.reviewLog, async () => ({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: now,
    tables: {
      vocabulary: await db.vocabulary.toArray(),
      lookups: await db.lookups.toArray(),
      reviewLog: await db.reviewLog.toArray(),
    },
  }));
}

/** History rows read per request while writing a backup. */
const EXPORT_PAGE_ROWS = 10_000;

/** Rows of each table in a written backup. */
export interface BackupCounts {
  vocabulary: number;
  lookups: number;
  reviewLog: number;
}

/**
 * The backup file's text in pieces, for `new Blob(parts)`: the same text as
 * `JSON.stringify(await readBackup(db, now))`, read in one read transaction (one consistent
 * snapshot) without ever holding the whole file as one string. The history, by far the largest
 * table, is read in pages of primary keys all requested at once, so the database reads the next
 * page while this thread turns the last one into JSON. Requests in a transaction run in order:
 * the history's key range is asked for first (three small requests), so that its pages are
 * already queued while this thread still turns the words into objects.
 */
export async function writeBackupParts(
  db: TifaDatabase,
  now = Date.now(),
  pageRows = EXPORT_PAGE_ROWS,
): Promise<{ parts: string[]; counts: BackupCounts }> {
  return db.transaction('r', db.vocabulary, db.lookups, db.reviewLog, async () => {
    const bounds = readLookupBounds(db);
    const vocabulary = db.vocabulary.toArray();
    const reviewLog = db.reviewLog.toArray();
    const pages = requestLookupPages(db, await bounds, pageRows);
    const header = JSON.stringify({
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaVersion: SCHEMA_VERSION,
      exportedAt: now,
    });
    const parts = [`${header.slice(0, -1)},"tables":{"vocabulary":`];
    const counts: BackupCounts = { vocabulary: 0, lookups: 0, reviewLog: 0 };
    const words = await vocabulary;
    counts.vocabulary = words.length;
    parts.push(JSON.stringify(words), ',"lookups":[');
    for (const page of pages) {
      const rows = await page;
      if (rows.length === 0) continue;
      // Each page's rows without their brackets, joined by commas: one JSON array in all.
      parts.push(`${counts.lookups > 0 ? ',' : ''}${JSON.stringify(rows).slice(1, -1)}`);
      counts.lookups += rows.length;
    }
    const reviews = await reviewLog;
    counts.reviewLog = reviews.length;
    parts.push('],"reviewLog":', JSON.stringify(reviews), '}}');
    return { parts, counts };
  });
}

interface KeyBounds {
  first: unknown;
  last: unknown;
  total: number;
}

/** The history's first and last primary key and its row count. */
async function readLookupBounds(db: TifaDatabase): Promise<KeyBounds> {
  const [first, last, total] = await Promise.all([
    db.lookups.orderBy(':id').firstKey(),
    db.lookups.orderBy(':id').lastKey(),
    db.lookups.count(),
  ]);
  return { first, last, total };
}

/** Every history row, as reads of primary-key ranges of about `pageRows` rows each, all
 * requested at once (inside the caller's transaction). */
function requestLookupPages(
  db: TifaDatabase,
  { first, last, total }: KeyBounds,
  pageRows: number,
): Promise<LookupRecord[]>[] {
  if (typeof first !== 'number' || typeof last !== 'number') return [];
  const pageCount = Math.max(1, Math.ceil(total / pageRows));
  const span = Math.ceil((last - first + 1) / pageCount);
  return Array.from({ length: pageCount }, (_, i) => {
    const lower = first + i * span;
    const upper = i === pageCount - 1 ? last : lower + span - 1;
    return db.lookups.where(':id').between(lower, upper, true, true).toArray();
  });
}

const backupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  formatVersion: v.literal(BACKUP_FORMAT_VERSION),
  schemaVersion: v.pipe(v.number(), v.integer()),
  exportedAt: v.pipe(v.number(), v.finite(), v.minValue(0)),
  tables: v.object({
    vocabulary: v.array(vocabularyRowSchema),
    lookups: v.array(lookupRowSchema),
    reviewLog: v.array(reviewLogRowSchema),
  }),
});

/** A backup that could not be read; the message names what is wrong and where. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/**
 * Parses and checks a backup file's text. Throws BackupError naming the problem: not JSON or cut
 * short, not a Tifa Reader backup, a newer format, or the first row that does not fit (by table,
 * index and field). Row content is never quoted back: it is the reader's own data.
 */
export function parseBackup(fileText: string): Backup {
  let json: unknown;
  try {
    json = JSON.parse(fileText);
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'syntax error';
    const truncated = /end of (JSON )?input|unterminated/i.test(detail);
    throw new BackupError(
      truncated
        ? `The file ends in the middle of its JSON: it was probably cut short (${fileText.length.toLocaleString('en-US')} characters read).`
        : `The file is not JSON (${detail}).`,
    );
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new BackupError('The file is JSON but not a Tifa Reader backup: it is not an object.');
  }
  const header = json as Record<string, unknown>;
  if (header.format !== BACKUP_FORMAT) {
    throw new BackupError(
      `The file is JSON but not a Tifa Reader backup (no "format": "${BACKUP_FORMAT}" field).`,
    );
  }
  if (typeof header.formatVersion === 'number' && header.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `The backup has format version ${header.formatVersion}, newer than this version of Tifa ` +
        `Reader reads (${BACKUP_FORMAT_VERSION}); update the extension first.`,
    );
  }
  const result = v.safeParse(backupSchema, json);
  if (!result.success) {
    const issue = result.issues[0];
    const where = formatPath(issue?.path ?? []);
    throw new BackupError(
      `The backup is damaged at ${where || 'its top level'}: ${issue?.message ?? 'unexpected value'}.`,
    );
  }
  const backup = result.output as Backup;
  // The database keeps MAX_CONTEXTS per word; a hand-edited file may hold more.
  for (const row of backup.tables.vocabulary) row.contexts = boundContexts(row.contexts);
  return backup;
}

function formatPath(path: readonly { key: unknown }[]): string {
  let out = '';
  for (const { key } of path) {
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** When a row was last touched: seen on a page or reviewed. */
function recency(row: VocabularyRecord): number {
  return Math.max(row.lastSeen, row.card.last_review ?? 0);
}

/**
 * One row from two versions of the same word, losing nothing: the more recently touched row
 * wins the single-valued fields (status, definition), the card with the later review is kept,
 * contexts and tags are united, different notes are both kept.
 */
export function mergeVocabularyRows(
  existing: VocabularyRecord,
  incoming: VocabularyRecord,
): VocabularyRecord {
  const [base, other] =
    recency(incoming) > recency(existing) ? [incoming, existing] : [existing, incoming];
  const card =
    (incoming.card.last_review ?? -1) > (existing.card.last_review ?? -1) ||
    ((incoming.card.last_review ?? -1) === (existing.card.last_review ?? -1) &&
      incoming.card.reps > existing.card.reps)
      ? incoming.card
      : existing.card;
  return {
    ...base,
    traditional: base.traditional || other.traditional,
    pinyin: base.pinyin || other.pinyin,
    definition: base.definition || other.definition,
    tags: [...new Set([...base.tags, ...other.tags])].slice(0, STUDY_LIMITS.tags),
    notes: mergeNotes(base.notes, other.notes),
    firstSeen: Math.min(existing.firstSeen, incoming.firstSeen),
    lastSeen: Math.max(existing.lastSeen, incoming.lastSeen),
    timesSaved: Math.max(existing.timesSaved, incoming.timesSaved),
    contexts: mergeContexts(base.contexts, other.contexts),
    card,
  };
}

function mergeNotes(base: string, other: string): string {
  if (!other || base.includes(other)) return base;
  if (!base || other.includes(base)) return other;
  return `${base}\n\n${other}`.slice(0, STUDY_LIMITS.notes);
}

/** At most MAX_CONTEXTS contexts, the most recent (rows as the product writes them pass as they
 * are). */
export function boundContexts(contexts: WordContext[]): WordContext[] {
  return contexts.length > MAX_CONTEXTS ? mergeContexts(contexts, []) : contexts;
}

/** Contexts of both, one per (sentence, page), most recent first, at most MAX_CONTEXTS. */
export function mergeContexts(a: readonly WordContext[], b: readonly WordContext[]): WordContext[] {
  const byPlace = new Map<string, WordContext>();
  for (const context of [...a, ...b]) {
    const place = `${context.url}\u0000${context.sentence}`;
    const seen = byPlace.get(place);
    if (!seen || context.time > seen.time) byPlace.set(place, context);
  }
  return [...byPlace.values()].sort((x, y) => y.time - x.time).slice(0, MAX_CONTEXTS);
}

/** Identity of a history row across profiles (ids are per database). */
export function lookupIdentity(row: LookupRecord): string {
  return `${row.time}\u0000${row.kind}\u0000${row.word}\u0000${row.url}\u0000${row.sentence}`;
}

/** Identity of a review across profiles. */
export function reviewIdentity(row: ReviewLogRecord): string {
  return `${row.key}\u0000${row.review}\u0000${row.rating}`;
}

/**
 * The rows of a checked backup as import chunks (utils/db/backup-rows.ts): each holds rows of one
 * table, at most `maxChars` of JSON (unless one row alone is longer) and at most
 * BACKUP_LIMITS.rowsPerChunk rows. Words come first, then reviews, then the history.
 */
export function splitBackup(tables: Backup['tables'], maxChars: number): BackupChunk[] {
  const chunks: BackupChunk[] = [];
  const split = <K extends keyof BackupChunk>(table: K, rows: NonNullable<BackupChunk[K]>) => {
    let chunk: typeof rows = [];
    let chars = 0;
    for (const row of rows) {
      const size = JSON.stringify(row).length + 1;
      if (
        chunk.length > 0 &&
        (chars + size > maxChars || chunk.length >= BACKUP_LIMITS.rowsPerChunk)
      ) {
        chunks.push({ [table]: chunk });
        chunk = [];
        chars = 0;
      }
      chunk.push(row as never);
      chars += size;
    }
    if (chunk.length > 0) chunks.push({ [table]: chunk });
  };
  split('vocabulary', tables.vocabulary);
  split('reviewLog', tables.reviewLog);
  split('lookups', tables.lookups);
  return chunks;
}
