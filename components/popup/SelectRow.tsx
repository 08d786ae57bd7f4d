import { useId } from 'react';
import { ChoiceSelect } from '../shared/ChoiceSelect';

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
      <ChoiceSelect id={id} value={value} options={options} onChange={onChange} />
    </div>
  );
}
