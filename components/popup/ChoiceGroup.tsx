import { useId } from 'react';

export interface Choice<T extends string> {
  value: T;
  label: string;
  /** A short example shown under the label, e.g. "zhōng". */
  sample?: string;
  /** Language of the sample, so screen readers do not read pinyin as English. */
  sampleLang?: string;
}

interface ChoiceGroupProps<T extends string> {
  legend: string;
  value: T;
  choices: readonly Choice<T>[];
  disabled?: boolean;
  onChange: (value: T) => void;
}

/**
 * A row of mutually exclusive choices drawn as segments. Native radio buttons underneath keep
 * arrow-key navigation and the group's name for screen readers.
 */
export function ChoiceGroup<T extends string>({
  legend,
  value,
  choices,
  disabled,
  onChange,
}: ChoiceGroupProps<T>) {
  const name = useId();
  return (
    <fieldset className="choice-group" disabled={disabled}>
      <legend className="row-label">{legend}</legend>
      <div className="segments">
        {choices.map((choice) => (
          <label key={choice.value} className="segment">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={choice.value === value}
              onChange={() => onChange(choice.value)}
            />
            <span className="segment-label">
              {choice.label}
              {choice.sample && (
                <span className="segment-sample" lang={choice.sampleLang}>
                  {choice.sample}
                </span>
              )}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
