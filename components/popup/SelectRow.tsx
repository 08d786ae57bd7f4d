import { useId } from 'react';

interface SelectRowProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}

/** A labelled drop-down, for choices with labels too long for segments. */
export function SelectRow<T extends string>({
  label,
  value,
  options,
  onChange,
}: SelectRowProps<T>) {
  const id = useId();
  return (
    <div className="row">
      <label htmlFor={id} className="row-label">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          // The value is always one of `options`: the select offers nothing else.
          const chosen = options.find((option) => option.value === event.currentTarget.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
