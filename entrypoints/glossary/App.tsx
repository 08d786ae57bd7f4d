import { useDeferredValue, useMemo, useState } from 'react';
import { GlossaryEntry } from '../../components/glossary/GlossaryEntry';
import { GlossaryFilters } from '../../components/glossary/GlossaryFilters';
import { GlossaryList } from '../../components/glossary/GlossaryList';
import { indexGlossary, searchGlossary } from '../../components/glossary/search-glossary';
import { useHashRoute } from '../../components/glossary/use-hash-route';
import { describeTerm, GLOSSARY_ENTRIES } from '../../utils/glossary/entries';
import type { Category } from '../../utils/glossary/schema';
import { t } from '../../utils/i18n';

/** The glossary page: search and filter on one side, the chosen entry on the other. */
export function App() {
  const index = useMemo(() => indexGlossary(GLOSSARY_ENTRIES), []);
  const counts = useMemo(() => {
    const map = new Map<Category, number>();
    for (const { card } of index) map.set(card.category, (map.get(card.category) ?? 0) + 1);
    return map;
  }, [index]);
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<Category | null>(null);
  const deferredQuery = useDeferredValue(query);
  const cards = useMemo(
    () => searchGlossary(index, deferredQuery, category),
    [index, deferredQuery, category],
  );
  const route = useHashRoute();
  const selectedId = route.page === 'term' ? route.id : null;
  const selected = selectedId ? describeTerm(selectedId) : null;

  return (
    <main className="app glossary">
      <header className="glossary-header">
        <h1>{t('glossaryTitle')}</h1>
        <p className="hint">{t('glossaryIntro')}</p>
      </header>
      <div className="glossary-layout">
        <section className="glossary-browse" aria-label={t('glossarySearchLabel')}>
          <GlossaryFilters
            query={query}
            category={category}
            counts={counts}
            onQuery={setQuery}
            onCategory={setCategory}
          />
          <GlossaryList cards={cards} selectedId={selectedId} />
        </section>
        <div className="glossary-detail">
          {selected ? (
            <>
              <a className="back" href="#/">
                {t('glossaryBack')}
              </a>
              <GlossaryEntry card={selected} />
            </>
          ) : (
            <p className="glossary-status">
              {selectedId ? t('glossaryNotFound') : t('glossaryPickTerm')}
            </p>
          )}
        </div>
      </div>
    </main>
  );
}
