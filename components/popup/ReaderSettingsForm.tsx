import { t } from '../../utils/i18n';
import type { DisplayScript, PopupTrigger, ReaderSettings, RubyStyle } from '../../utils/settings';
import { ChoiceGroup, type Choice } from './ChoiceGroup';
import { RubyPreview } from './RubyPreview';
import { RubySizeSlider } from './RubySizeSlider';
import { SelectRow } from './SelectRow';
import { ToggleRow } from './ToggleRow';
import { ToneLegend } from './ToneLegend';

interface ReaderSettingsFormProps {
  settings: ReaderSettings;
  onChange: (patch: Partial<ReaderSettings>) => void;
}

function rubyStyleChoices(): Choice<RubyStyle>[] {
  return [
    { value: 'mark', label: t('rubyStyleMark'), sample: 'zhōng', sampleLang: 'zh-Latn' },
    { value: 'num', label: t('rubyStyleNum'), sample: 'zhong1', sampleLang: 'zh-Latn' },
    { value: 'zhuyin', label: t('rubyStyleZhuyin'), sample: 'ㄓㄨㄥ', sampleLang: 'zh-Bopo' },
  ];
}

function scriptOptions(): { value: DisplayScript; label: string }[] {
  return [
    { value: 'keep', label: t('scriptKeep') },
    { value: 'cn', label: t('scriptCn') },
    { value: 'tw', label: t('scriptTw') },
    { value: 'hk', label: t('scriptHk') },
  ];
}

function popupTriggerOptions(): { value: PopupTrigger; label: string }[] {
  return [
    { value: 'hover', label: t('popupTriggerHover') },
    { value: 'hover-shift', label: t('popupTriggerHoverShift') },
    { value: 'hover-alt', label: t('popupTriggerHoverAlt') },
    { value: 'click', label: t('popupTriggerClick') },
    { value: 'off', label: t('popupTriggerOff') },
  ];
}

/**
 * Every reader setting, as the popup and the options page both show them. Options that only
 * shape the pinyin are disabled while pinyin is off, but keep their values.
 */
export function ReaderSettingsForm({ settings, onChange }: ReaderSettingsFormProps) {
  const noPinyin = !settings.pinyin;
  return (
    <div className="settings-form">
      <ToggleRow
        label={t('settingsPinyin')}
        checked={settings.pinyin}
        onChange={(pinyin) => onChange({ pinyin })}
      />
      <ChoiceGroup
        legend={t('settingsRubyStyle')}
        value={settings.rubyStyle}
        choices={rubyStyleChoices()}
        disabled={noPinyin}
        onChange={(rubyStyle) => onChange({ rubyStyle })}
      />
      <ToggleRow
        label={t('settingsToneColors')}
        checked={settings.toneColors}
        disabled={noPinyin}
        onChange={(toneColors) => onChange({ toneColors })}
      />
      {settings.toneColors && settings.pinyin && <ToneLegend style={settings.rubyStyle} />}
      <RubySizeSlider
        value={settings.rubySize}
        disabled={noPinyin}
        onChange={(rubySize) => onChange({ rubySize })}
      />
      <SelectRow
        label={t('settingsScript')}
        value={settings.script}
        options={scriptOptions()}
        onChange={(script) => onChange({ script })}
      />
      <ToggleRow
        label={t('settingsRemoveArtifacts')}
        hint={t('settingsRemoveArtifactsHint')}
        checked={settings.removeArtifacts}
        onChange={(removeArtifacts) => onChange({ removeArtifacts })}
      />
      <SelectRow
        label={t('settingsPopupTrigger')}
        value={settings.popupTrigger}
        options={popupTriggerOptions()}
        onChange={(popupTrigger) => onChange({ popupTrigger })}
      />
      <ToggleRow
        label={t('settingsGlossary')}
        hint={t('settingsGlossaryHint')}
        checked={settings.glossary}
        onChange={(glossary) => onChange({ glossary })}
      />
      <RubyPreview settings={settings} />
    </div>
  );
}
