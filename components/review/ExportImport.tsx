import { useRef } from 'react';
import { readBackup } from '../../utils/db/backup';
import { MAX_BACKUP_CHARS } from '../../utils/limits';
import { sendToBackground } from '../../utils/send-message';
import { ANKI_CONNECT_URL, pushToAnki } from '../../utils/study/anki-connect';
import { toAnkiTsv, toCsv } from '../../utils/study/export-formats';
import { downloadText, today } from './download';
import { reviewDatabase } from './review-database';
import { StatusLine } from './StatusLine';
import { useAction } from './use-action';

/** Exports (Anki file, AnkiConnect, CSV, JSON backup) and restoring a backup. Exports read the
 * database here; only the import writes, through the background, in one transaction. */
export function ExportImport() {
  const [exportStatus, runExport] = useAction();
  const [ankiStatus, runAnki] = useAction();
  const [importStatus, runImport] = useAction();
  const fileInput = useRef<HTMLInputElement>(null);
  // Oldest first, so a deck imported into Anki follows the order the words were met in.
  const words = async () =>
    (await reviewDatabase().vocabulary.toArray()).sort((a, b) => a.firstSeen - b.firstSeen);

  return (
    <section className="data" aria-label="Export and import">
      <h2>Export</h2>
      <div className="button-row">
        <button
          type="button"
          onClick={() =>
            void runExport('Preparing the Anki file…', async () => {
              const rows = await words();
              downloadText(`tifa-anki-${today()}.txt`, toAnkiTsv(rows), 'text/plain;charset=utf-8');
              return `Anki file with ${rows.length} notes saved. In Anki: File → Import.`;
            })
          }
        >
          Anki file (.txt)
        </button>
        <button
          type="button"
          onClick={() =>
            void runExport('Preparing the CSV file…', async () => {
              const rows = await words();
              downloadText(`tifa-vocabulary-${today()}.csv`, toCsv(rows), 'text/csv;charset=utf-8');
              return `CSV with ${rows.length} words saved.`;
            })
          }
        >
          CSV for spreadsheets
        </button>
        <button
          type="button"
          onClick={() =>
            void runExport('Preparing the backup…', async () => {
              const backup = await readBackup(reviewDatabase());
              downloadText(
                `tifa-backup-${today()}.json`,
                JSON.stringify(backup),
                'application/json',
              );
              const { vocabulary, lookups, reviewLog } = backup.tables;
              return `Backup saved: ${vocabulary.length} words, ${lookups.length} lookups, ${reviewLog.length} reviews.`;
            })
          }
        >
          Full backup (.json)
        </button>
      </div>
      <StatusLine status={exportStatus} />

      <h2>Send to Anki</h2>
      <p>
        Adds every word as a Basic note to the deck “Tifa Reader” through the AnkiConnect add-on,
        which listens on {ANKI_CONNECT_URL} while Anki is open. Notes Anki already has are skipped.
      </p>
      <button
        type="button"
        onClick={() =>
          void runAnki('Sending to Anki…', async () => {
            const result = await pushToAnki(await words());
            return `Anki added ${result.added} notes${result.duplicates ? `; ${result.duplicates} were already there` : ''}.`;
          })
        }
      >
        Send to Anki
      </button>
      <StatusLine status={ankiStatus} />

      <h2>Restore a backup</h2>
      <p>
        Merges a backup into what is here: nothing here is lost, words in both keep the later review
        state and all their sentences and tags. A damaged file changes nothing.
      </p>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        aria-label="Backup file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (!file) return;
          void runImport(`Reading ${file.name}…`, async () => {
            const text = await file.text();
            if (text.length > MAX_BACKUP_CHARS) {
              throw new Error(
                `${file.name} is too large to import in one piece (${(text.length / 2 ** 20).toFixed(1)} M characters; the limit is ${MAX_BACKUP_CHARS / 2 ** 20} M).`,
              );
            }
            const summary = await sendToBackground('importBackup', { text });
            if (fileInput.current) fileInput.current.value = '';
            return (
              `Restored from ${file.name}: ${summary.wordsAdded} words added, ` +
              `${summary.wordsMerged} merged, ${summary.lookupsAdded} lookups and ` +
              `${summary.reviewsAdded} reviews added.`
            );
          });
        }}
      />
      <StatusLine status={importStatus} />
    </section>
  );
}
