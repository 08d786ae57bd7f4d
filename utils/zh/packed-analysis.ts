/**
 * A paragraph's analysis as the background sends it to a page (`analyzeParagraphs`), and back
 * into tokens on the page. The page's main thread decodes every reply, so the form is compact:
 * the tokens of a paragraph tile its ORIGINAL text, so their ends alone place them; displays and
 * simplified forms are joined strings, cut by the same ends unless their lengths differ; readings
 * go only with words. A news paragraph's reply is about a fifth of the tokens as JSON objects.
 */
import type { PageTermHit } from '../glossary/personal';
import type { Token } from './analyze-core';

export interface PackedParagraph {
  /** One letter per token: `w` a word, `t` other text. */
  readonly kinds: string;
  /** Each token's end in the original text; each starts where the one before ends, the first
   * at 0, and the last ends at the text's length. */
  readonly ends: readonly number[];
  /** The tokens' displays, joined. */
  readonly display: string;
  /** Each token's end in `display`; absent when every display is as long as its span. */
  readonly displayEnds?: readonly number[];
  /** The tokens' simplified forms, joined; absent when they are the displays. */
  readonly simplified?: string;
  /** Each token's end in `simplified`; absent when they line up with the displays. */
  readonly simplifiedEnds?: readonly number[];
  /** Readings of each word token (one per Chinese character), in order; empty without pinyin. */
  readonly pinyin: readonly (readonly string[])[];
  /** Glossary and personal term hits: [id, start, end] or [id, start, end, personal id]. */
  readonly terms: readonly PackedTermHit[];
}

export type PackedTermHit =
  readonly [string, number, number] | readonly [string, number, number, string];

/** One paragraph as the page uses it. */
export interface PageParagraph {
  readonly tokens: Token[];
  /** Hits with spans of the original text; `surface` is the text itself, `key` is left empty
   * (the page never needs it). */
  readonly terms: PageTermHit[];
}

/** Packs the tokens of `text` (as `analyze` returned them) and its term hits. */
export function packParagraph(
  tokens: readonly Token[],
  terms: readonly PageTermHit[],
  withPinyin: boolean,
): PackedParagraph {
  let kinds = '';
  const ends: number[] = [];
  const displays: string[] = [];
  const simplifieds: string[] = [];
  const pinyin: (readonly string[])[] = [];
  let displayAligned = true;
  let simplifiedSame = true;
  let simplifiedAligned = true;
  for (const token of tokens) {
    const word = token.kind === 'word';
    kinds += word ? 'w' : 't';
    ends.push(token.end);
    displays.push(token.display);
    simplifieds.push(token.simplified);
    if (token.display.length !== token.end - token.start) displayAligned = false;
    if (token.simplified !== token.display) {
      simplifiedSame = false;
      if (token.simplified.length !== token.display.length) simplifiedAligned = false;
    }
    if (word && withPinyin) pinyin.push(token.pinyin);
  }
  return {
    kinds,
    ends,
    display: displays.join(''),
    ...(!displayAligned && { displayEnds: runningEnds(displays) }),
    ...(!simplifiedSame && { simplified: simplifieds.join('') }),
    ...(!simplifiedAligned && { simplifiedEnds: runningEnds(simplifieds) }),
    pinyin,
    terms: terms.map((hit) =>
      hit.personal ? [hit.id, hit.start, hit.end, hit.personal] : [hit.id, hit.start, hit.end],
    ),
  };
}

function runningEnds(parts: readonly string[]): number[] {
  let at = 0;
  return parts.map((part) => (at += part.length));
}

/** Thrown when a packed paragraph does not fit the text it was asked for. */
export class PackedParagraphError extends Error {
  override readonly name = 'PackedParagraphError';
}

/**
 * The paragraph's tokens and hits, back from their packed form. Checks that the packing tiles
 * `text` (the page drew nothing from a reply that does not), so a mismatch is an error, never a
 * wrong drawing.
 */
export function unpackParagraph(text: string, packed: PackedParagraph): PageParagraph {
  const { kinds, ends, display } = packed;
  const count = kinds.length;
  const displayEnds = packed.displayEnds ?? ends;
  const simplified = packed.simplified ?? display;
  const simplifiedEnds = packed.simplifiedEnds ?? displayEnds;
  if (
    ends.length !== count ||
    displayEnds.length !== count ||
    simplifiedEnds.length !== count ||
    (count === 0 ? text.length !== 0 : ends[count - 1] !== text.length) ||
    (count > 0 && displayEnds[count - 1] !== display.length) ||
    (count > 0 && simplifiedEnds[count - 1] !== simplified.length)
  )
    throw new PackedParagraphError('the analysis does not fit its paragraph');
  const tokens: Token[] = [];
  let start = 0;
  let displayStart = 0;
  let simplifiedStart = 0;
  let word = 0;
  for (let i = 0; i < count; i++) {
    const end = ends[i] as number;
    const displayEnd = displayEnds[i] as number;
    const simplifiedEnd = simplifiedEnds[i] as number;
    if (end < start || displayEnd < displayStart || simplifiedEnd < simplifiedStart)
      throw new PackedParagraphError('the analysis does not fit its paragraph');
    const isWord = kinds.charCodeAt(i) === 0x77; // 'w'
    tokens.push({
      kind: isWord ? 'word' : 'text',
      start,
      end,
      display: display.slice(displayStart, displayEnd),
      simplified: simplified.slice(simplifiedStart, simplifiedEnd),
      pinyin: isWord ? (packed.pinyin[word++] ?? NO_READINGS) : NO_READINGS,
    });
    start = end;
    displayStart = displayEnd;
    simplifiedStart = simplifiedEnd;
  }
  const terms: PageTermHit[] = [];
  for (const [id, from, to, personal] of packed.terms) {
    if (!(from >= 0 && from < to && to <= text.length))
      throw new PackedParagraphError('a term lies outside its paragraph');
    const surface = text.slice(from, to);
    terms.push(
      personal
        ? { id, start: from, end: to, surface, key: '', personal }
        : { id, start: from, end: to, surface, key: '' },
    );
  }
  return { tokens, terms };
}

const NO_READINGS: readonly string[] = [];
