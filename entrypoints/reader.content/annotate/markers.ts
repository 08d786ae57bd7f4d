/**
 * The labels on everything the reader adds to a page. One attribute marks our elements; the
 * scanner skips them, and switching off removes exactly them (STYLE habit 3).
 */

/** Present on every element we insert; its value says what the element is. */
export const TIFA_ATTR = 'data-tifa';

/** Values of TIFA_ATTR. */
export const MARK = {
  word: 'w',
  reading: 'rt',
  style: 'style',
  /** The annotation highlight's rule, only on pages with annotations (page-style.ts). */
  highlightStyle: 'highlight-style',
  popup: 'popup',
  /** A glossary term: wraps the words (ruby or text) that make it up. */
  term: 'term',
  /** The "Terms on this page" button and panel (one shadow host). */
  termsPanel: 'terms',
  /** The "Annotate" button and note form beside a selection (one shadow host). */
  annotate: 'annotate',
  /** The "Add as my term" form on a selection (one shadow host). */
  addTerm: 'add-term',
} as const;

/** The reading of a character, shown through CSS generated content so it is never copied. */
export const READING_ATTR = 'data-tifa-r';

/** Tone of a reading (1–5), for tone colours. */
export const TONE_ATTR = 'data-tifa-tone';

/** On <html> while the reader is on: lets page authors and tests see its state. */
export const STATE_ATTR = 'data-tifa-reader';

/** On a drawn word the reader has saved (with the study option on): `known` hides its reading,
 * `learning` highlights it. */
export const STUDY_ATTR = 'data-tifa-study';

/** On a term wrapper: the id of the term it shows (an entry id or `pattern:…`). */
export const TERM_ATTR = 'data-tifa-term';

/** On a built-in term's wrapper that a personal term annotates: the personal hit id
 * (`personal:<id>`). A personal term alone is a wrapper whose TERM_ATTR is that id. */
export const PERSONAL_ATTR = 'data-tifa-personal';

/** Set for a moment on a term wrapper the terms panel scrolled to, to flash it. */
export const FLASH_ATTR = 'data-tifa-flash';
