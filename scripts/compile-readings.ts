/**
 * Writes `public/dict/readings.u8` (format in utils/zh/reading-table.ts): pinyin-pro's reading
 * of every Chinese character of the Basic Multilingual Plane, and of every segmentation word
 * (CC-CEDICT's word list and the glossary's words) whose reading alone differs from its
 * characters' readings. Pages then read words without running pinyin-pro. Runs after
 * compile-cedict (it reads `words.u8`); skipped when its output is newer than every input.
 *
 * Usage: npx tsx scripts/compile-readings.ts [--force]
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WORDS_FILE_NAME, parseWordList } from '../utils/dict/cedict-format';
import { glossaryWords } from '../utils/glossary/entries';
import { isHanCodePoint } from '../utils/zh/han';
import { polyphonic } from 'pinyin-pro';
import { readingsByWord } from '../utils/zh/pinyin-pro-readings';
import { formatReadingFile, READINGS_FILE_NAME } from '../utils/zh/reading-table';

const root = fileURLToPath(new URL('../', import.meta.url));
const outDir = `${root}public/dict/`;
const wordsPath = outDir + WORDS_FILE_NAME;
const outPath = outDir + READINGS_FILE_NAME;
const pinyinProPackage = `${root}node_modules/pinyin-pro/package.json`;

/** Inputs: the word list, pinyin-pro's version, the glossary and the code that reads words. */
const inputs = [
  wordsPath,
  pinyinProPackage,
  fileURLToPath(import.meta.url),
  `${root}utils/zh/pinyin.ts`,
  `${root}utils/zh/reading-table.ts`,
  `${root}utils/glossary/entries.ts`,
  ...readdirSync(`${root}assets/glossary`).map((name) => `${root}assets/glossary/${name}`),
];

function main(): void {
  if (!process.argv.includes('--force') && isFresh()) {
    console.log(`${READINGS_FILE_NAME} is up to date; --force to rebuild.`);
    return;
  }
  const started = performance.now();
  const version = (JSON.parse(readFileSync(pinyinProPackage, 'utf8')) as { version?: string })
    .version;
  const chars = new Map<string, string>();
  const ranges: [number, number][] = [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xf900, 0xfaff],
  ];
  for (const [from, to] of ranges) {
    for (let cp = from; cp <= to; cp++) {
      const char = String.fromCodePoint(cp);
      if (!isHanCodePoint(cp)) continue;
      const reading = readAlone(char)[0] ?? '';
      if (reading !== '') chars.set(char, reading);
    }
  }
  const words = new Map<string, readonly string[]>();
  const all = [...parseWordList(readFileSync(wordsPath, 'utf8')), ...glossaryWords()];
  // Characters outside the BMP: those the word list uses (a few hundred rare ones).
  for (const word of all) {
    for (const char of word) {
      if (char.length === 2 && !chars.has(char)) {
        const reading = readAlone(char)[0] ?? '';
        if (reading !== '') chars.set(char, reading);
      }
    }
  }
  for (const word of all) {
    if (words.has(word)) continue;
    const whole = readAlone(word);
    const own = Array.from(word, (char) => chars.get(char) ?? '');
    if (whole.length === own.length && whole.some((r, i) => r !== own[i])) words.set(word, whole);
  }
  // Every reading of the polyphonic characters, toneless, as artefact removal asks pinyin-pro.
  const polyphonicChars = new Map<string, readonly string[]>();
  for (const char of chars.keys()) {
    const all = polyphonic(char, { toneType: 'none', type: 'array' })[0] ?? [];
    if (new Set(all).size > 1) polyphonicChars.set(char, all);
  }
  const text = formatReadingFile(
    {
      format: 'tifa-readings',
      'format-version': '1',
      source: `pinyin-pro ${version ?? '?'}: each character and each word read alone (toneSandhi off), tone numbers`,
      words: `${words.size} of ${all.length} segmentation words (CC-CEDICT word list and glossary) whose reading differs from their characters'`,
      'made-by': 'npx tsx scripts/compile-readings.ts',
    },
    chars,
    words,
    polyphonicChars,
  );
  mkdirSync(outDir, { recursive: true });
  const temporary = `${outPath}.tmp-${process.pid}`;
  writeFileSync(temporary, text, 'utf8');
  renameSync(temporary, outPath);
  console.log(
    `Compiled ${outPath}: ${chars.size} characters, ${words.size} words, ` +
      `${polyphonicChars.size} polyphonic characters, ` +
      `${(statSync(outPath).size / 1024).toFixed(0)} KiB in ${Math.round(performance.now() - started)} ms`,
  );
}

/** pinyin-pro's reading of a text read on its own, as `analyze` asks for it. */
function readAlone(text: string): string[] {
  return readingsByWord(text, [0, text.length]);
}

function isFresh(): boolean {
  try {
    const output = statSync(outPath).mtimeMs;
    return inputs.every((path) => statSync(path).mtimeMs < output);
  } catch {
    return false;
  }
}

main();
