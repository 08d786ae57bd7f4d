import { useEffect, useRef } from 'react';
import { describeTerm, getEntry } from '../../utils/glossary/entries';
import { CATEGORY_LABELS, CERTAINTY_LABELS, RELATION_LABELS } from '../../utils/glossary/labels';
import type { TermCard } from '../../utils/glossary/schema';
import { t } from '../../utils/i18n';
import { AddToMyTerms } from './AddToMyTerms';
import { termHref } from './use-hash-route';

/** One term's entry page: everything the glossary knows, related terms as links. */
export function GlossaryEntry({ card }: { card: TermCard }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Moving to another entry puts focus (and the screen reader) on its heading.
  useEffect(() => {
    heading.current?.focus({ preventScroll: false });
  }, [card.id]);
  const entry = card.kind === 'entry' ? getEntry(card.id) : undefined;
  const official = card.english.official;
  return (
    <article className="glossary-entry" aria-labelledby="entry-heading">
      <p className="kicker">{CATEGORY_LABELS[card.category]}</p>
      <h2 id="entry-heading" ref={heading} tabIndex={-1}>
        <span className="hanzi" lang="zh-CN">
          {card.simplified}
        </span>
        {card.traditional !== card.simplified && (
          <span className="trad" lang="zh-TW">
            {card.traditional}
          </span>
        )}
        <span className="pinyin" lang="zh-Latn">
          {card.pinyin}
        </span>
      </h2>
      {card.kind === 'pattern' && <p className="hint">{t('glossaryPatternNote')}</p>}
      {/* An authored entry has fixed forms to start a personal term from; a pattern has none. */}
      {entry && <AddToMyTerms key={entry.id} entry={entry} />}

      <h3>{t('glossaryOfficial')}</h3>
      {official ? (
        <p>
          <strong>{official.text}</strong>{' '}
          <span className="muted">({t('glossaryUsedBy', official.usedBy.join(', '))})</span>
        </p>
      ) : (
        <p className="muted">{t('glossaryNoOfficial')}</p>
      )}
      <h3>{t('glossaryGloss')}</h3>
      <p>{card.english.gloss}</p>
      <h3>{t('glossaryExplanation')}</h3>
      <p>{card.explanation}</p>

      {card.components.length > 0 && (
        <>
          <h3>{t('glossaryComponents')}</h3>
          <ol>
            {card.components.map((part) => (
              <li key={part.simplified}>
                <span lang="zh-CN">{part.simplified}</span> — {part.english}
              </li>
            ))}
          </ol>
        </>
      )}

      {entry?.variants && entry.variants.length > 0 && (
        <>
          <h3>{t('glossaryVariants')}</h3>
          <p lang="zh-CN">{entry.variants.join('、')}</p>
        </>
      )}

      <RelatedTerms card={card} />

      {card.firstUse && (
        <>
          <h3>{t('glossaryFirstUse')}</h3>
          <p>
            {card.firstUse.when}{' '}
            <span className="muted">({CERTAINTY_LABELS[card.firstUse.certainty]})</span>
            {card.firstUse.note && <> — {card.firstUse.note}</>}
          </p>
        </>
      )}

      {card.sources.length > 0 && (
        <>
          <h3>{t('glossarySources')}</h3>
          <ul className="sources">
            {card.sources.map((source) => (
              <li key={source.url ?? source.title}>
                {source.url ? (
                  <a href={source.url} target="_blank" rel="noopener noreferrer">
                    {source.title}
                  </a>
                ) : (
                  source.title
                )}
              </li>
            ))}
          </ul>
        </>
      )}

      {card.lastChecked && (
        <p className="muted last-checked">{t('glossaryLastChecked', card.lastChecked)}</p>
      )}
    </article>
  );
}

function RelatedTerms({ card }: { card: TermCard }) {
  const links = card.related
    .map((related) => ({ related, target: describeTerm(related.id) }))
    .filter((x): x is { related: typeof x.related; target: TermCard } => x.target !== null);
  if (links.length === 0) return null;
  return (
    <>
      <h3>{t('glossaryRelated')}</h3>
      <ul className="related">
        {links.map(({ related, target }) => (
          <li key={`${related.relation}:${related.id}`}>
            <span className="muted">{RELATION_LABELS[related.relation]}:</span>{' '}
            <a href={termHref(related.id)}>
              <span lang="zh-CN">{target.simplified}</span>{' '}
              <span className="muted">{target.english.official?.text ?? target.english.gloss}</span>
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
