/**
 * The one protocol map between the content script, the extension pages and the background.
 * Every message name appears here with the schema of its request; the background validates
 * each request against it before a handler sees it, so handlers only ever get well-formed data.
 */
import * as v from 'valibot';
import type { WordMatch } from './dict/lookup';
import type { SearchResult } from './dict/search';
import { DISPLAY_SCRIPTS, RUBY_STYLES } from './settings-values';
import type { PackedParagraph } from './zh/packed-analysis';
import { backupChunkSchema } from './db/backup-rows';
import type { TextSpan } from './annotations/quote-capture';
import type { PageTermCard, PersonalCardEntry } from './glossary/page-card';
import type { TermPrefill } from './glossary/term-prefill';
import type { AnnotationRecord, PersonalTermRecord } from './db/schema';
import {
  PackConflictChoicesSchema,
  PersonalTermInputSchema,
  type PackImportSummary,
  type PackProblem,
} from './glossary/pack';
import {
  ANNOTATION_LIMITS,
  BACKUP_LIMITS,
  FIELD_LIMITS as LIMITS,
  LOOKUP_BATCH_LIMITS,
  MAX_ANCHOR_MESSAGE_CHARS,
  MAX_MESSAGE_CHARS,
  MAX_PACK_CHARS,
  MAX_PARAGRAPH_CHARS,
  PARAGRAPH_BATCH_LIMITS,
  STUDY_LIMITS,
  TERM_CARD_LIMITS,
  TRACKER_LIMITS,
} from './limits';

const vocabularyKeySchema = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.word + 20));

/** Glossary ids (`new-quality-productive-forces`), pattern ids (`pattern:plenum:20:4`) and
 * personal term ids (`personal:my-…`). */
const termIdSchema = v.pipe(
  v.string(),
  v.maxLength(TRACKER_LIMITS.termId),
  v.regex(/^[a-z0-9]+(?:[:-][a-z0-9]+)*$/, 'not a term id'),
);

/** A personal term's id (the glossary's id rules, utils/glossary/schema.ts). */
const personalTermIdSchema = v.pipe(
  v.string(),
  v.maxLength(64),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'not a term id'),
);

/** An annotation's key in the database. */
const annotationIdSchema = v.pipe(v.number(), v.integer(), v.minValue(1));

/** An annotation's tags: trimmed, none empty. */
const annotationTagsSchema = v.pipe(
  v.array(v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(STUDY_LIMITS.tag))),
  v.maxLength(STUDY_LIMITS.tags),
);

/** One dictionary lookup: the words starting at `text`, as the page shows it (the background
 * takes its simplified, artefact-free Chinese). */
const lookupRequestSchema = v.strictObject({
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.lookupText)),
  /** The word as reading mode segmented it, listed first. */
  preferred: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.lookupText))),
});

/** Where an annotation's quote was taken (utils/annotations/quote-capture.ts). */
const quoteSelectorSchema = v.strictObject({
  exact: v.pipe(v.string(), v.minLength(1), v.maxLength(ANNOTATION_LIMITS.exact)),
  prefix: v.pipe(v.string(), v.maxLength(ANNOTATION_LIMITS.context)),
  suffix: v.pipe(v.string(), v.maxLength(ANNOTATION_LIMITS.context)),
  position: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** A day of clock difference between a page's date and the background's is plenty. */
const DATE_SLACK_MS = 24 * 60 * 60 * 1000;

/** Request schemas, by message type. */
export const REQUEST_SCHEMAS = {
  /** Liveness and version check; also wakes a stopped service worker. */
  ping: v.strictObject({}),
  /** Reading mode: the analysis of the paragraphs a page is about to draw (tokens, readings,
   * term hits), packed (utils/zh/packed-analysis.ts), in the order asked. */
  analyzeParagraphs: v.strictObject({
    texts: v.pipe(
      v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_PARAGRAPH_CHARS))),
      v.minLength(1),
      v.maxLength(PARAGRAPH_BATCH_LIMITS.texts),
      v.check(
        (texts) =>
          texts.reduce((sum, text) => sum + text.length, 0) <= PARAGRAPH_BATCH_LIMITS.chars,
        `more than ${PARAGRAPH_BATCH_LIMITS.chars} characters`,
      ),
    ),
    to: v.picklist(DISPLAY_SCRIPTS),
    keepArtifacts: v.boolean(),
    /** Readings in a style, with their tones (for tone colours) or without; null for none. */
    readings: v.nullable(v.strictObject({ style: v.picklist(RUBY_STYLES), tones: v.boolean() })),
    terms: v.boolean(),
  }),
  /** A frame loaded inside a page where the reader runs: the background looks for Chinese in the
   * tab's frames again and starts the reader in new ones (the tab's own load event does not
   * cover frames added later). */
  probeFrames: v.strictObject({}),
  /** Dictionary lookup of the words starting at `text` (as shown on the page). */
  lookupWord: lookupRequestSchema,
  /** The popup's prefetch: the lookups of many word starts (a paragraph's) in one message,
   * answered in the same order; at most LOOKUP_BATCH_LIMITS.requests of them. */
  lookupWordBatch: v.strictObject({
    requests: v.pipe(
      v.array(lookupRequestSchema),
      v.minLength(1),
      v.maxLength(LOOKUP_BATCH_LIMITS.requests),
    ),
  }),
  /** The search box: hanzi, pinyin with or without tones, or English. */
  searchDictionary: v.strictObject({
    query: v.pipe(v.string(), v.maxLength(LIMITS.lookupText)),
  }),
  /** Save a word or term to the vocabulary, with where it was met. */
  saveWord: v.strictObject({
    word: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.word)),
    traditional: v.pipe(v.string(), v.maxLength(LIMITS.word)),
    kind: v.picklist(['dictionary', 'glossary']),
    pinyin: v.pipe(v.string(), v.maxLength(LIMITS.pinyin)),
    definition: v.pipe(v.string(), v.maxLength(LIMITS.definition)),
    sentence: v.pipe(v.string(), v.maxLength(LIMITS.sentence)),
    url: v.pipe(v.string(), v.maxLength(LIMITS.url)),
    title: v.pipe(v.string(), v.maxLength(LIMITS.title)),
  }),
  /** The popup showed a word: record it in the history (if history is on for the site). */
  recordLookup: v.strictObject({
    word: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.word)),
    kind: v.picklist(['dictionary', 'glossary']),
    reading: v.pipe(v.string(), v.maxLength(LIMITS.pinyin)),
    sentence: v.pipe(v.string(), v.maxLength(LIMITS.sentence)),
    url: v.pipe(v.string(), v.maxLength(LIMITS.url)),
    title: v.pipe(v.string(), v.maxLength(LIMITS.title)),
  }),
  /** Review page: add a history entry to the vocabulary. */
  saveLookup: v.strictObject({ id: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
  /** Review page: change a saved word's status, tags or notes. */
  updateWord: v.strictObject({
    key: vocabularyKeySchema,
    status: v.optional(v.picklist(['new', 'learning', 'known'])),
    tags: v.optional(
      v.pipe(
        v.array(v.pipe(v.string(), v.maxLength(STUDY_LIMITS.tag))),
        v.maxLength(STUDY_LIMITS.tags),
      ),
    ),
    notes: v.optional(v.pipe(v.string(), v.maxLength(STUDY_LIMITS.notes))),
  }),
  /** Review page: answer a flashcard (1 Again, 2 Hard, 3 Good, 4 Easy). */
  reviewCard: v.strictObject({ key: vocabularyKeySchema, rating: v.picklist([1, 2, 3, 4]) }),
  /** Review page: delete saved words (and their review logs). */
  deleteWords: v.strictObject({
    keys: v.pipe(v.array(vocabularyKeySchema), v.maxLength(STUDY_LIMITS.keysPerMessage)),
  }),
  /** Review page: delete history entries. */
  deleteLookups: v.strictObject({
    ids: v.pipe(
      v.array(v.pipe(v.number(), v.integer(), v.minValue(1))),
      v.maxLength(STUDY_LIMITS.keysPerMessage),
    ),
  }),
  /** Review page: merge one chunk of a JSON backup the page has read and checked whole; the
   * background checks every row again (utils/db/backup-rows.ts). */
  importBackupRows: backupChunkSchema,
  /** Reading mode: the simplified forms of saved words, by status. */
  getStudyWords: v.strictObject({}),
  /** Term tracker: the glossary terms of one page (summarizeSightings), if the tracker is on
   * for the page's site. Nothing else of the page is sent. */
  recordSightings: v.strictObject({
    url: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.url)),
    title: v.pipe(v.string(), v.maxLength(LIMITS.title)),
    outlet: v.pipe(v.string(), v.maxLength(TRACKER_LIMITS.outlet)),
    date: v.pipe(
      v.number(),
      v.integer(),
      v.minValue(0),
      v.check((date) => date <= Date.now() + DATE_SLACK_MS, 'date is in the future'),
    ),
    terms: v.pipe(
      v.array(
        v.strictObject({
          id: termIdSchema,
          count: v.pipe(
            v.number(),
            v.integer(),
            v.minValue(1),
            v.maxValue(TRACKER_LIMITS.countPerTerm),
          ),
          sentence: v.pipe(v.string(), v.maxLength(LIMITS.sentence)),
        }),
      ),
      v.maxLength(TRACKER_LIMITS.termsPerPage),
    ),
  }),
  /** Review page: delete every term sighting. */
  clearSightings: v.strictObject({}),
  /** Add a personal term (review page, glossary browser, or the reader's form on a selection). */
  addPersonalTerm: PersonalTermInputSchema,
  /** Review page: replace a personal term's editable fields. */
  updatePersonalTerm: v.strictObject({ id: personalTermIdSchema, term: PersonalTermInputSchema }),
  /** Review page: delete personal terms. */
  deletePersonalTerms: v.strictObject({
    ids: v.pipe(v.array(personalTermIdSchema), v.maxLength(STUDY_LIMITS.keysPerMessage)),
  }),
  /** Every personal term (review page, glossary browser; pages get `personalTermCards`). */
  listPersonalTerms: v.strictObject({}),
  /** The glossary's cards of the terms a page drew (the glossary itself never enters the page),
   * answered in the order asked; at most TERM_CARD_LIMITS.idsPerMessage ids. */
  describeTerms: v.strictObject({
    ids: v.pipe(v.array(termIdSchema), v.minLength(1), v.maxLength(TERM_CARD_LIMITS.idsPerMessage)),
  }),
  /** The reader's own terms behind the page's marks, by hit id, for their cards. */
  personalTermCards: v.strictObject({}),
  /** The "Add as my term" form's fields for the page's selection (tidied in the background,
   * which holds the conversion tables). */
  prefillTerm: v.strictObject({
    text: v.pipe(v.string(), v.minLength(1), v.maxLength(TERM_CARD_LIMITS.selectionChars)),
  }),
  /** Annotate a passage of the page (the reader's selection); a content script may only save
   * for its own page. */
  saveAnnotation: v.strictObject({
    url: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.url)),
    title: v.pipe(v.string(), v.maxLength(LIMITS.title)),
    outlet: v.pipe(v.string(), v.maxLength(TRACKER_LIMITS.outlet)),
    exact: v.pipe(v.string(), v.minLength(1), v.maxLength(ANNOTATION_LIMITS.exact)),
    prefix: v.pipe(v.string(), v.maxLength(ANNOTATION_LIMITS.context)),
    suffix: v.pipe(v.string(), v.maxLength(ANNOTATION_LIMITS.context)),
    position: v.pipe(v.number(), v.integer(), v.minValue(0)),
    note: v.pipe(v.string(), v.maxLength(STUDY_LIMITS.notes)),
    tags: annotationTagsSchema,
  }),
  /** A page's annotations, to anchor them again; a content script may only ask for its own page. */
  listAnnotations: v.strictObject({
    url: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.url)),
  }),
  /** The reader anchored its page's annotations: which ids it could not find (orphaned) and
   * which it found again. Sent only when that changed; a page may only report its own. */
  reportAnchoring: v.strictObject({
    url: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.url)),
    anchored: v.pipe(v.array(annotationIdSchema), v.maxLength(ANNOTATION_LIMITS.perPage)),
    orphaned: v.pipe(v.array(annotationIdSchema), v.maxLength(ANNOTATION_LIMITS.perPage)),
  }),
  /** The reader's page text and its annotations' quotes: where each quote is in the text now
   * (null: orphaned). Anchored here, where the conversion tables are, so that quotes taken in
   * one script are found in the other. */
  anchorQuotes: v.strictObject({
    text: v.pipe(v.string(), v.maxLength(ANNOTATION_LIMITS.pageChars)),
    selectors: v.pipe(
      v.array(quoteSelectorSchema),
      v.minLength(1),
      v.maxLength(ANNOTATION_LIMITS.perPage),
    ),
  }),
  /** Review page: change an annotation's note and tags (the quote and its page stay). */
  updateAnnotation: v.strictObject({
    id: annotationIdSchema,
    note: v.pipe(v.string(), v.maxLength(STUDY_LIMITS.notes)),
    tags: annotationTagsSchema,
  }),
  /** Review page: delete annotations. */
  deleteAnnotations: v.strictObject({
    ids: v.pipe(v.array(annotationIdSchema), v.maxLength(STUDY_LIMITS.keysPerMessage)),
  }),
  /** Review page: import a glossary pack (the file's text; the background checks every entry). */
  importPack: v.strictObject({
    text: v.pipe(v.string(), v.maxLength(MAX_PACK_CHARS)),
    /** How to settle entries whose id is taken here by a different term (default: keep both). */
    choices: v.optional(PackConflictChoicesSchema),
  }),
} as const;

/** Messages that change or read back study data in bulk: accepted only from the extension's own
 * pages, never from a content script (which runs inside a web page that may be hostile). */
export const EXTENSION_PAGE_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>([
  'saveLookup',
  'updateWord',
  'reviewCard',
  'deleteWords',
  'deleteLookups',
  'importBackupRows',
  'clearSightings',
  'updatePersonalTerm',
  'deletePersonalTerms',
  'listPersonalTerms',
  'importPack',
  'updateAnnotation',
  'deleteAnnotations',
]);

export type MessageType = keyof typeof REQUEST_SCHEMAS;

/** What each handler answers. */
export interface ResponseMap {
  ping: { version: string; startedAt: number };
  analyzeParagraphs: { paragraphs: PackedParagraph[] };
  probeFrames: { probed: boolean };
  lookupWord: { matches: WordMatch[] };
  /** One list of matches per request, in the order asked. */
  lookupWordBatch: { results: WordMatch[][] };
  searchDictionary: SearchResult;
  saveWord: { key: string; timesSaved: number };
  recordLookup: { recorded: boolean };
  saveLookup: { key: string; timesSaved: number };
  updateWord: { key: string };
  reviewCard: { key: string; due: number; status: 'new' | 'learning' | 'known' };
  deleteWords: { deleted: number };
  deleteLookups: { deleted: number };
  importBackupRows: {
    wordsAdded: number;
    wordsMerged: number;
    lookupsAdded: number;
    reviewsAdded: number;
  };
  getStudyWords: { known: string[]; learning: string[] };
  recordSightings: { recorded: boolean; terms: number };
  clearSightings: { deleted: number };
  addPersonalTerm: { term: PersonalTermRecord };
  updatePersonalTerm: { term: PersonalTermRecord };
  deletePersonalTerms: { deleted: number };
  listPersonalTerms: { terms: PersonalTermRecord[] };
  /** One card per id asked, null for an id the glossary does not know. */
  describeTerms: { cards: (PageTermCard | null)[] };
  personalTermCards: { cards: PersonalCardEntry[] };
  prefillTerm: { prefill: TermPrefill | null };
  saveAnnotation: { annotation: AnnotationRecord };
  listAnnotations: { annotations: AnnotationRecord[] };
  reportAnchoring: { changed: number };
  /** One span (or null) per selector, in the order asked, as offsets of the text sent. */
  anchorQuotes: { spans: (TextSpan | null)[] };
  updateAnnotation: { annotation: AnnotationRecord };
  deleteAnnotations: { deleted: number };
  importPack:
    { imported: true; summary: PackImportSummary } | { imported: false; problems: PackProblem[] };
}

export type RequestOf<T extends MessageType> = v.InferOutput<(typeof REQUEST_SCHEMAS)[T]>;

/** Every answer says whether it worked; errors carry a message the sender can show. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** The envelope on the wire. */
export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
}

const envelopeSchema = v.strictObject({
  type: v.picklist(Object.keys(REQUEST_SCHEMAS) as [MessageType, ...MessageType[]]),
  payload: v.unknown(),
});

/** A validated request, or the reason it was refused. */
export type ParsedRequest =
  { ok: true; type: MessageType; payload: unknown } | { ok: false; error: string };

/**
 * Validates an incoming message: its size, that its type is known and that its payload matches
 * the type's schema. Error texts name the problem but never echo the payload (it may be page text).
 */
export function parseRequest(raw: unknown): ParsedRequest {
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return { ok: false, error: 'message is not serialisable' };
  }
  // A backup chunk, a pack import or a page's text to anchor in carries a lot; everything else
  // is small.
  const rawType = typeof raw === 'object' && raw !== null && 'type' in raw ? raw.type : undefined;
  const limit =
    rawType === 'importBackupRows'
      ? BACKUP_LIMITS.chunkChars
      : rawType === 'importPack'
        ? MAX_PACK_CHARS + 1024
        : rawType === 'anchorQuotes'
          ? MAX_ANCHOR_MESSAGE_CHARS
          : MAX_MESSAGE_CHARS;
  if (size > limit) {
    return { ok: false, error: `message too large (${size} > ${limit} characters)` };
  }
  const envelope = v.safeParse(envelopeSchema, raw);
  if (!envelope.success) {
    const type = typeof raw === 'object' && raw !== null && 'type' in raw ? String(raw.type) : '';
    return {
      ok: false,
      error: type ? `unknown message type "${type.slice(0, 40)}"` : 'malformed message',
    };
  }
  const { type, payload } = envelope.output;
  const checked = v.safeParse(REQUEST_SCHEMAS[type], payload);
  if (!checked.success) {
    const issue = checked.issues[0];
    const path = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
    return {
      ok: false,
      // What was expected, never what was received: a payload carries page text and URLs, and
      // the error travels back to the page's console.
      error: `invalid ${type} request${path ? ` at ${path}` : ''}: ${describeIssue(issue)}`,
    };
  }
  return { ok: true, type, payload: checked.output };
}

/** A validation issue in words, without the value that failed it. */
function describeIssue(issue: v.BaseIssue<unknown> | undefined): string {
  if (!issue) return 'bad payload';
  return `${issue.kind} "${issue.type}" failed${issue.expected ? `, expected ${issue.expected}` : ''}`;
}
