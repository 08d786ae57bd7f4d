/**
 * Limits, each with the reason it has the value it has. One file, so a reviewer sees them all.
 */

/** Largest message a sender may post to the background, in UTF-16 code units of its JSON.
 * A saved lookup with its sentence is a few kB; anything near this size is a bug or an attack. */
export const MAX_MESSAGE_CHARS = 64 * 1024;

/** Longest text the content script hands to `analyze` in one call: a paragraph, not a page.
 * Longer text nodes are split at sentence ends so no single task blocks the page for long. */
export const MAX_PARAGRAPH_CHARS = 4000;
