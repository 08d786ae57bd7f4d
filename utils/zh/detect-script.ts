/**
 * Whether a text is mainly simplified or traditional, from the characters that exist in only one
 * of the two scripts (發 only traditional, 发 only simplified). Uses opencc's two character
 * tables, which are small; the phrase tables are not needed.
 */
import STCharacters from 'opencc-js/dict/STCharacters';
import TSCharacters from 'opencc-js/dict/TSCharacters';

export type DetectedScript = 'simplified' | 'traditional' | 'mixed' | 'unknown';

/** Script of each code point: 0 neither, TRADITIONAL_ONLY or SIMPLIFIED_ONLY. */
const TRADITIONAL_ONLY = 1;
const SIMPLIFIED_ONLY = 2;

interface ScriptCharacterTable {
  /** BMP code points by code unit: one byte read per character, no hashing. */
  bmp: Uint8Array;
  /** The few astral ones. */
  astral: Map<number, number>;
}

let table: ScriptCharacterTable | null = null;

/** Share of script-specific characters above which a text counts as that script. */
const DOMINANCE = 0.8;

/** Classifies a text by counting script-specific characters. */
export function detectScript(text: string): DetectedScript {
  const { bmp, astral } = (table ??= buildTable());
  let traditional = 0;
  let simplified = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x3400) continue;
    let kind: number;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const cp = text.codePointAt(i) ?? unit;
      if (cp > 0xffff) i++;
      kind = astral.get(cp) ?? 0;
    } else {
      kind = bmp[unit] as number;
    }
    if (kind === TRADITIONAL_ONLY) traditional++;
    else if (kind === SIMPLIFIED_ONLY) simplified++;
  }
  const total = traditional + simplified;
  if (total === 0) return 'unknown';
  if (traditional / total >= DOMINANCE) return 'traditional';
  if (simplified / total >= DOMINANCE) return 'simplified';
  return 'mixed';
}

function buildTable(): ScriptCharacterTable {
  // The two character tables, traditional → simplified and simplified → traditional.
  const traditionalToSimplified = changedKeys(TSCharacters);
  const simplifiedToTraditional = changedKeys(STCharacters);
  const bmp = new Uint8Array(65536);
  const astral = new Map<number, number>();
  const mark = (cp: number, kind: number) => {
    if (cp <= 0xffff) bmp[cp] = kind;
    else astral.set(cp, kind);
  };
  // A character that converts both ways (干 ⇄ 乾) tells nothing about the script; neither do the
  // targets of merged simplifications (侷 → 局), which are ordinary traditional characters too.
  for (const cp of traditionalToSimplified)
    if (!simplifiedToTraditional.has(cp)) mark(cp, TRADITIONAL_ONLY);
  for (const cp of simplifiedToTraditional)
    if (!traditionalToSimplified.has(cp)) mark(cp, SIMPLIFIED_ONLY);
  return { bmp, astral };
}

/**
 * Code points a serialized opencc character table (`source target[ other…]|…`) changes into
 * something else. Scanned in place rather than split: splitting the ~4,000 entries of each table
 * cost a page's first paragraph a few milliseconds.
 */
function changedKeys(table: string): Set<number> {
  const keys = new Set<number>();
  for (let start = 0; start < table.length;) {
    let end = table.indexOf('|', start);
    if (end < 0) end = table.length;
    const space = table.indexOf(' ', start);
    if (space > start && space < end) {
      // The first target only, as `entry.split(' ')[1]`.
      let targetEnd = table.indexOf(' ', space + 1);
      if (targetEnd < 0 || targetEnd > end) targetEnd = end;
      const sourceLength = space - start;
      const differs =
        targetEnd - space - 1 !== sourceLength ||
        table.slice(start, space) !== table.slice(space + 1, targetEnd);
      if (targetEnd > space + 1 && differs) keys.add(table.codePointAt(start) ?? 0);
    }
    start = end + 1;
  }
  return keys;
}
