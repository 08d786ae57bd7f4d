/**
 * The reader's personal terms on pages: a second, small glossary built from them (the same
 * normalisation and the same matcher as the built-in one, without pattern families), and the rule
 * that joins its hits with the built-in ones. A personal term never changes a built-in entry: a
 * personal hit that overlaps a built-in hit annotates that hit (its card shows both); one that
 * overlaps none is a term of its own, under the id `personal:<id>`.
 */
import type { PersonalTermRecord } from '../db/schema';
import { personalSightingId, PERSONAL_TERM_PREFIX } from '../tracker/term-names';
import type { Glossary } from './entries';
import type { TermHit } from './matcher';
import { normalizeForMatching } from './normalize';

/** The fields of a personal term the page needs: to match it, and to show it in the card. */
export type PagePersonalTerm = Pick<
  PersonalTermRecord,
  'id' | 'simplified' | 'traditional' | 'variants' | 'pinyin' | 'english' | 'notes' | 'tags'
>;

/** Personal terms ready for the page: the glossary to match and the terms behind each hit id. */
export interface PersonalGlossary {
  readonly glossary: Glossary;
  /** Hit id (`personal:<id>`) → every personal term with that matching form (a pack imported
   * with "keep both" can give one form two entries; the card shows them all). */
  readonly termsByHit: ReadonlyMap<string, readonly PagePersonalTerm[]>;
  /** Simplified forms made of Chinese characters only, for the segmentation lexicon. */
  readonly words: readonly string[];
}

/** Builds the personal glossary. Forms are keyed as the matcher keys text (simplified,
 * artefact-free, folded), so traditional and artefact-laden page text matches them too. */
export function buildPersonalGlossary(terms: readonly PagePersonalTerm[]): PersonalGlossary {
  const forms = new Map<string, string>();
  const termsByHit = new Map<string, PagePersonalTerm[]>();
  const words = new Set<string>();
  for (const term of terms) {
    const surfaces = [term.simplified, term.traditional ?? '', ...(term.variants ?? [])];
    let hitId: string | undefined;
    const keys = surfaces.flatMap((s) => {
      const key = s.trim() ? normalizeForMatching(s.trim()).key : '';
      return key ? [key] : [];
    });
    // A form another personal term already has: this term joins that hit.
    for (const key of keys) hitId ??= forms.get(key);
    hitId ??= personalSightingId(term.id);
    for (const key of keys) if (!forms.has(key)) forms.set(key, hitId);
    const list = termsByHit.get(hitId) ?? [];
    list.push(term);
    termsByHit.set(hitId, list);
    if (/^\p{Script=Han}+$/u.test(term.simplified)) words.add(term.simplified);
  }
  return {
    glossary: { entries: new Map(), forms, patternEntries: new Map(), patterns: false },
    termsByHit,
    words: [...words],
  };
}

/** Whether a hit id names a personal term. */
export function isPersonalHit(id: string): boolean {
  return id.startsWith(PERSONAL_TERM_PREFIX);
}

/** A term hit on the page, with the personal terms that annotate a built-in hit. */
export interface PageTermHit extends TermHit {
  /** Personal hit id annotating this built-in hit, if any. */
  readonly personal?: string;
}

/**
 * Joins built-in and personal hits (each ascending and non-overlapping): a personal hit that
 * overlaps a built-in one is attached to the first built-in hit it overlaps, one that overlaps
 * none is kept as its own hit. The result is ascending and non-overlapping.
 */
export function joinPersonalHits(
  builtIn: readonly TermHit[],
  personal: readonly TermHit[],
): PageTermHit[] {
  if (personal.length === 0) return [...builtIn];
  const out: PageTermHit[] = [];
  const attached = new Map<number, string>();
  const own: TermHit[] = [];
  let b = 0;
  for (const hit of personal) {
    while (b < builtIn.length && (builtIn[b]?.end ?? 0) <= hit.start) b++;
    const over = builtIn[b];
    if (over && over.start < hit.end) {
      if (!attached.has(b)) attached.set(b, hit.id);
    } else own.push(hit);
  }
  let o = 0;
  builtIn.forEach((hit, i) => {
    while (o < own.length && (own[o]?.start ?? 0) < hit.start) out.push(own[o++] as TermHit);
    const personalId = attached.get(i);
    out.push(personalId ? { ...hit, personal: personalId } : hit);
  });
  while (o < own.length) out.push(own[o++] as TermHit);
  return out;
}
