/**
 * Whether a text is mainly simplified or traditional, from the characters that exist in only one
 * of the two scripts (發 only traditional, 发 only simplified). Uses opencc's two character
 * tables, which are small; the phrase tables are not needed.
 */
import * as preset from 'opencc-js/preset';

export type DetectedScript = 'simplified' | 'traditional' | 'mixed' | 'unknown';

interface ScriptCharacterSets {
  traditionalOnly: Set<number>;
  simplifiedOnly: Set<number>;
}

let sets: ScriptCharacterSets | null = null;

/** Share of script-specific characters above which a text counts as that script. */
const DOMINANCE = 0.8;

/** Classifies a text by counting script-specific characters. */
export function detectScript(text: string): DetectedScript {
  const { traditionalOnly, simplifiedOnly } = (sets ??= buildSets());
  let traditional = 0;
  let simplified = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x3400) continue;
    const cp = text.codePointAt(i) ?? unit;
    if (cp > 0xffff) i++;
    if (traditionalOnly.has(cp)) traditional++;
    else if (simplifiedOnly.has(cp)) simplified++;
  }
  const total = traditional + simplified;
  if (total === 0) return 'unknown';
  if (traditional / total >= DOMINANCE) return 'traditional';
  if (simplified / total >= DOMINANCE) return 'simplified';
  return 'mixed';
}

function buildSets(): ScriptCharacterSets {
  // to.cn is [[TSPhrases, TSCharacters]] and from.cn is [[STPhrases, STCharacters]]: the two
  // character tables, traditional → simplified and simplified → traditional.
  const traditionalToSimplified = changedKeys(preset.to.cn?.[0]?.[1]);
  const simplifiedToTraditional = changedKeys(preset.from.cn?.[0]?.[1]);
  // A character that converts both ways (干 ⇄ 乾) tells nothing about the script; neither do the
  // targets of merged simplifications (侷 → 局), which are ordinary traditional characters too.
  const traditionalOnly = new Set(
    [...traditionalToSimplified].filter((cp) => !simplifiedToTraditional.has(cp)),
  );
  const simplifiedOnly = new Set(
    [...simplifiedToTraditional].filter((cp) => !traditionalToSimplified.has(cp)),
  );
  return { traditionalOnly, simplifiedOnly };
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
