/**
 * `analyze`: the one text flow of Tifa Reader. (This module does not load pinyin-pro: the page's
 * reader imports it and passes a reading table; everything else imports `analyze.ts`, which
 * loads pinyin-pro first.) Every consumer (content script, popups, CLI,
 * benchmarks) calls this and none re-implements a step:
 *
 *   original ─► remove inline-pinyin artefacts ─► to simplified (matching key) ─► words + pinyin
 *                                              └► to the display script
 *
 * Tokens point at offsets of the ORIGINAL text and tile it: their [start, end) spans concatenate
 * back to the input, whatever was removed or converted in between.
 */
import { removeInlinePinyin, type InlinePinyinArtifact } from './artifacts';
import { getMappedConverter } from './convert';
import { detectScript, type DetectedScript } from './detect-script';
import { isHanCodePoint } from './han';
import { identityMapped, isLengthPreserving, sourcePositions, type MappedText } from './offset-map';
import { applyPolyphoneWords } from './polyphone-words';
import {
  formatReading,
  formatReadingOf,
  pinyinProReader,
  readingsFromTable,
  type PinyinStyle,
  type WordNumbers,
} from './pinyin';
import { disambiguatePolyphones } from './polyphones/disambiguate';
import type { PolyphoneModel } from './polyphones/model-format';
import type { ReadingTable } from './reading-table';
import { NOT_A_WORD, segmentRange, type Lexicon } from './segment';

/** Display script: keep the page's own, or convert (`twp` also converts Taiwan vocabulary). */
export type ScriptTarget = 'keep' | 'cn' | 't' | 'tw' | 'twp' | 'hk';

export const SCRIPT_TARGETS: readonly ScriptTarget[] = ['keep', 'cn', 't', 'tw', 'twp', 'hk'];

export interface AnalyzeOptions {
  /** Script to display; default `keep`. */
  readonly to?: ScriptTarget;
  /** Reading style; `none` skips pinyin entirely (faster). Default `mark`. */
  readonly pinyin?: PinyinStyle;
  /** Tone sandhi for 一 and 不; default off (citation tones). */
  readonly toneSandhi?: boolean;
  /** Word list for segmentation. Without one every Chinese character is its own word. */
  readonly lexicon?: Lexicon;
  /** Keep inline-pinyin artefacts as ordinary text (default: remove them). */
  readonly keepArtifacts?: boolean;
  /**
   * The trained polyphone model (`public/polyphones/model.u8`). Without one, readings are
   * pinyin-pro's with the hand-checked word overrides of `polyphone-words.ts`; with one, each
   * polyphonic character is read from its context first (CPP dev: see BENCHMARKS.md).
   */
  readonly polyphones?: PolyphoneModel;
  /**
   * pinyin-pro's readings worked out at build time for `lexicon` (`reading-table.ts`): the same
   * readings as without it, but pinyin-pro never runs (unless tone sandhi is on).
   */
  readonly readingTable?: ReadingTable;
}

/** The reading an inline-pinyin artefact gave for one character of a token. */
export interface ArtifactHint {
  /** Index of the character among the token's Chinese characters. */
  readonly index: number;
  /** The reading as the artefact wrote it, e.g. `xiàn`. */
  readonly written: string;
  /** True when it disagrees with the contextual reading, which is the one kept. */
  readonly conflict: boolean;
}

export interface Token {
  /** `word`: Chinese word (one or more characters); `text`: anything else, kept as it is. */
  readonly kind: 'word' | 'text';
  /** Span of the ORIGINAL text, artefacts included. */
  readonly start: number;
  readonly end: number;
  /** What to show: converted to the target script, artefacts removed. */
  readonly display: string;
  /** Simplified form without artefacts: the key for dictionary and glossary lookups. */
  readonly simplified: string;
  /** One reading per Chinese character of `simplified`, in the requested style; empty for text. */
  readonly pinyin: readonly string[];
  readonly hints?: readonly ArtifactHint[];
}

export interface Analysis {
  readonly tokens: Token[];
  /**
   * The simplified text (artefacts removed) when it lines up with the original, unit for unit
   * (nothing removed, every conversion one-for-one): then every token's `simplified` is its span
   * of this string, and the glossary takes it as its key instead of joining the tokens again.
   */
  readonly alignedSimplified?: string;
  /** Script of the original text, judged from script-specific characters. */
  readonly script: DetectedScript;
  readonly artifacts: readonly InlinePinyinArtifact[];
}

/** Analyzes one paragraph of text. Never throws on any string; never loses text. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const scan = options.keepArtifacts
    ? { clean: identityMapped(text), artifacts: [] }
    : removeInlinePinyin(text);
  const clean = scan.clean;
  const script = detectScript(clean.text);
  // Simplified text converts to itself; skipping it saves the cost on mainland pages.
  const simplified =
    script === 'simplified'
      ? identityMapped(clean.text)
      : getMappedConverter('t', 'cn')(clean.text);
  const display = displayMapped(clean.text, simplified, options.to ?? 'keep');

  const style = options.pinyin ?? 'mark';
  const segmentation = segmentText(simplified.text, options.lexicon);
  const boundaries = segmentation.boundaries;
  const readings = style === 'none' ? null : readingsFor(simplified.text, segmentation, options);
  return {
    tokens: buildTokens(text, {
      clean,
      simplified,
      display,
      boundaries,
      readings,
      style,
      artifacts: scan.artifacts,
    }),
    script,
    artifacts: scan.artifacts,
    alignedSimplified:
      scan.artifacts.length === 0 && simplified.pieces.every(isLengthPreserving)
        ? simplified.text
        : undefined,
  };
}

function displayMapped(clean: string, simplified: MappedText, to: ScriptTarget): MappedText {
  if (to === 'keep') return identityMapped(clean);
  if (to === 'cn') return simplified;
  // Towards traditional, convert from simplified whatever the page is: traditional characters
  // pass through opencc's simplified tables unchanged, while simplified ones in a mixed page, and
  // mainland vocabulary for `twp` (软件 → 軟體), get converted.
  return getMappedConverter('cn', to)(clean);
}

/**
 * One reading per code point of the simplified text: pinyin-pro, then the polyphone model when
 * there is one, then the hand-checked word list (the last word, being verified by hand).
 */
function readingsFor(text: string, segmentation: Segmentation, options: AnalyzeOptions): string[] {
  const readings = baseReadings(text, segmentation, options);
  if (options.polyphones) {
    // Read word by word (no sandhi), each word's base readings are the same wherever it stands:
    // the layer may then remember its verdict per lexicon word.
    const words = options.toneSandhi ? undefined : segmentation.words;
    disambiguatePolyphones(text, segmentation.boundaries, readings, options.polyphones, {}, words);
  }
  return applyPolyphoneWords(text, readings);
}

/**
 * pinyin-pro's readings, the base the other layers correct: word by word from our segmentation
 * (remembered per word, see `readingsByWord`), or over the whole paragraph when there is no
 * lexicon or tone sandhi is asked for (sandhi depends on the next word). Exported so the polyphone trainer and the
 * benchmarks read the base exactly as `analyze` does.
 */
export function baseReadings(
  text: string,
  segmentation: Segmentation,
  options: { readonly toneSandhi?: boolean; readonly readingTable?: ReadingTable } = {},
): string[] {
  const table = options.readingTable;
  if (!options.toneSandhi && table && segmentation.words?.lexicon === table.lexicon)
    return readingsFromTable(text, segmentation.boundaries, segmentation.words, table);
  // Without a lexicon every character is a word of its own: pinyin-pro's view of the whole
  // paragraph is then the better witness.
  const pinyinPro = pinyinProReader();
  return options.toneSandhi || !segmentation.words
    ? pinyinPro.readingsOf(text, options)
    : pinyinPro.readingsByWord(text, segmentation.boundaries, segmentation.words);
}

/** A segmentation: word boundaries, and the lexicon number of each word. */
export interface Segmentation {
  /** 0, then the end of every word (Chinese words, and runs of other text), in UTF-16 units. */
  readonly boundaries: number[];
  /** For the word ending at `boundaries[b]`, its number in the lexicon (NOT_A_WORD if none). */
  readonly words?: WordNumbers;
}

/** Segments the simplified text: every Chinese word, and each run of other text as one piece. */
export function segmentText(text: string, lexicon: Lexicon | undefined): Segmentation {
  const boundaries = [0];
  const numbers = lexicon ? [NOT_A_WORD] : null;
  let i = 0;
  while (i < text.length) {
    const runStart = i;
    const han = isHanAt(text, i);
    while (i < text.length && isHanAt(text, i) === han) i += codeUnitsAt(text, i);
    if (!han) {
      boundaries.push(i);
      numbers?.push(NOT_A_WORD);
    } else if (lexicon && numbers) {
      segmentRange(text, runStart, i, lexicon, boundaries, numbers);
    } else {
      for (let j = runStart; j < i;) {
        j += codeUnitsAt(text, j);
        boundaries.push(j);
      }
    }
  }
  return { boundaries, words: lexicon && numbers ? { lexicon, numbers } : undefined };
}

/** Candidate word boundaries in the simplified text: around every Chinese word, and between
 * runs of other text. Exported for the polyphone trainer, which must segment as `analyze` does. */
export function wordBoundaries(text: string, lexicon: Lexicon | undefined): number[] {
  return segmentText(text, lexicon).boundaries;
}

interface TokenInputs {
  clean: MappedText;
  simplified: MappedText;
  display: MappedText;
  boundaries: number[];
  readings: string[] | null;
  style: PinyinStyle;
  artifacts: readonly InlinePinyinArtifact[];
}

/** The pinyin of a token without Chinese characters: one shared, frozen empty list. */
const NO_PINYIN: readonly string[] = Object.freeze([]);

function buildTokens(original: string, inputs: TokenInputs): Token[] {
  const { clean, simplified, display, boundaries, readings, style, artifacts } = inputs;
  // A boundary survives only where every step can cut: inside a conversion that changed length
  // (软件 → 軟體 is fine, but a two-to-three replacement is not) it is dropped and words merge.
  // Most paragraphs need no mapping at all (simplified text, nothing removed, script kept): then
  // every position is the boundary itself and no arrays are built.
  const inClean = isIdentity(simplified) ? boundaries : sourcePositions(simplified, boundaries);
  const inOriginal = isIdentity(clean)
    ? inClean
    : sourcePositions(
        clean,
        inClean.map((p) => p ?? 0),
      );
  const inDisplay =
    display === simplified
      ? boundaries
      : isIdentity(display)
        ? inClean
        : targetPositions(display, inClean);
  const simplifiedText = simplified.text;
  const displayText = display.text;
  // A simplified page shown as it is (most pages): every token's display is its simplified text.
  const displayIsSimplified = displayText === simplifiedText && inDisplay === boundaries;
  const tokens: Token[] = [];
  let previous = 0;
  let readingIndex = 0;
  let artifactIndex = 0;
  for (let b = 1; b < boundaries.length; b++) {
    const isLast = b === boundaries.length - 1;
    if (!isLast && (inClean[b] == null || inOriginal[b] == null || inDisplay[b] == null)) continue;
    const from = boundaries[previous] as number;
    const to = boundaries[b] as number;
    const start = inOriginal[previous] ?? 0;
    const end = isLast ? original.length : (inOriginal[b] ?? original.length);
    // Readings are per code point; a token's characters are read in place, without splitting it.
    let pinyin: readonly string[] = NO_PINYIN;
    for (let i = from; i < to; i++) {
      const unit = simplifiedText.charCodeAt(i);
      let cp = unit;
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < to) {
        cp = simplifiedText.codePointAt(i) as number;
        if (cp > 0xffff) i++;
      }
      const reading = readings ? (readings[readingIndex] ?? '') : '';
      readingIndex++;
      if (cp >= 0x3400 && isHanCodePoint(cp)) {
        if (pinyin === NO_PINYIN) pinyin = [];
        (pinyin as string[]).push(
          cp > 0xffff ? formatReading(reading, style) : formatReadingOf(cp, reading, style),
        );
      }
    }
    const simplifiedPart = simplifiedText.slice(from, to);
    const token: Token = {
      kind: pinyin === NO_PINYIN ? 'text' : 'word',
      start,
      end,
      display: displayIsSimplified
        ? simplifiedPart
        : displayText.slice(
            inDisplay[previous] ?? 0,
            isLast ? displayText.length : (inDisplay[b] ?? 0),
          ),
      simplified: simplifiedPart,
      pinyin,
    };
    // Artefacts belong to the token holding their character.
    if (
      artifactIndex < artifacts.length &&
      (artifacts[artifactIndex]?.charStart ?? Infinity) < end
    ) {
      const hints: ArtifactHint[] = [];
      while (
        artifactIndex < artifacts.length &&
        (artifacts[artifactIndex]?.charStart ?? Infinity) < end
      ) {
        const artifact = artifacts[artifactIndex++];
        if (artifact) hints.push(hintFor(original, token, artifact, readings ? pinyin : null));
      }
      tokens.push({ ...token, hints });
    } else {
      tokens.push(token);
    }
    previous = b;
  }
  return tokens;
}

/** A map of a text onto itself: one piece, same length (or no text at all). */
function isIdentity(mapped: MappedText): boolean {
  const only = mapped.pieces[0];
  return (
    mapped.pieces.length === 0 ||
    (mapped.pieces.length === 1 &&
      only !== undefined &&
      only.from === 0 &&
      only.to === mapped.text.length &&
      only.out.length === mapped.text.length)
  );
}

function hintFor(
  original: string,
  token: Token,
  artifact: InlinePinyinArtifact,
  pinyin: readonly string[] | null,
): ArtifactHint {
  // Count the Chinese characters of the token before the annotated one.
  let index = 0;
  for (let i = token.start; i < artifact.charStart;) {
    const cp = original.codePointAt(i) ?? 0;
    if (isHanCodePoint(cp)) index++;
    i += cp > 0xffff ? 2 : 1;
  }
  const contextual = pinyin?.[index];
  const conflict =
    contextual !== undefined &&
    !sameSyllable(contextual, artifact.reading.toneless, artifact.reading.tone);
  return { index, written: artifact.written, conflict };
}

function sameSyllable(formatted: string, toneless: string, tone: number): boolean {
  const numbered = formatted.normalize('NFD');
  const letters = numbered
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[0-9]/g, '')
    .replace('ü', 'v');
  if (letters !== toneless) return false;
  return tone === 0 || toneOf(formatted) === tone || (tone === 5 && toneOf(formatted) === 0);
}

function toneOf(formatted: string): number {
  const last = formatted.at(-1) ?? '';
  if (last >= '1' && last <= '5') return Number(last);
  const marks: Record<string, number> = { '\u0304': 1, '\u0301': 2, '\u030c': 3, '\u0300': 4 };
  for (const ch of formatted.normalize('NFD')) if (marks[ch]) return marks[ch];
  return 0;
}

/** The inverse of `sourcePositions`: where positions of the source land in the derived text;
 * null where a position falls inside a replacement that changed length. */
function targetPositions(
  mapped: MappedText,
  positions: readonly (number | null)[],
): (number | null)[] {
  const result: (number | null)[] = [];
  const last = mapped.pieces.length - 1;
  let k = 0;
  let outStart = 0;
  for (const position of positions) {
    if (position == null) {
      result.push(null);
      continue;
    }
    while (k < last && (mapped.pieces[k]?.to ?? 0) <= position) {
      outStart += mapped.pieces[k]?.out.length ?? 0;
      k++;
    }
    const piece = mapped.pieces[k];
    if (!piece || position <= piece.from) result.push(outStart);
    else if (position >= piece.to) result.push(outStart + piece.out.length);
    else if (piece.to - piece.from === piece.out.length)
      result.push(outStart + (position - piece.from));
    else result.push(null);
  }
  return result;
}

function isHanAt(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  if (unit < 0x3400) return false;
  return isHanCodePoint(text.codePointAt(i) ?? unit);
}

function codeUnitsAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  return unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length ? 2 : 1;
}
