/**
 * The compact text format of the compiled CC-CEDICT files in `public/dict/`.
 *
 * The compiler (scripts/compile-cedict.ts) writes with these functions and every reader parses
 * with them, so the two sides cannot drift. Pure TypeScript: runs in the background worker, in
 * Node and in tests.
 *
 * `cedict.u8`: `#` header lines, then one entry per line:
 *
 *     traditional <TAB> simplified <TAB> pinyin <TAB> sense1/sense2/...
 *
 * Senses are joined with '/'. Inside a sense, a backslash escape keeps the join reversible:
 * `\\` is a backslash, `\/` a literal slash, `\t` a tab, `\n` a line feed, `\r` a carriage return.
 * Headword and pinyin fields take no escapes: they may not contain a tab or a line break (the
 * formatter throws rather than write a line it could not read back). Empty senses are refused for
 * the same reason: `a//b` would be ambiguous with a dropped sense.
 *
 * Entries are sorted by simplified, then traditional, in UTF-16 code-unit order (plain `<` on
 * strings), so a reader may binary search the lines (`findCedictEntries`) or fill a Map in one pass.
 *
 * `words.u8`: `#` header lines, then one simplified headword per line (the segmenter's lexicon).
 */

/** Bumped whenever the line format changes; written into every header. */
export const CEDICT_FORMAT_VERSION = 1;

export const CEDICT_FILE_NAME = 'cedict.u8';
export const WORDS_FILE_NAME = 'words.u8';

/** Lines starting with this are header comments and are skipped by the parsers. */
export const HEADER_PREFIX = '#';
export const FIELD_SEPARATOR = '\t';
export const SENSE_SEPARATOR = '/';
const ESCAPE = '\\';

const FIELD_COUNT = 4;
const FORBIDDEN_IN_FIELD = /[\t\r\n]/;
const LINE_BREAK = /[\r\n]/;

export interface CedictEntry {
  traditional: string;
  simplified: string;
  /** CC-CEDICT numbered pinyin, e.g. `zhong1 guo2`. */
  pinyin: string;
  senses: string[];
}

/** Header lines are `# key: value`; the compiler and an About page share these keys. */
export type HeaderFields = Record<string, string>;

const escapes: Record<string, string> = {
  '\\': '\\\\',
  '/': '\\/',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};
const unescapes: Record<string, string> = {
  '\\': '\\',
  '/': '/',
  t: '\t',
  n: '\n',
  r: '\r',
};

/** Escapes one sense so it can be joined with '/' and still split back exactly. */
export function escapeSense(sense: string): string {
  return sense.replace(/[\\/\t\n\r]/g, (ch) => escapes[ch] ?? ch);
}

/** Splits an escaped sense field back into senses; null when an escape is malformed. */
export function splitSenses(field: string): string[] | null {
  if (field === '') return [];
  // Fast path: CC-CEDICT itself never has a slash or backslash inside a sense.
  if (!field.includes(ESCAPE)) return field.split(SENSE_SEPARATOR);
  const senses: string[] = [];
  let current = '';
  for (let i = 0; i < field.length; i++) {
    const ch = field[i] as string;
    if (ch === ESCAPE) {
      const replacement = unescapes[field[i + 1] ?? ''];
      if (replacement === undefined) return null;
      current += replacement;
      i++;
    } else if (ch === SENSE_SEPARATOR) {
      senses.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  senses.push(current);
  return senses;
}

/** Writes one entry as a line (without the line feed); throws on values it could not read back. */
export function formatCedictLine(entry: CedictEntry): string {
  for (const field of [entry.traditional, entry.simplified, entry.pinyin]) {
    if (FORBIDDEN_IN_FIELD.test(field)) {
      throw new Error(`CC-CEDICT field contains a tab or line break: ${JSON.stringify(field)}`);
    }
  }
  if (entry.traditional === '' || entry.simplified === '') {
    throw new Error(`CC-CEDICT entry without a headword: ${JSON.stringify(entry)}`);
  }
  if (entry.traditional.startsWith(HEADER_PREFIX)) {
    throw new Error(`CC-CEDICT headword would read as a header: ${entry.traditional}`);
  }
  if (entry.senses.some((sense) => sense === '')) {
    throw new Error(`CC-CEDICT entry with an empty sense: ${entry.simplified}`);
  }
  return [
    entry.traditional,
    entry.simplified,
    entry.pinyin,
    entry.senses.map(escapeSense).join(SENSE_SEPARATOR),
  ].join(FIELD_SEPARATOR);
}

/** Parses one entry line; null for header, blank or malformed lines. */
export function parseCedictLine(line: string): CedictEntry | null {
  if (line === '' || line.startsWith(HEADER_PREFIX)) return null;
  const fields = line.split(FIELD_SEPARATOR);
  if (fields.length !== FIELD_COUNT) return null;
  const [traditional, simplified, pinyin, senseField] = fields as [string, string, string, string];
  if (traditional === '' || simplified === '' || LINE_BREAK.test(line)) return null;
  const senses = splitSenses(senseField);
  if (senses === null || senses.includes('')) return null;
  return { traditional, simplified, pinyin, senses };
}

/** Parses a whole compiled file, skipping headers; malformed lines are dropped, not fatal. */
export function parseCedictFile(text: string): CedictEntry[] {
  const entries: CedictEntry[] = [];
  for (const line of splitLines(text)) {
    const entry = parseCedictLine(line);
    if (entry) entries.push(entry);
  }
  return entries;
}

/**
 * Entries whose simplified headword is exactly `simplified`, found by binary search over the
 * compiled file's sorted lines: no index to build, about 17 probes for 124,000 entries, so the
 * first lookup after loading costs no more than the next.
 */
export function findCedictEntries(text: string, simplified: string): CedictEntry[] {
  let low = bodyStart(text);
  let high = text.length;
  // Invariant: every line starting before `low` sorts before `simplified`; none from `high` on.
  while (low < high) {
    const middle = Math.max(low, text.lastIndexOf('\n', (low + high) >>> 1) + 1);
    if (simplifiedAt(text, middle) < simplified) low = nextLineStart(text, middle);
    else high = middle;
  }
  const entries: CedictEntry[] = [];
  for (let start = low; start < text.length && simplifiedAt(text, start) === simplified;) {
    const end = nextLineStart(text, start);
    const entry = parseCedictLine(text.slice(start, end).replace(/\r?\n$/, ''));
    if (entry) entries.push(entry);
    start = end;
  }
  return entries;
}

/** Offset of the first entry line: past the `#` header. */
function bodyStart(text: string): number {
  let start = 0;
  while (start < text.length && text.startsWith(HEADER_PREFIX, start)) {
    start = nextLineStart(text, start);
  }
  return start;
}

function nextLineStart(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end < 0 ? text.length : end + 1;
}

/** The second field of the line starting at `start`; '' for a line without one. */
function simplifiedAt(text: string, start: number): string {
  const first = text.indexOf(FIELD_SEPARATOR, start);
  const lineEnd = nextLineStart(text, start);
  if (first < 0 || first >= lineEnd) return '';
  const second = text.indexOf(FIELD_SEPARATOR, first + 1);
  return text.slice(first + 1, second < 0 || second >= lineEnd ? lineEnd : second);
}

/** Order of entries in the compiled file: simplified, then traditional, by code unit. */
export function compareEntries(a: CedictEntry, b: CedictEntry): number {
  return compareStrings(a.simplified, b.simplified) || compareStrings(a.traditional, b.traditional);
}

/** Plain code-unit comparison, the order a binary search with `<` expects (not localeCompare). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Writes the `# key: value` header block, each line ending in a line feed. */
export function formatHeader(fields: HeaderFields): string {
  return Object.entries(fields)
    .map(([key, value]) => {
      if (LINE_BREAK.test(key + value)) throw new Error(`Header line break in ${key}`);
      return `${HEADER_PREFIX} ${key}: ${value}\n`;
    })
    .join('');
}

/** Reads the `# key: value` lines at the top of a compiled file (attribution, counts). */
export function parseHeader(text: string): HeaderFields {
  const fields: HeaderFields = {};
  // Walk line by line and stop at the first entry: the file is megabytes, the header a few lines.
  for (let start = 0; text.startsWith(HEADER_PREFIX, start);) {
    const next = nextLineStart(text, start);
    const line = text.slice(start, next).replace(/\r?\n$/, '');
    start = next;
    const match = /^#\s*([^:]+):\s?(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) fields[match[1].trim()] = match[2];
  }
  return fields;
}

/** Writes the segmentation lexicon: header, then one word per line. */
export function formatWordList(header: HeaderFields, words: readonly string[]): string {
  for (const word of words) {
    if (word === '' || FORBIDDEN_IN_FIELD.test(word) || word.startsWith(HEADER_PREFIX)) {
      throw new Error(`Word cannot be written to the word list: ${JSON.stringify(word)}`);
    }
  }
  return formatHeader(header) + words.map((word) => word + '\n').join('');
}

/** Reads the segmentation lexicon: one word per line, headers and blank lines skipped. */
export function parseWordList(text: string): string[] {
  return splitLines(text).filter((line) => line !== '' && !line.startsWith(HEADER_PREFIX));
}

/** Tolerates CRLF in case a file passed through a tool that rewrote line endings. */
function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}
