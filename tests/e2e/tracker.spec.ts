// The term tracker on a real page: with the tracker on, the reader reports the simplified
// fixture's terms once annotation goes idle (read back from the service worker's IndexedDB);
// with it off, nothing is recorded.

import type { Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FIXTURE_HOST, useReaderSuite, waitForReaderIdle, waitForReaderOn } from './harness.ts';

interface StoredSighting {
  termId: string;
  url: string;
  outlet: string;
  count: number;
  sentence: string;
}

// What the service worker's global scope offers; the callbacks run inside Chromium.
interface WorkerGlobal {
  chrome: { storage: { local: { set(items: object): Promise<void> } } };
  indexedDB: IDBFactory;
}

/** Every sightings row, read straight from the background's database. */
async function readSightings(worker: Worker): Promise<StoredSighting[]> {
  return worker.evaluate(
    () =>
      new Promise<StoredSighting[]>((resolve, reject) => {
        const open = (globalThis as unknown as WorkerGlobal).indexedDB.open('tifa-reader');
        open.onerror = () => reject(new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('sightings')) {
            db.close();
            resolve([]);
            return;
          }
          const request = db.transaction('sightings').objectStore('sightings').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as StoredSighting[]);
          };
          request.onerror = () => reject(new Error('read failed'));
        };
      }),
  );
}

async function setTracker(worker: Worker, enabled: boolean): Promise<void> {
  await worker.evaluate(
    (on) =>
      (globalThis as unknown as WorkerGlobal).chrome.storage.local.set({
        trackerSettings: { enabled: on, excludedSites: [] },
      }),
    enabled,
  );
}

describe('term tracker on the page', () => {
  const suite = useReaderSuite();

  it('with the tracker off, a visit records nothing', async () => {
    const worker = await suite.extension.serviceWorker();
    await setTracker(worker, false);
    const page = await suite.openWithReader('/simplified-news.html');
    // Longer than the reader's report delay.
    await page.waitForTimeout(2500);
    const rows = await readSightings(worker);
    expect(rows.filter((r) => r.url.includes('/simplified-news.html'))).toEqual([]);
  });

  it('with the tracker on, a visit records the page’s terms with counts and one sentence', async () => {
    const worker = await suite.extension.serviceWorker();
    await setTracker(worker, true);
    const page = await suite.openWithReader('/simplified-news.html#section');
    await expect
      .poll(
        async () =>
          (await readSightings(worker)).filter((r) => r.url.endsWith('/simplified-news.html'))
            .length,
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0);
    const rows = (await readSightings(worker)).filter((r) =>
      r.url.endsWith('/simplified-news.html'),
    );
    const nqpf = rows.find((r) => r.termId === 'new-quality-productive-forces');
    expect(nqpf?.count).toBeGreaterThanOrEqual(2);
    expect(nqpf?.sentence).toContain('新质生产力');
    expect(nqpf?.outlet).toBe(FIXTURE_HOST);
    // The fragment never reaches the database.
    for (const row of rows) expect(row.url).not.toContain('#');
    // A reload replaces the page's rows rather than adding to them.
    await page.reload();
    await waitForReaderOn(page);
    await waitForReaderIdle(page);
    await page.waitForTimeout(2500);
    const again = (await readSightings(worker)).filter((r) =>
      r.url.endsWith('/simplified-news.html'),
    );
    expect(again.length).toBe(rows.length);
  });
});
