import { useEffect, useRef, useState } from 'react';
import { ANKI_CONNECT_URL, pushToAnki } from '../../utils/study/anki-connect';
import { toAnkiTsv, toCsv } from '../../utils/study/export-formats';
import { prepareBackupWorker, restoreBackupFile, writeBackupFile } from './backup-file';
import { downloadFile, downloadText, today } from './download';
import { reviewDatabase } from './review-database';
import { StatusLine } from './StatusLine';
import { useAction } from './use-action';

/** Exports (Anki file, AnkiConnect, CSV, JSON backup) and restoring a backup. Exports read the
 * database here (the backup in a worker); only the import writes, through the background, which
 * merges the checked file in chunks of one transaction each. */
export function ExportImport() {
  const [exportStatus, runExport] = useAction();
  const [ankiStatus, runAnki] = useAction();
  const [importStatus, runImport] = useAction();
  const [importProgress, setImportProgress] = useState<{ done: number; total: number } | null>(
    null,
  );
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => prepareBackupWorker(), []);
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
              const { file, counts } = await writeBackupFile();
              downloadFile(`tifa-backup-${today()}.json`, file);
              const { vocabulary, lookups, reviewLog } = counts;
              return `Backup saved: ${vocabulary} words, ${lookups} lookups, ${reviewLog} reviews.`;
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
        state and all their sentences and tags. The whole file is checked first: a damaged file
        changes nothing. A large file is merged in parts; if that stops half-way, importing the same
        file again completes it without duplicates.
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
            try {
              const summary = await restoreBackupFile(file, (done, total) =>
                setImportProgress({ done, total }),
              );
              return (
                `Restored from ${file.name}: ${summary.wordsAdded} words added, ` +
                `${summary.wordsMerged} merged, ${summary.lookupsAdded} lookups and ` +
                `${summary.reviewsAdded} reviews added.`
              );
            } finally {
              setImportProgress(null);
              if (fileInput.current) fileInput.current.value = '';
            }
          });
        }}
      />
      {importProgress && importProgress.total > 1 && (
        <progress
          value={importProgress.done}
          max={importProgress.total}
          aria-label="Restoring the backup"
        />
      )}
      <StatusLine status={importStatus} />
    </section>
  );
}
