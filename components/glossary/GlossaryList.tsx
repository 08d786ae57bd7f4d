import { t } from '../../utils/i18n';
import type { TermCard } from '../../utils/glossary/schema';
import { termHref } from './use-hash-route';

/** How many results are drawn at once; a search narrows the rest down. */
const SHOWN = 500;

/** The terms found, each a link to its entry. */
export function GlossaryList({
  cards,
  selectedId,
}: {
  cards: readonly TermCard[];
  selectedId: string | null;
}) {
  if (cards.length === 0) return <p className="glossary-status">{t('glossaryNoResults')}</p>;
  return (
    <>
      <p className="glossary-status" aria-live="polite">
        {t('glossaryResultCount', String(cards.length))}
      </p>
      <ol className="glossary-list">
        {cards.slice(0, SHOWN).map((card) => (
          <li key={card.id}>
            <a href={termHref(card.id)} aria-current={card.id === selectedId ? 'page' : undefined}>
              <span className="hanzi" lang="zh-CN">
                {card.simplified}
              </span>{' '}
              <span className="pinyin" lang="zh-Latn">
                {card.pinyin}
              </span>
              <span className="english">{card.english.official?.text ?? card.english.gloss}</span>
            </a>
          </li>
        ))}
      </ol>
    </>
  );
}
