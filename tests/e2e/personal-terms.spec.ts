// Personal terms on a real page: a term added through the background is matched like the
// built-in ones, in its own style, with the reader's translation and notes in the popup; one that
// shares a form with a built-in term annotates it (the card shows both) without replacing it.

import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  resetReader,
  setReaderSite,
  useBrowserSuite,
  waitForReaderIdle,
  waitForReaderOn,
} from './harness.ts';

const HOST = '127.0.0.1';
const TERM = 'span[data-tifa="term"]';

interface ExtensionGlobal {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

async function popupText(page: Page): Promise<string> {
  const dialog = page.getByRole('dialog', { name: 'Dictionary' });
  if (!(await dialog.isVisible())) return '';
  return dialog.innerText();
}

async function hover(page: Page, selector: string): Promise<void> {
  const mark = page.locator(selector).first();
  await mark.scrollIntoViewIfNeeded();
  const target = (await mark.locator('ruby').count()) > 0 ? mark.locator('ruby').first() : mark;
  const box = await target.boundingBox();
  if (!box) throw new Error('no mark');
  await page.mouse.move(box.x + Math.min(box.width / 2, 20), box.y + box.height * 0.75);
}

describe('personal terms on the page', () => {
  const suite = useBrowserSuite();
  let page: Page | undefined;

  beforeEach(async () => {
    await resetReader(suite.extension);
  });
  afterEach(async () => {
    await page?.close();
    page = undefined;
  });

  it('matches them in their own style, shows the reader’s translation, annotates built-in terms', async () => {
    const options = await suite.extension.context.newPage();
    await options.goto(`chrome-extension://${suite.extension.extensionId}/review.html`);
    for (const term of [
      { simplified: '常务会议', translation: 'executive meeting (mine)', notes: '每周一次' },
      { simplified: '新质生产力', translation: 'my own rendering of NQPF' },
    ]) {
      const reply = (await options.evaluate(
        (payload) =>
          (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({
            type: 'addPersonalTerm',
            payload,
          }),
        term,
      )) as { ok: boolean };
      expect(reply.ok).toBe(true);
    }
    await options.close();

    page = await suite.openFixturePage('/simplified-news.html');
    const before = await page.evaluate(() => document.body.innerHTML);
    await setReaderSite(suite.extension, HOST, true);
    await waitForReaderOn(page);
    await waitForReaderIdle(page);

    const own = page.locator(`${TERM}[data-tifa-term^="personal:"]`);
    await expect.poll(() => own.count()).toBeGreaterThan(0);
    expect(await own.first().textContent()).toContain('常务会议');
    // Its own colour: teal, not the glossary's amber.
    const colour = await own.first().evaluate((el) => getComputedStyle(el).borderBottomColor);
    expect(colour).toBe('rgb(13, 148, 136)');

    // The built-in term keeps its id and mark; the personal one is attached to it.
    const annotated = page.locator(
      `${TERM}[data-tifa-term="new-quality-productive-forces"][data-tifa-personal]`,
    );
    expect(await annotated.count()).toBeGreaterThan(0);

    await hover(page, `${TERM}[data-tifa-term^="personal:"]`);
    await expect.poll(() => popupText(page as Page)).toContain('executive meeting (mine)');
    expect(await popupText(page)).toContain('每周一次');

    await page.mouse.move(1, 1);
    await hover(
      page,
      `${TERM}[data-tifa-term="new-quality-productive-forces"][data-tifa-personal]`,
    );
    await expect.poll(() => popupText(page as Page)).toContain('my own rendering of NQPF');
    expect((await popupText(page)).toLowerCase()).toContain('new quality productive forces');

    // A term added while the page is open is matched without a reload.
    const review = await suite.extension.context.newPage();
    await review.goto(`chrome-extension://${suite.extension.extensionId}/review.html`);
    await review.evaluate(
      (payload) =>
        (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({
          type: 'addPersonalTerm',
          payload,
        }),
      { simplified: '产业转型升级', translation: 'industrial upgrading (mine)' },
    );
    await review.close();
    await expect
      .poll(
        () => (page as Page).locator(`${TERM}[data-tifa-term^="personal:"]`).allTextContents(),
        {
          timeout: 10_000,
        },
      )
      .toContainEqual(expect.stringContaining('产业转型升级'));

    await setReaderSite(suite.extension, HOST, false);
    await expect.poll(() => (page as Page).evaluate(() => document.body.innerHTML)).toBe(before);
  });
});
