/**
 * Vocabulary as files for other programs: Anki's text import (tab-separated, with the header
 * lines Anki reads) and CSV for spreadsheets. Both are plain text; nothing is interpreted as HTML.
 */
import type { VocabularyRecord } from '../db/schema';
import { formatCedictPinyin } from '../dict/format-pinyin';

/** Columns of the Anki export, in order; Anki's `#columns:` header names them. */
export const ANKI_COLUMNS = [
  'Hanzi',
  'Traditional',
  'Pinyin',
  'Definition',
  'Sentence',
  'Source',
  'Tags',
] as const;

/**
 * Anki's "Import File" format: `#separator:tab`, `#html:false` (fields are text: a `<` in a
 * sentence stays a `<`), `#columns:` and `#tags column:N` (1-based), then one note per line.
 * Fields with a tab, newline or quote are quoted CSV-style, which Anki's reader accepts.
 * Tags lose their spaces (Anki separates tags by spaces) and gain a `tifa` tag.
 */
export function toAnkiTsv(rows: readonly VocabularyRecord[]): string {
  const header = [
    '#separator:tab',
    '#html:false',
    `#columns:${ANKI_COLUMNS.join('\t')}`,
    `#tags column:${ANKI_COLUMNS.indexOf('Tags') + 1}`,
  ];
  const lines = rows.map((row) => {
    const context = row.contexts[0];
    return [
      row.word,
      row.traditional,
      formatCedictPinyin(row.pinyin),
      row.definition,
      context?.sentence ?? '',
      context?.url ?? '',
      ankiTags(row.tags),
    ]
      .map((field) => quoteField(field, '\t'))
      .join('\t');
  });
  return `${[...header, ...lines].join('\n')}\n`;
}

/** Tags as Anki wants them: space-separated, no spaces inside one. */
export function ankiTags(tags: readonly string[]): string {
  return ['tifa', ...tags.map((t) => t.trim().replace(/\s+/g, '_')).filter(Boolean)].join(' ');
}

/** Header of the CSV export. */
export const CSV_COLUMNS = [
  'word',
  'traditional',
  'pinyin',
  'definition',
  'status',
  'tags',
  'notes',
  'first_seen',
  'last_seen',
  'times_saved',
  'due',
  'sentence',
  'url',
] as const;

/**
 * RFC 4180 CSV with a header row and CRLF line ends (what spreadsheets expect), UTF-8 with a
 * byte-order mark so Excel reads the Chinese correctly. Dates are ISO 8601 (UTC). A cell that a
 * spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
 */
export function toCsv(rows: readonly VocabularyRecord[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) {
    const context = row.contexts[0];
    const cells = [
      row.word,
      row.traditional,
      formatCedictPinyin(row.pinyin),
      row.definition,
      row.status,
      row.tags.join('; '),
      row.notes,
      isoDate(row.firstSeen),
      isoDate(row.lastSeen),
      String(row.timesSaved),
      isoDate(row.card.due),
      context?.sentence ?? '',
      context?.url ?? '',
    ];
    lines.push(cells.map((cell) => quoteField(defuseFormula(cell), ',')).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString();
}

/** A cell a spreadsheet would run as a formula, with a leading apostrophe so it stays text. */
export function defuseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** A field quoted when it holds the separator, a quote or a line break. */
export function quoteField(field: string, separator: string): string {
  if (!field.includes(separator) && !/["\r\n]/.test(field)) return field;
  return `"${field.replace(/"/g, '""')}"`;
}
