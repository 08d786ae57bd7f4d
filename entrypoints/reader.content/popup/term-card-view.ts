/**
 * The glossary card at the top of the word popup: the term, its readings and renderings, what it
 * means, where it comes from. Plain DOM, all text as text nodes (the card shows the project's own
 * glossary, but the habit holds everywhere). Styled by the popup's shadow stylesheet (TERM_CARD_STYLE).
 */
import { CATEGORY_LABELS, CERTAINTY_LABELS, RELATION_LABELS } from '../../../utils/glossary/labels';
import type { LinkedTerm, PageTermCard, PersonalTermCard } from '../../../utils/glossary/page-card';

/** Styles for the card, added to the popup's shadow stylesheet. */
export const TERM_CARD_STYLE = `
.term { margin: 0 0 8px; padding: 0 0 8px 10px; border-left: 3px solid #d97706;
  border-bottom: 1px solid var(--border); }
.term .kicker { font-size: 11px; letter-spacing: .04em; text-transform: uppercase;
  color: #b45309; margin: 0 0 2px; }
.dark .term .kicker { color: #fbbf24; }
.term p { margin: 4px 0 0; }
.term .official { font-weight: 600; }
.term .who, .term .meta { color: var(--muted); font-size: 12px; }
.term .gloss { font-style: italic; }
.term ol { margin: 4px 0 0; }
.term .related button { margin: 2px 4px 0 0; padding: 1px 6px; font-size: 13px;
  font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", sans-serif; }
.term ul { margin: 2px 0 0; padding-left: 18px; font-size: 12px; }
.term a { color: var(--accent); }
`;

/** Styles for the reader's own terms (teal, like their marks on the page). */
export const PERSONAL_CARD_STYLE = `
.mine { margin: 0 0 8px; padding: 0 0 8px 10px; border-left: 3px solid #0d9488;
  border-bottom: 1px solid var(--border); }
.mine .kicker { font-size: 11px; letter-spacing: .04em; text-transform: uppercase;
  color: #0f766e; margin: 0 0 2px; }
.dark .mine .kicker { color: #5eead4; }
.mine p { margin: 4px 0 0; }
.mine .notes { white-space: pre-wrap; font-size: 13px; }
.mine .meta { color: var(--muted); font-size: 12px; }
`;

/** Renders the reader's own entries for the term under the pointer: translation, notes, tags. */
export function renderPersonalCard(terms: readonly PersonalTermCard[]): HTMLElement {
  const section = element('section', 'mine');
  section.setAttribute('aria-label', 'My term');
  section.append(element('p', 'kicker', 'My term'));
  for (const term of terms) {
    const head = element('div', 'head');
    head.append(element('span', 'hanzi', term.simplified));
    if (term.traditional && term.traditional !== term.simplified)
      head.append(element('span', 'trad', term.traditional));
    if (term.pinyin) head.append(element('span', 'pinyin', term.pinyin));
    section.append(head, element('p', 'translation', term.english.gloss));
    if (term.notes) section.append(element('p', 'notes', term.notes));
    if (term.tags && term.tags.length > 0)
      section.append(element('p', 'meta', `Tags: ${term.tags.join(', ')}`));
  }
  return section;
}

/** Renders a card; `openTerm` is called with the id of a related term the reader clicks. */
export function renderTermCard(card: PageTermCard, openTerm: (id: string) => void): HTMLElement {
  const section = element('section', 'term');
  section.setAttribute('aria-label', 'Glossary term');
  section.append(
    element(
      'p',
      'kicker',
      `Political term · ${CATEGORY_LABELS[card.category]}` +
        (card.kind === 'pattern' ? ' · explained from its numbers' : ''),
    ),
  );
  const head = element('div', 'head');
  head.append(element('span', 'hanzi', card.simplified));
  if (card.traditional !== card.simplified) head.append(element('span', 'trad', card.traditional));
  head.append(element('span', 'pinyin', card.pinyin));
  section.append(head);

  const official = card.english.official;
  if (official) {
    const line = element('p', '');
    line.append(element('span', 'official', official.text));
    line.append(element('span', 'who', ` — ${official.usedBy.join(', ')}`));
    section.append(line);
  }
  section.append(element('p', 'gloss', card.english.gloss));
  section.append(element('p', 'explanation', card.explanation));

  if (card.components.length > 0) {
    const list = element('ol', 'components');
    for (const part of card.components) {
      list.append(element('li', '', `${part.simplified} — ${part.english}`));
    }
    section.append(list);
  }

  const related = renderRelated(card.related, openTerm);
  if (related) section.append(related);

  if (card.firstUse) {
    const { when, certainty, note } = card.firstUse;
    section.append(
      element(
        'p',
        'meta',
        `First use: ${when} (${CERTAINTY_LABELS[certainty]})${note ? `. ${note}` : ''}`,
      ),
    );
  }
  if (card.sources.length > 0) {
    section.append(element('p', 'meta', 'Sources:'));
    const list = element('ul', 'sources');
    for (const source of card.sources) {
      const item = element('li', '');
      if (source.url) {
        const link = element('a', '', source.title) as HTMLAnchorElement;
        link.href = source.url;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        item.append(link);
      } else {
        item.append(source.title);
      }
      list.append(item);
    }
    section.append(list);
  }
  if (card.lastChecked) section.append(element('p', 'meta', `Last checked ${card.lastChecked}`));
  return section;
}

/** Related terms as buttons, grouped by relation; null when there are none (the background
 * names only the related terms the glossary knows). */
function renderRelated(
  related: readonly LinkedTerm[],
  openTerm: (id: string) => void,
): HTMLElement | null {
  const box = element('div', 'related');
  let count = 0;
  for (const [relation, label] of Object.entries(RELATION_LABELS)) {
    const terms = related.filter((r) => r.relation === relation);
    const buttons: HTMLElement[] = [];
    for (const term of terms) {
      const button = element('button', '', term.simplified) as HTMLButtonElement;
      button.type = 'button';
      button.title = term.title;
      button.addEventListener('click', (event) => {
        event.stopPropagation();
        openTerm(term.id);
      });
      buttons.push(button);
    }
    if (buttons.length === 0) continue;
    count += buttons.length;
    const line = element('p', 'meta', `${label}: `);
    line.append(...buttons);
    box.append(line);
  }
  return count > 0 ? box : null;
}

function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
