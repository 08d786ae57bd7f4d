// Term cards without the glossary on the page, in the real Chromium: the reader's bundle carries
// neither the glossary's data nor the conversion tables, the cards of the terms drawn are asked for as they
// are drawn (`describeTerms`), so the first hover over a term after load shows its card without
// a message, and the terms panel names the page's terms from the same cards.

import { readFileSync } from 'node:fs';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/lib/chromium.ts';
import { GLOSSARY_ENTRIES } from '../../utils/glossary/entries';
import { hoverMark, popupText, recordMessages, useReaderSuite } from './harness.ts';

const NQPF = 'new-quality-productive-forces';
const TERM = (id: string) => `span[data-tifa="term"][data-tifa-term="${id}"]`;

describe('term cards from the background', () => {
  const suite = useReaderSuite();

  it('the reader’s bundle carries neither the glossary nor the conversion tables', () => {
    const bundle = readFileSync(join(EXTENSION_DIR, 'reader-main.js'), 'utf8');
    // Glosses and explanations: every entry's would be in a bundle holding the glossary.
    const found = GLOSSARY_ENTRIES.filter(
      (entry) => bundle.includes(entry.english.gloss) || bundle.includes(entry.explanation),
    );
    expect(found.map((entry) => entry.id)).toEqual([]);
    // Traditional → simplified: annotation anchoring and the form's prefill run in the background.
    for (const table of [TSCharacters, TSPhrases]) expect(bundle).not.toContain(table.slice(0, 60));
  });

  it('shows a term’s card on the first hover after load, from the page’s own cards', async () => {
    const page: Page = await suite.openWithReader('/simplified-news.html');
    const seen = await recordMessages(await suite.extension.serviceWorker());
    await hoverMark(page, TERM(NQPF));
    await expect.poll(() => popupText(page)).toContain('new quality productive forces');
    expect(await page.getByRole('region', { name: 'Glossary term' }).innerText()).toContain(
      '新质生产力',
    );
    // The card was asked for when the term was drawn, not at the hover (which asks ahead only
    // for the cards its related terms open).
    const askedFor = async () =>
      (await seen())
        .filter((m) => m.startsWith('describeTerms:'))
        .flatMap((m) => m.slice(14).split(','));
    expect(await askedFor()).not.toContain(NQPF);

    // The panel names the page's terms from the same cards.
    await page.mouse.move(1, 1);
    await page.locator('body').press('t');
    const row = page
      .getByRole('dialog', { name: 'Terms on this page' })
      .locator(`li button[data-term-id="${NQPF}"]`);
    await expect.poll(() => row.locator('.hanzi').textContent()).toBe('新质生产力');
    expect(await row.locator('.english').textContent()).toBe('new quality productive forces');
    expect(await askedFor()).not.toContain(NQPF);
  });

  it('asks for the cards of terms in content added later, as they are drawn', async () => {
    const page = await suite.openWithReader('/simplified-news.html');
    const seen = await recordMessages(await suite.extension.serviceWorker());
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '推动构建人类命运共同体。';
      document.querySelector('article')?.prepend(p);
    });
    await expect
      .poll(async () => (await seen()).some((m) => m.includes('community-with-shared-future')))
      .toBe(true);
    await hoverMark(page, TERM('community-with-shared-future'));
    await expect.poll(() => popupText(page)).toMatch(/shared future/i);
  });
});
