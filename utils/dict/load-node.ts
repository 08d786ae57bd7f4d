/**
 * Reads the compiled dictionary files from `public/dict/` in Node (CLI, tests, benchmarks).
 * The extension itself fetches them from its own origin instead; this module uses Node APIs
 * and must never be imported by browser code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CEDICT_FILE_NAME,
  parseCedictFile,
  parseWordList,
  WORDS_FILE_NAME,
  type CedictEntry,
} from './cedict-format';
import { parseReadingFile, READINGS_FILE_NAME, type ReadingFile } from '../zh/reading-table';

/** `public/dict/` of this checkout, found from this file so the working directory doesn't matter. */
export const DICT_DIR = fileURLToPath(new URL('../../public/dict/', import.meta.url));

/** The segmentation lexicon (simplified multi-character Han headwords). */
export function loadWordListFromDisk(): string[] {
  return parseWordList(readCompiledFile(WORDS_FILE_NAME));
}

/** pinyin-pro's readings worked out at build time (`readings.u8`, utils/zh/reading-table.ts). */
export function loadReadingFileFromDisk(): ReadingFile {
  return parseReadingFile(readCompiledFile(READINGS_FILE_NAME));
}

/** Every CC-CEDICT entry, in file order (simplified, then traditional). */
export function loadCedictFromDisk(): CedictEntry[] {
  return parseCedictFile(readCompiledFile(CEDICT_FILE_NAME));
}

/** Reads one compiled file, or explains how to produce it: it is a build artefact, not in git. */
export function readCompiledFile(name: string): string {
  const path = DICT_DIR + name;
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run \`npm run compile:data\` to build it.`);
  }
  return readFileSync(path, 'utf8');
}
