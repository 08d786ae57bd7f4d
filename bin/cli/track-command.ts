/**
 * `tifa track DIR`: the term tracker over an archive. Every .txt, .html and .htm file under DIR
 * (sub-folders included, in path order) is one page: its glossary terms are counted with the
 * extension's matcher and `summarizeSightings`, and written as the dashboard's citation CSV.
 *
 * Per page: the title is the HTML `<title>` (a text file's name); the URL is the page's canonical
 * address (else the file's `file://` URL); the outlet is `og:site_name`, else the canonical
 * address's host, else the file's folder under DIR; the date seen is the file's modification time.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { matchTerms } from '../../utils/glossary/matcher';
import { isoSecond, sightingsToCsv, type CitationRow } from '../../utils/tracker/citation-export';
import {
  sentenceAround,
  summarizeSightings,
  type SightingHit,
} from '../../utils/tracker/summarize';
import { termNamer } from '../../utils/tracker/term-names';
import type { ParsedArgs } from './args';
import { htmlToText } from './html-text';
import { UsageError } from './input';

type Write = (chunk: string) => void;

const PAGE_EXTENSIONS = new Set(['.txt', '.html', '.htm']);

/** One page read from the archive. */
export interface ArchivePage {
  readonly text: string;
  readonly title: string;
  readonly url: string;
  readonly outlet: string;
  readonly time: number;
}

/** `tifa track DIR`: one CSV row per term per file, without a byte-order mark. */
export function trackCommand(_lines: string[], args: ParsedArgs, write: Write): void {
  const dir = args.positional[0];
  if (dir === undefined) throw new UsageError('give the directory to track: tifa track DIR');
  const nameOf = termNamer();
  const rows: CitationRow[] = [];
  for (const path of listPages(dir)) {
    const page = readPage(dir, path);
    if (!page) continue;
    for (const term of summarizeSightings(pageHits(page.text))) {
      rows.push({
        term: nameOf(term.id),
        termId: term.id,
        count: term.count,
        sentence: term.sentence,
        title: page.title,
        outlet: page.outlet,
        url: page.url,
        dateSeen: isoSecond(page.time),
      });
    }
  }
  write(sightingsToCsv(rows, { bom: false }));
}

/** Every hit of every line, with the sentence it is in: the reader's counting, on a file. */
export function pageHits(text: string): SightingHit[] {
  const hits: SightingHit[] = [];
  for (const line of text.split(/\r?\n/)) {
    for (const hit of matchTerms(line)) {
      hits.push({ id: hit.id, sentence: sentenceAround(line, hit.start, hit.end) });
    }
  }
  return hits;
}

/** The page files under `dir`, relative paths in code-point order. Throws UsageError when the
 * directory cannot be read. */
function listPages(dir: string): string[] {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`cannot read directory ${dir}: ${reason}`);
  }
  return entries
    .filter((path) => PAGE_EXTENSIONS.has(extname(path).toLowerCase()))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** One file as a page, or null (with a line on stderr) when it cannot be read as UTF-8. */
function readPage(dir: string, path: string): ArchivePage | null {
  const file = join(dir, path);
  let bytes: Buffer;
  let time: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) return null;
    time = stats.mtimeMs;
    bytes = readFileSync(file);
  } catch (error) {
    process.stderr.write(
      `tifa: skipped ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}\n`,
    );
    return null;
  }
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    process.stderr.write(`tifa: skipped ${path}: not valid UTF-8\n`);
    return null;
  }
  const folder = dirname(relative(resolve(dir), resolve(file)));
  const folderOutlet = folder === '.' ? '' : (folder.split(sep).at(-1) ?? '');
  const fileUrl = pathToFileURL(resolve(file)).href;
  if (extname(path).toLowerCase() === '.txt') {
    return {
      text: source,
      title: basename(path, extname(path)),
      url: fileUrl,
      outlet: folderOutlet,
      time,
    };
  }
  const html = htmlToText(source);
  return {
    text: html.text,
    title: html.title || basename(path, extname(path)),
    url: html.url || fileUrl,
    outlet: html.siteName || hostOf(html.url) || folderOutlet,
    time,
  };
}

function hostOf(url: string): string {
  try {
    return url ? new URL(url).hostname.toLowerCase().replace(/^www\./, '') : '';
  } catch {
    return '';
  }
}
