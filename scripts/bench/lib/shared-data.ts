/**
 * Reading the benchmark data from the shared folder beside the checkout (`../shared`, or
 * `$TIFA_SHARED`). The data sets carry their own licences and must never be copied into the
 * project, so every benchmark reads them from there and fails with one clear message when the
 * folder is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, found from this file so the working directory does not matter. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** The shared folder: `$TIFA_SHARED`, else `<project>/../shared`. */
export function sharedDir(): string {
  return process.env.TIFA_SHARED ?? resolve(PROJECT_ROOT, '..', 'shared');
}

/** A shared data file is missing: the benchmark cannot run, and says where it looked. */
export class SharedDataMissingError extends Error {}

/** Reads a file of the shared folder as UTF-8, or explains what is missing and how to fix it. */
export function readSharedText(relativePath: string): string {
  const path = join(sharedDir(), relativePath);
  if (!existsSync(path)) {
    throw new SharedDataMissingError(
      `${path} is missing. The benchmarks read their data from the shared folder beside the ` +
        'checkout (../shared); set TIFA_SHARED to point elsewhere. Never copy it into the project.',
    );
  }
  return readFileSync(path, 'utf8');
}

/** Splits a data file into lines, without the empty line after the final newline. */
function lines(text: string): string[] {
  const result = text.split(/\r?\n/);
  if (result.at(-1) === '') result.pop();
  return result;
}

/** One sentence of the CPP polyphone benchmark with its annotated character. */
export interface CppSentence {
  /** The sentence with both U+2581 marks removed. */
  readonly text: string;
  /** Index of the annotated character in code points (not UTF-16 units) of `text`. */
  readonly index: number;
  readonly char: string;
  /** Gold reading in our tone-number form: toneless + 1–5, ü as `v` (`lv4`). */
  readonly gold: string;
}

const MARK = '\u2581';

/** The dev split of CPP: `cpp/dev.sent` with `cpp/dev.lb`, checked line by line. */
export function readCppDev(): CppSentence[] {
  const sentences = lines(readSharedText('data/cpp/dev.sent'));
  const labels = lines(readSharedText('data/cpp/dev.lb'));
  if (sentences.length !== labels.length) {
    throw new Error(`cpp/dev.sent has ${sentences.length} lines but dev.lb ${labels.length}`);
  }
  return sentences.map((line, i) => {
    const open = line.indexOf(MARK);
    const close = line.indexOf(MARK, open + 1);
    const char = line.slice(open + 1, close);
    if (open < 0 || close < 0 || Array.from(char).length !== 1) {
      throw new Error(`cpp/dev.sent line ${i + 1}: expected one character between two marks`);
    }
    const before = line.slice(0, open);
    return {
      text: before + char + line.slice(close + 1),
      // Code points: a character outside the BMP before the mark would shift UTF-16 indices.
      index: Array.from(before).length,
      char,
      gold: (labels[i] ?? '').trim().replace('u:', 'v'),
    };
  });
}

/** One OpenCC upstream conversion test. */
export interface OpenccCase {
  readonly id: string;
  readonly config: string;
  readonly input: string;
  readonly expected: string;
}

/** `opencc/testcases.tsv`: id, config, input, expected (header line skipped). */
export function readOpenccCases(): OpenccCase[] {
  const [header, ...rows] = lines(readSharedText('data/opencc/testcases.tsv'));
  if (header !== 'id\tconfig\tinput\texpected') {
    throw new Error(`opencc/testcases.tsv: unexpected header ${JSON.stringify(header)}`);
  }
  return rows.map((row, i) => {
    const [id, config, input, expected, ...extra] = row.split('\t');
    if (id === undefined || config === undefined || input === undefined || expected === undefined)
      throw new Error(`opencc/testcases.tsv line ${i + 2}: expected 4 fields`);
    if (extra.length > 0) throw new Error(`opencc/testcases.tsv line ${i + 2}: too many fields`);
    return { id, config, input, expected };
  });
}

/** The sample article (traditional, with inline-pinyin artefacts), one paragraph per line. */
export function readSampleArticleParagraphs(): string[] {
  return lines(readSharedText('fixtures/sample-article.txt'))
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
