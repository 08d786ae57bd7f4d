/**
 * `tifa`: Tifa Reader's text engine on the command line, for researchers batch-processing
 * articles and for the benchmarks. UTF-8 in (file or stdin), one result per input line out.
 */
import { parseArgs, type ParsedArgs } from './args';
import { annotateCommand, convertCommand, pinyinCommand, segmentCommand } from './commands';
import { readInputText, splitLines, UsageError } from './input';
import { POLYPHONE_MODEL_OPTION } from './lexicon';
import { termsCommand } from './terms-command';
import { trackCommand } from './track-command';

const USAGE = `usage:
  tifa annotate [file|-] [--to keep|cn|tw|twp|hk|t] [--format json|html] [--polyphone-model <file>|none]
  tifa convert  [file|-] [--to cn|tw|twp|hk|t] [--keep-artifacts]
  tifa segment  [file|-]
  tifa pinyin   [file|-] [--format tsv] [--polyphone-model <file>|none]
  tifa terms    [file|-] [--format tsv|json]
      glossary terms found per line; offsets are code points from 0.
      tsv: one "id<TAB>surface<TAB>line<TAB>offset" row per hit, then a blank line,
           a "#count<TAB>id<TAB>term" header and one row per term, most frequent first
      json: one {"line","offset","id","surface","key"} object per hit, then a last line
           {"summary":[{"id","term","count"}...],"hits","lines"}
  tifa track    DIR
      the term tracker over every .txt/.html/.htm file under DIR: one CSV row per term per
      file (term, term_id, count, sentence, title, outlet, url, date_seen), as the review
      page's Terms export`;

type Command = (lines: string[], args: ParsedArgs, write: (chunk: string) => void) => void;

const COMMANDS: Record<
  string,
  { run: Command; options: string[]; booleans?: string[]; readsDirectory?: boolean }
> = {
  annotate: { run: annotateCommand, options: ['to', 'format', POLYPHONE_MODEL_OPTION] },
  convert: { run: convertCommand, options: ['to'], booleans: ['keep-artifacts'] },
  segment: { run: segmentCommand, options: [] },
  pinyin: { run: pinyinCommand, options: ['format', POLYPHONE_MODEL_OPTION] },
  terms: { run: termsCommand, options: ['format'] },
  track: { run: trackCommand, options: [], readsDirectory: true },
};

function main(argv: string[]): number {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command "${name}"\n${USAGE}`);
  const args = parseArgs(rest, command.options, command.booleans);
  if (args.positional.length > 1) throw new UsageError('give at most one input file');
  // A command over a directory reads its own files; the others get the input's lines.
  const lines = command.readsDirectory ? [] : splitLines(readInputText(args.positional[0]));
  // Output is buffered and written once: per-line writes to a pipe cost more than the analysis.
  const chunks: string[] = [];
  command.run(lines, args, (chunk) => chunks.push(chunk));
  process.stdout.write(chunks.join(''));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`tifa: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
