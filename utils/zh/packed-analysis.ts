/**
 * A paragraph's analysis as the background sends it to a page (`analyzeParagraphs`, packed by
 * `pack-paragraph.ts`), and back into tokens on the page. The page's main thread decodes every
 * reply, so the form is compact: the tokens of a paragraph tile its ORIGINAL text, so their ends
 * alone place them; displays and
 * simplified forms are joined strings, cut by the same ends unless their lengths differ; readings
 * go only with words, already paired with the characters they stand over and written in the
 * reader's style, so the page only draws them. A news paragraph's reply is about a fifth of the
 * tokens as JSON objects.
 */
import type { PageTermHit } from '../glossary/personal';
import type { Token } from './analyze-core';

/** How readings are written: tone marks (`zhòng`), tone numbers (`zhong4`) or zhuyin. */
export type ReadingStyle = 'mark' | 'num' | 'zhuyin';

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
  /**
   * For each word token, the readings of its ruby columns, written in the asked style: one per
   * code point of its display ('' over a character that is not Chinese), or a single one over
   * the whole word when its display does not pair with its readings (a vocabulary conversion
   * that changed the length). Empty without readings.
   */
  readonly ruby: readonly (readonly string[])[];
  /** For each word token, one tone digit per entry of `ruby` ('0' for none); only when asked. */
  readonly tones?: readonly string[];
  /** Glossary and personal term hits: [id, start, end] or [id, start, end, personal id]. */
  readonly terms: readonly PackedTermHit[];
}

export type PackedTermHit =
  readonly [string, number, number] | readonly [string, number, number, string];

/** A token as the page draws it. */
export interface DrawnToken {
  readonly kind: Token['kind'];
  /** Span of the ORIGINAL text. */
  readonly start: number;
  readonly end: number;
  readonly display: string;
  readonly simplified: string;
  /** The readings of the word's ruby columns (see `PackedParagraph.ruby`); empty for text. */
  readonly ruby: readonly string[];
  /** One tone digit per entry of `ruby` ('0' for none), or '' when tones were not asked for. */
  readonly tones: string;
}

/** One paragraph as the page uses it. */
export interface PageParagraph {
  readonly tokens: DrawnToken[];
  /** Hits with spans of the original text; `surface` is the text itself, `key` is left empty
   * (the page never needs it). */
  readonly terms: PageTermHit[];
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
  const tokens: DrawnToken[] = [];
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
    const ruby = isWord ? packed.ruby[word] : undefined;
    const tones = isWord ? packed.tones?.[word] : undefined;
    if (isWord) word++;
    tokens.push({
      kind: isWord ? 'word' : 'text',
      start,
      end,
      display: display.slice(displayStart, displayEnd),
      simplified: simplified.slice(simplifiedStart, simplifiedEnd),
      ruby: ruby ?? NO_READINGS,
      tones: tones ?? '',
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
