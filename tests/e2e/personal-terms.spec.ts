// Personal terms on a real page: a term added through the background is matched like the
// built-in ones, in its own style, with the reader's translation and notes in the popup; one that
// shares a form with a built-in term annotates it (the card shows both) without replacing it.

import { describe, expect, it } from 'vitest';
import {
  FIXTURE_HOST,
  hoverMark,
  popupText,
  sendFromExtensionPage,
  setReaderSite,
  useReaderSuite,
} from './harness.ts';

const TERM = 'span[data-tifa="term"]';

describe('personal terms on the page', () => {
  const suite = useReaderSuite();

  it('matches them in their own style, shows the reader’s translation, annotates built-in terms', async () => {
    const options = await suite.openExtensionPage('review.html');
    for (const term of [
      { simplified: '常务会议', translation: 'executive meeting (mine)', notes: '每周一次' },
      { simplified: '新质生产力', translation: 'my own rendering of NQPF' },
    ]) {
      const reply = (await sendFromExtensionPage(options, {
        type: 'addPersonalTerm',
        payload: term,
      })) as { ok: boolean };
      expect(reply.ok).toBe(true);
    }
    await options.close();

    const { page, before } = await suite.openAndSwitchOn('/simplified-news.html');

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

    await hoverMark(page, `${TERM}[data-tifa-term^="personal:"]`);
    await expect.poll(() => popupText(page)).toContain('executive meeting (mine)');
    expect(await popupText(page)).toContain('每周一次');

    await page.mouse.move(1, 1);
    await hoverMark(
      page,
      `${TERM}[data-tifa-term="new-quality-productive-forces"][data-tifa-personal]`,
    );
    await expect.poll(() => popupText(page)).toContain('my own rendering of NQPF');
    expect((await popupText(page)).toLowerCase()).toContain('new quality productive forces');

    // A term added while the page is open is matched without a reload.
    const review = await suite.openExtensionPage('review.html');
    await sendFromExtensionPage(review, {
      type: 'addPersonalTerm',
      payload: { simplified: '产业转型升级', translation: 'industrial upgrading (mine)' },
    });
    await review.close();
    await expect
      .poll(() => page.locator(`${TERM}[data-tifa-term^="personal:"]`).allTextContents(), {
        timeout: 10_000,
      })
      .toContainEqual(expect.stringContaining('产业转型升级'));

    await setReaderSite(suite.extension, FIXTURE_HOST, false);
    await expect.poll(() => page.evaluate(() => document.body.innerHTML)).toBe(before);
  });
});
