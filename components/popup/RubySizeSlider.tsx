import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { t } from '../../utils/i18n';
import { RUBY_SIZE_RANGE } from '../../utils/settings';

interface RubySizeSliderProps {
  value: number;
  disabled?: boolean;
  onChange: (value: number) => void;
}

/** Wait this long after the last movement before writing: a drag is dozens of input events. */
const WRITE_DELAY_MS = 120;
const STEP = 5;

/**
 * The pinyin size slider. While it moves, the thumb follows a local draft and the setting is
 * written once the hand rests (or is lifted), so open pages re-style a few times, not per pixel.
 */
export function RubySizeSlider({ value, disabled, onChange }: RubySizeSliderProps) {
  const id = useId();
  const [draft, setDraft] = useState<number | null>(null);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; value: number } | null>(null);
  // The parent passes a new onChange on every render; the delayed write must not depend on it.
  const latestOnChange = useRef(onChange);
  useEffect(() => {
    latestOnChange.current = onChange;
  });

  // A stored value arriving from elsewhere (or our own write coming back) ends the draft,
  // unless a newer position is still waiting to be written.
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    setLastValue(value);
    if (pending.current === null) setDraft(null);
  }

  const flush = useCallback(() => {
    const waiting = pending.current;
    if (!waiting) return;
    clearTimeout(waiting.timer);
    pending.current = null;
    latestOnChange.current(waiting.value);
  }, []);

  // Closing the options page mid-drag still keeps the last position.
  useEffect(() => flush, [flush]);

  const shown = draft ?? value;
  return (
    <div className={disabled ? 'row row-disabled' : 'row'}>
      <label htmlFor={id} className="row-label">
        {t('settingsRubySize')}
      </label>
      <output htmlFor={id} className="slider-value">
        {t('settingsRubySizeValue', String(shown))}
      </output>
      <input
        id={id}
        type="range"
        className="slider"
        min={RUBY_SIZE_RANGE.min}
        max={RUBY_SIZE_RANGE.max}
        step={STEP}
        value={shown}
        disabled={disabled}
        aria-valuetext={t('settingsRubySizeValue', String(shown))}
        onChange={(event) => {
          const next = Number(event.currentTarget.value);
          setDraft(next);
          if (pending.current) clearTimeout(pending.current.timer);
          pending.current = { value: next, timer: setTimeout(flush, WRITE_DELAY_MS) };
        }}
        onPointerUp={flush}
        onKeyUp={flush}
        onBlur={flush}
      />
    </div>
  );
}
