import { GlossaryLink } from '../../components/popup/GlossaryLink';
import { OptionsLink } from '../../components/popup/OptionsLink';
import { ReaderSettingsForm } from '../../components/popup/ReaderSettingsForm';
import { ReviewLink } from '../../components/popup/ReviewLink';
import { SaveError } from '../../components/popup/SaveError';
import { SiteSwitch } from '../../components/popup/SiteSwitch';
import { UnavailableNotice } from '../../components/popup/UnavailableNotice';
import { useEnabledSites } from '../../components/popup/use-enabled-sites';
import { useReaderSettings } from '../../components/popup/use-reader-settings';
import { useSaveError } from '../../components/popup/use-save-error';
import { useTabSite } from '../../components/popup/use-tab-site';
import { DictionarySearch } from '../../components/shared/DictionarySearch';
import { t } from '../../utils/i18n';

/** The toolbar popup: the reader for this site, then the reading settings. */
export function App({ tabId }: { tabId: number | null }) {
  const [settings, updateSettings] = useReaderSettings();
  const { sites, setSiteEnabled } = useEnabledSites();
  const site = useTabSite(tabId);
  const [saveError, trackSave] = useSaveError();

  if (settings === undefined || sites === undefined || site === undefined) {
    return <p className="loading">{t('popupLoading')}</p>;
  }
  return (
    <main className="app popup">
      <header className="popup-header">
        <h1>{t('extName')}</h1>
        {site && <p className="site-name">{site}</p>}
      </header>
      <DictionarySearch />
      {site ? (
        <SiteSwitch
          site={site}
          sites={sites}
          onChange={(enabled) => trackSave(setSiteEnabled(site, enabled))}
        />
      ) : (
        <UnavailableNotice />
      )}
      <ReaderSettingsForm
        settings={settings}
        onChange={(patch) => trackSave(updateSettings(patch))}
      />
      <SaveError message={saveError} />
      <footer className="popup-footer">
        <OptionsLink />
        <ReviewLink />
        <GlossaryLink closeWindow />
      </footer>
    </main>
  );
}
