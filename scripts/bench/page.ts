/**
 * What reading mode costs a page, in the real Chromium with the built extension (headless, pages
 * from 127.0.0.1). Three pages:
 *
 * 1. A page without Chinese (`/no-chinese.html`), the reader on for the site, off for the site,
 *    and in a Chromium without the extension. Main-thread time of the extension comes from a
 *    trace of the page's renderer: every task that evaluated or called into one of the
 *    extension's scripts (the background's Chinese probe, run in the page's world by
 *    `scripting.executeScript`, shows as a script without URL; injected at `document_idle`, it
 *    may run inside a task of the page, whose own work before it is then left out), or ran
 *    promise continuations (the page has no script of its own and the benchmark evaluates
 *    nothing in it while tracing, so those are the extension's). The same measure without the
 *    extension shows what it counts when there is nothing to count. DOM:
 *    `outerHTML` against the page without the extension, and a MutationObserver installed by the
 *    page once parsing is done (separate, untraced runs: its callbacks are page script).
 * 2. The sample article (≈2,300 characters): main-thread time until fully annotated. The budget
 *    figure is every task of the page's main thread that ran extension code from navigation to
 *    the `tifa:annotate-idle` mark (trace): the background's probes, the reader's evaluation, its
 *    start-up, message replies, observers, the annotation's slices, garbage collection in them.
 *    Its named parts are listed too: probes and reader evaluation (compile and run) from the
 *    trace, any `tifa:*` start-up measure, and the annotation (`busyMs` of the idle mark:
 *    collecting text plus every slice). The rendering the annotation causes is reported, not
 *    budgeted.
 * 3. A generated page of about 1,000,000 characters: the page loads with the reader off; a
 *    PerformanceObserver for long tasks is registered by the page before that; the reader is
 *    switched on from the service worker (as the toolbar does, through storage) and the time
 *    runs from that storage write to `tifa:first-screen` and `tifa:annotate-idle` (worker and
 *    page clocks are both Unix-epoch based; checked at the start). Long tasks come from the Long
 *    Tasks API, which leaves rendering out, so long animation frames are collected too. JS heap
 *    before and after. One more run, traced, says where the main-thread time goes.
 *
 * Every part runs several times; figures are median and max.
 *
 * Usage: npx wxt build && npm run bench:page
 *        (BENCH_PAGE_RUNS, default 7, for parts 1 and 2; BENCH_LONG_RUNS, default 3, for part 3;
 *        BENCH_PAGE_ONLY=nochinese|article|long runs one part and only logs it)
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import {
  chromiumExecutablePath,
  launchWithExtension,
  stopServiceWorker,
  type ExtensionHandle,
} from '../lib/chromium';
import {
  SAMPLE_ARTICLE_PATH,
  sampleArticleAvailable,
  startFixtureServer,
  type FixtureServer,
} from '../lib/fixture-server';
import { setReaderSite } from '../lib/reader-control';
import {
  browserVersion,
  CONTEXT_EVENT,
  describeBuild,
  evaluateInPage,
  frameMainThread,
  INJECTED_FUNCTION,
  mainFrameId,
  mainThreadTasks,
  markTimestamp,
  pageHeap,
  READER_SCRIPT,
  readReaderEntries,
  renderingMs,
  serveGeneratedPages,
  snapshotExtensionBuild,
  startTrace,
  taskKind,
  uncommittedBrowserCode,
  waitForEntry,
  type ExtensionBuild,
  type HeapUsage,
  type TaskKind,
  type TraceEvent,
} from './lib/browser';
import { buildLongPage, type LongPage } from './lib/long-page';
import { markdownTable } from './lib/markdown';
import { runIfMain, type BenchReport, type BudgetCheck } from './lib/report';
import { SharedDataMissingError } from './lib/shared-data';
import { formatInteger, formatMs, median } from './lib/stats';

const HOST = '127.0.0.1';
const RUNS = positiveInteger(process.env.BENCH_PAGE_RUNS, 7);
const LONG_RUNS = positiveInteger(process.env.BENCH_LONG_RUNS, 3);
/** Sample article runs with the service worker stopped before the page loads. */
const COLD_RUNS = positiveInteger(process.env.BENCH_COLD_RUNS, 3);
/** Runs one part alone (`nochinese`, `article`, `long`), logging its figures only. */
const ONLY = process.env.BENCH_PAGE_ONLY;
/** After `load` on the page without Chinese: the background's probe runs once the tab has
 * loaded and is done within milliseconds; a second leaves room for a busy machine. */
const SETTLE_MS = 1000;
/** After the idle mark on the article: the frames that draw the annotation. */
const AFTER_IDLE_MS = 300;
const LONG_PAGE_PATH = '/long-page.html';
/** The reader's measure of its lexicon build (entrypoints/reader.content/reader-session.ts). */
const LEXICON_MEASURE = 'tifa:lexicon';
/** How long the long page may take to be fully annotated before a run gives up waiting. */
const LONG_IDLE_TIMEOUT_MS = positiveInteger(process.env.BENCH_LONG_IDLE_MINUTES, 30) * 60_000;

/** ARCHITECTURE.md budgets. */
const BUDGET = {
  noChineseMs: 2,
  articleMs: 50,
  firstScreenMs: 100,
  longTaskMs: 50,
} as const;

function positiveInteger(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

function log(line: string): void {
  console.log(`[page] ${line}`);
}

interface Spread {
  readonly median: number;
  readonly max: number;
}

function spread(values: readonly number[]): Spread {
  return { median: median(values), max: Math.max(...values) };
}

/** `12.3 ms (max 15.0 ms)` */
function formatSpread(s: Spread): string {
  return Number.isNaN(s.median) ? '–' : `${formatMs(s.median)} (max ${formatMs(s.max)})`;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function mib(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

// ---------------------------------------------------------------------------------------------
// 1. A page without Chinese

/**
 * A lead longer than this before the extension's first script event in a task is the page's own
 * work: the probe, injected at `document_idle`, can run inside the page's task (after its
 * DOMContentLoaded handling and style), which happens with or without the extension. Shorter
 * leads are the handling of the injection's message, which counts.
 */
const PAGE_LEAD_MS = 0.2;

interface NoChineseRun {
  /** Every task that ran extension code, less the page's own work before it in the same task. */
  readonly extensionMs: number;
  /** That page work (see PAGE_LEAD_MS), not counted. */
  readonly pageLeadMs: number;
  /** The background's probe's EvaluateScript, compile included. */
  readonly evaluationMs: number;
  readonly compileMs: number;
  /** Instantiating `chrome.*` objects (`v8.newInstance`) inside the evaluation's task. */
  readonly bindingsMs: number;
  /** Creating the frame's script context for the extension, just before the evaluation. */
  readonly contextMs: number;
  readonly longestTaskMs: number;
  readonly outerHtml: string;
}

async function traceNoChinese(
  context: BrowserContext,
  url: string,
  extensionId: string,
): Promise<NoChineseRun> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const stop = await startTrace(cdp);
    await page.goto(url, { waitUntil: 'load' });
    await sleep(SETTLE_MS);
    const events = await stop();
    const thread = frameMainThread(events, await mainFrameId(cdp));
    const tasks = mainThreadTasks(events, thread, extensionId).filter((t) => t.extension);
    const evaluations = tasks
      .flatMap((t) => t.evaluated)
      .filter((e) => e.file === INJECTED_FUNCTION);
    const evaluationTasks = tasks.filter((t) => t.evaluated.length > 0);
    const pageLeadMs = sum(tasks.map((t) => (t.leadMs > PAGE_LEAD_MS ? t.leadMs : 0)));
    return {
      extensionMs: sum(tasks.map((t) => t.dur)) - pageLeadMs,
      pageLeadMs,
      evaluationMs: sum(evaluations.map((e) => e.ms)),
      compileMs: sum(evaluations.map((e) => e.compileMs)),
      bindingsMs: sum(evaluationTasks.map((t) => t.inner['v8.newInstance'] ?? 0)),
      contextMs: sum(tasks.map((t) => t.inner[CONTEXT_EVENT] ?? 0)),
      longestTaskMs: Math.max(0, ...tasks.map((t) => t.dur)),
      outerHtml: await evaluateInPage<string>(cdp, 'document.documentElement.outerHTML'),
    };
  } finally {
    await page.close();
  }
}

/** Counts DOM mutations after parsing, from the page itself (installed before any script). */
const MUTATION_PROBE = `(() => {
  window.__tifaMutations = 0;
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') return;
    new MutationObserver((records) => { window.__tifaMutations += records.length; })
      .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
})();`;

async function countMutations(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: MUTATION_PROBE });
    await page.goto(url, { waitUntil: 'load' });
    await sleep(SETTLE_MS);
    return await page.evaluate(
      () => (window as unknown as { __tifaMutations: number }).__tifaMutations,
    );
  } finally {
    await page.close();
  }
}

interface NoChineseResult {
  readonly on: readonly NoChineseRun[];
  readonly off: readonly NoChineseRun[];
  readonly without: readonly NoChineseRun[];
  readonly mutationsOn: number;
  readonly mutationsOff: number;
  readonly sameDomOn: boolean;
  readonly sameDomOff: boolean;
}

async function measureNoChinese(
  extension: ExtensionHandle,
  server: FixtureServer,
): Promise<NoChineseResult> {
  const url = server.url('/no-chinese.html');
  // The same page in a Chromium without the extension: the DOM to compare with, and what the
  // trace measure reads when there is no extension.
  const plain = await chromium.launch({
    executablePath: chromiumExecutablePath(),
    headless: true,
    args: [
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const on: NoChineseRun[] = [];
  const off: NoChineseRun[] = [];
  const without: NoChineseRun[] = [];
  try {
    const plainContext = await plain.newContext();
    // Turns taken run by run, so load from other work on the machine falls on all three alike.
    for (let run = 0; run < RUNS; run++) {
      await setReaderSite(extension, HOST, true);
      on.push(await traceNoChinese(extension.context, url, extension.extensionId));
      await setReaderSite(extension, HOST, false);
      off.push(await traceNoChinese(extension.context, url, extension.extensionId));
      without.push(await traceNoChinese(plainContext, url, extension.extensionId));
      log(
        `no Chinese, run ${run + 1}/${RUNS}: on ${formatMs(on[run]?.extensionMs ?? NaN)}, ` +
          `off ${formatMs(off[run]?.extensionMs ?? NaN)}, without ${formatMs(without[run]?.extensionMs ?? NaN)} ` +
          `(page work left out ${formatMs(on[run]?.pageLeadMs ?? NaN)}; ` +
          `evaluation on ${formatMs(on[run]?.evaluationMs ?? NaN)}, ` +
          `off ${formatMs(off[run]?.evaluationMs ?? NaN)}; ` +
          `compile ${formatMs(on[run]?.compileMs ?? NaN)}; ` +
          `context ${formatMs(on[run]?.contextMs ?? NaN)})`,
      );
    }
    await setReaderSite(extension, HOST, true);
    const mutationsOn = await countMutations(extension.context, url);
    await setReaderSite(extension, HOST, false);
    const mutationsOff = await countMutations(extension.context, url);
    const reference = without[0]?.outerHtml;
    return {
      on,
      off,
      without,
      mutationsOn,
      mutationsOff,
      sameDomOn: on.every((r) => r.outerHtml === reference),
      sameDomOff: off.every((r) => r.outerHtml === reference),
    };
  } finally {
    await plain.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 2. The sample article

interface ArticleRun {
  /** The background's probes (`pageHasChinese`, then whether the reader runs already). */
  readonly probeMs: number;
  readonly readerMs: number;
  readonly readerCompileMs: number;
  /** The reader's start-up measures (`tifa:lexicon`, and any other `tifa:*` measure). */
  readonly measures: Readonly<Record<string, number>>;
  readonly busyMs: number;
  /** Evaluations, start-up measures and annotation: the named parts of `traceMs`. */
  readonly partsMs: number;
  /** The budget figure: every task that ran extension code up to the idle mark (trace). */
  readonly traceMs: number;
  /** Garbage collection inside those tasks. */
  readonly gcMs: number;
  /** Style, layout and paint outside those tasks, from annotate-start to shortly after idle. */
  readonly renderingMs: number;
  readonly longestTaskMs: number;
  readonly longestSliceMs: number;
  readonly characters: number;
  readonly nodes: number;
  /** Wall-clock time from the end of the page's load to the idle mark. */
  readonly loadToIdleMs: number;
}

async function measureArticleOnce(
  extension: ExtensionHandle,
  server: FixtureServer,
): Promise<ArticleRun> {
  const page = await extension.context.newPage();
  try {
    const cdp = await extension.context.newCDPSession(page);
    const stop = await startTrace(cdp);
    await page.goto(server.url(SAMPLE_ARTICLE_PATH), { waitUntil: 'load' });
    await waitForEntry(cdp, 'tifa:annotate-idle', 60_000);
    await sleep(AFTER_IDLE_MS);
    const events = await stop();
    const entries = await readReaderEntries(cdp);
    const idle = entries.idle;
    if (!idle) throw new Error('the idle mark carries no figures');
    const thread = frameMainThread(events, await mainFrameId(cdp));
    const idleTs = markTimestamp(events, thread.pid, 'tifa:annotate-idle') ?? Infinity;
    const startTs = markTimestamp(events, thread.pid, 'tifa:annotate-start') ?? 0;
    const all = mainThreadTasks(events, thread, extension.extensionId);
    const tasks = all.filter((t) => t.extension && t.ts <= idleTs);
    const evaluated = tasks.flatMap((t) => t.evaluated);
    const evaluation = (file: string) => evaluated.filter((e) => e.file === file);
    const probeMs = sum(evaluation(INJECTED_FUNCTION).map((e) => e.ms));
    const readerMs = sum(evaluation(READER_SCRIPT).map((e) => e.ms));
    const loadEnd = await evaluateInPage<number>(
      cdp,
      `performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? 0`,
    );
    return {
      probeMs,
      readerMs,
      readerCompileMs: sum(evaluation(READER_SCRIPT).map((e) => e.compileMs)),
      measures: entries.measures,
      busyMs: idle.busyMs,
      partsMs: probeMs + readerMs + sum(Object.values(entries.measures)) + idle.busyMs,
      traceMs: sum(tasks.map((t) => t.dur)),
      gcMs: sum(tasks.map((t) => (t.inner.MinorGC ?? 0) + (t.inner.MajorGC ?? 0))),
      renderingMs: renderingMs(
        events,
        thread,
        startTs,
        idleTs + AFTER_IDLE_MS * 1000,
        all.filter((t) => t.extension),
      ),
      longestTaskMs: Math.max(0, ...tasks.map((t) => t.dur)),
      longestSliceMs: idle.longestSliceMs,
      characters: idle.characters,
      nodes: idle.nodes,
      loadToIdleMs: (entries.marks['tifa:annotate-idle'] ?? NaN) - loadEnd,
    };
  } finally {
    await page.close();
  }
}

async function measureArticle(
  extension: ExtensionHandle,
  server: FixtureServer,
): Promise<ArticleRun[]> {
  await setReaderSite(extension, HOST, true);
  const runs: ArticleRun[] = [];
  for (let run = 0; run < RUNS; run++) {
    const result = await measureArticleOnce(extension, server);
    runs.push(result);
    log(
      `sample article, run ${run + 1}/${RUNS}: ${formatMs(result.traceMs)} ` +
        `(probes ${formatMs(result.probeMs)}, reader ${formatMs(result.readerMs)}, ` +
        Object.entries(result.measures)
          .map(([name, ms]) => `${name} ${formatMs(ms)}, `)
          .join('') +
        `annotation ${formatMs(result.busyMs)}; named parts ${formatMs(result.partsMs)}, ` +
        `gc ${formatMs(result.gcMs)})`,
    );
  }
  return runs;
}

/**
 * The sample article with the service worker stopped before each page loads, as after a while
 * without reading: the worker starts for the injection and loads the text engine (word list,
 * reading table, polyphone model) before it answers the page's first paragraphs.
 */
async function measureArticleColdWorker(
  extension: ExtensionHandle,
  server: FixtureServer,
): Promise<ArticleRun[]> {
  await setReaderSite(extension, HOST, true);
  const runs: ArticleRun[] = [];
  for (let run = 0; run < COLD_RUNS; run++) {
    await stopServiceWorker(extension);
    const result = await measureArticleOnce(extension, server);
    runs.push(result);
    log(
      `sample article, worker stopped before, run ${run + 1}/${COLD_RUNS}: ` +
        `${formatMs(result.traceMs)} main thread, ${formatMs(result.loadToIdleMs)} from load to idle`,
    );
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------
// 3. The long page

/**
 * Long tasks of the page's main thread, and long animation frames, collected from before the
 * page's first script. The Long Tasks API leaves rendering out (style, layout and paint run in
 * Chromium's frame task, which it does not report); long-animation-frame entries include it.
 */
const LONG_TASK_PROBE = `(() => {
  window.__tifaLongTasks = [];
  window.__tifaLongFrames = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__tifaLongTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__tifaLongFrames.push({ start: e.startTime, duration: e.duration,
          render: e.renderStart > 0 ? e.startTime + e.duration - e.renderStart : 0 });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
})();`;

interface LongRun {
  /** From the storage write that switches the reader on, in ms. */
  readonly toStartMs: number;
  readonly toFirstScreenMs: number;
  /** To the end of the frame that first renders after the first-screen mark, when that frame
   * was long (> 50 ms, so a long-animation-frame entry); NaN when it was shorter. */
  readonly toFirstScreenShownMs: number;
  /** NaN when the page was not fully annotated within LONG_IDLE_TIMEOUT_MS. */
  readonly toIdleMs: number;
  readonly measures: Readonly<Record<string, number>>;
  readonly busyMs: number;
  readonly longestSliceMs: number;
  readonly characters: number;
  readonly nodes: number;
  /** Long tasks (> 50 ms) that started after switching on (Long Tasks API). */
  readonly longTasks: readonly number[];
  /** Long animation frames (> 50 ms, rendering included) after switching on. */
  readonly longFrames: readonly { duration: number; render: number }[];
  readonly heapBefore: HeapUsage;
  readonly heapAfterLive: HeapUsage;
  readonly heapAfter: HeapUsage;
  readonly elementsBefore: number;
  readonly elementsAfter: number;
  /** After the jump to the middle of the page: until what is near the screen is drawn. */
  readonly scrollToIdleMs: number;
  /** After the jump: until the text on screen is drawn (`tifa:screen-drawn`). */
  readonly scrollToScreenMs: number;
  /** Words drawn on screen after the jump (0 would mean scrolled-to text is left bare). */
  readonly wordsOnScreenAfterScroll: number;
  readonly elementsAfterScroll: number;
}

// Code passed to worker.evaluate runs in the service worker, where Node's types know no `chrome`.
interface WorkerGlobal {
  chrome: {
    storage: {
      local: {
        get(key: string): Promise<Record<string, unknown>>;
        set(items: object): Promise<void>;
      };
    };
  };
}

/** Switches the reader on for `host` from the service worker, as the toolbar popup does, and
 * returns the moment of the storage write (ms since the Unix epoch, worker clock). */
async function switchOnFromWorker(extension: ExtensionHandle, host: string): Promise<number> {
  const worker = await extension.serviceWorker();
  return worker.evaluate(async (site) => {
    const storage = (globalThis as unknown as WorkerGlobal).chrome.storage.local;
    const { enabledSites = [] } = (await storage.get('enabledSites')) as {
      enabledSites?: string[];
    };
    const at = performance.timeOrigin + performance.now();
    await storage.set({ enabledSites: [...enabledSites.filter((s) => s !== site), site] });
    return at;
  }, host);
}

/**
 * Whether the worker's and a page's clocks agree: a worker reading taken between two page
 * readings must fall between them. Returns the widest bracket seen (the uncertainty), or
 * throws if the clocks disagree by more than that.
 */
async function checkClocks(extension: ExtensionHandle, page: Page): Promise<number> {
  const worker = await extension.serviceWorker();
  let widest = 0;
  for (let i = 0; i < 5; i++) {
    const before = await page.evaluate(() => performance.timeOrigin + performance.now());
    const inWorker = await worker.evaluate(() => performance.timeOrigin + performance.now());
    const after = await page.evaluate(() => performance.timeOrigin + performance.now());
    if (inWorker < before - 1 || inWorker > after + 1) {
      throw new Error(
        `worker and page clocks disagree: worker ${inWorker} outside page [${before}, ${after}]`,
      );
    }
    widest = Math.max(widest, after - before);
  }
  return widest;
}

/** Opens the long page with the reader off for the site, the long-task probe in place. */
async function openLongPage(
  extension: ExtensionHandle,
  url: string,
): Promise<{ page: Page; cdp: CDPSession }> {
  await setReaderSite(extension, HOST, false);
  const page = await extension.context.newPage();
  await page.addInitScript({ content: LONG_TASK_PROBE });
  const cdp = await extension.context.newCDPSession(page);
  await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
  await sleep(1000);
  return { page, cdp };
}

const countElements = (cdp: CDPSession) =>
  evaluateInPage<number>(cdp, `document.getElementsByTagName('*').length`);

async function measureLongOnce(extension: ExtensionHandle, url: string): Promise<LongRun> {
  const { page, cdp } = await openLongPage(extension, url);
  try {
    const heapBefore = await pageHeap(cdp, true);
    const elementsBefore = await countElements(cdp);
    const switchedAt = await switchOnFromWorker(extension, HOST);
    await waitForEntry(cdp, 'tifa:first-screen', 120_000);
    let idle = true;
    await waitForEntry(cdp, 'tifa:annotate-idle', LONG_IDLE_TIMEOUT_MS, 250).catch(() => {
      idle = false;
    });
    const heapAfterLive = await pageHeap(cdp, false);
    const heapAfter = await pageHeap(cdp, true);
    const elementsAfter = await countElements(cdp);
    const entries = await readReaderEntries(cdp);
    const scroll = await jumpToMiddle(cdp);
    const elementsAfterScroll = await countElements(cdp);
    const since = (mark: string) => entries.timeOrigin + (entries.marks[mark] ?? NaN) - switchedAt;
    const switchedInPage = switchedAt - entries.timeOrigin;
    const longTasks = (
      await evaluateInPage<{ start: number; duration: number }[]>(cdp, 'window.__tifaLongTasks')
    )
      .filter((t) => t.start >= switchedInPage)
      .map((t) => t.duration);
    const frames = (
      await evaluateInPage<{ start: number; duration: number; render: number }[]>(
        cdp,
        'window.__tifaLongFrames',
      )
    ).filter((f) => f.start >= switchedInPage);
    const longFrames = frames.map(({ duration, render }) => ({ duration, render }));
    // The frame that paints the first screen: the first whose rendering starts after the mark.
    const firstScreenMark = entries.marks['tifa:first-screen'] ?? NaN;
    const shownIn = frames.find((f) => f.start + f.duration - f.render >= firstScreenMark);
    const firstScreenShown =
      shownIn && shownIn.start <= firstScreenMark + 50
        ? entries.timeOrigin + shownIn.start + shownIn.duration - switchedAt
        : NaN;
    return {
      toStartMs: since('tifa:annotate-start'),
      toFirstScreenMs: since('tifa:first-screen'),
      toFirstScreenShownMs: firstScreenShown,
      toIdleMs: idle ? since('tifa:annotate-idle') : NaN,
      measures: entries.measures,
      busyMs: entries.idle?.busyMs ?? NaN,
      longestSliceMs: entries.idle?.longestSliceMs ?? NaN,
      characters: entries.idle?.characters ?? NaN,
      nodes: entries.idle?.nodes ?? NaN,
      longTasks,
      longFrames,
      heapBefore,
      heapAfterLive,
      heapAfter,
      elementsBefore,
      elementsAfter,
      scrollToIdleMs: scroll.toIdleMs,
      scrollToScreenMs: scroll.toScreenMs,
      wordsOnScreenAfterScroll: scroll.wordsOnScreen,
      elementsAfterScroll,
    };
  } finally {
    await page.close();
    await setReaderSite(extension, HOST, false);
  }
}

/**
 * Jumps to the middle of the long page once the reader is idle, as a reader dragging the
 * scrollbar would, and waits for the reader's next idle mark: the text now on screen must be
 * drawn, and how long that took is the scroll figure.
 */
async function jumpToMiddle(
  cdp: CDPSession,
): Promise<{ toIdleMs: number; toScreenMs: number; wordsOnScreen: number }> {
  const IDLE = 'tifa:annotate-idle';
  const marks = `performance.getEntriesByName(${JSON.stringify(IDLE)}).length`;
  const before = await evaluateInPage<number>(cdp, marks);
  const scrolledAt = await evaluateInPage<number>(
    cdp,
    `(() => { scrollTo(0, document.documentElement.scrollHeight / 2); return performance.now(); })()`,
  );
  const deadline = Date.now() + 60_000;
  while ((await evaluateInPage<number>(cdp, marks)) <= before) {
    if (Date.now() > deadline) return { toIdleMs: NaN, toScreenMs: NaN, wordsOnScreen: 0 };
    await sleep(25);
  }
  return evaluateInPage<{ toIdleMs: number; toScreenMs: number; wordsOnScreen: number }>(
    cdp,
    `(() => {
      const idle = performance.getEntriesByName(${JSON.stringify(IDLE)}).at(-1).startTime;
      let wordsOnScreen = 0;
      for (const ruby of document.querySelectorAll('ruby[data-tifa="w"]')) {
        const box = ruby.getBoundingClientRect();
        if (box.bottom > 0 && box.top < innerHeight) wordsOnScreen++;
      }
      const screen = performance.getEntriesByName('tifa:screen-drawn')
        .find((e) => e.startTime >= ${scrolledAt});
      return {
        toIdleMs: idle - ${scrolledAt},
        toScreenMs: screen ? screen.startTime - ${scrolledAt} : NaN,
        wordsOnScreen,
      };
    })()`,
  );
}

/** Main-thread time of a traced window by what the tasks did. */
interface Breakdown {
  readonly windowMs: number;
  readonly ms: Readonly<Record<TaskKind, number>>;
  /** Tasks over 50 ms, by kind. */
  readonly long: Readonly<Record<TaskKind, number>>;
  readonly longest: Readonly<Record<TaskKind, number>>;
  /** Tasks that ran extension code. */
  readonly extensionTasks: number;
  /** Garbage collection inside those tasks. */
  readonly extensionGcMs: number;
  /** Rendering tasks (frames). */
  readonly frames: number;
}

function breakdown(
  events: readonly TraceEvent[],
  thread: { pid: number; tid: number },
  extensionId: string,
  from: number,
  to: number,
): Breakdown {
  const tasks = mainThreadTasks(events, thread, extensionId).filter(
    (t) => t.ts >= from && t.ts <= to,
  );
  const zero = (): Record<TaskKind, number> => ({ extension: 0, rendering: 0, gc: 0, other: 0 });
  const ms = zero();
  const long = zero();
  const longest = zero();
  for (const task of tasks) {
    const kind = taskKind(task);
    ms[kind] += task.dur;
    if (task.dur > BUDGET.longTaskMs) long[kind]++;
    longest[kind] = Math.max(longest[kind], task.dur);
  }
  return {
    windowMs: (to - from) / 1000,
    ms,
    long,
    longest,
    extensionTasks: tasks.filter((t) => t.extension).length,
    extensionGcMs: sum(
      tasks
        .filter((t) => t.extension)
        .map(
          (t) =>
            (t.inner.MinorGC ?? 0) +
            (t.inner.MajorGC ?? 0) +
            (t.inner['V8.GCIncrementalMarking'] ?? 0),
        ),
    ),
    frames: tasks.filter((t) => taskKind(t) === 'rendering').length,
  };
}

interface LongTrace {
  /** From the switch to the first screen. */
  readonly toFirstScreen: Breakdown;
  /** From the jump to the middle of the page to the next idle mark. */
  readonly later: Breakdown;
}

/**
 * One more run, traced: from the switch to the first screen, then from the jump to the middle of
 * the page until what is near the screen there is drawn. Not used for the figures above (tracing
 * slows the page a little); it says where the time goes.
 */
async function traceLongOnce(extension: ExtensionHandle, url: string): Promise<LongTrace> {
  const { page, cdp } = await openLongPage(extension, url);
  try {
    const frame = await mainFrameId(cdp);
    let stop = await startTrace(cdp);
    await switchOnFromWorker(extension, HOST);
    await waitForEntry(cdp, 'tifa:first-screen', 120_000);
    let events = await stop();
    const thread = frameMainThread(events, frame);
    const firstScreen = markTimestamp(events, thread.pid, 'tifa:first-screen') ?? Infinity;
    const start = Math.min(
      ...events
        .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X')
        .map((e) => e.ts),
    );
    const toFirstScreen = breakdown(events, thread, extension.extensionId, start, firstScreen);
    await waitForEntry(cdp, 'tifa:annotate-idle', LONG_IDLE_TIMEOUT_MS, 250);
    stop = await startTrace(cdp);
    await jumpToMiddle(cdp);
    await sleep(AFTER_IDLE_MS);
    events = await stop();
    const own = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X');
    const later = breakdown(
      events,
      thread,
      extension.extensionId,
      Math.min(...own.map((e) => e.ts)),
      Math.max(...own.map((e) => e.ts + (e.dur ?? 0))),
    );
    return { toFirstScreen, later };
  } finally {
    await page.close();
    await setReaderSite(extension, HOST, false);
  }
}

async function measureLongPage(
  extension: ExtensionHandle,
  longPage: LongPage,
): Promise<{ runs: LongRun[]; clockBracketMs: number; trace: LongTrace }> {
  const server = await serveGeneratedPages(new Map([[LONG_PAGE_PATH, longPage.html]]));
  try {
    const probe = await extension.context.newPage();
    await probe.goto(server.url('/none'));
    const clockBracketMs = await checkClocks(extension, probe);
    await probe.close();
    const url = server.url(LONG_PAGE_PATH);
    const trace = await traceLongOnce(extension, url);
    log('long page: traced run done');
    const runs: LongRun[] = [];
    for (let run = 0; run < LONG_RUNS; run++) {
      const result = await measureLongOnce(extension, url);
      runs.push(result);
      log(
        `long page, run ${run + 1}/${LONG_RUNS}: first screen ${formatMs(result.toFirstScreenMs)} ` +
          `(painted ${formatMs(result.toFirstScreenShownMs)}), ` +
          `idle ${formatMs(result.toIdleMs)}, ${result.longTasks.length} long tasks ` +
          `(longest ${formatMs(Math.max(0, ...result.longTasks))}), ` +
          `${result.longFrames.length} long animation frames ` +
          `(longest ${formatMs(Math.max(0, ...result.longFrames.map((f) => f.duration)))}); ` +
          `started ${formatMs(result.toStartMs)}, busy ${formatMs(result.busyMs)}, ` +
          `longest slice ${formatMs(result.longestSliceMs)}, ` +
          `${formatInteger(result.characters)} characters, ` +
          `${formatInteger(result.elementsAfter)} elements, Blink heap ` +
          `${mib(result.heapBefore.embedderHeapUsedSize ?? NaN)} → ` +
          `${mib(result.heapAfter.embedderHeapUsedSize ?? NaN)}`,
      );
    }
    return { runs, clockBracketMs, trace };
  } finally {
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The report

/** `tifa:lexicon` → `` `tifa:lexicon` ``, in a stable order (lexicon first). */
function measureNames(runs: readonly { measures: Readonly<Record<string, number>> }[]): string[] {
  const names = new Set(runs.flatMap((r) => Object.keys(r.measures)));
  return [...names].sort((a, b) =>
    a === LEXICON_MEASURE ? -1 : b === LEXICON_MEASURE ? 1 : a.localeCompare(b),
  );
}

function measureLabel(name: string): string {
  if (name === LEXICON_MEASURE) return 'lexicon: parse the word list and build it (`tifa:lexicon`)';
  return `start-up step \`${name}\` (the reader’s own measure)`;
}

function noChineseSection(result: NoChineseResult): string {
  const column = (runs: readonly NoChineseRun[], pick: (r: NoChineseRun) => number) =>
    formatSpread(spread(runs.map(pick)));
  const row = (label: string, pick: (r: NoChineseRun) => number) => [
    label,
    column(result.on, pick),
    column(result.off, pick),
    column(result.without, pick),
  ];
  return [
    `### Page without Chinese (\`/no-chinese.html\`)`,
    `${RUNS} runs of each column, taking turns. Each run opens a new tab, traces it from ` +
      `before navigation to ${formatInteger(SETTLE_MS)} ms after \`load\`, and adds up the ` +
      `tasks of the page's main thread that ran the extension's code, from its first script ` +
      `event on where the page's own work came first in the same task (see the script's header ` +
      'for how tasks are attributed). The extension declares no content script: with the reader ' +
      'off for the site nothing of it runs in the page; with the reader on, the background runs ' +
      'a probe (`pageHasChinese`, through `scripting.executeScript` in the page’s own world, so ' +
      'no isolated world is created) in the top frame at its `document_idle` and, once the tab ' +
      'has loaded, in the other frames (the top frame then answers at once), and injects the ' +
      'reader only where it finds Chinese. "Without the extension" is the same page ' +
      'and the same measure in ' +
      'a Chromium started without it: it shows the measure counts nothing that is not the ' +
      'extension’s.',
    markdownTable(
      [
        'median (max) over runs',
        'reader on for the site',
        'reader off for the site',
        'without the extension',
      ],
      [
        row(
          'main-thread time in tasks that ran extension code (budget figure)',
          (r) => r.extensionMs,
        ),
        row(
          'not counted: the page’s own work earlier in the same task (its DOMContentLoaded, ' +
            'style), where the probe ran inside a page task at `document_idle`',
          (r) => r.pageLeadMs,
        ),
        ...([...result.on, ...result.off].some((r) => r.contextMs > 0)
          ? [
              row(
                '… creating the page’s script context for it (`LocalWindowProxy::Initialize`)',
                (r) => r.contextMs,
              ),
            ]
          : []),
        row('… probe evaluation (`EvaluateScript`)', (r) => r.evaluationMs),
        row('… … of which compiling it', (r) => r.compileMs),
        row(
          '… … of which instantiating `chrome.*` objects (`v8.newInstance`)',
          (r) => r.bindingsMs,
        ),
        row(
          '… the rest of those tasks (the injection’s message, the reply’s promise)',
          (r) => r.extensionMs - r.evaluationMs - r.contextMs,
        ),
        row('longest such task', (r) => r.longestTaskMs),
        [
          'DOM after load: `outerHTML` equal to the page without the extension',
          result.sameDomOn ? 'yes, every run' : '**no**',
          result.sameDomOff ? 'yes, every run' : '**no**',
          '(reference)',
        ],
        [
          'DOM mutations after parsing (MutationObserver, one untraced run)',
          String(result.mutationsOn),
          String(result.mutationsOff),
          '–',
        ],
      ],
    ),
  ].join('\n\n');
}

function articleSection(runs: readonly ArticleRun[], cold: readonly ArticleRun[]): string {
  const row = (label: string, pick: (r: ArticleRun) => number) => [
    label,
    formatSpread(spread(runs.map(pick))),
  ];
  const first = runs[0];
  return [
    `### Sample article (\`${SAMPLE_ARTICLE_PATH}\`)`,
    `${RUNS} runs, each a new tab with the reader on for the site (default settings), traced ` +
      'from before navigation until the `tifa:annotate-idle` mark plus ' +
      `${AFTER_IDLE_MS} ms. The article has ${formatInteger(first?.characters ?? NaN)} ` +
      `characters in ${first?.nodes ?? '?'} text nodes. The budget figure (bold) is every ` +
      'task of the page’s main thread that ran extension code up to the idle mark; the rows ' +
      'above it are its named parts (their sum leaves out message replies, the start-up ' +
      'between them, observers); the rows under it come from the same trace and are reported, ' +
      'not budgeted.',
    markdownTable(
      ['main-thread time', 'median (max)'],
      [
        row(
          'probes run by the background (`pageHasChinese`, reader already running?)',
          (r) => r.probeMs,
        ),
        row(`reader evaluation (\`${READER_SCRIPT}\`: compile and run)`, (r) => r.readerMs),
        row('… of which compiling it', (r) => r.readerCompileMs),
        ...measureNames(runs).map((name) =>
          row(measureLabel(name), (r) => r.measures[name] ?? NaN),
        ),
        row(
          'annotation: text collection and slices (`busyMs` of `tifa:annotate-idle`)',
          (r) => r.busyMs,
        ),
        row('sum of the named parts above', (r) => r.partsMs),
        row(
          '**all tasks that ran extension code up to idle: fully annotated (budget figure)**',
          (r) => r.traceMs,
        ),
        row('… garbage collection inside those tasks', (r) => r.gcMs),
        row(
          'rendering the annotated page (style, layout, paint; not in the total)',
          (r) => r.renderingMs,
        ),
        row('longest task that ran extension code', (r) => r.longestTaskMs),
        row(
          'longest annotation slice (`longestSliceMs`; slices aim at 8 ms)',
          (r) => r.longestSliceMs,
        ),
        row('wall clock from the page’s `load` to the idle mark', (r) => r.loadToIdleMs),
      ],
    ),
    `With the service worker stopped before the page loads (${cold.length} runs, as after a ` +
      'while without reading): the worker starts for the injection and builds the text engine ' +
      '(word list, reading table, polyphone model) before it answers the first paragraphs.',
    markdownTable(
      ['worker stopped before the page loads', 'median (max)'],
      [
        [
          'all tasks that ran extension code up to idle (main thread)',
          formatSpread(spread(cold.map((r) => r.traceMs))),
        ],
        [
          'wall clock from the page’s `load` to the idle mark',
          formatSpread(spread(cold.map((r) => r.loadToIdleMs))),
        ],
      ],
    ),
  ].join('\n\n');
}

function breakdownTable(trace: LongTrace): string {
  const kinds: readonly [TaskKind, string][] = [
    ['extension', 'tasks that ran extension code'],
    ['rendering', 'rendering (style, layout, pre-paint, paint)'],
    ['gc', 'garbage collection'],
    ['other', 'other'],
  ];
  const cell = (b: Breakdown, kind: TaskKind) =>
    `${formatMs(b.ms[kind])} (${((b.ms[kind] / b.windowMs) * 100).toFixed(0)} %); ` +
    `${b.long[kind]} over 50 ms, longest ${formatMs(b.longest[kind])}`;
  return markdownTable(
    [
      'main thread',
      `switch on → first screen (${formatMs(trace.toFirstScreen.windowMs)})`,
      `jump to the middle → drawn, ${AFTER_IDLE_MS} ms more (${formatMs(trace.later.windowMs)})`,
    ],
    [
      ...kinds.map(([kind, label]) => [
        label,
        cell(trace.toFirstScreen, kind),
        cell(trace.later, kind),
      ]),
      [
        '… garbage collection inside the extension’s tasks',
        formatMs(trace.toFirstScreen.extensionGcMs),
        formatMs(trace.later.extensionGcMs),
      ],
    ],
  );
}

function longPageSection(
  runs: readonly LongRun[],
  longPage: LongPage,
  clockBracketMs: number,
  trace: LongTrace,
): string {
  const row = (label: string, pick: (r: LongRun) => number, format = formatSpread) => [
    label,
    format(spread(runs.map(pick))),
  ];
  const heap = (s: Spread) =>
    Number.isNaN(s.median) ? '–' : `${mib(s.median)} (max ${mib(s.max)})`;
  const count = (s: Spread) =>
    Number.isNaN(s.median) ? '–' : `${formatInteger(s.median)} (max ${formatInteger(s.max)})`;
  const longTasks = runs.flatMap((r) => r.longTasks);
  const notIdle = runs.filter((r) => Number.isNaN(r.toIdleMs)).length;
  return [
    `### Long page (generated, ${longPage.chars.toLocaleString('en-US')} characters)`,
    `${longPage.description}. ${LONG_RUNS} runs; each loads the page with the reader off, ` +
      'waits a second, collects garbage, reads the heap, then switches the reader on by ' +
      'writing the site list from the service worker (as the toolbar popup does) and waits for ' +
      'the reader’s marks. Times run from that storage write (worker clock) to the marks (page ' +
      `clock); both clocks count from the Unix epoch and agreed within ${formatMs(clockBracketMs)} ` +
      '(a worker reading taken between two page readings fell between them). Long tasks come ' +
      'from a `longtask` PerformanceObserver the page registered before loading, long ' +
      'animation frames from a `long-animation-frame` one; only those starting after the ' +
      'switch count, up to the end of the jump: once idle, each run jumps to the middle of the ' +
      'page (`scrollTo`, as dragging the scrollbar does) and waits for the reader’s next idle ' +
      'mark, and counts the words drawn on screen there.' +
      (notIdle > 0
        ? ` **${notIdle} run(s) were not fully annotated after ` +
          `${formatInteger(LONG_IDLE_TIMEOUT_MS / 60_000)} minutes**; their figures are taken then.`
        : ''),
    markdownTable(
      ['measure', 'median (max)'],
      [
        row(
          'switch on → reader started (`tifa:annotate-start`: injection, evaluation, start-up)',
          (r) => r.toStartMs,
        ),
        ...measureNames(runs).map((name) =>
          row(`… ${measureLabel(name)}`, (r) => r.measures[name] ?? NaN),
        ),
        row('reader started → first screen annotated', (r) => r.toFirstScreenMs - r.toStartMs),
        row(
          '**switch on → first screen annotated (`tifa:first-screen`)**',
          (r) => r.toFirstScreenMs,
        ),
        row(
          'switch on → end of the frame that paints it, when that frame is long (> 50 ms: a ' +
            'long-animation-frame entry; – when every such frame was shorter)',
          (r) => r.toFirstScreenShownMs,
        ),
        row(
          'switch on → idle (`tifa:annotate-idle`): text within three screens drawn; the rest ' +
            'waits until it scrolls near',
          (r) => r.toIdleMs,
        ),
        row(
          'jump to the middle of the page → text on screen there drawn (`tifa:screen-drawn`)',
          (r) => r.scrollToScreenMs,
        ),
        row(
          'jump to the middle of the page → text near the screen there drawn (next idle mark)',
          (r) => r.scrollToIdleMs,
        ),
        row('words drawn on screen after the jump', (r) => r.wordsOnScreenAfterScroll, count),
        row('annotation main-thread time (`busyMs`)', (r) => r.busyMs),
        row('longest annotation slice (`longestSliceMs`)', (r) => r.longestSliceMs),
        row(
          'long tasks (> 50 ms, Long Tasks API) after switching on, per run',
          (r) => r.longTasks.length,
          count,
        ),
        row('longest of them', (r) => Math.max(0, ...r.longTasks)),
        row(
          'long animation frames (> 50 ms, rendering included) after switching on, per run',
          (r) => r.longFrames.length,
          count,
        ),
        row('longest of them', (r) => Math.max(0, ...r.longFrames.map((f) => f.duration))),
        row(
          '… its style, layout and paint',
          (r) => [...r.longFrames].sort((x, y) => y.duration - x.duration)[0]?.render ?? 0,
        ),
        row('characters annotated', (r) => r.characters, count),
        row('JS heap before (V8 used, after GC)', (r) => r.heapBefore.usedSize, heap),
        row('JS heap at idle (V8 used, as found)', (r) => r.heapAfterLive.usedSize, heap),
        row('JS heap at idle (V8 used, after GC)', (r) => r.heapAfter.usedSize, heap),
        row(
          'Blink (DOM) heap before, after GC',
          (r) => r.heapBefore.embedderHeapUsedSize ?? NaN,
          heap,
        ),
        row(
          'Blink (DOM) heap at idle, after GC',
          (r) => r.heapAfter.embedderHeapUsedSize ?? NaN,
          heap,
        ),
        row('elements before', (r) => r.elementsBefore, count),
        row('elements at idle', (r) => r.elementsAfter, count),
        row('elements after the jump', (r) => r.elementsAfterScroll, count),
      ],
    ),
    longTasks.length > 0
      ? `Long tasks after switching on: ${runs.map((r) => r.longTasks.length).join(', ')} in ` +
        `the ${runs.length} runs; the ten longest (ms): ${[...longTasks]
          .sort((x, y) => y - x)
          .slice(0, 10)
          .map((d) => d.toFixed(0))
          .join(', ')}.`
      : 'No long task after switching on in any run.',
    `Where the main-thread time goes, from one more run traced (not part of the figures above; ` +
      `tracing slows the page slightly). Each task is counted once: as the extension's if it ran ` +
      'extension code, else by what fills at least half of it.',
    breakdownTable(trace),
  ].join('\n\n');
}

/** Why budgets were missed, from the figures of this run. */
function explainMisses(
  noChinese: NoChineseResult,
  article: readonly ArticleRun[],
  long: readonly LongRun[],
  trace: LongTrace,
  build: ExtensionBuild,
): string[] {
  const notes: string[] = [];
  const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`;
  const on = (pick: (r: NoChineseRun) => number) => median(noChinese.on.map(pick));
  const off = (pick: (r: NoChineseRun) => number) => median(noChinese.off.map(pick));
  if (
    on((r) => r.extensionMs) >= BUDGET.noChineseMs ||
    off((r) => r.extensionMs) >= BUDGET.noChineseMs
  ) {
    notes.push(
      `**Page without Chinese.** ${formatMs(on((r) => r.extensionMs))} with the reader on for ` +
        `the site, ${formatMs(off((r) => r.extensionMs))} with it off. With it on, the ` +
        `background's probe takes ${formatMs(on((r) => r.evaluationMs))} to evaluate ` +
        `(${formatMs(on((r) => r.compileMs))} compiling; max ` +
        `${formatMs(Math.max(...noChinese.on.map((r) => r.evaluationMs)))}): most of it is the ` +
        'first touch of the body in a page that has run no script, which makes Chromium create ' +
        'the DOM wrappers of the page’s world. With it off nothing of the extension should run ' +
        'at all; time there means another task was counted (see the script’s header).',
    );
  }
  const a = (pick: (r: ArticleRun) => number) => median(article.map(pick));
  if (a((r) => r.traceMs) > BUDGET.articleMs) {
    const busy = a((r) => r.busyMs);
    const characters = article[0]?.characters ?? NaN;
    const measures = measureNames(article)
      .map((name) => `\`${name}\` ${formatMs(a((r) => r.measures[name] ?? NaN))}`)
      .join(', ');
    notes.push(
      `**Sample article.** ${formatMs(a((r) => r.traceMs))} against ${BUDGET.articleMs} ms. ` +
        `Evaluating the ${kb(build.bytes.reader)} reader takes ${formatMs(a((r) => r.readerMs))} ` +
        `on every page, ${formatMs(a((r) => r.readerCompileMs))} of it compiling (no code cache ` +
        'for a script injected with `scripting.executeScript`). ' +
        (measures ? `Start-up steps: ${measures}. ` : '') +
        `The annotation takes ${formatMs(busy)} for ${formatInteger(characters)} characters; its ` +
        `longest slice is ${formatMs(a((r) => r.longestSliceMs))}. Garbage collection takes ` +
        `${formatMs(a((r) => r.gcMs))} inside the extension’s tasks, and drawing the ruby costs ` +
        `${formatMs(a((r) => r.renderingMs))} of rendering besides (not in the figure).`,
    );
  }
  const l = (pick: (r: LongRun) => number) => median(long.map(pick));
  const first = trace.toFirstScreen;
  if (l((r) => r.toFirstScreenMs) > BUDGET.firstScreenMs) {
    notes.push(
      `**Long page, first screen.** ${formatMs(l((r) => r.toFirstScreenMs))} against ` +
        `${BUDGET.firstScreenMs} ms. ${formatMs(l((r) => r.toStartMs))} pass before the ` +
        'annotator starts: the background hears of the switch, probes the tab for Chinese and ' +
        'injects the reader, which is evaluated and runs its start-up steps (' +
        measureNames(long)
          .map((name) => `\`${name}\` ${formatMs(l((r) => r.measures[name] ?? NaN))}`)
          .join(', ') +
        `). Then ${formatMs(l((r) => r.toFirstScreenMs - r.toStartMs))} to annotate what is ` +
        'on screen: it is found from the page’s geometry at start and drawn in the first slice ' +
        '(up to 30 ms), which also carries the text engine’s one-off set-up in its first ' +
        '`analyze` call; on a loaded machine it takes more slices, and their drawing is held ' +
        'until the whole screen is ready, so no frame lays out the page before the screen is ' +
        'drawn. The frame after it is the slowest of all: the first `display: ruby` element in ' +
        'a document makes Chromium lay out the ' +
        'whole document again (the trace names the document’s style as the reason), 130 to 170 ' +
        'ms on this page in a separate test, wherever the element is (even in a fixed, ' +
        '`contain: strict` box outside the article), against 8 to 10 ms for each later ruby and ' +
        '20 to 35 ms for a first ruby laid out as an inline block. In the traced run, ' +
        `of ${formatMs(first.windowMs)} from switch to first screen, ` +
        `extension tasks took ${formatMs(first.ms.extension)} and rendering ` +
        `${formatMs(first.ms.rendering)}.`,
    );
  }
  const longTasks = long.flatMap((r) => r.longTasks);
  const longFrames = long.flatMap((r) => r.longFrames.map((f) => f.duration));
  const later = trace.later;
  const toIdle = l((r) => r.toIdleMs);
  const slice = l((r) => r.longestSliceMs);
  if (longTasks.length > 0 || longFrames.length > 0 || Number.isNaN(toIdle)) {
    notes.push(
      `**Long page, long tasks.** The Long Tasks API saw ` +
        `${longTasks.length} task(s) over ${BUDGET.longTaskMs} ms after switching on (longest ` +
        `${formatMs(Math.max(0, ...longTasks))}); it leaves rendering out, and the ` +
        `long-animation-frame entries, which include it, saw ${formatInteger(longFrames.length)} ` +
        `frames over ${BUDGET.longTaskMs} ms in ${long.length} runs (longest ` +
        `${formatMs(Math.max(0, ...longFrames))}). In the traced run, ` +
        `${first.long.extension + later.long.extension} tasks over 50 ms ran extension code ` +
        '(rendering forced inside them included)' +
        (Number.isNaN(slice) ? '' : ` (longest slice ${formatMs(slice)}; slices aim at 8 ms)`) +
        `; ${first.long.rendering + later.long.rendering} were rendering. The first screen is ` +
        `annotated ${formatMs(l((r) => r.toFirstScreenMs))} after switching on and painted ` +
        `${formatMs(l((r) => r.toFirstScreenShownMs))} after switching on: the frame that ` +
        'draws it lays ' +
        'out its ruby, and the first `display: ruby-text` box of a document makes Chromium lay ' +
        'out the whole document again (60 to 190 ms on a page this size in a separate test, ' +
        'wherever the box sits, even inside a fixed `contain: strict` box). Words laid out as ' +
        'inline grids instead (a column per character, the reading above it) avoid that one-off ' +
        'layout (painted 136 and 156 ms after switching on in two runs, against 254 and 256 ms), ' +
        'but grid items are blocks, so the `innerText` of annotated text breaks between ' +
        'characters, and page scripts and other extensions read it: the reader keeps ruby. ' +
        'Annotation ' +
        'stays near the screen: the page grows to ' +
        `${formatInteger(l((r) => r.elementsAfter))} elements at idle and ` +
        `${formatInteger(l((r) => r.elementsAfterScroll))} after the jump, and the Blink heap ` +
        `from ${mib(l((r) => r.heapBefore.embedderHeapUsedSize ?? NaN))} to ` +
        `${mib(l((r) => r.heapAfter.embedderHeapUsedSize ?? NaN))}. What is left is the cost ` +
        'of each frame that draws ruby into a page this size: Chromium lays out a paragraph of ' +
        'ruby several times slower than plain text (measured with the same paragraphs as ' +
        'spans: 20 to 30 ms a frame against 40 to 120 ms), and everything below it moves. ' +
        `After the jump, the text on screen was drawn in ${formatMs(l((r) => r.scrollToScreenMs))} ` +
        `and everything within three screens in ${formatMs(l((r) => r.scrollToIdleMs))}; in the ` +
        `traced run, rendering took ${formatMs(later.ms.rendering)} in ${later.frames} ` +
        `frames (longest ${formatMs(later.longest.rendering)}) against ` +
        `${formatMs(later.ms.extension)} of annotation in ${later.extensionTasks} tasks.`,
    );
  }
  return notes;
}

async function runPageBenchmark(): Promise<BenchReport> {
  if (!sampleArticleAvailable()) {
    throw new SharedDataMissingError(
      'The shared sample article (../shared/fixtures/sample-article.txt) is missing; set ' +
        'TIFA_SHARED to the shared folder.',
    );
  }
  const longPage = buildLongPage();
  log(`long page: ${longPage.description}`);
  const build = await snapshotExtensionBuild();
  if (build.newerSources.length > 0) {
    console.warn(
      `[page] warning: ${build.newerSources.length} source file(s) changed after the build`,
    );
  }
  const server = await startFixtureServer();
  let extension: ExtensionHandle | undefined;
  try {
    extension = await launchWithExtension({ extensionDir: build.dir });
    const blank = await extension.context.newPage();
    const version = await browserVersion(await extension.context.newCDPSession(blank));
    await blank.close();
    if (ONLY) {
      // A quick look at one part while working on it: logged, BENCHMARKS.md left alone.
      if (ONLY === 'nochinese')
        console.log(noChineseSection(await measureNoChinese(extension, server)));
      else if (ONLY === 'article') {
        await measureArticle(extension, server);
        await measureArticleColdWorker(extension, server);
      } else if (ONLY === 'long') {
        const { trace } = await measureLongPage(extension, longPage);
        console.log(breakdownTable(trace));
      } else throw new Error(`BENCH_PAGE_ONLY must be nochinese, article or long, not ${ONLY}`);
      process.exit(0);
    }
    const noChinese = await measureNoChinese(extension, server);
    const article = await measureArticle(extension, server);
    const cold = await measureArticleColdWorker(extension, server);
    const long = await measureLongPage(extension, longPage);

    const onMs = spread(noChinese.on.map((r) => r.extensionMs));
    const offMs = spread(noChinese.off.map((r) => r.extensionMs));
    const articleMs = spread(article.map((r) => r.traceMs));
    const firstScreen = spread(long.runs.map((r) => r.toFirstScreenMs));
    const longTasks = long.runs.flatMap((r) => r.longTasks);
    const longFrames = long.runs.flatMap((r) => r.longFrames.map((f) => f.duration));
    const unchanged =
      noChinese.sameDomOn &&
      noChinese.sameDomOff &&
      noChinese.mutationsOn + noChinese.mutationsOff === 0;
    const measured = (s: Spread) => `${formatMs(s.median)} (max ${formatMs(s.max)})`;
    const over = (s: Spread, budget: number) =>
      `${formatMs(s.median - budget)} over (${(s.median / budget).toFixed(1)}× the budget)`;
    const budgets: BudgetCheck[] = [
      {
        what: 'page without Chinese, reader on for the site: extension main-thread time',
        budget: `< ${BUDGET.noChineseMs} ms`,
        measured: measured(onMs),
        pass: onMs.median < BUDGET.noChineseMs,
        shortfall: over(onMs, BUDGET.noChineseMs),
      },
      {
        what: 'page without Chinese, reader off for the site (every other page): same',
        budget: `< ${BUDGET.noChineseMs} ms`,
        measured: measured(offMs),
        pass: offMs.median < BUDGET.noChineseMs,
        shortfall: over(offMs, BUDGET.noChineseMs),
      },
      {
        what: 'page without Chinese: DOM change',
        budget: 'none',
        measured: unchanged ? 'none' : 'changed',
        pass: unchanged,
      },
      {
        what: 'sample article fully annotated: main-thread time',
        budget: `≤ ${BUDGET.articleMs} ms`,
        measured: measured(articleMs),
        pass: articleMs.median <= BUDGET.articleMs,
        shortfall: over(articleMs, BUDGET.articleMs),
      },
      {
        what: 'long page: switch on → first screen annotated',
        budget: `≤ ${BUDGET.firstScreenMs} ms`,
        measured: measured(firstScreen),
        pass: firstScreen.median <= BUDGET.firstScreenMs,
        shortfall: over(firstScreen, BUDGET.firstScreenMs),
      },
      {
        what: 'long page: tasks over 50 ms after switching on',
        budget: 'none',
        measured:
          longTasks.length + longFrames.length === 0
            ? 'none'
            : `${longTasks.length} long tasks (longest ${formatMs(Math.max(0, ...longTasks))}) ` +
              `and ${formatInteger(longFrames.length)} long animation frames (longest ` +
              `${formatMs(Math.max(0, ...longFrames))}) in ${long.runs.length} runs`,
        pass: longTasks.length + longFrames.length === 0,
        shortfall:
          `the longest ${formatMs(Math.max(0, ...longTasks, ...longFrames) - BUDGET.longTaskMs)} ` +
          'over 50 ms',
      },
    ];
    const failures: string[] = [];
    if (noChinese.without.some((r) => r.extensionMs > 0.5)) {
      failures.push(
        'the trace attribution counted work in a Chromium without the extension: it does not ' +
          'isolate the extension',
      );
    }
    const notes = explainMisses(noChinese, article, long.runs, long.trace, build);
    const body = [
      describeBuild(build, version) +
        (uncommittedBrowserCode()
          ? ' The working tree had uncommitted changes in entrypoints/, utils/ or public/ ' +
            'when this ran; the build may include them.'
          : ''),
      noChineseSection(noChinese),
      articleSection(article, cold),
      longPageSection(long.runs, longPage, long.clockBracketMs, long.trace),
      ...(notes.length > 0 ? ['### Why budgets are missed', ...notes] : []),
    ].join('\n\n');
    return {
      id: 'page',
      title: 'Reading mode in the browser (page cost)',
      script: 'bench:page',
      body,
      budgets,
      failures,
    };
  } finally {
    await extension?.close();
    await server.close();
    await build.dispose();
  }
}

await runIfMain(import.meta.url, runPageBenchmark);
