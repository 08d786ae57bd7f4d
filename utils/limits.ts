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
