/**
 * `tifa terms`: every glossary term in the input, line by line, and how often each occurred.
 * Uses the same matcher as the reader (utils/glossary/matcher.ts), so simplified, traditional,
 * artefact-laden and quoted forms are all found.
 *
 * Offsets are in Unicode code points from the start of the line, counting from 0, so that tools
 * in any language (Python, R, jq) can slice the line with them.
 */
import { describeTerm } from '../../utils/glossary/entries';
import { matchTerms, type TermHit } from '../../utils/glossary/matcher';
import { choice, type ParsedArgs } from './args';

type Write = (chunk: string) => void;

/** One hit as the CLI reports it. */
export interface TermRow {
  readonly line: number;
  readonly offset: number;
  readonly id: string;
  readonly surface: string;
  readonly key: string;
}

/** Per-term totals, most frequent first, then by id. */
export interface TermCount {
  readonly id: string;
  readonly term: string;
  readonly count: number;
}

/** `tifa terms [--format tsv|json]`. */
export function termsCommand(lines: string[], args: ParsedArgs, write: Write): void {
  const format = choice(args, 'format', ['tsv', 'json'] as const, 'tsv');
  const counts = new Map<string, number>();
  lines.forEach((text, index) => {
    for (const row of rowsOf(text, index + 1)) {
      counts.set(row.id, (counts.get(row.id) ?? 0) + 1);
      write(format === 'json' ? `${JSON.stringify(row)}\n` : tsvRow(row));
    }
  });
  const summary = summarize(counts);
  if (format === 'json') {
    const hits = summary.reduce((sum, c) => sum + c.count, 0);
    write(`${JSON.stringify({ summary, hits, lines: lines.length })}\n`);
    return;
  }
  write('\n#count\tid\tterm\n');
  for (const { count, id, term } of summary) write(`${count}\t${id}\t${cell(term)}\n`);
}

/** The hits of one line with code-point offsets. */
export function rowsOf(text: string, line: number): TermRow[] {
  const hits: TermHit[] = matchTerms(text);
  const rows: TermRow[] = [];
  // Hits are in order, so code points are counted once across the line.
  let unit = 0;
  let codePoint = 0;
  for (const hit of hits) {
    while (unit < hit.start) {
      const cu = text.charCodeAt(unit);
      const pair =
        cu >= 0xd800 && cu <= 0xdbff && unit + 1 < text.length && isLowSurrogate(text, unit + 1);
      unit += pair ? 2 : 1;
      codePoint++;
    }
    rows.push({ line, offset: codePoint, id: hit.id, surface: hit.surface, key: hit.key });
  }
  return rows;
}

/** Totals in report order: most frequent first, ties by id, so output is stable. */
export function summarize(counts: ReadonlyMap<string, number>): TermCount[] {
  return [...counts]
    .map(([id, count]) => ({ id, term: describeTerm(id)?.simplified ?? id, count }))
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function tsvRow(row: TermRow): string {
  return `${row.id}\t${cell(row.surface)}\t${row.line}\t${row.offset}\n`;
}

/** A field of a TSV row: tabs and line breaks would split it, so they become spaces. */
function cell(text: string): string {
  return text.replace(/[\t\r\n]/g, ' ');
}

function isLowSurrogate(text: string, i: number): boolean {
  const cu = text.charCodeAt(i);
  return cu >= 0xdc00 && cu <= 0xdfff;
}
