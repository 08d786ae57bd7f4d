/**
 * English words for the glossary's fixed vocabularies (categories, relations, certainty), shared
 * by the in-page card and the glossary page. The glossary's own text (glosses, explanations) is
 * English, so these labels are too; they are not UI strings to translate separately.
 */
import type { Category, Certainty, Relation } from './schema';

export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  formulation: 'Formulation',
  'numbered-formula': 'Numbered formula',
  'plan-period': 'Plan and period',
  'party-meeting': 'Party meeting',
  institution: 'Institution',
  development: 'Development',
  economy: 'Economy',
  society: 'Society',
  governance: 'Governance',
  discipline: 'Discipline',
  security: 'Security',
  diplomacy: 'Diplomacy',
  'local-idiom': 'Local idiom',
};

/** How a related term relates to the one shown ("part of X" reads from the shown term). */
export const RELATION_LABELS: Readonly<Record<Relation, string>> = {
  'part-of': 'Part of',
  'has-part': 'Includes',
  'successor-of': 'Follows',
  'predecessor-of': 'Followed by',
  'see-also': 'See also',
};

export const CERTAINTY_LABELS: Readonly<Record<Certainty, string>> = {
  certain: 'certain',
  likely: 'likely',
  uncertain: 'uncertain',
};
