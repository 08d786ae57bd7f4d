// The controls the review page's filter bars and edit forms share: the search box, a drop-down
// of the values found in the data (tags, sites) with "any" first, and the status choices (for
// ChoiceSelect, components/shared/ChoiceSelect.tsx).

interface SearchFieldProps {
  value: string;
  placeholder: string;
  onChange: (query: string) => void;
}

/** The "Search" box of a filter bar. */
export function SearchField({ value, placeholder, onChange }: SearchFieldProps) {
  return (
    <label className="search-field">
      <span>Search</span>
      <input
        type="search"
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

interface FacetSelectProps {
  label: string;
  /** '' for any. */
  value: string;
  values: readonly string[];
  onChange: (value: string) => void;
}

/** A labelled drop-down of the values the rows carry (tags, sites), "any" ('') first. */
export function FacetSelect({ label, value, values, onChange }: FacetSelectProps) {
  return (
    <label>
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">any</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The options for a vocabulary row's status, in learning order. */
export const STATUS_OPTIONS = [
  { value: 'new', label: 'new' },
  { value: 'learning', label: 'learning' },
  { value: 'known', label: 'known' },
] as const;
