// The political-term glossary in the real Chromium: term marks on the sample article and on a
// simplified page, the glossary card in the word popup, the "Terms on this page" panel (counts,
// scrolling, flashing, the T key), exact restoration, the switch, and the glossary page's search.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  FIXTURE_HOST,
  hoverMark,
  popupText,
  readStoredRow,
  sampleArticleAvailable,
  SAMPLE_ARTICLE_PATH,
  setReaderSettings,
  setReaderSite,
  useReaderSuite,
} from './harness.ts';

const NQPF = 'new-quality-productive-forces';
const TERM = (id: string) => `span[data-tifa="term"][data-tifa-term="${id}"]`;

/** Points at the middle of the first character row of a term's first mark. */
async function hoverTerm(page: Page, id: string): Promise<void> {
  await hoverMark(page, TERM(id));
}

describe('political-term glossary', () => {
  const suite = useReaderSuite();

  it.runIf(sampleArticleAvailable())(
    'marks the terms of the sample article, artefact form included, in their own style',
    async () => {
      const { page } = await suite.openAndSwitchOn(SAMPLE_ARTICLE_PATH);
      const fyp = page.locator(TERM('fifteenth-five-year-plan'));
      expect(await fyp.count()).toBeGreaterThanOrEqual(2);
      expect(await fyp.first().textContent()).toBe('十五五');
      // 新質(zhì)生產(chǎn)力 in the source: one mark, artefacts hidden, one ruby word inside.
      const nqpf = page.locator(TERM(NQPF));
      expect(await nqpf.count()).toBe(1);
      expect(await nqpf.textContent()).toBe('新質生產力');
      expect(await nqpf.locator('ruby[data-tifa="w"]').count()).toBe(1);
      for (const id of ['business-environment', 'urban-renewal', 'work-safety', 'debt-resolution'])
        expect(await page.locator(TERM(id)).count(), id).toBeGreaterThan(0);
      // Dotted underline, unlike dictionary words (which have no border at all).
      const look = await page.evaluate((selector) => {
        const mark = document.querySelector(selector);
        const word = document.querySelector('ruby[data-tifa="w"]');
        if (!mark || !word) return null;
        return {
          mark: getComputedStyle(mark).borderBottomStyle,
          word: getComputedStyle(word).borderBottomStyle,
        };
      }, TERM(NQPF));
      expect(look).toEqual({ mark: 'dotted', word: 'none' });
    },
  );

  it.runIf(sampleArticleAvailable())(
    'shows the glossary card above the dictionary senses; related terms open in the popup',
    async () => {
      const { page } = await suite.openAndSwitchOn(SAMPLE_ARTICLE_PATH);
      await hoverTerm(page, NQPF);
      await expect.poll(() => popupText(page)).toContain('new quality productive forces');
      const card = page.getByRole('region', { name: 'Glossary term' });
      const text = await card.innerText();
      expect(text).toContain('新质生产力');
      expect(text).toContain('新質生產力');
      expect(text).toMatch(/xīn ?zhì shēngchǎnlì/);
      expect(text).toMatch(/Xinhua|China Daily|People's Daily|Qiushi/);
      expect(text).toMatch(/First use: .*\((certain|likely|uncertain)\)/);
      expect(text).toMatch(/Last checked \d{4}-\d{2}-\d{2}/);
      // The card comes first, then the dictionary.
      const order = await page.getByRole('dialog', { name: 'Dictionary' }).evaluate((dialog) => {
        const sections = [...dialog.querySelectorAll('section')];
        return sections.map((s) => s.className);
      });
      expect(order[0]).toBe('term');
      // Source links open in a new tab without access to the page.
      for (const link of await card.locator('a').all()) {
        expect(await link.getAttribute('target')).toBe('_blank');
        expect(await link.getAttribute('rel')).toContain('noopener');
      }
      // A related term replaces the card in place.
      const related = card.locator('.related button').first();
      const name = (await related.textContent()) ?? '';
      expect(name).not.toBe('');
      await related.click();
      await expect
        .poll(() =>
          page
            .getByRole('region', { name: 'Glossary term' })
            .locator('.hanzi')
            .first()
            .textContent(),
        )
        .toBe(name);
    },
  );

  it.runIf(sampleArticleAvailable())(
    'explains a numbered term from its numbers: 二十屆歷次全會',
    async () => {
      const { page } = await suite.openAndSwitchOn(SAMPLE_ARTICLE_PATH);
      expect(await page.locator(TERM('pattern:plenums:20')).textContent()).toBe('二十屆歷次全會');
      await hoverTerm(page, 'pattern:plenums:20');
      await expect.poll(() => popupText(page)).toMatch(/explained from its numbers/i);
      expect(await popupText(page)).toContain('20th Central Committee');
    },
  );

  it.runIf(sampleArticleAvailable())(
    'lists the page’s terms with counts; a click scrolls to each occurrence in turn and flashes it',
    async () => {
      const { page, before } = await suite.openAndSwitchOn(SAMPLE_ARTICLE_PATH);
      const toggle = page.getByRole('button', { name: /^Terms on this page/ });
      await expect.poll(() => toggle.isVisible()).toBe(true);
      await toggle.click();
      const panel = page.getByRole('dialog', { name: 'Terms on this page' });
      await expect.poll(() => panel.isVisible()).toBe(true);
      const rows = panel.locator('li button');
      expect(await rows.count()).toBeGreaterThan(30);
      // Most frequent first; the counts match the marks on the page.
      const counts = await rows.locator('.count').allTextContents();
      const numbers = counts.map(Number);
      expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
      const fypRow = panel.locator('li button[data-term-id="fifteenth-five-year-plan"]');
      const marks = await page.locator(TERM('fifteenth-five-year-plan')).count();
      expect(await fypRow.locator('.count').textContent()).toBe(String(marks));
      expect(await fypRow.locator('.hanzi').textContent()).toBe('十五五');

      // A term far down the article: the page scrolls to it and flashes it.
      const lastId = await page.evaluate(() => {
        const all = [...document.querySelectorAll('span[data-tifa="term"]')];
        const idOf = (m: Element) => m.getAttribute('data-tifa-term') ?? '';
        // Terms that occur once: their one occurrence is the one scrolled to. The lowest of them.
        const once = all.filter((m) => all.filter((o) => idOf(o) === idOf(m)).length === 1);
        const top = (m: Element) => m.getBoundingClientRect().top;
        const lowest = once.reduce((a, b) => (top(b) > top(a) ? b : a));
        return idOf(lowest);
      });
      expect(lastId).not.toBe('');
      expect(await page.evaluate(() => scrollY)).toBe(0);
      await panel.locator(`li button[data-term-id="${lastId}"]`).click();
      await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(100);
      const flashed = page.locator(`${TERM(lastId)}[data-tifa-flash]`);
      await expect.poll(() => flashed.count()).toBe(1);
      await expect
        .poll(() =>
          flashed.evaluate((mark) => {
            const box = mark.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= innerHeight;
          }),
        )
        .toBe(true);
      // The flash goes away by itself.
      await expect.poll(() => page.locator('[data-tifa-flash]').count(), { timeout: 5000 }).toBe(0);

      // Each click moves on to the next occurrence (十五五 occurs more than once).
      await fypRow.click();
      const first = page.locator(`${TERM('fifteenth-five-year-plan')}[data-tifa-flash]`);
      await expect.poll(() => first.count()).toBe(1);
      const firstIndex = await page.evaluate(() =>
        [...document.querySelectorAll('[data-tifa-term="fifteenth-five-year-plan"]')].findIndex(
          (m) => m.hasAttribute('data-tifa-flash'),
        ),
      );
      await fypRow.click();
      await expect
        .poll(() =>
          page.evaluate(() =>
            [...document.querySelectorAll('[data-tifa-term="fifteenth-five-year-plan"]')].findIndex(
              (m) => m.hasAttribute('data-tifa-flash'),
            ),
          ),
        )
        .toBe(firstIndex + 1);
      expect(await fypRow.locator('.count').textContent()).toBe(`2 / ${marks}`);

      // T closes and opens the panel (outside form fields).
      await page.mouse.move(1, 1);
      await page.locator('body').press('t');
      await expect.poll(() => panel.isVisible()).toBe(false);
      await page.locator('body').press('t');
      await expect.poll(() => panel.isVisible()).toBe(true);

      // Switching off leaves the page exactly as it was, panel and marks gone.
      await setReaderSite(suite.extension, FIXTURE_HOST, false);
      await page.waitForSelector('html:not([data-tifa-reader])', { state: 'attached' });
      expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
      expect(await page.locator('tifa-terms').count()).toBe(0);
    },
  );

  it('marks terms on a simplified page and shows their card', async () => {
    const { page } = await suite.openAndSwitchOn('/simplified-news.html');
    // The h1 says 新质生产力发展, a listed variant of the term.
    expect(await page.locator(`h1 ${TERM(NQPF)}`).textContent()).toContain('新质生产力');
    await hoverTerm(page, NQPF);
    await expect.poll(() => popupText(page)).toContain('new quality productive forces');
    expect(await popupText(page)).toMatch(/political term/i);
  });

  it('updates the terms panel as new content arrives', async () => {
    const { page, before } = await suite.openAndSwitchOn('/simplified-news.html');
    await page.locator('body').press('t');
    const panel = page.getByRole('dialog', { name: 'Terms on this page' });
    await expect.poll(() => panel.isVisible()).toBe(true);
    const row = panel.locator('li button[data-term-id="community-with-shared-future"]');
    expect(await row.count()).toBe(0);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late';
      p.textContent = '推动构建人类命运共同体，人类命运共同体理念深入人心。';
      document.querySelector('article')?.append(p);
    });
    await expect.poll(() => row.locator('.count').textContent()).toBe('2');
    // Restoring leaves the page's own late paragraph as the page wrote it.
    await setReaderSite(suite.extension, FIXTURE_HOST, false);
    await page.waitForSelector('html:not([data-tifa-reader])', { state: 'attached' });
    expect(await page.locator('#late').evaluate((p) => p.innerHTML)).toBe(
      '推动构建人类命运共同体，人类命运共同体理念深入人心。',
    );
    expect(before).not.toContain('id="late"');
  });

  it('saves a term as a glossary item of the vocabulary', async () => {
    const { page } = await suite.openAndSwitchOn('/simplified-news.html');
    await hoverTerm(page, NQPF);
    await expect.poll(() => popupText(page)).toContain('new quality productive forces');
    await page.keyboard.press('s');
    await expect.poll(() => popupText(page)).toContain('Saved');
    const saved = await readStoredRow(suite.extension, 'vocabulary', 'glossary:新质生产力');
    expect(saved).toMatchObject({
      word: '新质生产力',
      kind: 'glossary',
      traditional: '新質生產力',
    });
  });

  it('keeps the term underline under hostile page CSS (`span { all: unset }`)', async () => {
    const { page } = await suite.openAndSwitchOn('/hostile-css.html');
    const look = await page.locator(TERM('business-environment')).evaluate((mark) => {
      const style = getComputedStyle(mark);
      return { style: style.borderBottomStyle, width: style.borderBottomWidth };
    });
    expect(look).toEqual({ style: 'dotted', width: '2px' });
  });

  it('marks terms with pinyin off (text-only marks) and restores the page exactly', async () => {
    await setReaderSettings(suite.extension, { pinyin: false });
    const { page, before } = await suite.openAndSwitchOn('/simplified-news.html');
    const mark = page.locator(`h1 ${TERM(NQPF)}`);
    expect(await mark.textContent()).toContain('新质生产力');
    expect(await mark.locator('ruby').count()).toBe(0);
    await hoverTerm(page, NQPF);
    await expect.poll(() => popupText(page)).toContain('new quality productive forces');
    await setReaderSite(suite.extension, FIXTURE_HOST, false);
    await page.waitForSelector('html:not([data-tifa-reader])', { state: 'attached' });
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
  });

  it('marks no terms and shows no panel button when the glossary switch is off', async () => {
    await setReaderSettings(suite.extension, { glossary: false });
    const { page } = await suite.openAndSwitchOn('/simplified-news.html');
    expect(await page.locator('ruby[data-tifa="w"]').count()).toBeGreaterThan(10);
    expect(await page.locator('span[data-tifa="term"]').count()).toBe(0);
    expect(await page.locator('tifa-terms').count()).toBe(0);
    // Switched on live: the marks appear.
    await setReaderSettings(suite.extension, { glossary: true });
    await expect.poll(() => page.locator(TERM(NQPF)).count()).toBeGreaterThan(0);
  });

  it('glossary page: finds 新质生产力 by pinyin, traditional hanzi and English; entries link', async () => {
    const page = await suite.openExtensionPage('glossary.html');
    const search = page.getByRole('searchbox', { name: 'Search the glossary' });
    const firstResult = page.locator('.glossary-list li a').first();
    for (const query of ['xinzhi', '新質', 'productive forces']) {
      await search.fill(query);
      await expect
        .poll(() => firstResult.locator('.hanzi').textContent(), { timeout: 5000 })
        .toBe('新质生产力');
    }
    await firstResult.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/term/${NQPF}`);
    const entry = page.locator('article.glossary-entry');
    expect(await entry.innerText()).toContain('new quality productive forces');
    // A related term is a link to its own entry.
    const related = entry.locator('ul.related a').first();
    const href = (await related.getAttribute('href')) ?? '';
    expect(href).toMatch(/^#\/term\//);
    await related.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(href);
    // Filter by category.
    await search.fill('');
    await page.getByLabel('Category').selectOption('plan-period');
    const kicker = await page.locator('.glossary-list li a').count();
    expect(kicker).toBeGreaterThan(3);
    await search.fill('xinzhi');
    await expect.poll(() => page.locator('.glossary-list li a').count()).toBe(0);
  });
});
