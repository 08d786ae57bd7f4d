import type { VocabularyFilter } from '../../utils/study/search';
import { ChoiceSelect } from '../shared/ChoiceSelect';
import { FacetSelect, SearchField, STATUS_OPTIONS } from './FilterControls';

interface Props {
  filter: VocabularyFilter;
  facets: { tags: string[]; sites: string[] };
  onChange: (filter: VocabularyFilter) => void;
}

const FILTER_STATUS_OPTIONS: readonly { value: VocabularyFilter['status']; label: string }[] = [
  { value: 'all', label: 'all' },
  ...STATUS_OPTIONS,
];

/** `<input type=date>` value ↔ epoch milliseconds (local midnight; `to` is inclusive). */
function dateValue(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function parseDate(value: string, endOfDay: boolean): number | null {
  if (!value) return null;
  const [y, m, d] = value.split('-').map(Number);
  if (!y || !m || !d) return null;
  return endOfDay
    ? new Date(y, m - 1, d, 23, 59, 59, 999).getTime()
    : new Date(y, m - 1, d).getTime();
}

/** Search box and filters of the vocabulary table. */
export function VocabularyFilters({ filter, facets, onChange }: Props) {
  const set = (patch: Partial<VocabularyFilter>) => onChange({ ...filter, ...patch });
  return (
    <div className="filters" role="search">
      <SearchField
        value={filter.query}
        placeholder="汉字, pinyin (jīngjì, jing1ji4, jingji) or English"
        onChange={(query) => set({ query })}
      />
      <label>
        <span>Status</span>
        <ChoiceSelect
          value={filter.status}
          options={FILTER_STATUS_OPTIONS}
          onChange={(status) => set({ status })}
        />
      </label>
      <FacetSelect
        label="Tag"
        value={filter.tag}
        values={facets.tags}
        onChange={(tag) => set({ tag })}
      />
      <FacetSelect
        label="Site"
        value={filter.site}
        values={facets.sites}
        onChange={(site) => set({ site })}
      />
      <label>
        <span>Seen from</span>
        <input
          type="date"
          value={dateValue(filter.from)}
          onChange={(e) => set({ from: parseDate(e.target.value, false) })}
        />
      </label>
      <label>
        <span>to</span>
        <input
          type="date"
          value={dateValue(filter.to)}
          onChange={(e) => set({ to: parseDate(e.target.value, true) })}
        />
      </label>
    </div>
  );
}
