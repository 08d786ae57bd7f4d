import { useMemo, useState } from 'react';
import type { VocabularyRecord } from '../../utils/db/schema';
import {
  EMPTY_FILTER,
  facetsOf,
  filterVocabulary,
  indexVocabulary,
  type SortOrder,
  type VocabularyFilter,
} from '../../utils/study/search';
import { useRecentWords } from './use-vocabulary';
import { VocabularyFilters } from './VocabularyFilters';
import { PAGE_ROWS, VocabularyTable } from './VocabularyTable';

/** The vocabulary: search and filters over every saved word, and the table of matches. */
export function VocabularyView({ rows }: { rows: VocabularyRecord[] | undefined }) {
  const [filter, setFilter] = useState<VocabularyFilter>(EMPTY_FILTER);
  const [sort, setSort] = useState<SortOrder>({ key: 'lastSeen', descending: true });
  // Search keys are built once per change of the rows, not per keystroke.
  const index = useMemo(() => indexVocabulary(rows ?? []), [rows]);
  const facets = useMemo(() => facetsOf(index), [index]);
  const matches = useMemo(() => filterVocabulary(index, filter, sort), [index, filter, sort]);
  // Until every row is read, the first screen shows the latest words (the default order).
  const recent = useRecentWords(PAGE_ROWS);

  return (
    <section className="vocabulary" aria-label="Vocabulary">
      <VocabularyFilters filter={filter} facets={facets} onChange={setFilter} />
      {rows === undefined ? (
        recent && recent.length > 0 ? (
          <VocabularyTable rows={recent} total={null} sort={sort} onSort={setSort} />
        ) : (
          <p className="loading">Loading your vocabulary…</p>
        )
      ) : rows.length === 0 ? (
        <p className="empty">
          No saved words yet. Point at a word on a page with the reader on and press S to save it.
        </p>
      ) : (
        <VocabularyTable rows={matches} total={rows.length} sort={sort} onSort={setSort} />
      )}
    </section>
  );
}
