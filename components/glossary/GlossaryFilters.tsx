import { useId } from 'react';
import { t } from '../../utils/i18n';
import { CATEGORY_LABELS } from '../../utils/glossary/labels';
import { CATEGORIES, type Category } from '../../utils/glossary/schema';

interface GlossaryFiltersProps {
  query: string;
  category: Category | null;
  /** Entries per category, shown beside each option. */
  counts: ReadonlyMap<Category, number>;
  onQuery: (query: string) => void;
  onCategory: (category: Category | null) => void;
}

/** The search box and the category filter. */
export function GlossaryFilters({
  query,
  category,
  counts,
  onQuery,
  onCategory,
}: GlossaryFiltersProps) {
  const searchId = useId();
  const categoryId = useId();
  return (
    <div className="glossary-filters">
      <label htmlFor={searchId}>{t('glossarySearchLabel')}</label>
      <input
        id={searchId}
        type="search"
        value={query}
        placeholder={t('glossarySearchPlaceholder')}
        maxLength={64}
        autoFocus
        onChange={(event) => onQuery(event.target.value)}
      />
      <label htmlFor={categoryId}>{t('glossaryCategory')}</label>
      <select
        id={categoryId}
        value={category ?? ''}
        onChange={(event) => {
          const value = event.target.value;
          onCategory(CATEGORIES.find((c) => c === value) ?? null);
        }}
      >
        <option value="">{t('glossaryAllCategories')}</option>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {CATEGORY_LABELS[c]} ({counts.get(c) ?? 0})
          </option>
        ))}
      </select>
    </div>
  );
}
