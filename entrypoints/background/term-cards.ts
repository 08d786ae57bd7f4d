/**
 * What the page's reader shows about terms, answered here so that the glossary's data (about
 * 280 kB of the reader's bundle) and the traditional → simplified tables behind personal terms
 * and selections never enter a web page: the cards of the terms a page drew (`describeTerms`),
 * the reader's own terms behind its marks (`personalTermCards`), and the "Add as my term" form's
 * fields for a selection (`prefillTerm`).
 */
import { describeTerm } from '../../utils/glossary/entries';
import type {
  LinkedTerm,
  PageTermCard,
  PersonalCardEntry,
  PersonalTermCard,
} from '../../utils/glossary/page-card';
import { buildPersonalGlossary, type PagePersonalTerm } from '../../utils/glossary/personal';
import { termFromSelection, type TermPrefill } from '../../utils/glossary/term-prefill';
import { listPersonalTerms } from './personal-terms-store';

/** The card of each term id, in the order asked; null for an id the glossary does not know
 * (a personal hit, or a term removed from the glossary since the page was drawn). */
export function describePageTerms(ids: readonly string[]): (PageTermCard | null)[] {
  return ids.map(describePageTerm);
}

/** One term's card, its related terms named (those the glossary does not know left out, as the
 * card has nothing to open for them). */
export function describePageTerm(id: string): PageTermCard | null {
  const card = describeTerm(id);
  if (!card) return null;
  const related = card.related.flatMap((link): LinkedTerm[] => {
    const target = describeTerm(link.id);
    if (!target) return [];
    const title = target.english.official?.text ?? target.english.gloss;
    return [{ ...link, simplified: target.simplified, title }];
  });
  return { ...card, related };
}

/**
 * The reader's personal terms by the hit id the page's marks carry, grouped as the matcher
 * groups them (two terms with one form share a hit), with only the fields their cards show.
 */
export async function personalTermCards(): Promise<PersonalCardEntry[]> {
  const { termsByHit } = buildPersonalGlossary(await listPersonalTerms());
  return [...termsByHit].map(([hitId, terms]) => [hitId, terms.map(personalCard)]);
}

function personalCard(term: PagePersonalTerm): PersonalTermCard {
  const { simplified, traditional, pinyin, notes, tags } = term;
  return {
    simplified,
    english: { gloss: term.english.gloss },
    ...(traditional !== undefined && { traditional }),
    ...(pinyin !== undefined && { pinyin }),
    ...(notes !== undefined && { notes }),
    ...(tags !== undefined && { tags }),
  };
}

/** The form's fields for a selection: simplified and artefact-free, the traditional form kept
 * when the selection was traditional; null when no Chinese is left in it. */
export function prefillTerm(text: string): TermPrefill | null {
  return termFromSelection(text);
}
