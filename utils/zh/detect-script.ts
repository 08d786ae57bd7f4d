/**
 * Whether a text is mainly simplified or traditional, from the characters that exist in only one
 * of the two scripts (發 only traditional, 发 only simplified). Uses opencc's two character
 * tables, which are small; the phrase tables are not needed.
 */
import * as preset from 'opencc-js/preset';

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
  // to.cn is [[TSPhrases, TSCharacters]] and from.cn is [[STPhrases, STCharacters]]: the two
  // character tables, traditional → simplified and simplified → traditional.
  const traditionalToSimplified = changedKeys(preset.to.cn?.[0]?.[1]);
  const simplifiedToTraditional = changedKeys(preset.from.cn?.[0]?.[1]);
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

/** Code points a serialized opencc character table changes into something else. */
function changedKeys(table: unknown): Set<number> {
  const keys = new Set<number>();
  if (typeof table !== 'string') return keys;
  for (const entry of table.split('|')) {
    const [source, target] = entry.split(' ');
    if (source && target && source !== target) keys.add(source.codePointAt(0) ?? 0);
  }
  return keys;
}
