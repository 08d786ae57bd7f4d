import { useRef } from 'react';
import { AboutSection } from '../../components/options/AboutSection';
import { AddSiteForm } from '../../components/options/AddSiteForm';
import { ShortcutNote } from '../../components/options/ShortcutNote';
import { SiteList } from '../../components/options/SiteList';
import { GlossaryLink } from '../../components/popup/GlossaryLink';
import { ReaderSettingsForm } from '../../components/popup/ReaderSettingsForm';
import { SaveError } from '../../components/popup/SaveError';
import { useEnabledSites } from '../../components/popup/use-enabled-sites';
import { useReaderSettings } from '../../components/popup/use-reader-settings';
import { useSaveError } from '../../components/popup/use-save-error';
import { t } from '../../utils/i18n';

/** The options page: the site list, the reading settings (as in the popup), shortcut, about. */
export function App() {
  const [settings, updateSettings] = useReaderSettings();
  const { sites, setEntry } = useEnabledSites();
  // One error line per section, beside the control that failed.
  const [sitesError, trackSitesSave] = useSaveError();
  const [settingsError, trackSettingsSave] = useSaveError();
  const sitesHeading = useRef<HTMLHeadingElement>(null);

  if (settings === undefined || sites === undefined) {
    return <p className="loading">{t('popupLoading')}</p>;
  }
  return (
    <main className="app options">
      <h1>{t('optionsTitle')}</h1>

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading" ref={sitesHeading} tabIndex={-1}>
          {t('optionsSitesHeading')}
        </h2>
        <p className="hint">{t('optionsSitesIntro')}</p>
        <AddSiteForm sites={sites} onAdd={(site) => setEntry(site, true)} />
        <SiteList
          sites={sites}
          onRemove={(site) => trackSitesSave(setEntry(site, false))}
          onEmptied={() => sitesHeading.current?.focus()}
        />
        <SaveError message={sitesError} />
      </section>

      <section aria-labelledby="reading-heading">
        <h2 id="reading-heading">{t('optionsReadingHeading')}</h2>
        <ReaderSettingsForm
          settings={settings}
          onChange={(patch) => trackSettingsSave(updateSettings(patch))}
        />
        <SaveError message={settingsError} />
        <p className="hint">
          <GlossaryLink />
        </p>
      </section>

      <section aria-labelledby="shortcut-heading">
        <h2 id="shortcut-heading">{t('optionsShortcutHeading')}</h2>
        <ShortcutNote />
      </section>

      <AboutSection headingId="about-heading" />
    </main>
  );
}
