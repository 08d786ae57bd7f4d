/**
 * Limits, each with the reason it has the value it has. One file, so a reviewer sees them all.
 */

/** Largest message a sender may post to the background, in UTF-16 code units of its JSON.
 * A saved lookup with its sentence is a few kB; anything near this size is a bug or an attack. */
export const MAX_MESSAGE_CHARS = 64 * 1024;

/** Longest text the content script hands to `analyze` in one call: a paragraph, not a page.
 * Longer text nodes are split at sentence ends so no single task blocks the page for long. */
export const MAX_PARAGRAPH_CHARS = 4000;

/** Longest accepted value of each message field. Each is generous for real use and small
 * enough that a hostile page cannot make the background store or process megabytes. */
export const FIELD_LIMITS = {
  /** The popup sends at most 16 characters to look up; a little slack for astral characters. */
  lookupText: 64,
  /** CC-CEDICT's longest headwords are under 40 characters. */
  word: 64,
  pinyin: 256,
  definition: 4000,
  /** A sentence around a word; the content script cuts longer ones. */
  sentence: 600,
  /** Browsers handle longer URLs, but news article URLs are far shorter. */
  url: 2048,
  title: 400,
} as const;

/** Reading mode's paragraphs sent to the background for analysis (`analyzeParagraphs`). */
export const PARAGRAPH_BATCH_LIMITS = {
  /** Text nodes in one message (a screen of a news page has a few dozen). */
  texts: 256,
  /** Characters in one message: a screen of dense text, or two. At most six JSON characters
   * each (`\uXXXX`), a full batch stays inside MAX_MESSAGE_CHARS whatever the page holds. */
  chars: 8000,
} as const;

/** The word popup's batched lookup (`lookupWordBatch`): the reader asks for the entries of
 * every word start of a paragraph at once, so later hovers there need no message. */
export const LOOKUP_BATCH_LIMITS = {
  /** Word starts in one message: a long news paragraph (about 250 characters) has about 150;
   * 128 keeps the reply (a few hundred kB of JSON at most) quick to build and to parse on the
   * page's main thread. A longer paragraph is asked for in several messages. */
  requests: 128,
} as const;

/** The page's term cards (`describeTerms`) and the "Add as my term" prefill (`prefillTerm`): the
 * glossary and the conversion tables stay in the background, the page asks for what it shows. */
export const TERM_CARD_LIMITS = {
  /** Term ids in one `describeTerms`: a screen of a news page marks a few dozen distinct terms.
   * 64 cards (under 2 kB of JSON each, 0.8 kB typically) keep a reply quick to parse on the
   * page's main thread; more are asked for in several messages. */
  idsPerMessage: 64,
  /** Characters of a selection tidied into a personal term: a glossary form has at most 40
   * characters (utils/glossary/schema.ts), and inline-pinyin artefacts can triple a term's
   * length; anything longer is cut before it is sent or tidied. */
  selectionChars: 200,
} as const;

/** Limits on what a reader writes on the review page: plenty for study notes, small enough that
 * one row stays a few kilobytes (the table loads every row at once). */
export const STUDY_LIMITS = {
  notes: 10_000,
  /** Characters in one tag, and tags on one word. */
  tag: 40,
  tags: 50,
  /** Words changed or deleted by one message (a "select all" on the review page). */
  keysPerMessage: 20_000,
} as const;

/** Restoring a JSON backup: the review page reads and checks the whole file, then sends its rows
 * to the background in chunks (`importBackupRows`), each merged in one transaction. */
export const BACKUP_LIMITS = {
  /** Largest backup file read, in bytes: the page holds the text and the parsed rows at once
   * (several times the file in memory), and V8 strings end at 2^29 characters. 10,000 words
   * and 100,000 history rows make a file of about 50 MB. */
  fileBytes: 256 * 1024 * 1024,
  /** Largest chunk message, in UTF-16 code units of its JSON: far under Chromium's 64 MiB
   * message limit, small enough that one chunk's transaction and validation take well under a
   * second in the service worker. The page fills chunks to a quarter of this; the largest
   * possible word row (notes, definition, 20 contexts) is under 100,000 characters. */
  chunkChars: 4 * 1024 * 1024,
  /** Rows of one table in one chunk. */
  rowsPerChunk: 10_000,
} as const;

/** Term tracker (opt-in). One `recordSightings` message describes one page. */
export const TRACKER_LIMITS = {
  /** Distinct terms recorded per page. 80 sentences at FIELD_LIMITS.sentence (48,000 characters)
   * plus ids, counts and the page's URL and title stay under MAX_MESSAGE_CHARS; a real news page
   * has a few dozen glossary terms at most. `summarizeSightings` keeps the most frequent. */
  termsPerPage: 80,
  /** Term ids: glossary ids are at most 64 characters, pattern ids (`pattern:npcsc:14:10`) and
   * personal ids (`personal:` + a glossary-style id) a little longer. */
  termId: 96,
  /** An outlet's name (a site, or the name a page gives itself): one line, never a paragraph. */
  outlet: 200,
  /** Occurrences of one term on one page: far above any article, low enough that a bug cannot
   * swamp the dashboard's weekly sums. */
  countPerTerm: 10_000,
} as const;

/** Personal terms and glossary packs. */
export const PACK_LIMITS = {
  /** Entries in one pack: a research group's shared list, not a dictionary. */
  entries: 10_000,
  /** Problems listed after a failed import: enough to fix a file, not a wall of text. */
  problemsReported: 200,
  /** A pack's own name and description. */
  name: 200,
  description: 2000,
} as const;

/** Largest glossary pack the review page may send for import, in UTF-16 code units of its JSON:
 * 10,000 entries with notes average 800 characters each. It stays far
 * below Chromium's 64 MiB message limit. */
export const MAX_PACK_CHARS = 8 * 1024 * 1024;

/** Annotations: one quote and one note per row. */
export const ANNOTATION_LIMITS = {
  /** The quoted passage: a few sentences; a longer selection is refused with a message. */
  exact: 2000,
  /** Prefix and suffix: the W3C selector's context, 32 characters each, with room for astral
   * characters (two UTF-16 units each). */
  context: 64,
  /** Annotations of one page sent to the reader: far above real use, bounded for the message. */
  perPage: 500,
  /** A page's text sent to have its annotations anchored (`anchorQuotes`): a long news page has
   * tens of thousands of characters, a report on one page a few hundred thousand. A longer
   * page's annotations are neither highlighted nor reported orphaned. */
  pageChars: 1_000_000,
} as const;

/** Largest `anchorQuotes` message, in UTF-16 code units of its JSON: a page's text and every
 * selector of the page at their limits, each character escaped to two at most (newlines and
 * quotes; page text has next to no other control characters). */
export const MAX_ANCHOR_MESSAGE_CHARS =
  2 *
    (ANNOTATION_LIMITS.pageChars +
      ANNOTATION_LIMITS.perPage * (ANNOTATION_LIMITS.exact + 2 * ANNOTATION_LIMITS.context)) +
  4096;
