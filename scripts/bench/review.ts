/**
 * The review page with a large profile, in the real Chromium: 10,000 saved words and 100,000
 * history rows. Measures the page's first paint (to the first table rows on screen), the cost of
 * each keystroke in the search box, the exports, restoring the JSON backup into a fresh profile,
 * and what saving a word from the popup costs the web page's main thread. Needs a build (`npx wxt build`); the data is generated, not shared.
 *
 * Usage: npm run bench:review
 */
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchWithExtension, type ExtensionHandle } from '../lib/chromium';
import { startFixtureServer } from '../lib/fixture-server';
import { setReaderSite, waitForReaderIdle, waitForReaderOn } from '../lib/reader-control';
import { markdownTable } from './lib/markdown';
import { runIfMain, type BenchReport, type BudgetCheck } from './lib/report';
import { formatInteger, formatMs, median } from './lib/stats';

const WORDS = 10_000;
const LOOKUPS = 100_000;
/** Page loads measured (after one untimed warm-up load). */
const LOADS = 5;
/** Queries typed one character at a time: pinyin without and with tone numbers, English,
 * hanzi, and tone marks. */
const QUERIES = ['jingji', 'jing1ji4', 'economy', '经济', 'zhèngcè'];
const BUDGET = { firstPaintMs: 500, keystrokeMs: 50, exportMs: 2000, saveMs: 5 } as const;

function log(line: string): void {
  console.log(`[review] ${line}`);
}

/** Percentile by nearest rank. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/**
 * Fills the extension's database from one of its pages (bench data only; the product writes
 * through the background). Words are distinct two- and three-character combinations of common
 * characters, each with its pinyin, one to three contexts on one of 40 sites; history rows point at those words.
 */
async function seed(page: Page): Promise<void> {
  await page.evaluate(
    async ({ words, lookups }) => {
      const chars =
        '经济发展政策改革开放社会主义中国特色现代化建设国家人民政府工作会议议题创新科技产业市场' +
        '金融安全环境生态文明法治民主协商团结合作和平共同体制度治理能力乡村振兴教育医疗就业收入';
      const syllables = (
        'jing ji fa zhan zheng ce gai ge kai fang she hui zhu yi zhong guo te se xian dai hua jian ' +
        'she guo jia ren min zheng fu gong zuo hui yi yi ti chuang xin ke ji chan ye shi chang jin ' +
        'rong an quan huan jing sheng tai wen ming fa zhi min zhu xie shang tuan jie he zuo he ping ' +
        'gong tong ti zhi du zhi li neng li xiang cun zhen xing jiao yu yi liao jiu ye shou ru'
      ).split(' ');
      const english = (
        'economy development policy reform opening society socialism modern construction state ' +
        'people government work meeting innovation technology industry market finance security ' +
        'environment ecology civilization law democracy consultation unity cooperation peace'
      ).split(' ');
      const list = [...new Set(chars)];
      const n = list.length;
      const open = () =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('tifa-reader');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(new Error('cannot open the database'));
        });
      const db = await open();
      const put = (store: string, rows: object[]) =>
        new Promise<void>((resolve, reject) => {
          const tx = db.transaction(store, 'readwrite');
          const table = tx.objectStore(store);
          for (const row of rows) table.put(row);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(new Error(`writing ${store} failed`));
        });
      const day = 86_400_000;
      const start = Date.UTC(2024, 0, 1);
      const vocabulary: object[] = [];
      for (let i = 0; i < words; i++) {
        // Every word distinct: two characters, then three once the pairs run out.
        const parts = [i % n, Math.floor(i / n) % n];
        const third = Math.floor(i / (n * n));
        if (third > 0) parts.push(third - 1);
        const word = parts.map((p) => list[p]).join('');
        const pinyin = parts
          .map((p) => `${syllables[p % syllables.length]}${1 + ((p * 7) % 4)}`)
          .join(' ');
        const firstSeen = start + (i % 500) * day;
        const contexts = Array.from({ length: 1 + (i % 3) }, (_, k) => ({
          sentence: `会议强调，要坚持${word}，统筹推进各项工作，确保${word}取得新的更大成效，第${k + 1}次。`,
          url: `https://news${(i + k) % 40}.example.cn/2024/${i}/${k}.html`,
          title: `关于${word}的报道`,
          time: firstSeen + k * day,
        }));
        vocabulary.push({
          key: `dictionary:${word}`,
          word,
          traditional: word,
          kind: 'dictionary',
          pinyin,
          definition: `${pinyin}: ${english[i % english.length]}; ${english[(i * 3) % english.length]} (of ${english[(i * 7) % english.length]})`,
          status: i % 10 === 0 ? 'known' : i % 3 === 0 ? 'learning' : 'new',
          tags: i % 5 === 0 ? ['两会'] : i % 7 === 0 ? ['economy', 'report'] : [],
          notes: i % 11 === 0 ? 'seen often in work reports' : '',
          firstSeen,
          lastSeen: firstSeen + (i % 30) * day,
          timesSaved: 1 + (i % 4),
          contexts,
          card: {
            due: firstSeen + (i % 60) * day,
            stability: i % 9,
            difficulty: 5,
            elapsed_days: 0,
            scheduled_days: i % 60,
            learning_steps: 0,
            reps: i % 5,
            lapses: 0,
            state: i % 5 === 0 ? 0 : 2,
            last_review: i % 5 === 0 ? null : firstSeen,
          },
        });
      }
      await put('vocabulary', vocabulary);
      for (let from = 0; from < lookups; from += 20_000) {
        const rows: object[] = [];
        for (let i = from; i < Math.min(lookups, from + 20_000); i++) {
          const row = vocabulary[(i * 7919) % words] as { word: string; pinyin: string };
          rows.push({
            word: row.word,
            kind: 'dictionary',
            reading: row.pinyin,
            sentence: `会议强调，要坚持${row.word}，统筹推进各项工作。`,
            url: `https://news${i % 40}.example.cn/2024/${i}.html`,
            title: '新闻标题',
            site: `news${i % 40}.example.cn`,
            time: start + i * 60_000,
          });
        }
        await put('lookups', rows);
      }
      db.close();
    },
    { words: WORDS, lookups: LOOKUPS },
  );
}

/** Milliseconds from navigation start to first paint, to the first table rows on screen, and
 * to every word read and searchable. */
async function measureLoad(
  page: Page,
  url: string,
): Promise<{ rows: number; fcp: number; all: number }> {
  await page.goto(url);
  await page.waitForFunction(
    () => performance.getEntriesByName('tifa:review-all-rows').length > 0,
    undefined,
    { timeout: 30_000 },
  );
  return page.evaluate(() => ({
    rows: performance.getEntriesByName('tifa:review-rows')[0]?.startTime ?? NaN,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    all: performance.getEntriesByName('tifa:review-all-rows')[0]?.startTime ?? NaN,
  }));
}

/**
 * Types `query` into the search box one character at a time, as React sees typing (an input
 * event per character), and times each keystroke to the end of layout of the updated table.
 */
async function typeQuery(page: Page, query: string): Promise<{ times: number[]; matches: string }> {
  return page.evaluate(async (text) => {
    const input = document.querySelector<HTMLInputElement>('input[type=search]');
    if (!input) throw new Error('no search box');
    // React tracks the value an input had; only the prototype's setter changes it unseen, so the
    // input event reaches onChange as typing does.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    const times: number[] = [];
    const type = (value: string) => {
      const started = performance.now();
      setValue?.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // React renders discrete input synchronously; reading layout makes the browser finish
      // style and layout of the new rows inside the timed span.
      void document.body.offsetHeight;
      return performance.now() - started;
    };
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    for (const end of Array.from(text, (_, i) => i + 1)) {
      times.push(type([...text].slice(0, end).join('')));
      await frame();
    }
    const matches = document.querySelector('.count')?.textContent ?? '';
    type('');
    await frame();
    return { times, matches };
  }, query);
}

/** From the click to the status line saying the file is ready (our work: reading the database,
 * building the file, handing it to the browser), and to the browser's download event; the
 * longest task on the page meanwhile; the file, kept at `keepAs` when given. */
async function timeExport(
  page: Page,
  button: string,
  keepAs?: string,
): Promise<{ ready: number; download: number; longestTask: number }> {
  await page.evaluate(() => {
    const durations: number[] = [];
    (globalThis as { __tifaTasks?: number[] }).__tifaTasks = durations;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  const started = performance.now();
  // Only the first download of a profile is watched: in headless Chromium the extension's later
  // automatic downloads wait on a "download multiple files" permission nobody can grant.
  const downloaded = keepAs ? page.waitForEvent('download', { timeout: 60_000 }) : null;
  await page.getByRole('button', { name: button }).click();
  await page.waitForFunction(
    () => /saved/i.test(document.querySelector('.status-done')?.textContent ?? ''),
    undefined,
    {
      timeout: 60_000,
      polling: 'raf',
    },
  );
  const ready = performance.now() - started;
  const download = await downloaded;
  const total = performance.now() - started;
  if (download && keepAs) await download.saveAs(keepAs);
  await download?.delete();
  const longestTask = await page.evaluate(() =>
    Math.max(0, ...((globalThis as { __tifaTasks?: number[] }).__tifaTasks ?? [])),
  );
  return { ready, download: download ? total : NaN, longestTask };
}

/** Restores the backup file into a fresh profile through the review page's file input: from
 * choosing the file to the status line's summary, and that summary. */
async function timeRestore(
  file: string,
): Promise<{ ms: number; summary: string; coldRead: { lookups: number; vocabulary: number } }> {
  const extensionDir = copyBuild();
  const fresh = await launchWithExtension({ extensionDir });
  try {
    await fresh.context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    const page = await fresh.context.newPage();
    await page.goto(`chrome-extension://${fresh.extensionId}/review.html#data`);
    const input = page.getByLabel('Backup file');
    await input.waitFor({ state: 'attached' });
    const started = performance.now();
    await input.setInputFiles(file);
    await page.waitForFunction(
      () => /Restored from|error/i.test(document.querySelector('.data')?.textContent ?? ''),
      undefined,
      { timeout: 300_000, polling: 100 },
    );
    const ms = performance.now() - started;
    const summary = (await page.locator('.status-done, .status-error').last().innerText()).trim();
    // The restored profile has never read its history: the raw read here is a first, cold one.
    const coldRead = await measureRawRead(page);
    return { ms, summary, coldRead };
  } finally {
    await fresh.close();
    rmSync(extensionDir, { recursive: true, force: true });
  }
}

/** Main-thread time of the S key in the word popup, on the web page (the save itself runs in
 * the background): the handler's synchronous part, dispatched as the key would be. */
async function measureSaveCost(extension: ExtensionHandle): Promise<number[]> {
  const server = await startFixtureServer();
  try {
    await setReaderSite(extension, '127.0.0.1', true);
    const page = await extension.context.newPage();
    await page.goto(server.url('/simplified-news.html'));
    await waitForReaderOn(page);
    await waitForReaderIdle(page);
    const box = await page
      .locator('ruby[data-tifa="w"]', { hasText: /^会议$/ })
      .first()
      .boundingBox();
    if (!box) throw new Error('the fixture page has no drawn 会议');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.75);
    await page.getByRole('dialog', { name: 'Dictionary' }).waitFor();
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      times.push(
        await page.evaluate(() => {
          const started = performance.now();
          document.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true }));
          return performance.now() - started;
        }),
      );
      await page.waitForTimeout(100);
    }
    await page.close();
    return times;
  } finally {
    await server.close();
  }
}

/** The floor under any export: reading both tables with raw IndexedDB `getAll`, no Dexie. */
async function measureRawRead(page: Page): Promise<{ lookups: number; vocabulary: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('tifa-reader');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error('cannot open the database'));
    });
    const time = async (store: string) => {
      const started = performance.now();
      await new Promise((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
      });
      return performance.now() - started;
    };
    const lookups = await time('lookups');
    const vocabulary = await time('vocabulary');
    db.close();
    return { lookups, vocabulary };
  });
}

/** A private copy of the build, so a rebuild during the run (`npm run build` elsewhere in the
 * checkout) cannot pull files from under the running extension. */
function copyBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-bench-review-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  for (const file of ['manifest.json', 'review.html', 'background.js']) {
    if (!existsSync(join(dir, file))) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(
        `${EXTENSION_DIR} has no ${file}: build first (npx wxt build), and not twice at once`,
      );
    }
  }
  return dir;
}

async function runReviewBench(): Promise<BenchReport> {
  const extensionDir = copyBuild();
  const extension = await launchWithExtension({ extensionDir });
  try {
    const url = `chrome-extension://${extension.extensionId}/review.html`;
    // tsx compiles the functions handed to page.evaluate with esbuild's keepNames, which calls a
    // `__name` helper that exists only in Node; give pages a no-op one.
    await extension.context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    const page = await extension.context.newPage();
    await page.goto(url);
    // The page opening the database creates the current schema.
    await page.getByText('No saved words yet', { exact: false }).waitFor();
    log(`seeding ${formatInteger(WORDS)} words and ${formatInteger(LOOKUPS)} lookups…`);
    const seedStarted = performance.now();
    await seed(page);
    log(`seeded in ${formatMs(performance.now() - seedStarted)}`);

    await measureLoad(page, url); // warm-up: code cache, database pages
    const loads: { rows: number; fcp: number; all: number }[] = [];
    for (let i = 0; i < LOADS; i++) {
      await page.goto('about:blank');
      loads.push(await measureLoad(page, url));
    }
    const firstRows = median(loads.map((l) => l.rows));
    const fcp = median(loads.map((l) => l.fcp));
    log(`first rows ${formatMs(firstRows)} (first paint ${formatMs(fcp)})`);

    const searches: { query: string; times: number[]; matches: string }[] = [];
    await typeQuery(page, QUERIES[0] ?? ''); // warm-up: JIT
    for (const query of QUERIES) searches.push({ query, ...(await typeQuery(page, query)) });
    const keystrokes = searches.flatMap((s) => s.times);
    const keyP95 = percentile(keystrokes, 95);
    const keyMax = Math.max(...keystrokes);
    log(`keystrokes: median ${formatMs(median(keystrokes))}, p95 ${formatMs(keyP95)}`);

    const exports: [string, { ready: number; download: number; longestTask: number }][] = [];
    const backupDir = mkdtempSync(join(tmpdir(), 'tifa-bench-backup-'));
    const backupFile = join(backupDir, 'backup.json');
    // The JSON backup first: the first read of the 100,000 history rows in this browser is the
    // slow one; a second backup, last, shows the same read warm.
    const buttons = ['Full backup (.json)', 'Anki file (.txt)', 'CSV for spreadsheets'];
    for (const button of [...buttons, 'Full backup (.json)']) {
      // A tab per export: Chromium holds back a tab's second automatic download.
      const tab = await extension.context.newPage();
      await tab.goto(`${url}#data`);
      const timing = await timeExport(tab, button, exports.length === 0 ? backupFile : undefined);
      await tab.close();
      const again = exports.some(([name]) => name === button);
      exports.push([again ? `${button}, again` : button, timing]);
      log(`${button}: ready ${formatMs(timing.ready)}, downloaded ${formatMs(timing.download)}`);
    }
    const backupBytes = statSync(backupFile).size;
    log(
      `backup file: ${(backupBytes / 2 ** 20).toFixed(1)} MB; restoring it into a fresh profile…`,
    );
    const restore = await timeRestore(backupFile);
    rmSync(backupDir, { recursive: true, force: true });
    log(`restored in ${formatMs(restore.ms)}: ${restore.summary}`);
    log(`raw getAll there (first read): history ${formatMs(restore.coldRead.lookups)}`);
    const restored =
      restore.summary.includes(`${WORDS} words added`) &&
      restore.summary.includes(`${LOOKUPS} lookups`);
    const raw = await measureRawRead(page);
    log(`raw getAll: history ${formatMs(raw.lookups)}, words ${formatMs(raw.vocabulary)}`);
    await page.close();
    const saveTimes = await measureSaveCost(extension);
    const saveMax = Math.max(...saveTimes);
    log(`save from the popup: max ${formatMs(saveMax)}`);
    const backupMs = exports[0]?.[1].ready ?? NaN;
    // The budget holds for every export, the first (cold) backup included.
    const slowestExport = Math.max(...exports.map(([, t]) => t.ready));

    const budgets: BudgetCheck[] = [
      {
        what: `review page first paint, ${formatInteger(WORDS)} words + ${formatInteger(LOOKUPS)} lookups (to the first table rows)`,
        budget: `≤ ${BUDGET.firstPaintMs} ms`,
        measured: formatMs(firstRows),
        pass: firstRows <= BUDGET.firstPaintMs,
        shortfall: `${formatMs(firstRows - BUDGET.firstPaintMs)} over`,
      },
      {
        what: 'search, per keystroke (p95 over every keystroke typed)',
        budget: `≤ ${BUDGET.keystrokeMs} ms`,
        measured: formatMs(keyP95),
        pass: keyP95 <= BUDGET.keystrokeMs,
        shortfall: `${formatMs(keyP95 - BUDGET.keystrokeMs)} over`,
      },
      {
        what: 'export, click to file ready (slowest of JSON backup, Anki, CSV)',
        budget: `≤ ${BUDGET.exportMs} ms`,
        measured: formatMs(slowestExport),
        pass: slowestExport <= BUDGET.exportMs,
        shortfall: `${formatMs(slowestExport - BUDGET.exportMs)} over`,
      },
      {
        what: 'saving from the popup, cost to the page (max of 10)',
        budget: `≤ ${BUDGET.saveMs} ms`,
        measured: formatMs(saveMax),
        pass: saveMax <= BUDGET.saveMs,
        shortfall: `${formatMs(saveMax - BUDGET.saveMs)} over`,
      },
    ];
    const body = [
      `A fresh Chromium profile with the built extension, filled with ${formatInteger(WORDS)} ` +
        `generated saved words (1–3 contexts each, on 40 sites) and ${formatInteger(LOOKUPS)} ` +
        `history rows. Page loads: one warm-up, then the median of ${LOADS}, from navigation ` +
        'start to the frame after the vocabulary table first shows rows (`tifa:review-rows`: the ' +
        '50 latest words, read through the `lastSeen` index while the rest load), to first ' +
        'contentful paint, and to the table holding every word (search works from then on). Keystrokes: each query typed one character at a time ' +
        '(an input event each, as typing gives React), timed from the event to the end of ' +
        'layout of the updated table. Exports: from the click, in a review tab opened just ' +
        'before (so the page is still reading its 10,000 words), to the status line saying the ' +
        'file is ready, and to Playwright seeing the download (which adds the browser writing ' +
        'the file to disk and telling the DevTools client); the longest task on the page ' +
        'meanwhile (the JSON backup is written in a worker). The JSON backup runs first, ' +
        'right after the data was written (the first read of the history in this browser), and ' +
        'again after the others. Restore: the backup file chosen in ' +
        'the file input of a fresh profile, to the status line’s summary. Saving: the ' +
        "word popup's S key dispatched on the fixture page, its synchronous time on the page's " +
        'main thread (the write itself happens in the service worker).',
      markdownTable(
        ['page load', 'median', 'all runs'],
        [
          ['first table rows', formatMs(firstRows), loads.map((l) => formatMs(l.rows)).join(', ')],
          ['first contentful paint', formatMs(fcp), loads.map((l) => formatMs(l.fcp)).join(', ')],
          [
            'every word read and searchable',
            formatMs(median(loads.map((l) => l.all))),
            loads.map((l) => formatMs(l.all)).join(', '),
          ],
        ],
      ),
      markdownTable(
        ['query', 'matches', 'median keystroke', 'slowest keystroke'],
        searches.map((s) => [
          `\`${s.query}\``,
          s.matches,
          formatMs(median(s.times)),
          formatMs(Math.max(...s.times)),
        ]),
      ),
      `All ${keystrokes.length} keystrokes: median ${formatMs(median(keystrokes))}, p95 ` +
        `${formatMs(keyP95)}, slowest ${formatMs(keyMax)}.`,
      markdownTable(
        ['export', 'click to file ready', 'click to download event', 'longest task on the page'],
        exports.map(([name, t]) => [
          name,
          formatMs(t.ready),
          Number.isNaN(t.download) ? 'not watched' : formatMs(t.download),
          t.longestTask > 0 ? formatMs(t.longestTask) : 'none over 50 ms',
        ]),
      ),
      `Restoring that backup (${(backupBytes / 2 ** 20).toFixed(1)} MB) into a fresh profile: ` +
        `${formatMs(restore.ms)} from choosing the file to the summary (“${restore.summary}”). ` +
        'The page reads and checks the whole file, then the background merges it in chunks of ' +
        'at most 1 M characters, one transaction each.',
      `The floor under the JSON backup: raw IndexedDB \`getAll\` (no Dexie, no JSON) of the ` +
        `${formatInteger(LOOKUPS)} history rows, after the exports read them, takes ` +
        `${formatMs(raw.lookups)} and of the ` +
        `${formatInteger(WORDS)} words ${formatMs(raw.vocabulary)} on this machine: Chromium ` +
        'deserialises every record on the page’s main thread, about ' +
        `${((raw.lookups / LOOKUPS) * 1000).toFixed(0)} µs per history row.`,
      `The same raw read as the first read of the history in a browser, in the restored ` +
        `profile: ${formatMs(restore.coldRead.lookups)} for the history and ` +
        `${formatMs(restore.coldRead.vocabulary)} for the words (the first JSON backup above is ` +
        'such a first read).',
      `JSON backup of the whole profile: ${formatMs(backupMs)}. Saving from the popup: median ` +
        `${formatMs(median(saveTimes))}, max ${formatMs(saveMax)} on the page's main thread.`,
    ];
    return {
      id: 'review',
      title: 'Review page with 10,000 words',
      script: 'bench:review',
      body: body.join('\n\n'),
      budgets,
      failures: restored
        ? []
        : [`the backup did not restore into a fresh profile: ${restore.summary}`],
    };
  } finally {
    await extension.close();
    rmSync(extensionDir, { recursive: true, force: true });
  }
}

await runIfMain(import.meta.url, runReviewBench);
