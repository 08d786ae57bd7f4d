// The Terms dashboard and My terms in the real Chromium. Sightings are recorded through the
// background's recordSightings message from an extension page, with the hits the reader's own
// counting (matchTerms + summarizeSightings) finds in the sample article and in generated pages
// over several weeks and outlets; the dashboard must show them, in light and dark. Personal terms
// are added on the page, exported as a pack and imported into a fresh profile.

import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { matchTerms } from '../../utils/glossary/matcher.ts';
import { sentenceAround, summarizeSightings } from '../../utils/tracker/summarize.ts';
import {
  launchWithExtension,
  parseSampleArticle,
  readSampleArticle,
  sampleArticleAvailable,
  SAMPLE_ARTICLE_PATH,
  useBrowserSuite,
  type ExtensionHandle,
} from './harness.ts';

// What an extension page's global scope offers; callbacks run inside Chromium.
interface ExtensionGlobal {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  };
}

const DAY = 24 * 60 * 60 * 1000;
/** Monday 2025-01-06 00:00 UTC. */
const START = Date.UTC(2025, 0, 6);

function reviewUrl(extension: ExtensionHandle, tab: string): string {
  return `chrome-extension://${extension.extensionId}/review.html#${tab}`;
}

async function send(page: Page, type: string, payload: unknown): Promise<unknown> {
  return page.evaluate(
    ([t, p]) =>
      (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({
        type: t,
        payload: p,
      }),
    [type, payload] as const,
  );
}

/** The page's terms as the reader counts them: every paragraph matched, one sentence per term. */
function countTerms(paragraphs: readonly string[]) {
  return summarizeSightings(
    paragraphs.flatMap((text) =>
      matchTerms(text).map((hit) => ({
        id: hit.id,
        sentence: sentenceAround(text, hit.start, hit.end),
      })),
    ),
  );
}

const GENERATED = [
  '会议强调，要因地制宜发展新质生产力，推动高质量发展。',
  '坚持稳中求进工作总基调，加快发展新质生产力。',
  '全面贯彻党的二十大精神，扎实推进中国式现代化。',
];

describe('Terms dashboard', () => {
  const suite = useBrowserSuite();
  let fresh: ExtensionHandle | undefined;
  afterAll(async () => {
    await fresh?.close();
  });

  it.runIf(sampleArticleAvailable())(
    'shows the sample article’s terms with timeline, outlets and sentences, in both themes; exports and clears',
    async () => {
      const review = await suite.extension.context.newPage();
      await review.goto(reviewUrl(suite.extension, 'terms'));
      await expect.poll(() => review.getByText('No terms recorded yet').count()).toBe(1);
      const article = parseSampleArticle(readSampleArticle());
      const sampleTerms = countTerms([article.title, ...article.subtitles, ...article.paragraphs]);
      expect(sampleTerms.length).toBeGreaterThan(5);
      const samplePage = {
        url: suite.server.url(SAMPLE_ARTICLE_PATH),
        title: article.title,
        outlet: '',
        date: START + 2 * DAY,
        terms: sampleTerms,
      };

      // Off by default: the background refuses to record.
      const checkbox = review.getByRole('checkbox', { name: /Record the glossary terms/ });
      expect(await checkbox.isChecked()).toBe(false);
      expect(await send(review, 'recordSightings', samplePage)).toEqual({
        ok: true,
        value: { recorded: false, terms: 0 },
      });
      // The box follows the stored setting, which updates after an asynchronous write: click,
      // then wait for the state (Playwright's check() expects the change within the click).
      await checkbox.click();
      await expect.poll(() => checkbox.isChecked()).toBe(true);
      await expect
        .poll(async () =>
          review.evaluate(
            async () =>
              (
                await (globalThis as unknown as ExtensionGlobal).chrome.storage.local.get(
                  'trackerSettings',
                )
              ).trackerSettings,
          ),
        )
        .toMatchObject({ enabled: true });

      expect(await send(review, 'recordSightings', samplePage)).toEqual({
        ok: true,
        value: { recorded: true, terms: sampleTerms.length },
      });
      // Recording the same page again (a reload) replaces its rows.
      await send(review, 'recordSightings', { ...samplePage, date: START + 3 * DAY });
      const outlets = ['people.cn', 'xinhuanet.com'];
      for (let week = 0; week < 6; week++) {
        for (const [i, outlet] of outlets.entries()) {
          if (week === 3 && i === 1) continue;
          const text = GENERATED[(week + i) % GENERATED.length] ?? '';
          await send(review, 'recordSightings', {
            url: `https://www.${outlet}/2025/${week}/${i}.html`,
            title: `第${week + 1}周报道`,
            outlet,
            date: START + week * 7 * DAY + i * DAY,
            terms: countTerms([text, text]),
          });
        }
      }

      // The term table, most mentioned first, with the first term shown in detail.
      const rows = review.locator('table.terms tbody tr');
      await expect.poll(() => rows.count()).toBeGreaterThan(sampleTerms.length - 1);
      const detail = review.locator('.term-detail');
      await expect.poll(() => detail.locator('canvas').count()).toBeGreaterThan(0);
      expect(await detail.locator('.term-timeline').getAttribute('aria-label')).toMatch(
        /^Weekly sightings of /,
      );

      // 新质生产力 in detail: six weeks, both outlets, first and last seen, its sentences.
      await review
        .locator('table.terms')
        .getByRole('button', { name: '新质生产力', exact: true })
        .click();
      await expect.poll(() => detail.locator('h2').innerText()).toContain('新质生产力');
      const summary = await detail.locator('.count').innerText();
      expect(summary).toMatch(/mentions on \d+ pages · first seen .+ · last seen /);
      expect(await detail.locator('.outlet-counts').innerText()).toContain('people.cn');
      expect(await detail.locator('.outlet-counts').innerText()).toContain('xinhuanet.com');
      await expect.poll(() => detail.locator('.term-sentences li').count()).toBeGreaterThan(3);
      expect(await detail.locator('.term-sentences').innerText()).toContain('新质生产力');

      // The sample article's terms are there, under its outlet, with its sentence and link.
      const outletTable = review.locator('table.outlet-table');
      expect(await outletTable.innerText()).toContain('127.0.0.1');
      await outletTable.locator('tr', { hasText: '127.0.0.1' }).getByRole('button').first().click();
      await expect
        .poll(() => detail.locator('.term-sentences a.page-title').first().getAttribute('href'))
        .toBe(samplePage.url);

      // Dark theme: the page and the chart's legend use the dark colours.
      await review.emulateMedia({ colorScheme: 'dark' });
      await expect
        .poll(() => review.evaluate(() => getComputedStyle(document.body).backgroundColor))
        .toBe('rgb(31, 31, 31)');
      // The chart redraws for the new theme; read the legend once it has settled.
      await expect
        .poll(() =>
          detail
            .locator('.u-legend')
            .first()
            .evaluate((el) => getComputedStyle(el).color),
        )
        .toBe('rgb(232, 234, 237)');
      expect(await detail.locator('canvas').count()).toBeGreaterThan(0);
      await review.emulateMedia({ colorScheme: 'light' });

      // Export for citation.
      await review.getByText('Sites, exports and clearing').click();
      const [download] = await Promise.all([
        review.waitForEvent('download'),
        review.getByRole('button', { name: 'Export for citation (CSV)' }).click(),
      ]);
      const csv = await readFile((await download.path()) ?? '', 'utf8');
      // The byte-order mark spreadsheets need (String.trim would drop it).
      expect(
        csv.startsWith('\uFEFFterm,term_id,count,sentence,title,outlet,url,date_seen\r\n'),
      ).toBe(true);
      const lines = csv.trim().split('\r\n');
      expect(lines.some((line) => line.includes(samplePage.url))).toBe(true);
      expect(lines.filter((line) => line.includes(samplePage.url))).toHaveLength(
        sampleTerms.length,
      );

      // Clear the history: asked once more, then the dashboard is empty.
      await review.getByRole('button', { name: 'Clear history…' }).click();
      await review.getByRole('button', { name: /^Delete [\d,]+ sightings$/ }).click();
      await expect.poll(() => review.getByText('No terms recorded yet').count()).toBe(1);
      await review.close();
    },
  );

  it('adds and edits personal terms, exports a pack and imports it into a fresh profile; a bad file changes nothing', async () => {
    const page = await suite.extension.context.newPage();
    await page.goto(reviewUrl(suite.extension, 'my-terms'));
    const form = page.getByRole('form', { name: 'Add a term' });
    await form.getByLabel('Term (simplified)').fill('新质生产力');
    await form.getByLabel('My translation').fill('new-quality productive forces');
    await form.getByLabel('Pinyin with tone marks (optional)').fill('xīnzhì shēngchǎnlì');
    await form.getByLabel('Notes').fill('Private reading notes.');
    await form.getByLabel('Tags (comma-separated)').fill('economy, 2024');
    await form.getByRole('button', { name: 'Add term' }).click();
    const rows = page.locator('table.my-terms tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('economy, 2024');

    // A term the glossary's rules refuse (no Chinese) is reported, not saved.
    await form.getByLabel('Term (simplified)').fill('ok');
    await form.getByLabel('My translation').fill('x');
    await form.getByRole('button', { name: 'Add term' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/simplified/);
    expect(await rows.count()).toBe(1);

    await rows.first().getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('form', { name: 'Edit 新质生产力' });
    await edit.getByLabel('My translation').fill('new quality productive forces');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => rows.first().innerText()).toContain('new quality productive forces');

    // Export without notes, then with.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export pack (.json)' }).click(),
    ]);
    const packPath = (await download.path()) ?? '';
    const pack = JSON.parse(await readFile(packPath, 'utf8')) as {
      format: string;
      includesNotes: boolean;
      entries: Record<string, unknown>[];
    };
    expect(pack.format).toBe('tifa-glossary-pack');
    expect(pack.includesNotes).toBe(false);
    expect(pack.entries).toEqual([
      {
        id: 'my-xinzhi-shengchanli',
        simplified: '新质生产力',
        pinyin: 'xīnzhì shēngchǎnlì',
        english: { gloss: 'new quality productive forces' },
        tags: ['economy', '2024'],
      },
    ]);
    await page.close();

    fresh = await launchWithExtension();
    const other = await fresh.context.newPage();
    await other.goto(reviewUrl(fresh, 'my-terms'));
    await other.getByLabel('Import a pack').setInputFiles(packPath);
    await expect
      .poll(() => other.getByRole('status').allInnerTexts())
      .toContainEqual(expect.stringMatching(/1 added; 0 already here/));
    await expect.poll(() => other.locator('table.my-terms tbody tr').count()).toBe(1);

    // A malformed pack: nothing changes, every problem is listed by entry and field.
    await other.getByLabel('Import a pack').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({ ...pack, entries: [{ id: 'Bad Id', simplified: 'x', english: {} }] }),
      ),
    });
    const problems = other.getByRole('list', { name: 'Problems in the pack' });
    await expect.poll(() => problems.locator('li').count()).toBeGreaterThan(2);
    expect(await problems.innerText()).toContain('entry 0 (Bad Id), english.gloss');
    expect(await other.locator('table.my-terms tbody tr').count()).toBe(1);

    // A pack whose term has the id of a different term here: the reader chooses.
    const rows2 = other.locator('table.my-terms tbody tr');
    const importChanged = async (gloss: string) => {
      await other.getByLabel('Import a pack').setInputFiles({
        name: 'colleague.json',
        mimeType: 'application/json',
        buffer: Buffer.from(
          JSON.stringify({
            ...pack,
            entries: [{ ...pack.entries[0], english: { gloss } }],
          }),
        ),
      });
      const conflicts = other.getByRole('group', { name: 'Conflicts in the pack' });
      await expect.poll(() => conflicts.locator('tbody tr').count()).toBe(1);
      return conflicts;
    };
    const choice = other.getByLabel('Choice for my-xinzhi-shengchanli');
    // For all: take theirs, then per entry: keep mine. Nothing is written before "Import".
    let conflicts = await importChanged('a colleague’s rendering');
    await conflicts.getByRole('button', { name: 'Take theirs' }).click();
    expect(await choice.inputValue()).toBe('theirs');
    expect(await rows2.first().innerText()).toContain('new quality productive forces');
    await choice.selectOption('mine');
    await conflicts.getByRole('button', { name: 'Import with these choices' }).click();
    await expect
      .poll(() => other.getByRole('status').allInnerTexts())
      .toContainEqual(expect.stringMatching(/1 kept as yours/));
    expect(await rows2.count()).toBe(1);
    expect(await rows2.first().innerText()).toContain('new quality productive forces');
    // Take theirs: replaced.
    conflicts = await importChanged('a colleague’s rendering');
    await choice.selectOption('theirs');
    await conflicts.getByRole('button', { name: 'Import with these choices' }).click();
    await expect.poll(() => rows2.first().innerText()).toContain('a colleague’s rendering');
    expect(await rows2.count()).toBe(1);
    // Keep both (the default): added beside it with a suffix.
    conflicts = await importChanged('a third rendering');
    await conflicts.getByRole('button', { name: 'Import with these choices' }).click();
    await expect.poll(() => rows2.count()).toBe(2);
    await other.close();
  });
});
