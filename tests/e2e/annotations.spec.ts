// Annotations in the real Chromium: select a passage of the simplified fixture, Alt+A, note and
// tags, save; reload and it is anchored and highlighted again; with the page shown in traditional
// script it still anchors; switching the reader off restores body.innerHTML exactly; an
// annotation whose passage is gone is listed as orphaned in the terms panel.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  FIXTURE_HOST,
  selectText,
  sendFromExtensionPage,
  sendToTab,
  setReaderSettings,
  setReaderSite,
  useReaderSuite,
  waitForReaderIdle,
  waitForReaderOn,
} from './harness.ts';

const QUOTE = '因地制宜发展新质生产力';
/** Another passage, for the menu and shortcut test (annotations persist across tests). */
const MENU_QUOTE = '政务数据开放平台接口';

interface WorkerGlobal {
  chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } };
}

/** The highlighted passages (CSS Custom Highlight ranges) as text. */
async function highlighted(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('tifa-annotation');
    return highlight ? [...highlight].map((range) => (range as Range).toString()) : [];
  });
}

/** What the terms panel's annotation list says. */
async function listedAnnotations(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      document.querySelector('tifa-terms')?.shadowRoot?.querySelector('.notes')?.textContent ?? '',
  );
}

describe('annotations', () => {
  const suite = useReaderSuite();

  it('saves a selection with a note, re-anchors it after a reload and in traditional script, restores the page', async () => {
    const { page, before } = await suite.openAndSwitchOn('/simplified-news.html');

    await selectText(page, QUOTE);
    await page.keyboard.press('Alt+KeyA');
    const note = page.getByRole('textbox', { name: 'Note' });
    await note.fill('first mention in this report');
    await page.getByRole('textbox', { name: 'Tags' }).fill('nqpf, local');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => highlighted(page)).toEqual([QUOTE]);
    await expect.poll(() => listedAnnotations(page)).toContain('first mention');

    await page.reload();
    await waitForReaderOn(page);
    await waitForReaderIdle(page);
    await expect.poll(() => highlighted(page), { timeout: 10_000 }).toEqual([QUOTE]);
    expect(await listedAnnotations(page)).not.toContain('Orphaned');

    // The terms panel lists it; clicking it brings the passage into view.
    await page.evaluate(() => {
      document.body.style.paddingBottom = '3000px';
      scrollTo(0, document.body.scrollHeight);
    });
    await page.getByRole('button', { name: /Terms on this page/ }).click();
    await page.getByRole('button', { name: /first mention in this report/ }).click();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const range = [...(CSS.highlights.get('tifa-annotation') ?? [])][0] as Range | undefined;
          const box = range?.getBoundingClientRect();
          return box ? box.top >= 0 && box.bottom <= innerHeight : false;
        }),
      )
      .toBe(true);
    await page.evaluate(() => {
      document.body.style.paddingBottom = '';
    });

    // The page shown in traditional script: the same passage, in its other form.
    await setReaderSettings(suite.extension, { script: 'tw' });
    await expect
      .poll(() => highlighted(page), { timeout: 10_000 })
      .toEqual(['因地制宜發展新質生產力']);

    // Reading mode without pinyin: readings are CSS content, the anchor is the same text.
    await setReaderSettings(suite.extension, { script: 'keep', pinyin: false });
    await expect.poll(() => highlighted(page), { timeout: 10_000 }).toEqual([QUOTE]);

    await setReaderSite(suite.extension, FIXTURE_HOST, false);
    await expect.poll(() => page.evaluate(() => document.body.innerHTML)).toBe(before);
    expect(await highlighted(page)).toEqual([]);
  });

  it('gets the annotate shortcut the manifest suggests (Chromium drops reserved keys silently)', async () => {
    const worker = await suite.extension.serviceWorker();
    const commands = await worker.evaluate(() =>
      (globalThis as unknown as WorkerGlobal).chrome.commands.getAll(),
    );
    expect(commands.find((command) => command.name === 'annotate-selection')?.shortcut).toBe(
      'Alt+Shift+M',
    );
  });

  it('opens the editor on the selection when the background relays the menu item or the shortcut', async () => {
    const { page } = await suite.openAndSwitchOn('/simplified-news.html');
    await page.bringToFront();
    await selectText(page, MENU_QUOTE);
    // The same message the context-menu item and the command send (annotate-command.ts): headless
    // Chromium has no native menu to click, and its accelerators do not reach extension commands.
    const relay = (from: 'menu' | 'shortcut' | 'page') =>
      sendToTab(
        suite.extension,
        page.url(),
        { type: 'openAnnotator', payload: { from } },
        from === 'menu' ? { frameId: 0 } : undefined,
      );
    const note = page.getByRole('textbox', { name: 'Note' });
    const editorQuote = () =>
      page.evaluate(
        () =>
          document
            .querySelector('tifa-annotate')
            ?.shadowRoot?.querySelector('form:not([hidden]) .quote')?.textContent ?? null,
      );
    await relay('menu');
    await expect.poll(editorQuote).toBe(MENU_QUOTE);
    await note.fill('from the context menu');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => highlighted(page)).toContain(MENU_QUOTE);
    expect(await editorQuote()).toBeNull();

    // A malformed relay is ignored; the shortcut's relay opens the editor again.
    await selectText(page, MENU_QUOTE);
    await relay('page').catch(() => undefined);
    expect(await editorQuote()).toBeNull();
    await relay('shortcut');
    await expect.poll(editorQuote).toBe(MENU_QUOTE);
  });

  it('lists an annotation whose passage is gone as orphaned', async () => {
    const url = `${suite.server.origin}/simplified-news.html`;
    const ext = await suite.openExtensionPage('review.html');
    const reply = (await sendFromExtensionPage(ext, {
      type: 'saveAnnotation',
      payload: {
        url,
        title: 'T',
        outlet: FIXTURE_HOST,
        exact: '这段文字已经从页面上删除了',
        prefix: '',
        suffix: '',
        position: 100,
        note: 'a removed passage',
        tags: [],
      },
    })) as { ok: boolean };
    expect(reply.ok).toBe(true);
    await ext.close();

    const { page } = await suite.openAndSwitchOn('/simplified-news.html');
    await expect.poll(() => listedAnnotations(page), { timeout: 10_000 }).toContain('Orphaned');
    expect(await listedAnnotations(page)).toContain('a removed passage');

    // The reader told the background; the review page lists it as orphaned, not lost.
    const review = await suite.openExtensionPage('review.html#annotations');
    const item = review.locator('li.annotation', { hasText: 'a removed passage' });
    await expect.poll(() => item.locator('.orphaned').count(), { timeout: 10_000 }).toBe(1);
    await review.getByLabel('Found on the page').selectOption('orphaned');
    await expect.poll(() => review.locator('li.annotation').count()).toBe(1);
    await review.close();
  });

  it('lists every annotation on the review page: search in either script, filters, edit and delete', async () => {
    const review = await suite.openExtensionPage('review.html#annotations');
    const save = (payload: Record<string, unknown>) =>
      sendFromExtensionPage(review, {
        type: 'saveAnnotation',
        payload: {
          title: '测试报道',
          prefix: '',
          suffix: '',
          position: 0,
          note: '',
          tags: [],
          ...payload,
        },
      });
    await save({
      url: 'https://udn.example/tw.html',
      outlet: 'udn.example',
      exact: '堅持全過程人民民主',
      note: 'review-spec traditional',
      tags: ['review-spec', 'democracy'],
    });
    await save({
      url: 'https://people.example/cn.html',
      outlet: 'people.example',
      exact: '推动高质量发展',
      note: 'review-spec simplified',
      tags: ['review-spec'],
    });
    const items = review.locator('li.annotation', { hasText: 'review-spec' });
    await expect.poll(() => items.count()).toBe(2);

    // A simplified query finds the traditional quote, a traditional one the simplified quote.
    const search = review.getByRole('searchbox');
    await search.fill('全过程');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().textContent()).toContain('堅持全過程人民民主');
    await search.fill('高質量');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().textContent()).toContain('推动高质量发展');
    await search.fill('');
    await review.getByLabel('Tag').selectOption('democracy');
    await expect.poll(() => items.count()).toBe(1);
    await review.getByLabel('Tag').selectOption('');
    await review.getByLabel('Site').selectOption('people.example');
    await expect.poll(() => items.count()).toBe(1);
    // The page link, title and outlet are shown.
    const link = items.first().getByRole('link', { name: '测试报道' });
    expect(await link.getAttribute('href')).toBe('https://people.example/cn.html');
    await review.getByLabel('Site').selectOption('');

    // Edit the note and tags through the background; the list follows the database.
    const simplified = review.locator('li.annotation', { hasText: '推动高质量发展' });
    await simplified.getByRole('button', { name: 'Edit' }).click();
    await simplified.getByLabel('Note').fill('review-spec edited note');
    await simplified.getByLabel('Tags').fill('review-spec, edited');
    await simplified.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => simplified.locator('.note').textContent())
      .toBe('review-spec edited note');
    expect(await simplified.locator('.tag').allTextContents()).toEqual(['review-spec', 'edited']);

    review.once('dialog', (dialog) => void dialog.accept());
    await simplified.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => items.count()).toBe(1);
    await review.close();
  });
});
