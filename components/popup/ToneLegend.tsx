import { t, type MessageKey } from '../../utils/i18n';
import type { RubyStyle } from '../../utils/settings';
import { TONES, type Tone } from '../../utils/tone-colors';
import { toZhuyin } from '../../utils/zh/zhuyin';

const TONE_NAMES: Readonly<Record<Tone, MessageKey>> = {
  1: 'tone1',
  2: 'tone2',
  3: 'tone3',
  4: 'tone4',
  5: 'tone5',
};

// The classic mā má mǎ mà ma; the other styles are derived from the numbered form.
const MARKED_MA: Readonly<Record<Tone, string>> = { 1: 'mā', 2: 'má', 3: 'mǎ', 4: 'mà', 5: 'ma' };

/** The sample syllable of a tone in the chosen pinyin style. */
export function toneSample(tone: Tone, style: RubyStyle): string {
  if (style === 'mark') return MARKED_MA[tone];
  if (style === 'num') return `ma${tone}`;
  return toZhuyin(`ma${tone}`);
}

/** One coloured sample per tone, named, so the colours can be learnt. */
export function ToneLegend({ style }: { style: RubyStyle }) {
  return (
    <ul className="tone-legend" aria-label={t('toneLegend')}>
      {TONES.map((tone) => (
        <li key={tone}>
          <span className={`tone-sample tone-${tone}`} lang="zh-Latn">
            {toneSample(tone, style)}
          </span>{' '}
          <span className="tone-name">{t(TONE_NAMES[tone])}</span>
        </li>
      ))}
    </ul>
  );
}
