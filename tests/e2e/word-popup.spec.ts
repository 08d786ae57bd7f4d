// The word popup in the real Chromium: hover and click triggers, lookups through the background
// (also after its service worker was stopped), keyboard commands, saving into IndexedDB, and
// readability under hostile page CSS.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  popupText,
  recordMessages,
  readStoredRow,
  sampleArticleAvailable,
  SAMPLE_ARTICLE_PATH,
  setReaderSettings,
  stopServiceWorker,
  useReaderSuite,
  waitForReaderIdle,
} from './harness.ts';

import { LOOKUP_CACHE_ENTRIES } from '../../entrypoints/reader.content/popup/lookup-cache';

/** The reader's in-page lookup cache as it last reported it (numbers only), or null. */
async function cacheSize(page: Page): Promise<{ entries: number; chars: number } | null> {
  return page.evaluate(() => {
    const mark = performance.getEntriesByName('tifa:popup-cache').at(-1) as
      PerformanceMark | undefined;
    return (mark?.detail as { entries: number; chars: number } | undefined) ?? null;
  });
}

/** Until the reader has prefetched lookups for the paragraphs on screen. */
async function waitForPrefetch(page: Page): Promise<void> {
  await expect.poll(async () => (await cacheSize(page))?.entries ?? 0).toBeGreaterThan(0);
}

describe('word popup', () => {
  const suite = useReaderSuite();

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
    const p = await suite.openWithReader('/simplified-news.html');
    await hoverWord(p, '会议');
    await expect.poll(() => popupText(p)).toContain('huì yì');
    const text = await popupText(p);
    expect(text).toMatch(/meeting|conference/);
  });

  it('closes with Escape and saves with S into the extension’s own IndexedDB', async () => {
    const p = await suite.openWithReader('/simplified-news.html');
    await hoverWord(p, '会议');
    await expect.poll(() => popupText(p)).toContain('huì yì');
    await p.keyboard.press('s');
    await expect.poll(() => popupText(p)).toContain('Saved');
    const saved = await readStoredRow(suite.extension, 'vocabulary', 'dictionary:会议');
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
    const p = await suite.openWithReader('/simplified-news.html');
    await hoverWord(p, '会议');
    await p.waitForTimeout(300);
    expect(await popupText(p)).toBe('');
    await p.mouse.down();
    await p.mouse.up();
    await expect.poll(() => popupText(p)).toContain('huì yì');
  });

  it('places the popup inside the viewport without covering the word, near every edge', async () => {
    const p = await suite.openWithReader('/simplified-news.html');
    await waitForPrefetch(p);
    const words = p.locator('ruby[data-tifa="w"]');
    const viewport = p.viewportSize();
    if (!viewport) throw new Error('no viewport');
    // A word near the top, and the same word scrolled to the bottom and to the right edge.
    for (const place of ['top', 'bottom', 'right'] as const) {
      const word = words.nth(place === 'top' ? 0 : 12);
      await word.evaluate((element, where) => {
        if (where === 'right') (element as HTMLElement).style.marginLeft = '0';
        element.scrollIntoView({ block: where === 'bottom' ? 'end' : 'start' });
        if (where === 'right') window.scrollBy(0, -20);
      }, place);
      if (place === 'right') {
        // Moves the word to the viewport's right edge (the page is restored by the next load).
        await word.evaluate((element) => {
          const box = element.getBoundingClientRect();
          (element as HTMLElement).style.position = 'relative';
          (element as HTMLElement).style.left = `${innerWidth - box.right - 24}px`;
        });
      }
      // The page's scroll event comes with the next frame, and it closes any popup (with a
      // lookup still on its way): the pointer moves once the page has scrolled, as a reader's
      // would, not in the same frame.
      await p.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
      );
      const box = await word.boundingBox();
      if (!box) throw new Error('no word box');
      await p.mouse.move(box.x + box.width / 2, box.y + box.height * 0.75);
      const dialog = p.getByRole('dialog', { name: 'Dictionary' });
      // A word the prefetch has not reached (the page was scrolled) waits for its lookup.
      await expect
        .poll(() => dialog.isVisible(), { timeout: 5000, message: `popup of the word (${place})` })
        .toBe(true);
      const popup = await dialog.boundingBox();
      if (!popup) throw new Error('no popup box');
      expect(popup.x).toBeGreaterThanOrEqual(0);
      expect(popup.y).toBeGreaterThanOrEqual(0);
      expect(popup.x + popup.width).toBeLessThanOrEqual(viewport.width);
      expect(popup.y + popup.height).toBeLessThanOrEqual(viewport.height);
      const overlaps =
        popup.x < box.x + box.width &&
        box.x < popup.x + popup.width &&
        popup.y < box.y + box.height &&
        box.y < popup.y + popup.height;
      expect(overlaps, `popup over the word (${place})`).toBe(false);
      await p.mouse.move(1, 1);
      await expect.poll(() => popupText(p)).toBe('');
    }
  });

  it('shows one popup at a time while the pointer crosses words, in the page’s theme', async () => {
    const p = await suite.openWithReader('/simplified-news.html');
    await waitForPrefetch(p);
    // Dark page: the popup follows the background behind the word.
    await p.evaluate(() => {
      document.body.style.background = '#111';
      document.body.style.color = '#eee';
    });
    for (const [word, reading] of [
      ['会议', 'huì yì'],
      ['召开', 'zhào kāi'],
      ['会议', 'huì yì'],
    ] as const) {
      await hoverWord(p, word);
      await expect.poll(() => popupText(p)).toContain(reading);
    }
    const panels = await p.evaluate(() => {
      const root = document.querySelector('tifa-popup')?.shadowRoot;
      return [...(root?.querySelectorAll('.popup') ?? [])].map((panel) => ({
        dialog: panel.getAttribute('role') === 'dialog',
        shown:
          getComputedStyle(panel).display !== 'none' &&
          getComputedStyle(panel).visibility === 'visible',
        dark: panel.classList.contains('dark'),
      }));
    });
    // The shown panel is the dialog; the spare one is out of the layout and out of sight.
    expect(panels.filter((panel) => panel.shown)).toEqual([
      { dialog: true, shown: true, dark: true },
    ]);
    expect(panels.filter((panel) => panel.dialog)).toHaveLength(1);
    // No Chinese voice in this Chromium: the speak button is hidden, the others are there.
    const dialog = p.getByRole('dialog', { name: 'Dictionary' });
    await expect.poll(() => dialog.getByRole('button', { name: /Save/ }).isVisible()).toBe(true);
    expect(await dialog.getByRole('button', { name: /Speak/ }).isVisible()).toBe(false);
  });

  it('steps to the next and previous word with N and B', async () => {
    const p = await suite.openWithReader('/simplified-news.html');
    await hoverWord(p, '召开');
    await expect.poll(() => popupText(p)).toContain('zhào kāi');
    const next = await p
      .locator('ruby[data-tifa="w"]', { hasText: /^召开$/ })
      .first()
      .evaluate((word) => {
        const words = [...document.querySelectorAll('ruby[data-tifa="w"]')];
        return words[words.indexOf(word) + 1]?.textContent ?? '';
      });
    await p.keyboard.press('n');
    await expect.poll(async () => (await popupText(p)).includes('zhào kāi')).toBe(false);
    expect(await popupText(p)).toContain(next.slice(0, 1));
    await p.keyboard.press('b');
    await expect.poll(() => popupText(p)).toContain('zhào kāi');
  });

  it('stays readable under hostile page CSS', async () => {
    const p = await suite.openWithReader('/hostile-css.html');
    await hoverWord(p, '食品');
    await expect.poll(() => popupText(p)).toContain('shí pǐn');
    const box = await p.getByRole('dialog', { name: 'Dictionary' }).boundingBox();
    expect(box?.height).toBeGreaterThan(40);
    expect(box?.width).toBeGreaterThan(100);
  });

  it('still answers after the service worker was stopped', async () => {
    const p = await suite.openWithReader('/simplified-news.html');
    await waitForPrefetch(p);
    await stopServiceWorker(suite.extension);
    // A word on screen was prefetched; a paragraph added now was not: its words need the worker.
    await p.evaluate(() => {
      const paragraph = document.createElement('p');
      paragraph.textContent = '科学家今天访问了北京。';
      document.body.prepend(paragraph);
    });
    await hoverWord(p, '访问');
    await expect.poll(() => popupText(p), { timeout: 10_000 }).toContain('fǎng wèn');
  });

  it('after prefetching the paragraphs on screen, hovers show popups without a lookup message', async () => {
    const p = await suite.openWithReader('/simplified-news.html');
    await waitForPrefetch(p);
    // Another listener beside the background's: it sees every message and answers none.
    const seen = await recordMessages(await suite.extension.serviceWorker());
    for (const [word, reading] of [
      ['会议', 'huì yì'],
      ['召开', 'zhào kāi'],
    ] as const) {
      await hoverWord(p, word);
      await expect.poll(() => popupText(p)).toContain(reading);
    }
    expect(await seen()).not.toContain('lookupWord');
    // The listener does see the reader's messages: new text on screen is prefetched in a batch.
    await p.evaluate(() => {
      const paragraph = document.createElement('p');
      paragraph.textContent = '科学家今天访问了北京。';
      document.body.prepend(paragraph);
    });
    await expect.poll(seen).toContain('lookupWordBatch');
    await hoverWord(p, '访问');
    await expect.poll(() => popupText(p)).toContain('fǎng wèn');
  });

  it('keeps its in-page cache bounded while the reader scrolls through a long page', async () => {
    const p = await suite.openWithReader('/simplified-news.html');
    await waitForPrefetch(p);
    // Paragraphs of common words in shuffled orders: nearly every word start is a new lookup
    // (the text after it differs), far more of them than the cache keeps.
    await p.evaluate(() => {
      const words =
        '经济 发展 政府 人民 社会 国家 政策 市场 城市 改革 开放 建设 企业 技术 创新 文化 教育 科学 环境 安全 合作 世界 历史 制度 法律 农村 工业 服务 交通 能源'.split(
          ' ',
        );
      let seed = 7;
      const next = () => (seed = (seed * 48271) % 2147483647);
      for (let i = 0; i < 40; i++) {
        const paragraph = document.createElement('p');
        paragraph.textContent =
          Array.from({ length: 60 }, () => words[next() % words.length]).join('') + '。';
        document.body.append(paragraph);
      }
    });
    await waitForReaderIdle(p);
    const height = await p.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y < height; y += 400) {
      await p.evaluate((top) => window.scrollTo(0, top), y);
      await waitForReaderIdle(p);
      // Long enough for the reader's prefetch after scrolling (100 ms) to be queued.
      await p.waitForTimeout(300);
    }
    // More word starts than the cache keeps: it fills up and stops there.
    await expect
      .poll(async () => (await cacheSize(p))?.entries, { timeout: 20_000 })
      .toBe(LOOKUP_CACHE_ENTRIES);
    expect((await cacheSize(p))?.chars).toBeGreaterThan(0);
  });

  it.runIf(sampleArticleAvailable())(
    'resolves artefact-laden text to the clean word: 經(jīng)濟 → 经济',
    async () => {
      const p = await suite.openWithReader(SAMPLE_ARTICLE_PATH);
      await hoverWord(p, '經濟');
      await expect.poll(() => popupText(p)).toContain('jīng jì');
      expect(await popupText(p)).toContain('经济');
    },
  );
});
