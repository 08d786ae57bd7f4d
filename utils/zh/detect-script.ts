/**
 * Whether a text is mainly simplified or traditional, from the characters that exist in only one
 * of the two scripts (發 only traditional, 发 only simplified), as opencc's two character tables
 * give them: listed at build time (scripts/lib/script-characters.ts), marked in a table on first
 * use.
 */
import { SIMPLIFIED_ONLY_CHARACTERS, TRADITIONAL_ONLY_CHARACTERS } from './script-characters';

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
  const bmp = new Uint8Array(65536);
  const astral = new Map<number, number>();
  const mark = (characters: string, kind: number) => {
    for (let i = 0; i < characters.length; i++) {
      const cp = characters.codePointAt(i) as number;
      if (cp > 0xffff) {
        astral.set(cp, kind);
        i++;
      } else {
        bmp[cp] = kind;
      }
    }
  };
  mark(TRADITIONAL_ONLY_CHARACTERS, TRADITIONAL_ONLY);
  mark(SIMPLIFIED_ONLY_CHARACTERS, SIMPLIFIED_ONLY);
  return { bmp, astral };
}
