/**
 * Term cards as a page gets them from the background (`describeTerms`, `personalTermCards`):
 * types only, so the glossary's data and the conversion tables behind personal terms stay in
 * the background and the page draws what it is sent.
 */
import type { RelatedTerm, TermCard } from './schema';

/** A related term as a card links it: the glossary's link, with the name on its button. */
export interface LinkedTerm extends RelatedTerm {
  readonly simplified: string;
  /** The official rendering if there is one, else the gloss (the button's tooltip). */
  readonly title: string;
}

/** A glossary card with its related terms named, so the card draws its links without asking
 * for every related card. Related terms the glossary does not know are left out. */
export interface PageTermCard extends TermCard {
  readonly related: readonly LinkedTerm[];
}

/** The fields of one of the reader's own terms that its card shows. */
export interface PersonalTermCard {
  readonly simplified: string;
  readonly traditional?: string;
  readonly pinyin?: string;
  readonly english: { readonly gloss: string };
  readonly notes?: string;
  readonly tags?: readonly string[];
}

/** A hit id the page's marks carry (`personal:<id>`) and every personal term behind it. */
export type PersonalCardEntry = readonly [hitId: string, terms: readonly PersonalTermCard[]];
