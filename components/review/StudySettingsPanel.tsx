import { useState } from 'react';
import { parseSiteLines } from '../../utils/site-list';
import { sanitizeStudySettings, studySettings, type StudySettings } from '../../utils/settings';
import { useStorageItem } from '../popup/use-storage-item';
import { StatusLine } from './StatusLine';
import { useAction } from './use-action';

/** The history switch, sites kept out of the history, and saved-word marks in reading mode. */
export function StudySettingsPanel() {
  const stored = useStorageItem(studySettings);
  if (stored === undefined) return <p className="loading">Loading…</p>;
  return <StudySettingsForm settings={sanitizeStudySettings(stored)} />;
}

function StudySettingsForm({ settings }: { settings: StudySettings }) {
  const [status, run] = useAction();
  const [sites, setSites] = useState(settings.historyExcludedSites.join('\n'));
  const save = (patch: Partial<StudySettings>) =>
    run('Saving…', async () => {
      await studySettings.setValue({ ...settings, ...patch });
      return 'Saved.';
    });

  return (
    <section className="study-settings" aria-label="Settings">
      <label className="inline">
        <input
          type="checkbox"
          checked={settings.recordHistory}
          onChange={(e) => void save({ recordHistory: e.target.checked })}
        />
        Keep a history of the words I look up
      </label>
      <label className="block">
        <span>Never record lookups on these sites (one per line; covers subdomains)</span>
        <textarea
          rows={4}
          value={sites}
          onChange={(e) => setSites(e.target.value)}
          onBlur={() => {
            const { sites: good, bad } = parseSiteLines(sites);
            void run('Saving…', async () => {
              if (bad.length > 0) throw new Error(`Not a site: ${bad.join(', ')}`);
              await studySettings.setValue({
                ...settings,
                historyExcludedSites: good,
              });
              return 'Saved.';
            });
          }}
        />
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={settings.markSavedWords}
          onChange={(e) => void save({ markSavedWords: e.target.checked })}
        />
        In reading mode, hide pinyin over words I marked known and highlight words I am learning
      </label>
      <StatusLine status={status} />
    </section>
  );
}
