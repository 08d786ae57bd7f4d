/**
 * The CLI's commands. Each reads lines, runs the shared `analyze` on each line and writes one
 * result per line, so output lines always correspond to input lines.
 */
import { analyze, SCRIPT_TARGETS, type Analysis, type ScriptTarget } from '../../utils/zh/analyze';
import { isHanCodePoint } from '../../utils/zh/han';
import { pairReadings } from '../../utils/zh/ruby-pairs';
import { choice, type ParsedArgs } from './args';
import { cliLexicon, cliPolyphoneModel } from './lexicon';

type Write = (chunk: string) => void;

const CONVERT_TARGETS = SCRIPT_TARGETS.filter((t) => t !== 'keep');

/** `tifa annotate`: tokens as JSON lines, or a ruby HTML document. */
export function annotateCommand(lines: string[], args: ParsedArgs, write: Write): void {
  const to = choice<ScriptTarget>(args, 'to', SCRIPT_TARGETS, 'keep');
  const format = choice(args, 'format', ['json', 'html'] as const, 'json');
  const lexicon = cliLexicon();
  const polyphones = cliPolyphoneModel(args);
  if (format === 'json') {
    lines.forEach((line, index) => {
      const analysis = analyze(line, { to, lexicon, polyphones });
      write(
        `${JSON.stringify({ line: index + 1, script: analysis.script, tokens: analysis.tokens })}\n`,
      );
    });
    return;
  }
  write('<!doctype html>\n<html><head><meta charset="utf-8"><title>Tifa Reader</title>');
  write('<style>rt{user-select:none;font-size:0.6em}</style></head><body>\n');
  for (const line of lines)
    write(`<p>${rubyHtml(analyze(line, { to, lexicon, polyphones }))}</p>\n`);
  write('</body></html>\n');
}

/** `tifa convert`: the converted text, line for line. */
export function convertCommand(lines: string[], args: ParsedArgs, write: Write): void {
  const to = choice<ScriptTarget>(args, 'to', CONVERT_TARGETS, 'cn');
  const keepArtifacts = args.flags.get('keep-artifacts') === true;
  for (const line of lines) {
    const { tokens } = analyze(line, { to, pinyin: 'none', keepArtifacts });
    write(`${tokens.map((t) => t.display).join('')}\n`);
  }
}

/** `tifa segment`: the words of each line separated by single spaces, characters unchanged. */
export function segmentCommand(lines: string[], _args: ParsedArgs, write: Write): void {
  const lexicon = cliLexicon();
  for (const line of lines) {
    const words: string[] = [];
    for (const token of analyze(line, { pinyin: 'none', keepArtifacts: true, lexicon }).tokens) {
      const slice = line.slice(token.start, token.end);
      if (token.kind === 'word') words.push(slice);
      else words.push(...splitNonHan(slice));
    }
    write(`${words.join(' ')}\n`);
  }
}

/** `tifa pinyin --format tsv`: one row per code point, an empty row after each line. */
export function pinyinCommand(lines: string[], args: ParsedArgs, write: Write): void {
  choice(args, 'format', ['tsv'] as const, 'tsv');
  const lexicon = cliLexicon();
  const polyphones = cliPolyphoneModel(args);
  for (const line of lines) {
    const analysis = analyze(line, { pinyin: 'num', lexicon, polyphones });
    const readingAt = readingsByOffset(line, analysis);
    let offset = 0;
    for (const char of line) {
      write(`${char}\t${readingAt.get(offset) ?? ''}\n`);
      offset += char.length;
    }
    write('\n');
  }
}

/** Readings keyed by the offset of each Chinese character in the original line. */
function readingsByOffset(line: string, analysis: Analysis): Map<number, string> {
  const result = new Map<number, string>();
  for (const token of analysis.tokens) {
    if (token.kind !== 'word') continue;
    let index = 0;
    for (let i = token.start; i < token.end;) {
      const cp = line.codePointAt(i) ?? 0;
      if (isHanCodePoint(cp)) {
        const reading = token.pinyin[index++];
        if (reading) result.set(i, reading);
      }
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return result;
}

/** Splits text between Chinese words: runs of letters and digits stay whole, every punctuation
 * mark is a word of its own, whitespace separates. */
function splitNonHan(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? [];
}

function rubyHtml(analysis: Analysis): string {
  let html = '';
  for (const token of analysis.tokens) {
    const pairs = token.kind === 'word' ? pairReadings(token.display, token) : null;
    if (token.kind !== 'word') {
      html += escapeHtml(token.display);
    } else if (pairs) {
      html += '<ruby>';
      for (const pair of pairs)
        html += `${escapeHtml(pair.text)}<rt>${escapeHtml(pair.reading)}</rt>`;
      html += '</ruby>';
    } else {
      html += `<ruby>${escapeHtml(token.display)}<rt>${escapeHtml(token.pinyin.join(' '))}</rt></ruby>`;
    }
  }
  return html;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Input text is data: everything that could open markup is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}
