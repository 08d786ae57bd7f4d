import { t } from '../../utils/i18n';
import type { ReaderSettings } from '../../utils/settings';
import type { Tone } from '../../utils/tone-colors';
import { toZhuyin } from '../../utils/zh/zhuyin';

interface SampleCharacter {
  simplified: string;
  traditional: string;
  marked: string;
  numbered: string;
  tone: Tone;
}

// 中国政府的: five characters, five different tones, and two that change in traditional script.
const SAMPLE: readonly SampleCharacter[] = [
  { simplified: '中', traditional: '中', marked: 'zhōng', numbered: 'zhong1', tone: 1 },
  { simplified: '国', traditional: '國', marked: 'guó', numbered: 'guo2', tone: 2 },
  { simplified: '政', traditional: '政', marked: 'zhèng', numbered: 'zheng4', tone: 4 },
  { simplified: '府', traditional: '府', marked: 'fǔ', numbered: 'fu3', tone: 3 },
  { simplified: '的', traditional: '的', marked: 'de', numbered: 'de5', tone: 5 },
];

function readingOf(character: SampleCharacter, style: ReaderSettings['rubyStyle']): string {
  if (style === 'mark') return character.marked;
  if (style === 'num') return character.numbered;
  return toZhuyin(character.numbered);
}

/** A short annotated phrase that shows what the current settings do to a page. */
export function RubyPreview({ settings }: { settings: ReaderSettings }) {
  const traditional = settings.script === 'tw' || settings.script === 'hk';
  return (
    <figure className="preview" aria-label={t('settingsPreview')}>
      <p className="preview-text" lang={traditional ? 'zh-Hant' : 'zh-Hans'}>
        {SAMPLE.map((character) => {
          const text = traditional ? character.traditional : character.simplified;
          if (!settings.pinyin) return <span key={character.numbered}>{text}</span>;
          return (
            <ruby key={character.numbered}>
              {text}
              <rt
                className={settings.toneColors ? `tone-${character.tone}` : undefined}
                style={{ fontSize: `${settings.rubySize}%` }}
              >
                {readingOf(character, settings.rubyStyle)}
              </rt>
            </ruby>
          );
        })}
      </p>
    </figure>
  );
}
