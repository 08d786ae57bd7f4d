import type { VocabularyFilter } from '../../utils/study/search';

interface Props {
  filter: VocabularyFilter;
  facets: { tags: string[]; sites: string[] };
  onChange: (filter: VocabularyFilter) => void;
}

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
      <label className="search-field">
        <span>Search</span>
        <input
          type="search"
          value={filter.query}
          placeholder="汉字, pinyin (jīngjì, jing1ji4, jingji) or English"
          onChange={(e) => set({ query: e.target.value })}
        />
      </label>
      <label>
        <span>Status</span>
        <select
          value={filter.status}
          onChange={(e) => set({ status: e.target.value as VocabularyFilter['status'] })}
        >
          <option value="all">all</option>
          <option value="new">new</option>
          <option value="learning">learning</option>
          <option value="known">known</option>
        </select>
      </label>
      <label>
        <span>Tag</span>
        <select value={filter.tag} onChange={(e) => set({ tag: e.target.value })}>
          <option value="">any</option>
          {facets.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Site</span>
        <select value={filter.site} onChange={(e) => set({ site: e.target.value })}>
          <option value="">any</option>
          {facets.sites.map((site) => (
            <option key={site} value={site}>
              {site}
            </option>
          ))}
        </select>
      </label>
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
