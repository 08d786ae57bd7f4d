import { useState } from 'react';
import { parseSiteLines } from '../../utils/site-list';
import {
  sanitizeTrackerSettings,
  trackerSettings,
  type TrackerSettings,
} from '../../utils/settings';
import { sendToBackground } from '../../utils/send-message';
import {
  sightingsToCsv,
  sightingsToJson,
  toCitationRows,
} from '../../utils/tracker/citation-export';
import { downloadText, today } from './download';
import { reviewDatabase } from './review-database';
import { StatusLine } from './StatusLine';
import { useAction } from './use-action';
import { useStorageItem } from '../popup/use-storage-item';

/** The tracker's switch (off by default), excluded sites, exports for citation, and clearing. */
export function TrackerPanel({
  nameOf,
  sightings,
}: {
  nameOf: (termId: string) => string;
  sightings: number;
}) {
  const stored = useStorageItem(trackerSettings);
  if (stored === undefined) return <p className="loading">Loading…</p>;
  return (
    <TrackerForm settings={sanitizeTrackerSettings(stored)} nameOf={nameOf} sightings={sightings} />
  );
}

function TrackerForm({
  settings,
  nameOf,
  sightings,
}: {
  settings: TrackerSettings;
  nameOf: (termId: string) => string;
  sightings: number;
}) {
  const [status, run] = useAction();
  const [sites, setSites] = useState(settings.excludedSites.join('\n'));
  const [confirming, setConfirming] = useState(false);
  const save = (patch: Partial<TrackerSettings>) =>
    run('Saving…', async () => {
      await trackerSettings.setValue({ ...settings, ...patch });
      return patch.enabled === undefined
        ? 'Saved.'
        : patch.enabled
          ? 'The tracker is on.'
          : 'The tracker is off.';
    });
  const exportAs = (kind: 'csv' | 'json') =>
    run('Preparing the file…', async () => {
      const rows = toCitationRows(await reviewDatabase().sightings.toArray(), nameOf);
      if (kind === 'csv') {
        downloadText(`tifa-terms-${today()}.csv`, sightingsToCsv(rows), 'text/csv;charset=utf-8');
      } else {
        downloadText(`tifa-terms-${today()}.json`, sightingsToJson(rows), 'application/json');
      }
      return `${rows.length.toLocaleString()} sightings saved.`;
    });

  return (
    <section className="tracker-panel" aria-label="Term tracker">
      <label className="inline">
        <input
          type="checkbox"
          checked={settings.enabled}
          onChange={(e) => void save({ enabled: e.target.checked })}
        />
        Record the glossary terms on pages I read with the reader on
      </label>
      <p className="hint">
        Off unless you switch it on. For each page only the terms, how often each occurs, one
        sentence for each, and the page’s address, title, site and date are kept, in this browser.
      </p>
      <details className="tracker-more">
        <summary>Sites, exports and clearing</summary>
        <label className="block">
          <span>Never record these sites (one per line; covers subdomains)</span>
          <textarea
            rows={3}
            value={sites}
            onChange={(e) => setSites(e.target.value)}
            onBlur={() => {
              const { sites: good, bad } = parseSiteLines(sites);
              void run('Saving…', async () => {
                if (bad.length > 0) throw new Error(`Not a site: ${bad.join(', ')}`);
                await trackerSettings.setValue({ ...settings, excludedSites: good });
                return 'Saved.';
              });
            }}
          />
        </label>
        <div className="button-row">
          <button type="button" disabled={sightings === 0} onClick={() => void exportAs('csv')}>
            Export for citation (CSV)
          </button>
          <button type="button" disabled={sightings === 0} onClick={() => void exportAs('json')}>
            Export for citation (JSON)
          </button>
          {confirming ? (
            <>
              <button
                type="button"
                className="danger"
                onClick={() => {
                  setConfirming(false);
                  void run('Clearing…', async () => {
                    const { deleted } = await sendToBackground('clearSightings', {});
                    return `History cleared: ${deleted.toLocaleString()} sightings deleted.`;
                  });
                }}
              >
                Delete {sightings.toLocaleString()} sightings
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Keep them
              </button>
            </>
          ) : (
            <button
              type="button"
              className="danger"
              disabled={sightings === 0}
              onClick={() => setConfirming(true)}
            >
              Clear history…
            </button>
          )}
        </div>
      </details>
      <StatusLine status={status} />
    </section>
  );
}
