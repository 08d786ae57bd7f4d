/**
 * Inline-pinyin artefacts: content farms that republish state media flatten ruby annotations into
 * the text, leaving `現(xiàn)代化` where the original showed xiàn above 現. Readers should see
 * 現代化, matchers should find 现代化, and the reading is kept as a hint.
 *
 * An artefact is a Chinese character, optionally one space, then one valid Mandarin syllable in
 * half- or full-width parentheses. Real parentheses, `(2025)`, `(see above)`, `（記者 王明）`,
 * `(市屬開發區)`, never match: their content is not a single syllable.
 */
import { isHanCodePoint } from './han';
import { mappedFromPieces, type MappedText, type Piece } from './offset-map';
import { parseSyllable, type ParsedSyllable } from './pinyin-syllables';

/** One artefact found in the original text. */
export interface InlinePinyinArtifact {
  /** Offset of the annotated Chinese character in the original text. */
  readonly charStart: number;
  /** The removed span: optional space, parentheses and syllable, [start, end). */
  readonly start: number;
  readonly end: number;
  /** The reading as written, e.g. `xiàn` or `hui`. */
  readonly written: string;
  readonly reading: ParsedSyllable;
}

export interface ArtifactScan {
  /** The text without artefacts, mapped back to the original. */
  readonly clean: MappedText;
  readonly artifacts: readonly InlinePinyinArtifact[];
}

/** Longest syllable with a tone number or ü written `u:` (`zhuang4`, `lu:4`), plus slack. */
const MAX_SYLLABLE_LENGTH = 8;

/** Finds every inline-pinyin artefact and returns the text without them, with an offset map. */
export function removeInlinePinyin(text: string): ArtifactScan {
  const artifacts = findInlinePinyin(text);
  if (artifacts.length === 0) {
    return {
      clean: mappedFromPieces(text ? [{ from: 0, to: text.length, out: text }] : []),
      artifacts,
    };
  }
  const pieces: Piece[] = [];
  let at = 0;
  for (const artifact of artifacts) {
    if (artifact.start > at)
      pieces.push({ from: at, to: artifact.start, out: text.slice(at, artifact.start) });
    pieces.push({ from: artifact.start, to: artifact.end, out: '' });
    at = artifact.end;
  }
  if (at < text.length) pieces.push({ from: at, to: text.length, out: text.slice(at) });
  return { clean: mappedFromPieces(pieces), artifacts };
}

/** Lists the artefacts of a text in order, without changing it. */
export function findInlinePinyin(text: string): InlinePinyinArtifact[] {
  const found: InlinePinyinArtifact[] = [];
  // Only an opening parenthesis can start an artefact; jump from one to the next. Both kinds are
  // searched with one cursor each, so a long text is scanned once, not once per parenthesis.
  let half = text.indexOf('(');
  let full = text.indexOf('（');
  while (half >= 0 || full >= 0) {
    const open = half < 0 ? full : full < 0 ? half : Math.min(half, full);
    const artifact = artifactAt(text, open);
    if (artifact) found.push(artifact);
    if (open === half) half = text.indexOf('(', open + 1);
    else full = text.indexOf('（', open + 1);
  }
  return found;
}

function artifactAt(text: string, open: number): InlinePinyinArtifact | null {
  let start = open;
  if (start > 0 && isSpace(text.charCodeAt(start - 1))) start--;
  const charStart = hanBefore(text, start);
  if (charStart < 0) return null;
  const close = closingParen(text, open);
  if (close < 0) return null;
  const written = text.slice(open + 1, close);
  const reading = parseSyllable(written);
  if (!reading) return null;
  // A bare syllable such as (an) or (e) could be ordinary text; accept it only when it is one of
  // the character's own readings. Marked tones are unambiguous enough on their own.
  if (
    reading.tone === 0 &&
    !isReadingOf(String.fromCodePoint(text.codePointAt(charStart) ?? 0), reading)
  ) {
    return null;
  }
  return { charStart, start, end: close + 1, written, reading };
}

function closingParen(text: string, open: number): number {
  const limit = Math.min(text.length, open + 2 + MAX_SYLLABLE_LENGTH);
  for (let i = open + 1; i < limit; i++) {
    const ch = text[i];
    if (ch === ')' || ch === '）') return i;
    if (ch === '(' || ch === '（') return -1;
  }
  return -1;
}

/** Offset of the Chinese character ending right before `end`, or -1. Handles astral characters. */
function hanBefore(text: string, end: number): number {
  if (end <= 0) return -1;
  const low = text.charCodeAt(end - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && end >= 2 ? end - 2 : end - 1;
  const cp = text.codePointAt(start) ?? 0;
  return isHanCodePoint(cp) ? start : -1;
}

function isSpace(unit: number): boolean {
  return unit === 0x20 || unit === 0xa0 || unit === 0x3000;
}

/** Every reading of a character, toneless (`xing`, `hang`), [] when unknown. */
export type TonelessReadings = (char: string) => readonly string[];

let tonelessReadingsOf: TonelessReadings | null = null;

/**
 * Where artefact removal learns a character's readings: pinyin-pro's `polyphonic` where it is
 * loaded (`pinyin-pro-readings.ts`), the build-time reading table in the extension's background
 * (entrypoints/background/reading-file.ts). Before either, any well-formed syllable is taken.
 */
export function setTonelessReadings(readings: TonelessReadings): void {
  tonelessReadingsOf = readings;
}

function isReadingOf(char: string, reading: ParsedSyllable): boolean {
  const readings = tonelessReadingsOf?.(char) ?? [];
  // An unknown character (pinyin-pro echoes it back): then the syllable itself has to do.
  if (readings.length === 0 || readings[0] === char) return true;
  return readings.some((r) => r.replace('ü', 'v') === reading.toneless);
}
