// Adding personal terms where the reader meets them, in the real Chromium: a selection on a
// traditional page with inline-pinyin artefacts → the context menu's `openTermForm` (sent from
// the service worker, as the menu item does: headless Chromium has no native menu) → the in-page
// form, prefilled with the simplified key → save → the term is matched on the page; Esc closes
// the form without saving. The review page takes a selection from its address (the fallback
// when the reader is off). The glossary browser adds a personal entry from a built-in one, which
// then annotates the built-in marks on pages.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  selectText,
  sendFromExtensionPage,
  sendToTab,
  setReaderSettings,
  useReaderSuite,
} from './harness.ts';

const TERM = 'span[data-tifa="term"]';
const NQPF = 'new-quality-productive-forces';

interface StoredTerm {
  simplified: string;
  traditional?: string;
  english: { gloss: string };
  notes?: string;
  tags?: string[];
  variants?: string[];
}

describe('adding personal terms from a page and from the glossary', () => {
  const suite = useReaderSuite();

  /** The personal terms the background holds. */
  async function storedTerms(): Promise<StoredTerm[]> {
    const ext = await suite.openExtensionPage('review.html#settings');
    const reply = (await sendFromExtensionPage(ext, {
      type: 'listPersonalTerms',
      payload: {},
    })) as { ok: boolean; value: { terms: StoredTerm[] } };
    await ext.close();
    expect(reply.ok).toBe(true);
    return reply.value.terms;
  }

  /** Sends the context menu's message to the page's top frame; returns the reader's reply. */
  async function relayMenu(target: Page): Promise<unknown> {
    return sendToTab(
      suite.extension,
      target.url(),
      { type: 'openTermForm', payload: {} },
      { frameId: 0 },
    );
  }

  it('opens a prefilled form on a selection, saves the term, and the page matches it', async () => {
    // Artefacts left in the page text, so the selection carries them.
    await setReaderSettings(suite.extension, { removeArtifacts: false });
    const { page } = await suite.openAndSwitchOn('/artifacts.html');
    const own = page.locator(`${TERM}[data-tifa-term^="personal:"]`);
    expect(await own.count()).toBe(0);

    // A selection without Chinese: the reader says it did not open (the background falls back).
    await selectText(page, '(GDP)');
    expect(await relayMenu(page)).toEqual({ opened: false });

    await selectText(page, '縣域經(jīng)濟');
    expect(await relayMenu(page)).toEqual({ opened: true });
    const form = page.getByRole('form', { name: 'Add as my term' });
    await expect.poll(() => form.isVisible()).toBe(true);
    // The key is simplified and artefact-free; the page's traditional form is kept beside it.
    expect(await form.getByLabel('Term (simplified)').inputValue()).toBe('县域经济');
    expect(await form.getByLabel('Traditional (optional)').inputValue()).toBe('縣域經濟');
    // The page text entered the form as input values, never as markup.
    expect(
      await page.evaluate(
        () =>
          document.querySelector('tifa-add-term')?.shadowRoot?.innerHTML.includes('縣域') ?? true,
      ),
    ).toBe(false);
    // Focus is in the form, ready for the translation.
    await page.keyboard.type('county economy (mine)');
    await form.getByLabel('Notes').fill('县域 = county level');
    await form.getByLabel('Tags (comma-separated)').fill('local, economy');
    await form.getByRole('button', { name: 'Add term' }).click();
    await expect.poll(() => form.isVisible()).toBe(false);

    const saved = (await storedTerms()).find((term) => term.simplified === '县域经济');
    expect(saved).toMatchObject({
      simplified: '县域经济',
      traditional: '縣域經濟',
      english: { gloss: 'county economy (mine)' },
      notes: '县域 = county level',
      tags: ['local', 'economy'],
    });

    // The page is drawn again with the new term. Marks are drawn where artefacts are removed
    // (reading mode does not match terms across kept artefacts, built-in ones included).
    await setReaderSettings(suite.extension, { removeArtifacts: true });
    await expect.poll(() => own.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // The mark covers whole drawn words (here 縣域 and 經濟發展), so it may reach past the term.
    expect((await own.allTextContents()).some((text) => text.startsWith('縣域經濟'))).toBe(true);
    // In its own style (teal), not the glossary's.
    const colour = await own.first().evaluate((el) => getComputedStyle(el).borderBottomColor);
    expect(colour).toBe('rgb(13, 148, 136)');
  });

  it('closes the form on Esc without saving, and reports what the background refuses', async () => {
    const { page } = await suite.openAndSwitchOn('/simplified-news.html');
    const before = (await storedTerms()).length;

    await selectText(page, '政务数据开放平台接口');
    expect(await relayMenu(page)).toEqual({ opened: true });
    const form = page.getByRole('form', { name: 'Add as my term' });
    await expect.poll(() => form.isVisible()).toBe(true);
    await page.keyboard.type('typed, then cancelled');
    await page.keyboard.press('Escape');
    await expect.poll(() => form.isVisible()).toBe(false);

    // Open again: the form starts afresh. A term the glossary rules refuse (one character) is
    // not saved, and the reason is shown in the form.
    await selectText(page, '政务数据开放平台接口');
    expect(await relayMenu(page)).toEqual({ opened: true });
    await expect.poll(() => form.isVisible()).toBe(true);
    expect(await form.getByLabel('My translation').inputValue()).toBe('');
    await form.getByLabel('Term (simplified)').fill('政');
    await form.getByLabel('My translation').fill('x');
    await form.getByRole('button', { name: 'Add term' }).click();
    await expect
      .poll(() => form.getByRole('status').textContent())
      .toMatch(/^Not saved: .*simplified/);
    expect(await form.isVisible()).toBe(true);
    expect((await storedTerms()).length).toBe(before);
  });

  it('review page: a selection in the address prefills the form (the fallback when the reader is off)', async () => {
    const term = encodeURIComponent('「經(jīng)濟發展」');
    const page = await suite.openExtensionPage(`review.html#my-terms?term=${term}`);
    const form = page.getByRole('form', { name: 'Add a term' });
    await expect.poll(() => form.getByLabel('Term (simplified)').inputValue()).toBe('"经济发展"');
    expect(await form.getByLabel('Traditional (optional)').inputValue()).toBe('「經濟發展」');
    // The selection is not kept in the address (nor in the tab's history).
    expect(await page.evaluate(() => location.hash)).toBe('#my-terms');
    await form.getByLabel('My translation').fill('economic development (quoted)');
    await form.getByRole('button', { name: 'Add term' }).click();
    const row = page.locator('table.my-terms tbody tr', {
      hasText: 'economic development (quoted)',
    });
    await expect.poll(() => row.count()).toBe(1);
  });

  it('glossary page: adds a personal entry from a built-in one, listed in My terms, annotating its marks', async () => {
    const page = await suite.openExtensionPage(`glossary.html#/term/${NQPF}`);
    const entry = page.locator('article.glossary-entry');
    await entry.getByRole('button', { name: 'Add to my terms' }).click();
    const form = entry.getByRole('form', { name: 'Add to my terms' });
    // Prefilled from the built-in entry: its forms and pinyin; the translation is the reader's.
    expect(await form.getByLabel('Term (simplified)').inputValue()).toBe('新质生产力');
    expect(await form.getByLabel('Traditional (optional)').inputValue()).toBe('新質生產力');
    expect(await form.getByLabel('Pinyin with tone marks (optional)').inputValue()).not.toBe('');
    expect(await form.getByLabel('My translation').inputValue()).toBe('');
    await form.getByLabel('My translation').fill('NQPF, my reading');
    await form.getByLabel('Notes').fill('watch the 2024 plenum wording');
    await form.getByRole('button', { name: 'Add term' }).click();
    await expect.poll(() => entry.getByRole('status').textContent()).toContain('Added 新质生产力');
    // The entry lists the reader's own translation; the built-in text is unchanged.
    expect(await entry.locator('.my-entries').innerText()).toContain('NQPF, my reading');
    expect((await entry.innerText()).toLowerCase()).toContain('new quality productive forces');

    await entry.getByRole('link', { name: 'Open My terms' }).click();
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/review.html');
    const row = page.locator('table.my-terms tbody tr', { hasText: 'NQPF, my reading' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('新质生产力');

    // On a page, the personal entry annotates the built-in mark without replacing it.
    const { page: news } = await suite.openAndSwitchOn('/simplified-news.html');
    await expect
      .poll(() => news.locator(`${TERM}[data-tifa-term="${NQPF}"][data-tifa-personal]`).count())
      .toBeGreaterThan(0);
  });
});
