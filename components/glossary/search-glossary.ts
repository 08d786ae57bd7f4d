/**
 * Search over the glossary for the glossary page: hanzi in either script (and any variant form),
 * pinyin with or without tones (`xinzhi`, `xin1zhi4`, `xīnzhì`), or English (official rendering,
 * gloss, then explanation). A few hundred entries: a linear scan per keystroke is well under a
 * millisecond, so there is no index beyond the normalised fields built once.
 *
 * Han queries also go through the matcher, so numbered terms the glossary explains from their
 * numbers (二十届四中全会, 十四届全国人大三次会议) are found although no entry lists them.
 */
import { classifyQuery, normalizePinyinQuery } from '../../utils/dict/search';
import { describeTerm, entryCard, formsOf } from '../../utils/glossary/entries';
import { matchTerms } from '../../utils/glossary/matcher';
import { foldForMatching } from '../../utils/glossary/normalize';
import type { Category, GlossaryEntry, TermCard } from '../../utils/glossary/schema';
import { convertText } from '../../utils/zh/convert';

/** One entry with the fields search compares, normalised once. */
export interface IndexedTerm {
  readonly card: TermCard;
  /** Simplified forms (the term and its variants) in matching-key form, and the traditional. */
  readonly forms: readonly string[];
  readonly toneless: string;
  readonly tones: string;
  /** Official rendering and gloss, lower case. */
  readonly english: string;
  readonly explanation: string;
}

/** Prepares entries for searching, sorted by pinyin (the order of the unfiltered list). */
export function indexGlossary(entries: Iterable<GlossaryEntry>): IndexedTerm[] {
  const indexed: IndexedTerm[] = [];
  for (const entry of entries) {
    const { toneless, tones } = normalizePinyinQuery(entry.pinyin);
    indexed.push({
      card: entryCard(entry),
      forms: [...formsOf(entry), entry.traditional],
      toneless,
      tones: tones ?? '',
      english: [entry.english.official?.text ?? '', entry.english.gloss].join('\n').toLowerCase(),
      explanation: entry.explanation.toLowerCase(),
    });
  }
  return indexed.sort(
    (a, b) => a.toneless.localeCompare(b.toneless) || a.card.id.localeCompare(b.card.id),
  );
}

/**
 * The cards matching `query` within `category` (all when null), best first. An empty query lists
 * the whole category in pinyin order.
 */
export function searchGlossary(
  index: readonly IndexedTerm[],
  query: string,
  category: Category | null = null,
): TermCard[] {
  const inCategory = (card: TermCard) => category === null || card.category === category;
  const trimmed = query.trim();
  if (trimmed === '') return index.map((t) => t.card).filter(inCategory);
  const scored: { card: TermCard; score: number }[] = [];
  const kind = classifyQuery(trimmed);
  if (kind === 'hanzi') {
    const simplified = foldForMatching(convertText(trimmed, 't', 'cn'));
    for (const term of index) {
      const score = hanziScore(term.forms, simplified, trimmed);
      if (score !== null) scored.push({ card: term.card, score });
    }
    // Numbered terms explained by a pattern family, and entries found inside a longer query.
    for (const hit of matchTerms(trimmed)) {
      if (scored.some((s) => s.card.id === hit.id)) continue;
      const card = describeTerm(hit.id);
      if (card) scored.push({ card, score: hit.surface === trimmed ? 0 : 3 });
    }
  } else {
    const needle = trimmed.toLowerCase();
    const pinyin = normalizePinyinQuery(trimmed);
    const word = new RegExp(`(^|[^a-z])${escapeRegExp(needle)}`);
    for (const term of index) {
      let score: number | null = null;
      if (pinyin.toneless !== '' && term.toneless.startsWith(pinyin.toneless)) {
        // Tones given: only entries whose tones agree (xin1 zhi4 is not xìnzhǐ).
        if (pinyin.tones === null || term.tones.startsWith(pinyin.tones))
          score = term.toneless === pinyin.toneless ? 0 : 1;
      } else if (pinyin.toneless.length >= 3 && term.toneless.includes(pinyin.toneless)) {
        score = 4;
      }
      if (score === null && term.english.includes(needle)) score = word.test(term.english) ? 2 : 3;
      if (score === null && needle.length >= 3 && term.explanation.includes(needle)) score = 5;
      if (score !== null) scored.push({ card: term.card, score });
    }
  }
  // Stable sort: equal scores keep pinyin order.
  return scored
    .filter((s) => inCategory(s.card))
    .sort((a, b) => a.score - b.score)
    .map((s) => s.card);
}

function hanziScore(forms: readonly string[], simplified: string, asTyped: string): number | null {
  let best: number | null = null;
  for (const form of forms) {
    let score: number | null = null;
    if (form === simplified || form === asTyped) score = 0;
    else if (form.startsWith(simplified) || form.startsWith(asTyped)) score = 1;
    else if (form.includes(simplified) || form.includes(asTyped)) score = 2;
    if (score !== null && (best === null || score < best)) best = score;
  }
  return best;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
