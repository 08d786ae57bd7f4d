/**
 * The polyphone model file (`public/polyphones/model.u8`): what the trainer writes and every
 * reader (content script, background, CLI, tests) parses. Pure TypeScript, no Node APIs.
 *
 * A text file, like the compiled dictionary: `.u8`, not `.js`/`.json` (Firefox's add-on linter
 * refuses JS and JSON over 5 MB), diffable, and a few hundred kilobytes. Layout:
 *
 *     # key: value                     header (date, data, licence, hyper-parameters, accuracy)
 *     @agreements                      one line per agreement feature: name TAB weight
 *     @chars                           one line per character: char TAB reading reading …
 *     @weights                         char TAB feature TAB w,w,…   one integer per reading of
 *                                      the char (empty = 0), in the order of its @chars line
 *     @words                           word TAB reading reading …   CC-CEDICT word readings
 *
 * Weights are integers: the real weight times the header's `scale`. Rounding to 1/scale costs
 * nothing measurable in accuracy and keeps the file small.
 */

import { FEATURES_VERSION, type WeightVector } from './features';

/** Bumped whenever the layout changes; a reader refuses any other version. */
export const POLYPHONE_FORMAT_VERSION = 1;
export const POLYPHONE_MODEL_FILE = 'model.u8';

/** The agreement features: a candidate reading gets the weight when a source proposes it. */
export const AGREEMENTS = [
  /** pinyin-pro's reading, the character standing alone (a one-character word). */
  'proAlone',
  /** pinyin-pro's reading, the character inside a multi-character dictionary word. */
  'proInWord',
  /** CC-CEDICT's reading of the word, where it differs from what pinyin-pro says for the word. */
  'word',
  /** The reading a hand-written rule gives (particles, news polyphones). */
  'rule',
] as const;

export type Agreement = (typeof AGREEMENTS)[number];

/** What the classifier knows about one polyphonic character. */
export interface CharModel {
  /** Candidate readings, tone-number form (`zhong4`), ü as `v`. */
  readonly readings: readonly string[];
  /** Feature key → one weight per candidate reading (see `features.ts` for the keys). */
  readonly weights: ReadonlyMap<string, WeightVector>;
}

export interface PolyphoneModel {
  /** The `# key: value` lines: provenance, hyper-parameters, cross-validated accuracy. */
  readonly header: Readonly<Record<string, string>>;
  /** Global weight of each agreement feature, for every character alike. */
  readonly agreements: Readonly<Record<Agreement, number>>;
  readonly chars: ReadonlyMap<string, CharModel>;
  /** CC-CEDICT readings of words (one per code point) where they differ from pinyin-pro's. */
  readonly words: ReadonlyMap<string, readonly string[]>;
}

/** A model file that cannot be read: says which line and why, so a broken build is obvious. */
export class PolyphoneModelError extends Error {
  constructor(message: string, line?: number) {
    super(
      line === undefined
        ? `polyphone model: ${message}`
        : `polyphone model line ${line}: ${message}`,
    );
    this.name = 'PolyphoneModelError';
  }
}

const SECTIONS = ['agreements', 'chars', 'weights', 'words'] as const;
type Section = (typeof SECTIONS)[number];

const READING = /^[a-z]+[1-5]$/;

/**
 * Parses a model file. Throws `PolyphoneModelError` on anything malformed (wrong version,
 * unknown section, a weight for an unknown character, a count of weights that does not match the
 * readings): a model that parses half-way would give wrong pinyin without telling anyone.
 */
export function parsePolyphoneModel(text: string): PolyphoneModel {
  return modelOf(text, parseParts(text));
}

function modelOf(text: string, parts: ModelParts): PolyphoneModel {
  const chars = new Map<string, CharModel>();
  for (const [char, readings] of parts.readingsOf) {
    const block = parts.blocks.get(char);
    const lines = block
      ? { text, start: block.start, end: block.end, firstLine: block.firstLine }
      : null;
    chars.set(char, lazyCharModel(char, readings, lines, parts.scale));
  }
  return { header: parts.header, agreements: parts.agreements, chars, words: parts.words };
}

interface ModelParts {
  header: Record<string, string>;
  agreements: Record<Agreement, number>;
  scale: number;
  readingsOf: Map<string, string[]>;
  blocks: Map<string, WeightBlock>;
  words: Map<string, string[]>;
}

function parseParts(text: string): ModelParts {
  const header: Record<string, string> = {};
  const agreements = Object.fromEntries(AGREEMENTS.map((a) => [a, 0])) as Record<Agreement, number>;
  const readingsOf = new Map<string, string[]>();
  // The weights section, the bulk of the file (tens of thousands of lines), is only cut into one
  // block per character here; a block's lines are parsed, and checked, when that character is
  // first scored (`lazyCharModel`). A page meets a few dozen of the model's 600 characters, so a
  // worker that has just started reads a page's first paragraphs without parsing the rest.
  const blocks = new Map<string, WeightBlock>();
  let block: WeightBlock | null = null;
  const words = new Map<string, string[]>();
  let section: Section | null = null;
  let scale = 0;
  let lineNo = 0;
  for (let at = 0; at < text.length;) {
    let next = text.indexOf('\n', at);
    if (next < 0) next = text.length;
    lineNo++;
    const lineStart = at;
    at = next + 1;
    if (section === 'weights' && next > lineStart && text.charCodeAt(lineStart) !== 64 /* @ */) {
      // One comparison per line: does it continue the current character's block?
      if (block && text.startsWith(block.prefix, lineStart)) {
        block.end = next;
        continue;
      }
      const tab = text.indexOf('\t', lineStart);
      const char = tab > lineStart && tab < next ? text.slice(lineStart, tab) : '';
      if (!readingsOf.has(char) || blocks.has(char)) {
        const line = text.slice(lineStart, next);
        throw new PolyphoneModelError(
          blocks.has(char)
            ? `weights of ${char} are not together`
            : `bad weight line ${JSON.stringify(line)}`,
          lineNo,
        );
      }
      block = { prefix: `${char}\t`, start: lineStart, end: next, firstLine: lineNo };
      blocks.set(char, block);
      continue;
    }
    const raw = text.slice(lineStart, next);
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') continue;
    if (line.startsWith('#')) {
      if (section !== null) throw new PolyphoneModelError('header line after the header', lineNo);
      const match = /^#\s*([^:]+):\s?(.*)$/.exec(line);
      if (match?.[1] && match[2] !== undefined) header[match[1].trim()] = match[2];
      continue;
    }
    if (line.startsWith('@')) {
      const name = line.slice(1) as Section;
      if (!SECTIONS.includes(name))
        throw new PolyphoneModelError(`unknown section ${line}`, lineNo);
      if (section === null) scale = checkHeader(header);
      section = name;
      continue;
    }
    if (section === null) throw new PolyphoneModelError('data before the first section', lineNo);
    const fields = line.split('\t');
    switch (section) {
      case 'agreements': {
        const [name, value] = fields;
        if (fields.length !== 2 || !(AGREEMENTS as readonly string[]).includes(name ?? '')) {
          throw new PolyphoneModelError(`bad agreement line ${JSON.stringify(line)}`, lineNo);
        }
        agreements[name as Agreement] = parseWeight(value ?? '', scale, lineNo);
        break;
      }
      case 'chars': {
        const [char, list] = fields;
        const readings = (list ?? '').split(' ');
        if (
          fields.length !== 2 ||
          !isOneCodePoint(char) ||
          !readings.every((r) => READING.test(r))
        ) {
          throw new PolyphoneModelError(`bad character line ${JSON.stringify(line)}`, lineNo);
        }
        readingsOf.set(char as string, readings);
        break;
      }
      case 'words': {
        const [word, list] = fields;
        const readings = (list ?? '').split(' ');
        if (
          fields.length !== 2 ||
          !word ||
          Array.from(word).length !== readings.length ||
          !readings.every((r) => READING.test(r))
        ) {
          throw new PolyphoneModelError(`bad word line ${JSON.stringify(line)}`, lineNo);
        }
        words.set(word, readings);
        break;
      }
      case 'weights':
        break; // handled above
    }
  }
  if (section === null) throw new PolyphoneModelError('no sections: not a polyphone model file');
  return { header, agreements, scale, readingsOf, blocks, words };
}

/** Where one character's weight lines are in the file text. */
interface WeightBlock {
  /** `char` + TAB: how each of its lines starts. */
  readonly prefix: string;
  readonly start: number;
  /** End of its last line (exclusive, before the newline). */
  end: number;
  /** Line number of its first line, for error messages. */
  readonly firstLine: number;
}

/** A character's model whose weights are parsed from its block on first use. */
function lazyCharModel(
  char: string,
  readings: readonly string[],
  lines: WeightLines | null,
  scale: number,
): CharModel {
  let weights: Map<string, WeightVector> | null = null;
  return {
    readings,
    get weights() {
      weights ??= lines ? parseBlock(char, readings.length, lines, scale) : new Map();
      return weights;
    },
  };
}

/** One character's weight lines: text[start, end), the first being line `firstLine`. */
interface WeightLines {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly firstLine: number;
}

function parseBlock(
  char: string,
  count: number,
  block: WeightLines,
  scale: number,
): Map<string, WeightVector> {
  const weights = new Map<string, WeightVector>();
  const lines = block.text.slice(block.start, block.end).split('\n');
  for (let k = 0; k < lines.length; k++) {
    const raw = lines[k] as string;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const lineNo = block.firstLine + k;
    const tab1 = char.length;
    const tab2 = line.indexOf('\t', tab1 + 1);
    if (!line.startsWith(`${char}\t`) || tab2 <= tab1 + 1 || line.indexOf('\t', tab2 + 1) >= 0) {
      throw new PolyphoneModelError(`bad weight line ${JSON.stringify(line)}`, lineNo);
    }
    weights.set(
      line.slice(tab1 + 1, tab2),
      parseWeights(line, tab2 + 1, count, scale, lineNo, char),
    );
  }
  return weights;
}

/**
 * Parses every character's weights now (they are otherwise parsed on first use): the tests and
 * the background run it, so a malformed model fails loudly at build or load time, not in the
 * middle of a page.
 */
export function checkAllWeights(model: PolyphoneModel): void {
  for (const charModel of model.chars.values()) void charModel.weights.size;
}

function checkHeader(header: Record<string, string>): number {
  if (header.format !== 'tifa-polyphones') {
    throw new PolyphoneModelError('missing "# format: tifa-polyphones" header');
  }
  const version = Number(header['format-version']);
  if (version !== POLYPHONE_FORMAT_VERSION) {
    throw new PolyphoneModelError(
      `format version ${header['format-version'] ?? '(none)'}, this reader knows ${POLYPHONE_FORMAT_VERSION}`,
    );
  }
  if (header.features !== FEATURES_VERSION) {
    throw new PolyphoneModelError(
      `trained on features v${header.features ?? '(none)'}, this code computes v${FEATURES_VERSION}: retrain`,
    );
  }
  const scale = Number(header.scale);
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new PolyphoneModelError(`bad scale ${JSON.stringify(header.scale)}`);
  }
  return scale;
}

/**
 * The comma-separated integers from `from` to the end of `line` (empty = 0), divided by
 * `scale`; exactly `count` of them. Plain arrays: tens of thousands of small typed arrays cost
 * more to allocate than to use.
 */
function parseWeights(
  line: string,
  from: number,
  count: number,
  scale: number,
  lineNo: number,
  char: string,
): number[] {
  const vector: number[] = [];
  let start = from;
  for (;;) {
    let end = line.indexOf(',', start);
    if (end < 0) end = line.length;
    let value = 0;
    if (end > start) {
      value = Number(line.slice(start, end));
      // Number() also takes '1e3', '0x1f' or ' 7': only plain integers are written.
      if (!Number.isInteger(value) || !/^-?\d+$/.test(line.slice(start, end))) {
        throw new PolyphoneModelError(
          `bad weight ${JSON.stringify(line.slice(start, end))}`,
          lineNo,
        );
      }
    }
    vector.push(value / scale);
    if (end === line.length) break;
    start = end + 1;
  }
  if (vector.length !== count) {
    throw new PolyphoneModelError(
      `${vector.length} weights for the ${count} readings of ${char}`,
      lineNo,
    );
  }
  return vector;
}

function parseWeight(value: string, scale: number, lineNo: number): number {
  if (!/^-?\d+$/.test(value))
    throw new PolyphoneModelError(`bad weight ${JSON.stringify(value)}`, lineNo);
  return Number(value) / scale;
}

function isOneCodePoint(value: string | undefined): boolean {
  return value !== undefined && value !== '' && Array.from(value).length === 1;
}

/** Provenance and training settings written into the header; `format`, `format-version` and
 * `scale` are added by `formatPolyphoneModel`. */
export type ModelHeader = Record<string, string>;

/**
 * Writes a model as the file's text. Weights are rounded to 1/scale; a weight vector that
 * rounds to all zeros is left out (it would change no score).
 */
export function formatPolyphoneModel(
  model: PolyphoneModel,
  header: ModelHeader,
  scale: number,
): string {
  const out: string[] = [];
  const fields: ModelHeader = {
    format: 'tifa-polyphones',
    'format-version': String(POLYPHONE_FORMAT_VERSION),
    features: FEATURES_VERSION,
    scale: String(scale),
    ...header,
  };
  for (const [key, value] of Object.entries(fields)) {
    if (/[\r\n]/.test(key + value) || key.includes(':')) throw new Error(`bad header field ${key}`);
    out.push(`# ${key}: ${value}`);
  }
  const q = (w: number) => Math.round(w * scale);
  out.push('@agreements');
  for (const name of AGREEMENTS) out.push(`${name}\t${q(model.agreements[name])}`);
  out.push('@chars');
  const chars = [...model.chars.keys()].sort();
  for (const char of chars) out.push(`${char}\t${model.chars.get(char)?.readings.join(' ') ?? ''}`);
  out.push('@weights');
  for (const char of chars) {
    const weights = model.chars.get(char)?.weights ?? new Map<string, WeightVector>();
    for (const key of [...weights.keys()].sort()) {
      if (/[\t\n\r]/.test(key) || key === '')
        throw new Error(`bad feature key ${JSON.stringify(key)}`);
      const values = Array.from(weights.get(key) ?? [], q);
      if (values.every((v) => v === 0)) continue;
      out.push(`${char}\t${key}\t${values.map((v) => (v === 0 ? '' : String(v))).join(',')}`);
    }
  }
  out.push('@words');
  for (const word of [...model.words.keys()].sort()) {
    out.push(`${word}\t${model.words.get(word)?.join(' ') ?? ''}`);
  }
  return `${out.join('\n')}\n`;
}
