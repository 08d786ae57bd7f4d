// Saved lookups end to end in the real Chromium: words saved from the word popup on a fixture
// page appear on the review page with their sentences and history, a flashcard answered with the
// keyboard moves its due date, the toolbar badge counts due cards, and a JSON backup exported
// here restores everything in a fresh profile. The web page's own origin never gets a database.

import { readFile } from 'node:fs/promises';
import type { Page, Worker } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  setReaderSite,
  useBrowserSuite,
  waitForReaderIdle,
  waitForReaderOn,
  type ExtensionHandle,
} from './harness.ts';

const HOST = '127.0.0.1';
const WORDS = ['会议', '统筹'] as const;

// Code passed to worker.evaluate runs in the service worker, where Node's types know no `chrome`.
interface WorkerGlobal {
  chrome: { action: { getBadgeText(details: object): Promise<string> } };
}
interface WorkerStorage {
  chrome: { storage: { local: { set(items: object): Promise<void> } } };
}

/** A vocabulary row as the service worker reads it from IndexedDB. */
async function readWord(worker: Worker, key: string): Promise<Record<string, unknown> | undefined> {
  return worker.evaluate(
    (k) =>
      new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
        const open = indexedDB.open('tifa-reader');
        open.onerror = () => reject(new Error('cannot open'));
        open.onsuccess = () => {
          const get = open.result.transaction('vocabulary').objectStore('vocabulary').get(k);
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result as Record<string, unknown> | undefined);
          };
        };
      }),
    key,
  );
}

async function popupText(page: Page): Promise<string> {
  const dialog = page.getByRole('dialog', { name: 'Dictionary' });
  if (!(await dialog.isVisible())) return '';
  return dialog.innerText();
}

/** Points at the first drawn word with this text, waits for its popup, and saves it with S. */
async function saveFromPopup(page: Page, word: string): Promise<void> {
  const box = await page
    .locator('ruby[data-tifa="w"]', { hasText: new RegExp(`^${word}$`) })
    .first()
    .boundingBox();
  if (!box) throw new Error(`no drawn word ${word}`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.75);
  await expect.poll(() => popupText(page)).toContain(word);
  // Stay long enough for the lookup to count as one (the history ignores passing pointers).
  await page.waitForTimeout(800);
  await page.keyboard.press('s');
  await expect.poll(() => popupText(page)).toContain('Saved');
  // Close it: an open popup could cover the next word.
  await page.keyboard.press('Escape');
  await expect.poll(() => popupText(page)).toBe('');
}

function reviewUrl(extension: ExtensionHandle, tab: string): string {
  return `chrome-extension://${extension.extensionId}/review.html#${tab}`;
}

describe('review page', () => {
  const suite = useBrowserSuite();
  let fresh: ExtensionHandle | undefined;
  let backupPath = '';
  afterAll(async () => {
    await fresh?.close();
  });

  it('lists words saved from the popup with their sentences and history, never in the page origin', async () => {
    await setReaderSite(suite.extension, HOST, true);
    const page = await suite.openFixturePage('/simplified-news.html');
    await waitForReaderOn(page);
    await waitForReaderIdle(page);
    for (const word of WORDS) await saveFromPopup(page, word);
    // The page's own origin got no database: the content script never opens IndexedDB.
    expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
    await page.close();

    const review = await suite.extension.context.newPage();
    await review.goto(reviewUrl(suite.extension, 'words'));
    await expect.poll(() => review.locator('table.words tbody tr.word-row').count()).toBe(2);
    for (const word of WORDS) {
      await expect.poll(() => review.locator('td.hanzi', { hasText: word }).count()).toBe(1);
    }
    // Details: the sentence it was met in, linked to its page, and the lookup in the history.
    await review.getByRole('button', { name: 'Details of 会议' }).click();
    const details = review.locator('.word-details');
    await expect.poll(() => details.locator('.contexts li').count()).toBe(1);
    const context = await details.locator('.contexts li').innerText();
    expect(context).toContain('会议');
    const link = details.locator('.contexts a.page-title');
    expect(await link.getAttribute('href')).toContain('/simplified-news.html');
    await expect.poll(() => details.locator('.word-history li').count()).toBe(1);

    // Search by toneless pinyin narrows the table.
    await review.getByRole('searchbox').fill('huiyi');
    await expect.poll(() => review.locator('tr.word-row').count()).toBe(1);

    // The history tab lists both lookups, already in the vocabulary.
    await review.goto(reviewUrl(suite.extension, 'history'));
    await expect.poll(() => review.locator('table.lookups tbody tr').count()).toBe(2);
    expect(await review.getByRole('button', { name: 'In vocabulary' }).count()).toBe(2);
    await review.close();
  });

  it('reviews a card with the keyboard, moving its due date and the badge', async () => {
    const worker = await suite.extension.serviceWorker();
    const badge = () =>
      worker.evaluate(() => (globalThis as unknown as WorkerGlobal).chrome.action.getBadgeText({}));
    await expect.poll(badge).toBe('2');
    const review = await suite.extension.context.newPage();
    await review.goto(reviewUrl(suite.extension, 'cards'));
    const card = review.locator('article.card');
    await expect.poll(() => card.count()).toBe(1);
    const key = (await card.getAttribute('data-card')) ?? '';
    const before = await readWord(worker, key);
    await review.keyboard.press('Space');
    await expect.poll(() => review.locator('.card-pinyin').count()).toBe(1);
    await review.keyboard.press('3');
    await expect
      .poll(() => review.getByRole('status').first().innerText())
      .toMatch(/next review in/);
    const after = await readWord(worker, key);
    const dueBefore = (before?.card as { due: number }).due;
    const dueAfter = (after?.card as { due: number; reps: number }).due;
    expect(dueAfter).toBeGreaterThan(Date.now());
    expect(dueAfter).toBeGreaterThan(dueBefore);
    expect((after?.card as { reps: number }).reps).toBe(1);
    expect(after?.status).toBe('learning');
    await expect.poll(badge).toBe('1');
    await review.close();
  });

  it('hides pinyin over known words and highlights learning ones in reading mode', async () => {
    const worker = await suite.extension.serviceWorker();
    await worker.evaluate(() =>
      (globalThis as unknown as WorkerStorage).chrome.storage.local.set({
        studySettings: { recordHistory: true, historyExcludedSites: [], markSavedWords: true },
      }),
    );
    const review = await suite.extension.context.newPage();
    await review.goto(reviewUrl(suite.extension, 'words'));
    await review.getByRole('button', { name: 'Details of 会议' }).click();
    await review.getByLabel('Status').last().selectOption('known');
    await expect.poll(() => review.getByRole('status').first().innerText()).toBe('Saved.');
    await review.close();

    const page = await suite.openFixturePage('/simplified-news.html');
    await waitForReaderOn(page);
    await waitForReaderIdle(page);
    const known = page.locator('ruby[data-tifa="w"]', { hasText: /^会议$/ }).first();
    const learning = page.locator('ruby[data-tifa="w"]', { hasText: /^统筹$/ }).first();
    await expect.poll(() => known.getAttribute('data-tifa-study')).toBe('known');
    expect(await learning.getAttribute('data-tifa-study')).toBe('learning');
    expect(
      await known
        .locator('rt')
        .first()
        .evaluate((rt) => getComputedStyle(rt).display),
    ).toBe('none');
    expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
    await page.close();
  });

  it('exports a JSON backup', async () => {
    const review = await suite.extension.context.newPage();
    await review.goto(reviewUrl(suite.extension, 'data'));
    const [download] = await Promise.all([
      review.waitForEvent('download'),
      review.getByRole('button', { name: 'Full backup (.json)' }).click(),
    ]);
    backupPath = (await download.path()) ?? '';
    const backup = JSON.parse(await readFile(backupPath, 'utf8')) as {
      format: string;
      formatVersion: number;
      tables: { vocabulary: { word: string }[]; lookups: unknown[]; reviewLog: unknown[] };
    };
    expect(backup.format).toBe('tifa-reader-backup');
    expect(backup.formatVersion).toBe(1);
    expect(backup.tables.vocabulary.map((w) => w.word).sort()).toEqual([...WORDS].sort());
    expect(backup.tables.lookups).toHaveLength(2);
    expect(backup.tables.reviewLog).toHaveLength(1);
    await review.close();
  });

  it('restores the backup into a fresh profile, and refuses a damaged file', async () => {
    expect(backupPath).not.toBe('');
    fresh = await launchWithExtension();
    const review = await fresh.context.newPage();
    await review.goto(reviewUrl(fresh, 'data'));
    const input = review.getByLabel('Backup file');
    await input.setInputFiles({
      name: 'cut.json',
      mimeType: 'application/json',
      buffer: (await readFile(backupPath)).subarray(0, 200),
    });
    await expect.poll(() => review.getByRole('alert').innerText()).toMatch(/cut short/);
    await input.setInputFiles(backupPath);
    await expect
      .poll(() => review.getByRole('status').last().innerText())
      .toMatch(/2 words added, 0 merged, 2 lookups and 1 reviews added/);
    await review.goto(reviewUrl(fresh, 'words'));
    await expect.poll(() => review.locator('tr.word-row').count()).toBe(2);
    const worker = await fresh.serviceWorker();
    const restored = await readWord(worker, 'dictionary:会议');
    expect(restored?.contexts).toHaveLength(1);
    await review.close();
  });

  it('restores a backup too large for one message in parts, and again without duplicates', async () => {
    if (!fresh) throw new Error('the previous test did not open the fresh profile');
    // The exported backup with 5,000 more history rows: about 2.5 million characters, three
    // parts of history for the background.
    const backup = JSON.parse(await readFile(backupPath, 'utf8')) as {
      tables: { lookups: Record<string, unknown>[] };
    };
    const [first] = backup.tables.lookups;
    for (let i = 0; i < 5000; i++) {
      backup.tables.lookups.push({
        ...first,
        id: 100 + i,
        time: i,
        title: `标题${i}`.padEnd(400, '长'),
      });
    }
    const review = await fresh.context.newPage();
    await review.goto(reviewUrl(fresh, 'data'));
    const input = review.getByLabel('Backup file');
    const file = {
      name: 'big.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(backup)),
    };
    await input.setInputFiles(file);
    await expect
      .poll(() => review.getByRole('status').last().innerText(), { timeout: 60_000 })
      .toMatch(/0 words added, 2 merged, 5000 lookups and 0 reviews added/);
    await input.setInputFiles(file);
    await expect
      .poll(() => review.getByRole('status').last().innerText(), { timeout: 60_000 })
      .toMatch(/0 words added, 2 merged, 0 lookups and 0 reviews added/);
    const worker = await fresh.serviceWorker();
    const lookups = await worker.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('tifa-reader');
          open.onerror = () => reject(new Error('cannot open'));
          open.onsuccess = () => {
            const count = open.result.transaction('lookups').objectStore('lookups').count();
            count.onsuccess = () => {
              open.result.close();
              resolve(count.result);
            };
          };
        }),
    );
    expect(lookups).toBe(5002);
    await review.close();
  });
});
