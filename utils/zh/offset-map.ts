/**
 * Offset maps: how each piece of a derived string points back at the string it came from.
 *
 * Every step of the text flow (artefact removal, opencc conversion) produces a new string; the
 * tokens `analyze` returns must still point at the ORIGINAL text. A step describes itself as a
 * list of pieces, each saying "these output characters came from that source range"; maps of
 * consecutive steps compose into one.
 */

/** One piece of a derived string: `out` replaced source range [from, to). */
export interface Piece {
  readonly from: number;
  readonly to: number;
  readonly out: string;
}

/** A derived string together with where each of its pieces came from. */
export interface MappedText {
  readonly text: string;
  /** Pieces in order; their `out` concatenate to `text`, their ranges tile the source. */
  readonly pieces: readonly Piece[];
}

/** Wraps a string as a mapped text that maps onto itself (no change). */
export function identityMapped(text: string): MappedText {
  return { text, pieces: text.length > 0 ? [{ from: 0, to: text.length, out: text }] : [] };
}

/** Builds a mapped text from pieces, concatenating their outputs. */
export function mappedFromPieces(pieces: Piece[]): MappedText {
  let text = '';
  for (const piece of pieces) text += piece.out;
  return { text, pieces };
}

/**
 * Composes two steps: `outer` was computed from `inner.text`; the result maps `outer.text` straight
 * onto `inner`'s source. An outer piece that spans several inner pieces covers all their sources.
 */
export function composeMapped(inner: MappedText, outer: MappedText): MappedText {
  const innerStarts = outputStarts(inner.pieces);
  const composed: Piece[] = [];
  let k = 0;
  for (const piece of outer.pieces) {
    if (piece.from === piece.to) {
      // An insertion: anchor it where the inner text is at that point.
      const anchor = sourceAt(inner, innerStarts, piece.from);
      composed.push({ from: anchor, to: anchor, out: piece.out });
      continue;
    }
    while (k + 1 < inner.pieces.length && (innerStarts[k + 1] ?? Infinity) <= piece.from) k++;
    let last = k;
    while (last + 1 < inner.pieces.length && (innerStarts[last + 1] ?? Infinity) < piece.to) last++;
    if (last > k && isLengthPreserving(piece)) {
      // A piece that maps character for character stands for one piece per character (a
      // conversion merges its one-for-one replacements into one piece): split it where the inner
      // pieces split, so each character keeps its own source.
      splitAlong(inner.pieces, innerStarts, k, last, piece, composed);
      continue;
    }
    const [from, to] = coveringRange(inner.pieces, innerStarts, k, last, piece.from, piece.to);
    composed.push({ from, to, out: piece.out });
  }
  return { text: outer.text, pieces: composed };
}

/** Composes a length-preserving outer piece over inner pieces first..last, one piece per inner
 * piece it overlaps; inner deletions strictly inside it are kept as empty pieces. */
function splitAlong(
  pieces: readonly Piece[],
  starts: readonly number[],
  first: number,
  last: number,
  outer: Piece,
  composed: Piece[],
): void {
  for (let j = first; j <= last; j++) {
    const inner = pieces[j];
    if (!inner) continue;
    const innerStart = starts[j] ?? 0;
    if (inner.out.length === 0) {
      if (innerStart > outer.from && innerStart < outer.to)
        composed.push({ from: inner.from, to: inner.to, out: '' });
      continue;
    }
    const start = Math.max(outer.from, innerStart);
    const end = Math.min(outer.to, innerStart + inner.out.length);
    if (start >= end) continue;
    const [from, to] = coveringRange(pieces, starts, j, j, start, end);
    composed.push({ from, to, out: outer.out.slice(start - outer.from, end - outer.from) });
  }
}

/**
 * Maps ascending positions of the derived text to positions of the source in one sweep. A
 * position inside a piece that changed length has no exact source position and maps to null, so
 * callers never cut through a conversion such as 软件 → 軟體.
 */
export function sourcePositions(
  mapped: MappedText,
  positions: readonly number[],
): (number | null)[] {
  const result: (number | null)[] = [];
  let k = 0;
  let pieceStart = 0;
  const lastPiece = mapped.pieces[mapped.pieces.length - 1];
  for (const position of positions) {
    if (position === mapped.text.length && lastPiece) {
      // The end of the text is the end of the source, past any trailing deletion.
      result.push(lastPiece.to);
      continue;
    }
    while (k < mapped.pieces.length) {
      const length = mapped.pieces[k]?.out.length ?? 0;
      if (position < pieceStart + length) break;
      pieceStart += length;
      k++;
    }
    const piece = mapped.pieces[k];
    if (!piece) {
      result.push(mapped.pieces.length === 0 ? position : null);
      continue;
    }
    const offset = position - pieceStart;
    if (offset === 0) result.push(piece.from);
    else if (offset === piece.out.length) result.push(piece.to);
    else result.push(isLengthPreserving(piece) ? piece.from + offset : null);
  }
  return result;
}

/** True when a piece maps character for character, so positions inside it carry over. */
export function isLengthPreserving(piece: Piece): boolean {
  return piece.to - piece.from === piece.out.length;
}

/** The source range covered by output [start, end), which runs from piece `first` to `last`. */
function coveringRange(
  pieces: readonly Piece[],
  starts: readonly number[],
  first: number,
  last: number,
  start: number,
  end: number,
): [number, number] {
  const a = pieces[first];
  const b = pieces[last];
  if (!a || !b) throw new Error('offset map out of range');
  const from = isLengthPreserving(a) ? a.from + (start - (starts[first] ?? 0)) : a.from;
  const to = isLengthPreserving(b) ? b.from + (end - (starts[last] ?? 0)) : b.to;
  return [from, to];
}

function outputStarts(pieces: readonly Piece[]): number[] {
  const starts = new Array<number>(pieces.length);
  let at = 0;
  for (let i = 0; i < pieces.length; i++) {
    starts[i] = at;
    at += pieces[i]?.out.length ?? 0;
  }
  return starts;
}

function pieceIndexAt(starts: readonly number[], position: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function sourceAt(mapped: MappedText, starts: readonly number[], position: number): number {
  if (mapped.pieces.length === 0) return 0;
  const index = pieceIndexAt(starts, position);
  const piece = mapped.pieces[index];
  if (!piece) return 0;
  const offset = position - (starts[index] ?? 0);
  if (offset >= piece.out.length) return piece.to;
  return isLengthPreserving(piece) ? piece.from + offset : piece.from;
}
