// A drop-down over a fixed set of choices, for the extension's React pages.

interface ChoiceSelectProps<T extends string> {
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  /** For a `<label htmlFor>` beside the select. */
  id?: string;
  /** For a select without a label (a table cell). */
  'aria-label'?: string;
}

/** A drop-down over a fixed set of choices; `onChange` gets the chosen value, typed. */
export function ChoiceSelect<T extends string>({
  value,
  options,
  onChange,
  id,
  'aria-label': ariaLabel,
}: ChoiceSelectProps<T>) {
  return (
    <select
      id={id}
      aria-label={ariaLabel}
      value={value}
      onChange={(e) => {
        // The value is always one of `options`: the select offers nothing else.
        const chosen = options.find((option) => option.value === e.target.value);
        if (chosen) onChange(chosen.value);
      }}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
