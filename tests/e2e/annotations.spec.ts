// Annotations in the real Chromium: select a passage of the simplified fixture, Alt+A, note and
// tags, save; reload and it is anchored and highlighted again; with the page shown in traditional
// script it still anchors; switching the reader off restores body.innerHTML exactly; an
// annotation whose passage is gone is listed as orphaned in the terms panel.

import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  resetReader,
  setReaderSettings,
  setReaderSite,
  useBrowserSuite,
  waitForReaderIdle,
  waitForReaderOn,
} from './harness.ts';

const HOST = '127.0.0.1';
const QUOTE = '因地制宜发展新质生产力';
/** Another passage, for the menu and shortcut test (annotations persist across tests). */
const MENU_QUOTE = '政务数据开放平台接口';

interface ExtensionGlobal {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
    tabs: {
      query(q: { url?: string }): Promise<{ id?: number }[]>;
      sendMessage(id: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
    };
  };
}

/** Selects the first occurrence of `quote` in the body's text (across the reader's ruby). */
async function selectText(page: Page, quote: string): Promise<void> {
  await page.evaluate((q) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const nodes: { node: Text; start: number }[] = [];
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement?.tagName;
      if (parent === 'SCRIPT' || parent === 'STYLE') continue;
      nodes.push({ node: n as Text, start: text.length });
      text += (n as Text).data;
    }
    const at = text.indexOf(q);
    if (at < 0) throw new Error('quote not on the page');
    const find = (offset: number, end: boolean) => {
      const hit = [...nodes].reverse().find((e) => (end ? e.start < offset : e.start <= offset));
      if (!hit) throw new Error('no node');
      return { node: hit.node, offset: offset - hit.start };
    };
    const from = find(at, false);
    const to = find(at + q.length, true);
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }, quote);
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
  const suite = useBrowserSuite();
  let page: Page | undefined;

  beforeEach(async () => {
    await resetReader(suite.extension);
  });
  afterEach(async () => {
    await page?.close();
    page = undefined;
  });

  it('saves a selection with a note, re-anchors it after a reload and in traditional script, restores the page', async () => {
    page = await suite.openFixturePage('/simplified-news.html');
    const before = await page.evaluate(() => document.body.innerHTML);
    await setReaderSite(suite.extension, HOST, true);
    await waitForReaderOn(page);
    await waitForReaderIdle(page);

    await selectText(page, QUOTE);
    await page.keyboard.press('Alt+KeyA');
    const note = page.getByRole('textbox', { name: 'Note' });
    await note.fill('first mention in this report');
    await page.getByRole('textbox', { name: 'Tags' }).fill('nqpf, local');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => highlighted(page as Page)).toEqual([QUOTE]);
    await expect.poll(() => listedAnnotations(page as Page)).toContain('first mention');

    await page.reload();
    await waitForReaderOn(page);
    await waitForReaderIdle(page);
    await expect.poll(() => highlighted(page as Page), { timeout: 10_000 }).toEqual([QUOTE]);
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
        (page as Page).evaluate(() => {
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
      .poll(() => highlighted(page as Page), { timeout: 10_000 })
      .toEqual(['因地制宜發展新質生產力']);

    // Reading mode without pinyin: readings are CSS content, the anchor is the same text.
    await setReaderSettings(suite.extension, { script: 'keep', pinyin: false });
    await expect.poll(() => highlighted(page as Page), { timeout: 10_000 }).toEqual([QUOTE]);

    await setReaderSite(suite.extension, HOST, false);
    await expect.poll(() => (page as Page).evaluate(() => document.body.innerHTML)).toBe(before);
    expect(await highlighted(page)).toEqual([]);
  });

  it('gets the annotate shortcut the manifest suggests (Chromium drops reserved keys silently)', async () => {
    const worker = await suite.extension.serviceWorker();
    const commands = await worker.evaluate(() =>
      (globalThis as unknown as ExtensionGlobal).chrome.commands.getAll(),
    );
    expect(commands.find((command) => command.name === 'annotate-selection')?.shortcut).toBe(
      'Alt+Shift+M',
    );
  });

  it('opens the editor on the selection when the background relays the menu item or the shortcut', async () => {
    page = await suite.openFixturePage('/simplified-news.html');
    await setReaderSite(suite.extension, HOST, true);
    await waitForReaderOn(page);
    await waitForReaderIdle(page);
    await page.bringToFront();
    await selectText(page, MENU_QUOTE);
    // The same message the context-menu item and the command send (annotate-command.ts): headless
    // Chromium has no native menu to click, and its accelerators do not reach extension commands.
    const url = page.url();
    const worker = await suite.extension.serviceWorker();
    const relay = (from: 'menu' | 'shortcut') =>
      worker.evaluate(
        async ({ url, from }) => {
          const { chrome } = globalThis as unknown as ExtensionGlobal;
          const [tab] = await chrome.tabs.query({ url });
          if (tab?.id === undefined) throw new Error('no tab');
          await chrome.tabs.sendMessage(
            tab.id,
            { type: 'openAnnotator', payload: { from } },
            from === 'menu' ? { frameId: 0 } : undefined,
          );
        },
        { url, from },
      );
    const note = page.getByRole('textbox', { name: 'Note' });
    const editorQuote = () =>
      (page as Page).evaluate(
        () =>
          document
            .querySelector('tifa-annotate')
            ?.shadowRoot?.querySelector('form:not([hidden]) .quote')?.textContent ?? null,
      );
    await relay('menu');
    await expect.poll(editorQuote).toBe(MENU_QUOTE);
    await note.fill('from the context menu');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => highlighted(page as Page)).toContain(MENU_QUOTE);
    expect(await editorQuote()).toBeNull();

    // A malformed relay is ignored; the shortcut's relay opens the editor again.
    await selectText(page, MENU_QUOTE);
    await worker.evaluate(async (url) => {
      const { chrome } = globalThis as unknown as ExtensionGlobal;
      const [tab] = await chrome.tabs.query({ url });
      await chrome.tabs
        .sendMessage(tab?.id ?? -1, { type: 'openAnnotator', payload: { from: 'page' } })
        .catch(() => undefined);
    }, url);
    expect(await editorQuote()).toBeNull();
    await relay('shortcut');
    await expect.poll(editorQuote).toBe(MENU_QUOTE);
  });

  it('lists an annotation whose passage is gone as orphaned', async () => {
    const url = `${suite.server.origin}/simplified-news.html`;
    const ext = await suite.extension.context.newPage();
    await ext.goto(`chrome-extension://${suite.extension.extensionId}/review.html`);
    const reply = (await ext.evaluate(
      (payload) =>
        (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({
          type: 'saveAnnotation',
          payload,
        }),
      {
        url,
        title: 'T',
        outlet: HOST,
        exact: '这段文字已经从页面上删除了',
        prefix: '',
        suffix: '',
        position: 100,
        note: 'a removed passage',
        tags: [],
      },
    )) as { ok: boolean };
    expect(reply.ok).toBe(true);
    await ext.close();

    page = await suite.openFixturePage('/simplified-news.html');
    await setReaderSite(suite.extension, HOST, true);
    await waitForReaderOn(page);
    await waitForReaderIdle(page);
    await expect
      .poll(() => listedAnnotations(page as Page), { timeout: 10_000 })
      .toContain('Orphaned');
    expect(await listedAnnotations(page)).toContain('a removed passage');

    // The reader told the background; the review page lists it as orphaned, not lost.
    const review = await suite.extension.context.newPage();
    await review.goto(`chrome-extension://${suite.extension.extensionId}/review.html#annotations`);
    const item = review.locator('li.annotation', { hasText: 'a removed passage' });
    await expect.poll(() => item.locator('.orphaned').count(), { timeout: 10_000 }).toBe(1);
    await review.getByLabel('Found on the page').selectOption('orphaned');
    await expect.poll(() => review.locator('li.annotation').count()).toBe(1);
    await review.close();
  });

  it('lists every annotation on the review page: search in either script, filters, edit and delete', async () => {
    const review = await suite.extension.context.newPage();
    await review.goto(`chrome-extension://${suite.extension.extensionId}/review.html#annotations`);
    const save = (payload: Record<string, unknown>) =>
      review.evaluate(
        (p) =>
          (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({
            type: 'saveAnnotation',
            payload: p,
          }),
        {
          title: '测试报道',
          prefix: '',
          suffix: '',
          position: 0,
          note: '',
          tags: [],
          ...payload,
        },
      );
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
