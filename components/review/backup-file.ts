/**
 * The review page's side of the JSON backup: writing the file (in a worker) and restoring one
 * (read and checked whole here, then merged by the background chunk by chunk).
 */
import {
  parseBackup,
  splitBackup,
  writeBackupParts,
  type BackupCounts,
} from '../../utils/db/backup';
import { BACKUP_LIMITS } from '../../utils/limits';
import type { ResponseMap } from '../../utils/messaging';
import { sendToBackground } from '../../utils/send-message';
import type { BackupWorkerReply } from './backup-worker';
import { reviewDatabase } from './review-database';

/** A worker started ahead of a click (it opens the database at once), and whether it failed to
 * load; see `prepareBackupWorker`. */
let prepared: { worker: Worker; failed: boolean } | null = null;

function startWorker(): { worker: Worker; failed: boolean } | null {
  try {
    const started = {
      worker: new Worker(new URL('./backup-worker.ts', import.meta.url), { type: 'module' }),
      failed: false,
    };
    started.worker.onerror = (event) => {
      event.preventDefault();
      started.failed = true;
    };
    return started;
  } catch {
    return null;
  }
}

/**
 * Starts the backup worker while the export buttons are on screen, so that a click finds the
 * database already open in it (opening it cold costs a tenth of a second or more). Returns the
 * function that stops it.
 */
export function prepareBackupWorker(): () => void {
  prepared ??= startWorker();
  return () => {
    prepared?.worker.terminate();
    prepared = null;
  };
}

/** The backup file of the whole database and the rows it holds. */
export async function writeBackupFile(
  now = Date.now(),
): Promise<{ file: Blob; counts: BackupCounts }> {
  const started = prepared ?? startWorker();
  prepared = null;
  // Without a worker (a browser without module workers in extension pages) the page writes the
  // file itself, which only costs responsiveness.
  if (!started || started.failed) return writeOnPage(now);
  const { worker } = started;
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<BackupWorkerReply>) => {
      worker.terminate();
      const reply = event.data;
      if (reply.ok) resolve({ file: reply.file, counts: reply.counts });
      else reject(new Error(`Could not write the backup: ${reply.error}`));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      writeOnPage(now).then(resolve, reject);
    };
    worker.postMessage({ now });
  });
}

async function writeOnPage(now: number): Promise<{ file: Blob; counts: BackupCounts }> {
  const { parts, counts } = await writeBackupParts(reviewDatabase(), now);
  return { file: new Blob(parts, { type: 'application/json' }), counts };
}

export type ImportSummary = ResponseMap['importBackupRows'];

/** Characters of JSON per chunk sent: a quarter of the message limit leaves room for escaping. */
const CHUNK_CHARS = BACKUP_LIMITS.chunkChars / 4;

/**
 * Restores a backup file: reads and checks all of it first (a damaged, cut-short or foreign file
 * throws BackupError and nothing is sent), then sends its rows to the background in chunks, each
 * merged in one transaction. If a chunk fails, the chunks before it stay merged; merging is
 * idempotent, so importing the same file again completes the import without duplicates.
 */
export async function restoreBackupFile(
  file: File,
  onProgress: (done: number, total: number) => void,
): Promise<ImportSummary> {
  if (file.size > BACKUP_LIMITS.fileBytes) {
    throw new Error(
      `${file.name} is too large to import (${formatMB(file.size)}; the limit is ${formatMB(BACKUP_LIMITS.fileBytes)}).`,
    );
  }
  const backup = parseBackup(await file.text());
  const chunks = splitBackup(backup.tables, CHUNK_CHARS);
  const summary: ImportSummary = {
    wordsAdded: 0,
    wordsMerged: 0,
    lookupsAdded: 0,
    reviewsAdded: 0,
  };
  onProgress(0, chunks.length);
  for (const [index, chunk] of chunks.entries()) {
    let part: ImportSummary;
    try {
      part = await sendToBackground('importBackupRows', chunk);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(
        index === 0
          ? message
          : `${message} ${index} of ${chunks.length} parts were merged before this; import the same file again to complete it (nothing is duplicated).`,
        { cause: error },
      );
    }
    summary.wordsAdded += part.wordsAdded;
    summary.wordsMerged += part.wordsMerged;
    summary.lookupsAdded += part.lookupsAdded;
    summary.reviewsAdded += part.reviewsAdded;
    onProgress(index + 1, chunks.length);
  }
  return summary;
}

function formatMB(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}
