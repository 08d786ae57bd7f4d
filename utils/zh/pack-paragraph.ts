/**
 * Packs a paragraph's analysis for the page (the background's side of `packed-analysis.ts`):
 * readings paired with the characters they stand over and written in the reader's style here,
 * so the page's reader carries no pinyin or zhuyin code and only draws.
 */
import type { PageTermHit } from '../glossary/personal';
import type { Token } from './analyze-core';
import type { PackedParagraph, ReadingStyle } from './packed-analysis';
import { formatReading } from './pinyin';
import { pairReadings } from './ruby-pairs';
import { toZhuyin } from './zhuyin';

/** What the page asked for readings: none, or a style, with tone digits or without. */
export interface ReadingRequest {
  readonly style: ReadingStyle;
  readonly tones: boolean;
}

/**
 * Packs the tokens of a paragraph (as `analyze` returned them, with tone-number readings) and
 * its term hits.
 */
export function packParagraph(
  tokens: readonly Token[],
  terms: readonly PageTermHit[],
  readings: ReadingRequest | null,
): PackedParagraph {
  let kinds = '';
  const ends: number[] = [];
  const displays: string[] = [];
  const simplifieds: string[] = [];
  const ruby: (readonly string[])[] = [];
  const tones: string[] = [];
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
    if (word && readings) {
      const columns = rubyColumns(token);
      ruby.push(columns.map((numbered) => formatIn(numbered, readings.style)));
      if (readings.tones) tones.push(columns.map(toneOf).join(''));
    }
  }
  return {
    kinds,
    ends,
    display: displays.join(''),
    ...(!displayAligned && { displayEnds: runningEnds(displays) }),
    ...(!simplifiedSame && { simplified: simplifieds.join('') }),
    ...(!simplifiedAligned && { simplifiedEnds: runningEnds(simplifieds) }),
    ruby,
    ...(readings?.tones && { tones }),
    terms: terms.map((hit) =>
      hit.personal ? [hit.id, hit.start, hit.end, hit.personal] : [hit.id, hit.start, hit.end],
    ),
  };
}

/** A word's readings (tone numbers), one per ruby column of its display. */
function rubyColumns(token: Token): string[] {
  const pairs = pairReadings(token.display, token);
  return pairs ? pairs.map((pair) => pair.reading) : [token.pinyin.join(' ')];
}

function formatIn(numbered: string, style: ReadingStyle): string {
  if (numbered === '' || style === 'num') return numbered;
  const format = style === 'zhuyin' ? toZhuyin : (n: string) => formatReading(n, 'mark');
  return numbered.includes(' ') ? numbered.split(' ').map(format).join(' ') : format(numbered);
}

/** The tone digit of one syllable (`zhong4` → 4), '0' for none or for several syllables. */
function toneOf(numbered: string): string {
  const last = numbered.charCodeAt(numbered.length - 1);
  return numbered.includes(' ') || !(last >= 0x31 && last <= 0x35)
    ? '0'
    : String.fromCharCode(last);
}

function runningEnds(parts: readonly string[]): number[] {
  let at = 0;
  return parts.map((part) => (at += part.length));
}
