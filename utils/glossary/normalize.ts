/**
 * The matching key of a paragraph: one simplified string for the whole text, with a map back to
 * offsets of the ORIGINAL text.
 *
 * It is built from the same steps as `analyze` (inline-pinyin artefacts removed, then traditional
 * converted to simplified), composed with their offset maps, plus a fold of quotes, dashes,
 * spaces and full-width ASCII, so “十五五”规划, "十五五"规划 and 「十五五」規劃 give one key. The
 * fold maps one UTF-16 unit to one, so it never disturbs the offset map.
 */
import type { Analysis } from '../zh/analyze';
import { removeInlinePinyin } from '../zh/artifacts';
import { getMappedConverter } from '../zh/convert';
import { detectScript } from '../zh/detect-script';
import {
  composeMapped,
  identityMapped,
  isLengthPreserving,
  type MappedText,
  type Piece,
} from '../zh/offset-map';

/** A paragraph's matching key and the way back to the text it came from. */
export interface NormalizedText {
  /** Simplified, artefact-free, folded text. */
  readonly key: string;
  /**
   * The ORIGINAL span that key span [start, end) came from. A span edge inside a replacement that
   * changed length widens to the whole replacement; an artefact right after the span's last
   * character is included (it annotates that character).
   */
  toOriginal(start: number, end: number): [number, number];
}

/** Normalises one paragraph (or text node, or CLI line) for matching. Never throws. */
export function normalizeForMatching(text: string): NormalizedText {
  const { clean } = removeInlinePinyin(text);
  // Simplified text converts to itself; as in `analyze`, skip the conversion for it, and for text
  // without any CJK character, which no conversion table touches.
  const simplified =
    !hasCjk(clean.text) || detectScript(clean.text) === 'simplified'
      ? clean
      : composeMapped(clean, getMappedConverter('t', 'cn')(clean.text));
  return fromMapped(text.length, simplified);
}

/**
 * The same key, built from an `analyze` result instead of running the steps again: its tokens
 * tile the original text and carry their simplified form, so a page that has analysed a paragraph
 * pays for matching only. Gives the same key as `normalizeForMatching` on the same text.
 */
export function normalizeAnalysis(
  text: string,
  analysis: Pick<Analysis, 'tokens' | 'artifacts' | 'alignedSimplified'>,
): NormalizedText {
  // Nearly always every token is as long as its simplified form (no artefacts, and conversion
  // kept the length): then the key lines up with the text and offsets are the same. `analyze`
  // says so, with the text, when it knows.
  if (analysis.alignedSimplified !== undefined && analysis.alignedSimplified.length === text.length)
    return fromMapped(text.length, identityMapped(analysis.alignedSimplified));
  let aligned = true;
  for (const token of analysis.tokens) {
    if (token.end - token.start !== token.simplified.length) {
      aligned = false;
      break;
    }
  }
  if (aligned) {
    let keyText = '';
    for (const token of analysis.tokens) keyText += token.simplified;
    return fromMapped(text.length, identityMapped(keyText));
  }
  const pieces: Piece[] = [];
  const artifacts = analysis.artifacts;
  let a = 0;
  for (const token of analysis.tokens) {
    const { start, end, simplified } = token;
    while (a < artifacts.length && (artifacts[a]?.start ?? Infinity) < start) a++;
    if (end - start === simplified.length) {
      pieces.push({ from: start, to: end, out: simplified });
      continue;
    }
    // Artefacts inside the token: the characters between them map one to one onto the
    // simplified form when the conversion kept the length, as it nearly always does.
    const spans: { from: number; to: number; artifact: boolean }[] = [];
    let at = start;
    let keptLength = 0;
    for (; a < artifacts.length && (artifacts[a]?.end ?? Infinity) <= end; a++) {
      const artifact = artifacts[a];
      if (!artifact) break;
      if (artifact.start > at) spans.push({ from: at, to: artifact.start, artifact: false });
      keptLength += Math.max(0, artifact.start - at);
      spans.push({ from: artifact.start, to: artifact.end, artifact: true });
      at = artifact.end;
    }
    if (at < end) spans.push({ from: at, to: end, artifact: false });
    keptLength += Math.max(0, end - at);
    if (keptLength !== simplified.length) {
      pieces.push({ from: start, to: end, out: simplified });
      continue;
    }
    let offset = 0;
    for (const span of spans) {
      const length = span.artifact ? 0 : span.to - span.from;
      pieces.push({ from: span.from, to: span.to, out: simplified.slice(offset, offset + length) });
      offset += length;
    }
  }
  let keyText = '';
  for (const piece of pieces) keyText += piece.out;
  return fromMapped(text.length, { text: keyText, pieces });
}

/** Wraps a mapped simplified text as a matching key. */
function fromMapped(originalLength: number, mapped: MappedText): NormalizedText {
  const key = foldForMatching(mapped.text);
  const pieces = mapped.pieces;
  // One piece mapping onto the whole original text unchanged: offsets are the same.
  const only = pieces[0];
  if (
    pieces.length === 0 ||
    (pieces.length === 1 && only && only.from === 0 && only.to === originalLength)
  ) {
    if (only && only.out.length !== originalLength) return spanMapped(key, mapped, originalLength);
    return { key, toOriginal: (start, end) => [start, end] };
  }
  return spanMapped(key, mapped, originalLength);
}

function spanMapped(key: string, mapped: MappedText, originalLength: number): NormalizedText {
  const pieces = mapped.pieces;
  const outStarts = new Array<number>(pieces.length);
  let at = 0;
  for (let i = 0; i < pieces.length; i++) {
    outStarts[i] = at;
    at += pieces[i]?.out.length ?? 0;
  }
  return {
    key,
    toOriginal(start, end) {
      const from = sourceOfStart(pieces, outStarts, start, key.length);
      if (end <= start) return [from, from];
      return [from, Math.max(from, sourceOfEnd(pieces, outStarts, end, originalLength))];
    },
  };
}

/** Index of the last piece whose output starts at or before `position`. Deletions (artefacts)
 * share their start with the next piece, so for a position inside the text this is the piece
 * that holds the character at `position`. */
function lastPieceAt(starts: readonly number[], position: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function sourceOfStart(
  pieces: readonly Piece[],
  starts: readonly number[],
  position: number,
  keyLength: number,
): number {
  if (position >= keyLength) return pieces.at(-1)?.to ?? position;
  const k = lastPieceAt(starts, position);
  const piece = pieces[k];
  if (!piece) return position;
  const offset = position - (starts[k] ?? 0);
  if (offset <= 0) return piece.from;
  return isLengthPreserving(piece) ? piece.from + offset : piece.from;
}

function sourceOfEnd(
  pieces: readonly Piece[],
  starts: readonly number[],
  position: number,
  originalLength: number,
): number {
  // The piece holding the span's last character.
  let k = lastPieceAt(starts, position - 1);
  const piece = pieces[k];
  if (!piece) return position;
  const offset = position - (starts[k] ?? 0);
  if (offset < piece.out.length) return isLengthPreserving(piece) ? piece.from + offset : piece.to;
  // The span ends with this piece. An artefact right after it annotates its last character and
  // belongs to the span, as it belongs to that character's token in `analyze`. Artefacts show
  // up as pieces with empty output, or, once maps are composed, as source no piece covers.
  let end = piece.to;
  while (k + 1 < pieces.length) {
    const next = pieces[++k];
    if (!next) break;
    if (next.out.length > 0) return Math.max(end, next.from);
    end = next.to;
  }
  return Math.max(end, originalLength);
}

/** Characters whose folded form differs; tested first so most text is returned unchanged. */
const FOLDABLE =
  /[\u00a0\u00b7\u2002-\u200a\u2010-\u2015\u2018-\u201f\u2027\u202f\u205f\u3000\u300c-\u300f\u301d-\u301f\u30fb\uff01-\uff5e]/;
const FOLDABLE_ALL = new RegExp(FOLDABLE.source, 'g');

/**
 * Folds the characters that vary between sites without changing meaning: curly and corner
 * quotes to ASCII quotes, dashes to `-`, unusual spaces to a space, full-width ASCII to ASCII,
 * middle dots to `·`. One UTF-16 unit in, one out, so offsets are unchanged.
 */
export function foldForMatching(text: string): string {
  if (!FOLDABLE.test(text)) return text;
  return text.replace(FOLDABLE_ALL, foldChar);
}

function foldChar(char: string): string {
  const unit = char.charCodeAt(0);
  if (unit >= 0xff01 && unit <= 0xff5e) {
    return String.fromCharCode(unit - 0xfee0);
  }
  if (unit >= 0x2018 && unit <= 0x201b) return "'";
  if ((unit >= 0x201c && unit <= 0x201f) || (unit >= 0x300c && unit <= 0x300f)) return '"';
  if (unit >= 0x301d && unit <= 0x301f) return '"';
  if (unit >= 0x2010 && unit <= 0x2015) return '-';
  if (unit === 0x2027 || unit === 0x30fb) return '·';
  if (unit === 0x00b7) return '·';
  return ' ';
}

/** True when the text has a character from the CJK blocks (U+2E80 on), which conversion reads. */
function hasCjk(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x2e80) return true;
  return false;
}

/** An identity key for text already in key form (tests, benchmarks). */
export function keyOnly(key: string): NormalizedText {
  return fromMapped(key.length, identityMapped(key));
}
