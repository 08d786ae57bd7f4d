/**
 * The rows of a JSON backup, as valibot schemas: used to check a whole backup file on the review
 * page (utils/db/backup.ts) and again, chunk by chunk, in the background when the page sends the
 * checked rows for import (utils/messaging.ts `importBackupRows`). Only valibot and the limits:
 * the protocol map imports this file, and the content script must not pull in Dexie through it.
 */
import * as v from 'valibot';
import { BACKUP_LIMITS, FIELD_LIMITS, STUDY_LIMITS } from '../limits';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const time = v.pipe(v.number(), v.finite(), v.minValue(0));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const real = v.pipe(v.number(), v.finite());
const kind = v.picklist(['dictionary', 'glossary']);
const cardState = v.picklist([0, 1, 2, 3]);
const word = v.pipe(v.string(), v.minLength(1), v.maxLength(FIELD_LIMITS.word));
const vocabularyKey = text(FIELD_LIMITS.word + 20);

const contextSchema = v.object({
  sentence: text(FIELD_LIMITS.sentence),
  url: text(FIELD_LIMITS.url),
  title: text(FIELD_LIMITS.title),
  time,
});

const cardSchema = v.object({
  due: time,
  stability: real,
  difficulty: real,
  elapsed_days: real,
  scheduled_days: real,
  learning_steps: count,
  reps: count,
  lapses: count,
  state: cardState,
  last_review: v.nullable(time),
});

/** A saved word; its key must be `${kind}:${word}` (checked with the word, not just its shape). */
export const vocabularyRowSchema = v.pipe(
  v.object({
    key: vocabularyKey,
    word,
    traditional: text(FIELD_LIMITS.word),
    kind,
    pinyin: text(FIELD_LIMITS.pinyin),
    definition: text(FIELD_LIMITS.definition),
    status: v.picklist(['new', 'learning', 'known']),
    tags: v.pipe(v.array(text(STUDY_LIMITS.tag)), v.maxLength(STUDY_LIMITS.tags)),
    notes: text(STUDY_LIMITS.notes),
    firstSeen: time,
    lastSeen: time,
    timesSaved: count,
    contexts: v.array(contextSchema),
    card: cardSchema,
  }),
  v.forward(
    v.check((row) => row.key === `${row.kind}:${row.word}`, 'it does not match the word'),
    ['key'],
  ),
);

/** A history row; `id` is the exporting profile's and is dropped on import. */
export const lookupRowSchema = v.object({
  id: v.optional(v.number()),
  word,
  kind,
  reading: text(FIELD_LIMITS.pinyin),
  sentence: text(FIELD_LIMITS.sentence),
  url: text(FIELD_LIMITS.url),
  title: text(FIELD_LIMITS.title),
  site: text(FIELD_LIMITS.url),
  time,
});

/** A flashcard review; `id` is dropped on import like a history row's. */
export const reviewLogRowSchema = v.object({
  id: v.optional(v.number()),
  key: vocabularyKey,
  rating: v.picklist([1, 2, 3, 4]),
  state: cardState,
  due: time,
  stability: real,
  difficulty: real,
  elapsed_days: real,
  last_elapsed_days: real,
  scheduled_days: real,
  learning_steps: count,
  review: time,
});

const chunkOf = <T extends v.GenericSchema>(row: T) =>
  v.optional(v.pipe(v.array(row), v.maxLength(BACKUP_LIMITS.rowsPerChunk)));

/** One message of an import: checked rows of any of the tables (the page sends them in order). */
export const backupChunkSchema = v.strictObject({
  vocabulary: chunkOf(vocabularyRowSchema),
  lookups: chunkOf(lookupRowSchema),
  reviewLog: chunkOf(reviewLogRowSchema),
});

export type BackupChunk = v.InferOutput<typeof backupChunkSchema>;
