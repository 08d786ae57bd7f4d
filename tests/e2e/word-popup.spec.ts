// The word popup in the real Chromium: hover and click triggers, lookups through the background
// (also after its service worker was stopped), keyboard commands, saving into IndexedDB, and
// readability under hostile page CSS.

import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  resetReader,
  sampleArticleAvailable,
  SAMPLE_ARTICLE_PATH,
  setReaderSettings,
  setReaderSite,
  stopServiceWorker,
  useBrowserSuite,
  waitForReaderIdle,
  waitForReaderOn,
} from './harness.ts';

const HOST = '127.0.0.1';

/** What the popup shows ('' when hidden); Playwright's locators pierce the open shadow root. */
async function popupText(page: Page): Promise<string> {
  const dialog = page.getByRole('dialog', { name: 'Dictionary' });
  if (!(await dialog.isVisible())) return '';
  return dialog.innerText();
}

describe('word popup', () => {
  const suite = useBrowserSuite();
  let page: Page | undefined;

  beforeEach(async () => {
    await resetReader(suite.extension);
  });
  afterEach(async () => {
    await page?.close();
    page = undefined;
  });

  async function openWithReader(path: string): Promise<Page> {
    await setReaderSite(suite.extension, HOST, true);
    page = await suite.openFixturePage(path);
    await waitForReaderOn(page);
    await waitForReaderIdle(page);
    return page;
  }

  /** Moves the pointer to the middle of the first drawn word with this text. */
  async function hoverWord(p: Page, word: string): Promise<void> {
    const box = await p
      .locator('ruby[data-tifa="w"]', { hasText: new RegExp(`^${word}$`) })
      .first()
      .boundingBox();
    if (!box) throw new Error(`no drawn word ${word}`);
    await p.mouse.move(box.x + box.width / 2, box.y + box.height * 0.75);
  }

  it('shows the dictionary entry of the word under the pointer, segmented word first', async () => {
    const p = await openWithReader('/simplified-news.html');
    await hoverWord(p, '会议');
    await expect.poll(() => popupText(p)).toContain('huì yì');
    const text = await popupText(p);
    expect(text).toMatch(/meeting|conference/);
  });

  it('closes with Escape and saves with S into the extension’s own IndexedDB', async () => {
    const p = await openWithReader('/simplified-news.html');
    await hoverWord(p, '会议');
    await expect.poll(() => popupText(p)).toContain('huì yì');
    await p.keyboard.press('s');
    await expect.poll(() => popupText(p)).toContain('Saved');
    const saved = await (
      await suite.extension.serviceWorker()
    ).evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('tifa-reader');
          open.onerror = () => reject(new Error('cannot open'));
          open.onsuccess = () => {
            const get = open.result
              .transaction('vocabulary')
              .objectStore('vocabulary')
              .get('dictionary:会议');
            get.onsuccess = () => resolve(get.result);
          };
        }),
    );
    expect(saved).toMatchObject({ word: '会议', pinyin: 'hui4 yi4', timesSaved: 1 });
    expect((saved as { contexts: { url: string; sentence: string }[] }).contexts[0]?.url).toContain(
      '/simplified-news.html',
    );
    // The page's own origin got no database: the content script never opens IndexedDB.
    expect(await p.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
    await p.keyboard.press('Escape');
    await expect.poll(() => popupText(p)).toBe('');
  });

  it('opens on click in click mode, and not on hover', async () => {
    await setReaderSettings(suite.extension, { popupTrigger: 'click' });
    const p = await openWithReader('/simplified-news.html');
    await hoverWord(p, '会议');
    await p.waitForTimeout(300);
    expect(await popupText(p)).toBe('');
    await p.mouse.down();
    await p.mouse.up();
    await expect.poll(() => popupText(p)).toContain('huì yì');
  });

  it('stays readable under hostile page CSS', async () => {
    const p = await openWithReader('/hostile-css.html');
    await hoverWord(p, '食品');
    await expect.poll(() => popupText(p)).toContain('shí pǐn');
    const box = await p.getByRole('dialog', { name: 'Dictionary' }).boundingBox();
    expect(box?.height).toBeGreaterThan(40);
    expect(box?.width).toBeGreaterThan(100);
  });

  it('still answers after the service worker was stopped', async () => {
    const p = await openWithReader('/simplified-news.html');
    await stopServiceWorker(suite.extension);
    await hoverWord(p, '会议');
    await expect.poll(() => popupText(p), { timeout: 10_000 }).toContain('huì yì');
  });

  it.runIf(sampleArticleAvailable())(
    'resolves artefact-laden text to the clean word: 經(jīng)濟 → 经济',
    async () => {
      const p = await openWithReader(SAMPLE_ARTICLE_PATH);
      await hoverWord(p, '經濟');
      await expect.poll(() => popupText(p)).toContain('jīng jì');
      expect(await popupText(p)).toContain('经济');
    },
  );
});
