/**
 * Writes the JSON backup in a dedicated worker, so reading 100,000 history rows (IndexedDB turns
 * each into an object on the reading thread) and building the file never block the review page,
 * and run beside the page's own reads on a second core. Extension pages and their workers share
 * the extension's origin, so the worker reads the database directly; it never writes.
 */
import { writeBackupParts, type BackupCounts } from '../../utils/db/backup';
import { TifaDatabase } from '../../utils/db/schema';

/** What the worker answers: the file (a Blob travels by reference) or the error's message. */
export type BackupWorkerReply =
  { ok: true; file: Blob; counts: BackupCounts } | { ok: false; error: string };

// The project compiles against the DOM library; a dedicated worker's scope has these two members.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ now: number }>) => void) | null;
  postMessage(message: BackupWorkerReply): void;
};

// Opened as soon as the worker starts (the page starts it before the click): see
// prepareBackupWorker. Dexie closes it by itself if the background upgrades the schema.
const db = new TifaDatabase();
db.open().catch(() => {
  // Reported by the export that needs it.
});

scope.onmessage = (event) => {
  void reply(event.data.now);
};

async function reply(now: number): Promise<void> {
  try {
    const { parts, counts } = await writeBackupParts(db, now);
    scope.postMessage({ ok: true, file: new Blob(parts, { type: 'application/json' }), counts });
  } catch (error) {
    scope.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
}
