/**
 * Reading the structure CC-CEDICT packs into its sense strings: classifiers (`CL:個|个[ge4]`) and
 * cross-references (`variant of 乾[gan1]`, `see 開金|开金[kai1 jin1]`), so popups can show them
 * readably and resolve the referenced word's own meaning inline.
 */

/** A headword as CC-CEDICT cites it: `trad|simp[pin1 yin1]`, or `word[pin1 yin1]`. */
export interface CitedWord {
  readonly traditional: string;
  readonly simplified: string;
  /** Numbered pinyin, or '' when the citation gives none. */
  readonly pinyin: string;
}

export type ReferenceKind = 'variant' | 'old-variant' | 'see' | 'also-written' | 'abbreviation';

export interface CrossReference extends CitedWord {
  readonly kind: ReferenceKind;
}

const CITATION = /([^\s[\]|,;()]+)(?:\|([^\s[\]|,;()]+))?(?:\[([^\]]*)\])?/u;

/** Parses one citation such as `個|个[ge4]`. */
export function parseCitation(text: string): CitedWord | null {
  const match = CITATION.exec(text.trim());
  if (!match?.[1]) return null;
  const traditional = match[1];
  return { traditional, simplified: match[2] ?? traditional, pinyin: match[3] ?? '' };
}

/** The classifiers of a `CL:` sense, or null when the sense is not one. */
export function parseClassifiers(sense: string): CitedWord[] | null {
  if (!sense.startsWith('CL:')) return null;
  return sense
    .slice(3)
    .split(',')
    .map(parseCitation)
    .filter((c): c is CitedWord => c !== null);
}

const REFERENCE_PATTERNS: readonly [RegExp, ReferenceKind][] = [
  [/^(?:.*\b)?old variant of (.+)$/, 'old-variant'],
  [/^(?:.*\b)?variant of (.+)$/, 'variant'],
  [/^(?:.*\b)?also written (.+)$/, 'also-written'],
  [/^(?:.*\b)?abbr\. for (.+)$/, 'abbreviation'],
  [/^see (?:also )?(.+)$/, 'see'],
];

/** The cross-reference a sense makes, if any (`variant of 乾[gan1]` → 乾, gan1). */
export function parseCrossReference(sense: string): CrossReference | null {
  for (const [pattern, kind] of REFERENCE_PATTERNS) {
    const match = pattern.exec(sense);
    // The target must be a cited headword, not English prose ("see below").
    if (match?.[1] && /[\u3400-\u9fff\u{20000}-\u{323af}]/u.test(match[1])) {
      const cited = parseCitation(match[1]);
      if (cited) return { kind, ...cited };
    }
  }
  return null;
}
