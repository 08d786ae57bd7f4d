/**
 * The word popup in the real Chromium with the built extension (headless, the sample article
 * from 127.0.0.1 with the reader on):
 *
 * - Warm, pointer move to popup painted. The page itself measures, from a script installed
 *   before any other: a capturing `mousemove` listener keeps the event's `timeStamp` (when the
 *   browser created the event) and asks for the next animation frame; a MutationObserver on the
 *   popup's shadow root sees the dialog shown with new content, asks for the next animation
 *   frame, and from that frame's callback posts a message whose handler reads the clock. That
 *   handler runs after the frame's style, layout and paint on the main thread, so "painted"
 *   means the frame holding the popup was produced; compositing and display follow on other
 *   threads and are not counted. The pointer moves straight from word to word (one `mousemove`
 *   each, Playwright's `page.mouse.move`), waiting a random 20–60 ms after each popup so moves
 *   fall at random points of the frame; every 50 moves the page scrolls (which closes the popup).
 *   The reader answers hovers from its in-page cache, filled ahead by prefetching the paragraphs
 *   on screen (after reading mode drew them, 100 ms after a scroll, and when the pointer enters a
 *   paragraph); a move is counted as answered from the cache when the popup was in the DOM before
 *   the move's own animation frame ran, else as answered after a message.
 * - First hover in a paragraph not yet prefetched: the page is loaded afresh (an empty cache),
 *   the reader's prefetch of the first screen is awaited (its `tifa:popup-cache` mark), the page
 *   is scrolled by 90 % of the viewport and a word in the lower two thirds is hovered at once,
 *   before the reader's prefetch after the scroll. Measured like the warm moves; reported apart.
 * - Frame floor: the pointer moved to random points of the page's left margin (no text there:
 *   the reader finds no word and does nothing), timed from the move's event to the animation
 *   frame that follows it (the probe's `requestAnimationFrame` callback). No page script can
 *   draw anything sooner; it bounds what any popup can reach.
 * - In-page cache: entries and the size of their JSON from the reader's `tifa:popup-cache` mark
 *   (numbers only) after the warm moves.
 * - Message round trip: `chrome.runtime.sendMessage({ type: 'lookupWord', … })` awaited in a
 *   loop, from the content script's own world on the page and from an extension page.
 * - Cold: the service worker is stopped through the DevTools protocol, then one lookup is sent
 *   from the content script's world and timed; a `ping` afterwards confirms a new worker answered.
 *   Also a cold hover (pointer move to popup painted with a stopped worker), reported.
 * - Service worker memory: its V8 heap through its own DevTools target after a full garbage
 *   collection: fresh, with the dictionary loaded, and after a page load with the reader on.
 *
 * Usage: npx wxt build && npm run bench:popup
 *        (BENCH_POPUP_HOVERS, default 200; BENCH_POPUP_COLD, default 10)
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CDPSession, Page } from 'playwright-core';
import {
  launchWithExtension,
  readServiceWorkerStatus,
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
  attachServiceWorker,
  browserVersion,
  contentScriptWorld,
  describeBuild,
  mainThreadTasks,
  renderingMs,
  snapshotExtensionBuild,
  markTraceClock,
  startTrace,
  traceClock,
  uncommittedBrowserCode,
  waitForEntry,
  type ExtensionBuild,
  type HeapUsage,
} from './lib/browser';
import { markdownTable } from './lib/markdown';
import { runIfMain, type BenchReport, type BudgetCheck } from './lib/report';
import { CEDICT_FILE_NAME } from '../../utils/dict/cedict-format';
import { LOOKUP_CACHE_ENTRIES } from '../../entrypoints/reader.content/popup/lookup-cache';
import { SharedDataMissingError } from './lib/shared-data';
import { formatMs, median, percentile } from './lib/stats';

const HOST = '127.0.0.1';
const HOVERS = positiveInteger(process.env.BENCH_POPUP_HOVERS, 200);
const WARM_UP_HOVERS = 10;
const ROUND_TRIPS = 200;
const WARM_UP_ROUND_TRIPS = 20;
const COLD_LOOKUPS = positiveInteger(process.env.BENCH_POPUP_COLD, 10);
const COLD_HOVERS = 5;
const FIRST_HOVERS = positiveInteger(process.env.BENCH_POPUP_FIRST, 12);
const FLOOR_MOVES = 100;
const SCROLL_EVERY = 50;
/** A move whose popup has not been painted after this long counts as failed (see failures). */
const HOVER_TIMEOUT_MS = 3000;
const COLD_HOVER_TIMEOUT_MS = 10_000;
/** The word of the round-trip loop, as the issue names it. */
const ROUND_TRIP_WORD = '经济体制改革';
/** Words for the cold lookups: a new worker has an empty cache whatever the word. */
const COLD_WORDS = ['经济', '改革', '发展', '政府', '人民', '社会', '国家', '政策', '市场', '城市'];

/** A frame at 60 Hz, the rate headless Chromium produces frames at. */
const FRAME_MS = 1000 / 60;

/** ARCHITECTURE.md and issue 4 budgets. */
const BUDGET = { warmP95Ms: 16, roundTripP95Ms: 5, coldMs: 300, workerMB: 40 } as const;

function positiveInteger(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

function log(line: string): void {
  console.log(`[popup] ${line}`);
}

// ---------------------------------------------------------------------------------------------
// Warm and cold hovers

/** Installed in the page's main world before any other script (see the header). */
export const HOVER_PROBE = `(() => {
  const state = { seq: 0, move: null, results: [], waiter: null, toFrame: [] };
  window.__tifaHover = state;
  addEventListener('mousemove', (event) => {
    const move = { seq: ++state.seq, t: event.timeStamp, frame: NaN, frameTs: NaN, done: false };
    state.move = move;
    requestAnimationFrame((ts) => {
      move.frame = performance.now();
      move.frameTs = ts;
      state.toFrame.push(move.frame - move.t);
    });
  }, { capture: true, passive: true });
  const check = () => {
    const host = document.querySelector('tifa-popup');
    const dialog = host && host.shadowRoot && host.shadowRoot.querySelector('[role="dialog"]');
    const move = state.move;
    if (!dialog || dialog.hidden || !move || move.done) return;
    move.done = true;
    const dom = performance.now();
    requestAnimationFrame((frameTs) => {
      const frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const result = { seq: move.seq, move: move.t, frame1: move.frame, dom, frame2: frame,
          painted: performance.now(), frames: (frameTs - move.frameTs) };
        state.results.push(result);
        const waiter = state.waiter;
        if (waiter && waiter.seq === result.seq) { state.waiter = null; waiter.resolve(result); }
      };
      channel.port2.postMessage(null);
    });
  };
  let observed = null;
  const watch = () => {
    const host = document.querySelector('tifa-popup');
    if (!host || !host.shadowRoot || host === observed) return;
    observed = host;
    new MutationObserver(check).observe(host.shadowRoot,
      { subtree: true, childList: true, attributes: true, characterData: true });
    check();
  };
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver(watch).observe(document.documentElement, { childList: true });
    watch();
  });
})();`;

/** A drawn word fully on screen (below `fromTop` of the viewport's height), not under the popup
 * and not the last one hovered; its middle (low in the box, on the characters rather than the
 * reading above them). */
export const pickTarget = (fromTop = 0) => `(() => {
  const state = window.__tifaHover;
  const top = Math.max(40, innerHeight * ${fromTop});
  const words = [...document.querySelectorAll('ruby[data-tifa="w"]')].filter((word) => {
    const box = word.getBoundingClientRect();
    return box.width > 0 && box.top >= top && box.bottom <= innerHeight - 40 && box.left >= 0 &&
      box.right <= innerWidth && word !== state.lastTarget;
  });
  for (let attempt = 0; attempt < 50 && words.length > 0; attempt++) {
    const word = words[Math.floor(Math.random() * words.length)];
    const box = word.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height * 0.75;
    const hit = document.elementFromPoint(x, y);
    if (hit && word.contains(hit)) {
      state.lastTarget = word;
      return { x, y, seq: state.seq + 1 };
    }
  }
  return null;
})()`;

interface HoverTiming {
  /** Pointer move (event timestamp) to the popup's frame painted. */
  readonly totalMs: number;
  /** Move to the popup in the DOM: word at point, lookup (cache or message), building it. */
  readonly toDomMs: number;
  /** Popup in the DOM to its frame painted. */
  readonly toPaintMs: number;
  /** Frame intervals from the frame that handled the move to the popup's frame. */
  readonly frames: number;
  /** The popup was in the DOM before the move's own animation frame: answered from the cache. */
  readonly fromCache: boolean;
}

/** What HOVER_PROBE records for one move (page clock, ms). */
export interface ProbeResult {
  seq: number;
  move: number;
  frame1: number;
  dom: number;
  frame2: number;
  painted: number;
  /** Between the frame that handled the move and the popup's frame (rAF timestamps). */
  frames: number;
}

/** Moves the pointer to a new word and waits for the popup's frame; null if none came. */
export async function hoverRaw(
  page: Page,
  timeoutMs: number,
  fromTop = 0,
): Promise<ProbeResult | null> {
  const target = await page.evaluate<{ x: number; y: number; seq: number } | null>(
    pickTarget(fromTop),
  );
  if (!target) return null;
  await page.mouse.move(target.x, target.y);
  return page.evaluate<ProbeResult | null>(
    `new Promise((resolve) => {
      const state = window.__tifaHover;
      const done = state.results.find((r) => r.seq === ${target.seq});
      if (done) return resolve(done);
      state.waiter = { seq: ${target.seq}, resolve };
      setTimeout(() => resolve(null), ${timeoutMs});
    })`,
  );
}

function hoverTiming(result: ProbeResult): HoverTiming {
  return {
    totalMs: result.painted - result.move,
    toDomMs: result.dom - result.move,
    toPaintMs: result.painted - result.dom,
    frames: Math.round(result.frames / FRAME_MS),
    fromCache: Number.isNaN(result.frame1) || result.dom <= result.frame1,
  };
}

async function hoverOnce(page: Page, timeoutMs: number): Promise<HoverTiming | null> {
  const result = await hoverRaw(page, timeoutMs);
  return result ? hoverTiming(result) : null;
}

async function scrollOn(page: Page): Promise<void> {
  await page.evaluate(
    `window.scrollY + innerHeight >= document.documentElement.scrollHeight - 10
      ? window.scrollTo(0, 0) : window.scrollBy(0, innerHeight * 0.6)`,
  );
  await sleep(150);
}

async function measureWarmHovers(page: Page): Promise<{ timings: HoverTiming[]; missed: number }> {
  const timings: HoverTiming[] = [];
  let missed = 0;
  for (let i = 0; i < WARM_UP_HOVERS + HOVERS; i++) {
    if (i > 0 && i % SCROLL_EVERY === 0) await scrollOn(page);
    const timing = await hoverOnce(page, HOVER_TIMEOUT_MS);
    if (i >= WARM_UP_HOVERS) {
      if (timing) timings.push(timing);
      else missed++;
    }
    await sleep(20 + Math.random() * 40);
  }
  return { timings, missed };
}

/** Moves over the page's left margin (no text): event to the next animation frame, in ms. */
async function measureFrameFloor(page: Page): Promise<number[]> {
  await page.evaluate(`window.__tifaHover.toFrame = [], 0`);
  for (let i = 0; i < FLOOR_MOVES; i++) {
    const y = 60 + Math.random() * 600;
    await page.mouse.move(2 + Math.random() * 4, y);
    await sleep(20 + Math.random() * 40);
  }
  return page.evaluate<number[]>(`window.__tifaHover.toFrame.slice()`);
}

/** The in-page cache as the reader last reported it (`tifa:popup-cache`), or null. */
async function readCacheSize(page: Page): Promise<{ entries: number; chars: number } | null> {
  return page.evaluate<{ entries: number; chars: number } | null>(
    `(() => { const mark = performance.getEntriesByName('tifa:popup-cache').at(-1);
      return mark && mark.detail ? mark.detail : null; })()`,
  );
}

/** First hovers in paragraphs the reader has not prefetched: a fresh page (empty cache), its
 * first screen prefetched, scrolled on by 90 % of the viewport, a word low on screen hovered at
 * once (before the reader's prefetch 100 ms after the scroll). */
async function measureFirstHovers(
  page: Page,
  cdp: CDPSession,
  url: string,
): Promise<HoverTiming[]> {
  const timings: HoverTiming[] = [];
  for (let i = 0; i < FIRST_HOVERS; i++) {
    await page.goto(url);
    await waitForEntry(cdp, 'tifa:annotate-idle', 60_000);
    await waitForEntry(cdp, 'tifa:popup-cache', 10_000);
    // Park the pointer off the text, then scroll on to paragraphs that were not on screen.
    await page.mouse.move(2, 2);
    await page.evaluate(`window.scrollTo(0, ${i % 3} * innerHeight * 0.9), 0`);
    await sleep(300);
    await page.evaluate(`window.scrollBy(0, innerHeight * 0.9), 0`);
    const timing = await hoverRaw(page, HOVER_TIMEOUT_MS, 0.34);
    if (timing) timings.push(hoverTiming(timing));
  }
  return timings;
}

/** Per traced move: the reader's own main-thread work from the move to the popup in the DOM,
 * the rest of that step (waiting for the main thread, or for a reply), and the rendering of the
 * popup's frame. */
interface TracedHovers {
  readonly count: number;
  readonly readerMs: number[];
  readonly waitMs: number[];
  readonly renderMs: number[];
}

const TRACED_HOVERS = 20;

async function traceHovers(
  page: Page,
  cdp: CDPSession,
  extensionId: string,
): Promise<TracedHovers> {
  const stop = await startTrace(cdp);
  await markTraceClock(cdp);
  const results: ProbeResult[] = [];
  for (let i = 0; i < TRACED_HOVERS; i++) {
    const result = await hoverRaw(page, HOVER_TIMEOUT_MS);
    if (result) results.push(result);
    await sleep(20 + Math.random() * 40);
  }
  const events = await stop();
  const { thread, toTrace } = traceClock(events);
  const tasks = mainThreadTasks(events, thread, extensionId).filter((t) => t.extension);
  const readerMs: number[] = [];
  const waitMs: number[] = [];
  const renderMs: number[] = [];
  for (const r of results) {
    const from = toTrace(r.move);
    const to = toTrace(r.dom);
    const ownMs = tasks
      .filter((t) => t.ts < to && t.ts + t.dur * 1000 > from)
      .reduce(
        (total, t) => total + (Math.min(to, t.ts + t.dur * 1000) - Math.max(from, t.ts)) / 1000,
        0,
      );
    readerMs.push(ownMs);
    waitMs.push(r.dom - r.move - ownMs);
    renderMs.push(renderingMs(events, thread, to, toTrace(r.painted), []));
  }
  return { count: results.length, readerMs, waitMs, renderMs };
}

// ---------------------------------------------------------------------------------------------
// Messages

/** The lookup loop, as an expression for any context with `chrome.runtime`. */
function roundTripLoop(count: number, word: string): string {
  return `(async () => {
    const times = [];
    for (let i = 0; i < ${count}; i++) {
      const started = performance.now();
      const reply = await chrome.runtime.sendMessage({ type: 'lookupWord',
        payload: { text: ${JSON.stringify(word)} } });
      times.push(performance.now() - started);
      if (!reply || !reply.ok) throw new Error('lookup failed: ' + JSON.stringify(reply));
    }
    return times;
  })()`;
}

type Evaluate = <T>(expression: string) => Promise<T>;

async function measureRoundTrips(evaluate: Evaluate): Promise<number[]> {
  await evaluate<number[]>(roundTripLoop(WARM_UP_ROUND_TRIPS, ROUND_TRIP_WORD));
  return evaluate<number[]>(roundTripLoop(ROUND_TRIPS, ROUND_TRIP_WORD));
}

interface ColdLookup {
  readonly ms: number;
  /** The worker that answered started after it was stopped. */
  readonly fresh: boolean;
}

/** One timed message from the content script; throws on an error reply. */
function timedMessage(type: string, payload: object): string {
  return `(async () => {
    const started = performance.now();
    const reply = await chrome.runtime.sendMessage({ type: ${JSON.stringify(type)},
      payload: ${JSON.stringify(payload)} });
    const elapsed = performance.now() - started;
    if (!reply || !reply.ok) throw new Error('${type} failed: ' + JSON.stringify(reply));
    return elapsed;
  })()`;
}

async function measureColdLookups(
  extension: ExtensionHandle,
  contentWorld: Evaluate,
): Promise<{ lookups: ColdLookup[]; pings: number[]; firstOnStarted: number[] }> {
  const lookups: ColdLookup[] = [];
  const pings: number[] = [];
  const firstOnStarted: number[] = [];
  for (let i = 0; i < COLD_LOOKUPS; i++) {
    const word = COLD_WORDS[i % COLD_WORDS.length] ?? '经济';
    await stopServiceWorker(extension);
    const stoppedAt = Date.now();
    const ms = await contentWorld<number>(timedMessage('lookupWord', { text: word }));
    const startedAt = await contentWorld<number>(
      `chrome.runtime.sendMessage({ type: 'ping', payload: {} }).then((r) => r.value.startedAt)`,
    );
    // Date.now() of Node and of the worker read the same system clock; a second of slack.
    lookups.push({ ms, fresh: startedAt >= stoppedAt - 1000 });
    // The same cold start in two steps: starting the worker (a ping), then the first lookup.
    await stopServiceWorker(extension);
    pings.push(await contentWorld<number>(timedMessage('ping', {})));
    firstOnStarted.push(await contentWorld<number>(timedMessage('lookupWord', { text: word })));
    log(
      `cold ${i + 1}/${COLD_LOOKUPS}: lookup ${formatMs(ms)}; ping ${formatMs(pings.at(-1) ?? NaN)}` +
        ` then lookup ${formatMs(firstOnStarted.at(-1) ?? NaN)}`,
    );
  }
  return { lookups, pings, firstOnStarted };
}

/** Fetching and decoding the dictionary file in the (running) worker, as its first lookup does. */
async function timeDictionaryFetch(extension: ExtensionHandle): Promise<number[]> {
  const worker = await extension.serviceWorker();
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    times.push(
      await worker.evaluate(async (file) => {
        const runtime = (
          globalThis as unknown as { chrome: { runtime: { getURL(path: string): string } } }
        ).chrome.runtime;
        const started = performance.now();
        const text = await (await fetch(runtime.getURL(`/dict/${file}`))).text();
        return text.length > 0 ? performance.now() - started : NaN;
      }, CEDICT_FILE_NAME),
    );
  }
  return times;
}

async function measureColdHovers(extension: ExtensionHandle, page: Page): Promise<HoverTiming[]> {
  const totals: HoverTiming[] = [];
  for (let i = 0; i < COLD_HOVERS; i++) {
    await scrollOn(page);
    await stopServiceWorker(extension);
    const timing = await hoverOnce(page, COLD_HOVER_TIMEOUT_MS);
    if (timing) totals.push(timing);
    await sleep(100);
  }
  return totals;
}

// ---------------------------------------------------------------------------------------------
// Service worker memory

interface WorkerMemory {
  readonly state: string;
  readonly heap: HeapUsage;
}

/** Used V8 heap, Blink's heap in the worker, and external strings and buffers, together. */
function workerTotal(heap: HeapUsage): number {
  return heap.usedSize + (heap.embedderHeapUsedSize ?? 0) + (heap.backingStorageSize ?? 0);
}

async function workerHeap(extension: ExtensionHandle, cdp: CDPSession): Promise<HeapUsage> {
  const worker = await attachServiceWorker(extension, cdp);
  try {
    await worker.call('HeapProfiler.enable');
    await worker.call('HeapProfiler.collectGarbage');
    return await worker.call<HeapUsage>('Runtime.getHeapUsage');
  } finally {
    await worker.detach();
  }
}

async function measureWorkerMemory(
  extension: ExtensionHandle,
  page: Page,
  server: FixtureServer,
  name: string,
): Promise<WorkerMemory[]> {
  const cdp = await extension.context.newCDPSession(page);
  const states: WorkerMemory[] = [];
  await stopServiceWorker(extension);
  let world = await contentScriptWorld(cdp, name);
  await world(`chrome.runtime.sendMessage({ type: 'ping', payload: {} })`);
  states.push({ state: 'fresh worker (answered a ping)', heap: await workerHeap(extension, cdp) });
  await world(`chrome.runtime.sendMessage({ type: 'lookupWord', payload: { text: '经济' } })`);
  states.push({
    state: 'after a lookup (dictionary loaded)',
    heap: await workerHeap(extension, cdp),
  });
  // A page load with the reader on asks the worker for what the reader needs at start-up.
  await page.goto(server.url(SAMPLE_ARTICLE_PATH));
  await waitForEntry(cdp, 'tifa:annotate-idle', 60_000);
  world = await contentScriptWorld(cdp, name);
  await world(`chrome.runtime.sendMessage({ type: 'lookupWord', payload: { text: '改革' } })`);
  states.push({
    state:
      'after a page load with the reader on and a lookup (dictionary, word list and what else the reader fetches)',
    heap: await workerHeap(extension, cdp),
  });
  await cdp.detach();
  return states;
}

// ---------------------------------------------------------------------------------------------
// The report

function distribution(values: readonly number[]): string[] {
  return [
    formatMs(median(values)),
    formatMs(percentile(values, 95)),
    formatMs(Math.max(...values)),
  ];
}

/** How many frames after the move's own frame the popup was painted, as shares of moves. */
function framesLine(timings: readonly HoverTiming[]): string {
  const share = (test: (frames: number) => boolean) =>
    `${((timings.filter((t) => test(t.frames)).length / timings.length) * 100).toFixed(0)} %`;
  const cached = timings.filter((t) => t.fromCache).length;
  return (
    `Answered from the in-page cache (popup in the DOM before the move’s own frame): ${cached} ` +
    `of ${timings.length}; after a message to the background: ${timings.length - cached}. ` +
    'The popup was drawn, counting from the frame that handled the move ' +
    `(\`requestAnimationFrame\` timestamps), in that same frame ${share((f) => f === 0)}, the ` +
    `next frame ${share((f) => f === 1)}, two or more frames later ${share((f) => f >= 2)}.`
  );
}

function mb(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

async function runPopupBenchmark(): Promise<BenchReport> {
  if (!sampleArticleAvailable()) {
    throw new SharedDataMissingError(
      'The shared sample article (../shared/fixtures/sample-article.txt) is missing; set ' +
        'TIFA_SHARED to the shared folder.',
    );
  }
  const build: ExtensionBuild = await snapshotExtensionBuild();
  const server = await startFixtureServer();
  let extension: ExtensionHandle | undefined;
  try {
    extension = await launchWithExtension({ extensionDir: build.dir });
    await setReaderSite(extension, HOST, true);
    const page = await extension.context.newPage();
    await page.addInitScript({ content: HOVER_PROBE });
    const cdp = await extension.context.newCDPSession(page);
    const version = await browserVersion(cdp);
    await page.goto(server.url(SAMPLE_ARTICLE_PATH));
    await waitForEntry(cdp, 'tifa:annotate-idle', 60_000);
    const name = build.name;

    const warm = await measureWarmHovers(page);
    log(
      `warm hovers: ${warm.timings.length} measured, p95 ${formatMs(
        percentile(
          warm.timings.map((t) => t.totalMs),
          95,
        ),
      )}`,
    );
    const cache = await readCacheSize(page);
    const floor = await measureFrameFloor(page);
    log(`frame floor: ${floor.length} moves, p95 ${formatMs(percentile(floor, 95))}`);
    const contentWorld = await contentScriptWorld(cdp, name);
    const fromContent = await measureRoundTrips(contentWorld);
    const extensionPage = await extension.context.newPage();
    await extensionPage.goto(`chrome-extension://${extension.extensionId}/popup.html`);
    const fromExtensionPage = await measureRoundTrips((expression) =>
      extensionPage.evaluate(expression),
    );
    await extensionPage.close();
    log(
      `round trips: content script p95 ${formatMs(percentile(fromContent, 95))}, ` +
        `extension page p95 ${formatMs(percentile(fromExtensionPage, 95))}`,
    );
    const traced = await traceHovers(page, cdp, extension.extensionId);
    const coldRuns = await measureColdLookups(extension, contentWorld);
    const cold = coldRuns.lookups;
    const dictionaryFetch = await timeDictionaryFetch(extension);
    const coldHovers = await measureColdHovers(extension, page);
    log(`cold hovers: ${coldHovers.map((t) => formatMs(t.totalMs)).join(', ')}`);
    const first = await measureFirstHovers(page, cdp, server.url(SAMPLE_ARTICLE_PATH));
    const firstAsync = first.filter((t) => !t.fromCache);
    log(
      `first hovers: ${first.length} measured, ${firstAsync.length} after a message, ` +
        `median ${formatMs(median(firstAsync.map((t) => t.totalMs)))}`,
    );
    const memory = await measureWorkerMemory(extension, page, server, name);
    log(`worker memory: ${memory.map((m) => mb(workerTotal(m.heap))).join(', ')}`);
    const workerStatus = await readServiceWorkerStatus(extension);

    const totals = warm.timings.map((t) => t.totalMs);
    const warmP95 = percentile(totals, 95);
    const contentP95 = percentile(fromContent, 95);
    const coldMs = cold.map((c) => c.ms);
    const coldMedian = median(coldMs);
    const loaded = memory.at(-1);
    const loadedBytes = loaded ? workerTotal(loaded.heap) : NaN;

    const failures: string[] = [];
    if (warm.missed > HOVERS * 0.1) {
      failures.push(
        `${warm.missed} of ${HOVERS} pointer moves over a drawn word opened no popup within ` +
          `${HOVER_TIMEOUT_MS} ms`,
      );
    }
    if (cold.some((c) => !c.fresh))
      failures.push('a "cold" lookup was answered by a worker that was not restarted');
    if (coldHovers.length < COLD_HOVERS)
      failures.push(`${COLD_HOVERS - coldHovers.length} cold hovers opened no popup`);

    const budgets: BudgetCheck[] = [
      {
        what: 'warm: pointer move → popup painted, p95',
        budget: `≤ ${BUDGET.warmP95Ms} ms`,
        measured: formatMs(warmP95),
        pass: warmP95 <= BUDGET.warmP95Ms,
        shortfall: `${formatMs(warmP95 - BUDGET.warmP95Ms)} over (${(warmP95 / BUDGET.warmP95Ms).toFixed(1)}×)`,
      },
      {
        what: 'message round trip (`lookupWord` from the content script), p95',
        budget: `≤ ${BUDGET.roundTripP95Ms} ms`,
        measured: formatMs(contentP95),
        pass: contentP95 <= BUDGET.roundTripP95Ms,
        shortfall: `${formatMs(contentP95 - BUDGET.roundTripP95Ms)} over`,
      },
      {
        what: 'cold: first lookup after the service worker was stopped',
        budget: `≤ ${BUDGET.coldMs} ms`,
        measured: `${formatMs(coldMedian)} (max ${formatMs(Math.max(...coldMs))})`,
        pass: coldMedian <= BUDGET.coldMs,
        shortfall: `${formatMs(coldMedian - BUDGET.coldMs)} over`,
      },
      {
        what: 'service worker memory with the dictionary loaded (while reading)',
        budget: `≤ ${BUDGET.workerMB} MB`,
        measured: mb(loadedBytes),
        pass: loadedBytes <= BUDGET.workerMB * 1024 ** 2,
        shortfall: `${mb(loadedBytes - BUDGET.workerMB * 1024 ** 2)} over`,
      },
    ];

    const part = (label: string, pick: (t: HoverTiming) => number) => [
      label,
      ...distribution(warm.timings.map(pick)),
    ];
    const body = [
      describeBuild(build, version) +
        (uncommittedBrowserCode()
          ? ' The working tree had uncommitted changes in entrypoints/, utils/ or public/ ' +
            'when this ran; the build may include them.'
          : '') +
        ` The page is \`${SAMPLE_ARTICLE_PATH}\`, reader on for the site, default settings ` +
        '(popup on hover); viewport 1280×720. How each figure is taken is in the script’s header.',
      `### Warm: pointer move to popup painted`,
      `${warm.timings.length} moves measured after ${WARM_UP_HOVERS} unmeasured ones` +
        (warm.missed > 0 ? `; ${warm.missed} move(s) opened no popup and are left out` : '') +
        '. A word whose answer is in the in-page cache (prefetched with its paragraph) gets its ' +
        'popup built before the move’s frame is drawn: in a spare, hidden panel when the move’s ' +
        '`pointerrawupdate` arrives (at once; 127.0.0.1 is a secure context, where pages get ' +
        'that event), shown by the same move’s `mousemove`, which Chromium holds until the next ' +
        'frame begins (without `pointerrawupdate`, built there); any other word is asked for ' +
        'with a `lookupWord` message and drawn in a frame after the reply.',
      markdownTable(
        ['step', 'median', 'p95', 'max'],
        [
          part(
            'pointer move → popup in the DOM (input dispatch, word at point, cache or message, popup built and measured)',
            (t) => t.toDomMs,
          ),
          part(
            'popup in the DOM → its frame painted (wait for the frame, style, layout, paint)',
            (t) => t.toPaintMs,
          ),
          part('**pointer move → popup painted**', (t) => t.totalMs),
        ],
      ),
      framesLine(warm.timings),
      `For comparison, the floor: ${floor.length} moves over the page’s left margin, where ` +
        'there is no text and the reader does nothing, from the event to the animation frame ' +
        `that follows it: median ${formatMs(median(floor))}, p95 ` +
        `${formatMs(percentile(floor, 95))}, max ${formatMs(Math.max(...floor))}. No popup can ` +
        'be drawn before that frame; the popup’s own frame then needs its style, layout and paint.',
      `The first step taken apart in ${traced.count} more moves, traced (not part of the ` +
        'figures above): the reader’s own main-thread work in it (tasks that ran extension ' +
        'code: finding the word, the cache, building and placing the popup, or sending), the ' +
        'rest of it (waiting for the main thread to dispatch the move, or for a reply), and the ' +
        'rendering of the popup’s frame.',
      markdownTable(
        ['traced move', 'median', 'p95', 'max'],
        [
          ['reader’s main-thread work, move → popup in the DOM', ...distribution(traced.readerMs)],
          ['waiting, move → popup in the DOM', ...distribution(traced.waitMs)],
          [
            'rendering (style, layout, paint) of the popup’s frame',
            ...distribution(traced.renderMs),
          ],
        ],
      ),
      `### First hover in a paragraph not yet prefetched`,
      `${first.length} times on a freshly loaded page (an empty cache), the first screen ` +
        'prefetched, scrolled on by 90 % of the viewport and a word in the lower two thirds ' +
        'hovered at once, before the reader prefetches the new screen (100 ms after the scroll). ' +
        `${firstAsync.length} of them went to the background (the others found their word ` +
        'cached: its paragraph reached into the previous screen). Such a hover sends ' +
        '`lookupWord` for its word and, beside it, one `lookupWordBatch` for its paragraph; ' +
        'the popup comes in a frame after the reply, as before this cache existed.',
      markdownTable(
        ['first hover', 'median', 'p95', 'max'],
        [
          [
            `answered after a message (${firstAsync.length}): pointer move → popup painted`,
            ...(firstAsync.length > 0
              ? distribution(firstAsync.map((t) => t.totalMs))
              : ['–', '–', '–']),
          ],
          [
            `all ${first.length}: pointer move → popup painted`,
            ...(first.length > 0 ? distribution(first.map((t) => t.totalMs)) : ['–', '–', '–']),
          ],
        ],
      ),
      `### In-page cache`,
      cache
        ? `After the warm moves the reader’s cache held ${cache.entries.toLocaleString('en')} ` +
          `answers (limit ${LOOKUP_CACHE_ENTRIES.toLocaleString('en')}, least recently used ` +
          `evicted) whose JSON, as the background sent it, is ` +
          `${(cache.chars / 1024).toFixed(0)} K characters (` +
          `${(cache.chars / Math.max(1, cache.entries) / 1024).toFixed(1)} K per answer); at ` +
          `the limit that is about ${(((cache.chars / Math.max(1, cache.entries)) * LOOKUP_CACHE_ENTRIES) / 1024 ** 2).toFixed(1)} M characters. ` +
          'It holds answers sent to this page only, never the dictionary.'
        : 'The reader reported no cache (no `tifa:popup-cache` mark).',
      `### Message round trip`,
      `\`chrome.runtime.sendMessage({ type: 'lookupWord', payload: { text: '${ROUND_TRIP_WORD}' } })\`, ` +
        `${ROUND_TRIPS} times in a row after ${WARM_UP_ROUND_TRIPS} unmeasured, each awaited ` +
        '(`performance.now()` in the sender; 0.1 ms resolution).',
      markdownTable(
        ['sender', 'median', 'p95', 'max'],
        [
          ['content script (its world on the article page)', ...distribution(fromContent)],
          ['extension page (`popup.html` in a tab)', ...distribution(fromExtensionPage)],
        ],
      ),
      `### Cold: first lookup after the service worker was stopped`,
      `${COLD_LOOKUPS} times: \`ServiceWorker.stopWorker\` through the DevTools protocol until ` +
        'Chromium reports it stopped, then one `lookupWord` from the content script, timed in ' +
        'the content script; it includes starting the worker, evaluating the background script ' +
        'and loading the dictionary. A `ping` afterwards confirmed a new worker answered ' +
        `(${cold.filter((c) => c.fresh).length} of ${cold.length}).`,
      markdownTable(
        ['measure', 'median', 'p95', 'max'],
        [
          ['**first lookup (message round trip)**', ...distribution(coldMs)],
          [
            'the same in two steps: a ping to the stopped worker (worker start)',
            ...distribution(coldRuns.pings),
          ],
          [
            '… then the first lookup on the started worker (dictionary load)',
            ...distribution(coldRuns.firstOnStarted),
          ],
          [
            `hover with the worker stopped: pointer move → popup painted (${coldHovers.length} ` +
              `times, reported; ${coldHovers.filter((t) => t.fromCache).length} answered from ` +
              'the in-page cache, which a stopped worker does not empty)',
            ...(coldHovers.length > 0
              ? distribution(coldHovers.map((t) => t.totalMs))
              : ['–', '–', '–']),
          ],
        ],
      ),
      `First lookups per run (ms): ${coldMs.map((ms) => ms.toFixed(0)).join(', ')}.`,
      `### Service worker memory`,
      'The worker’s own DevTools target, after `HeapProfiler.collectGarbage`: V8’s used heap, ' +
        'Blink’s heap in the worker, and external strings and array buffers (V8 keeps large ' +
        'strings such as a fetched file’s text outside its heap). The last state is what the ' +
        `worker holds while someone reads; the budget applies to it. Worker afterwards: ${workerStatus}.`,
      markdownTable(
        ['state', 'V8 used heap', 'Blink heap', 'external strings and buffers', 'total'],
        memory.map((m) => [
          m.state,
          mb(m.heap.usedSize),
          mb(m.heap.embedderHeapUsedSize ?? 0),
          mb(m.heap.backingStorageSize ?? 0),
          mb(workerTotal(m.heap)),
        ]),
      ),
    ];
    const bytes = async (path: string) => (await stat(join(build.dir, path))).size;
    const backgroundKB = Math.round((await bytes('background.js')) / 1024);
    const dictionaryMB = (await bytes(join('dict', CEDICT_FILE_NAME))) / 1024 ** 2;
    const why: string[] = [];
    if (warmP95 > BUDGET.warmP95Ms) {
      const p = (pick: (t: HoverTiming) => number) => formatMs(median(warm.timings.map(pick)));
      const cachedShare = warm.timings.filter((t) => t.fromCache).length / warm.timings.length;
      const slow = warm.timings.filter((t) => t.totalMs > BUDGET.warmP95Ms);
      const slowCached = slow.filter((t) => t.fromCache).length;
      why.push(
        `**Warm.** p95 ${formatMs(warmP95)} against ${BUDGET.warmP95Ms} ms (median ` +
          `${p((t) => t.totalMs)}). ${(cachedShare * 100).toFixed(0)} % of moves were answered ` +
          'from the in-page cache, their popup built before the move’s own frame and drawn in it. ' +
          `${slow.length} moves took over ${BUDGET.warmP95Ms} ms, ` +
          `${slowCached} of them answered from the cache. In the traced moves the wait for the ` +
          `frame that runs the move's \`mousemove\` (median ${formatMs(median(traced.waitMs))}, p95 ` +
          `${formatMs(percentile(traced.waitMs, 95))}, max ` +
          `${formatMs(Math.max(...traced.waitMs))}) ` +
          (Math.max(...traced.waitMs) >= FRAME_MS * 0.9 ? 'reaches' : 'can reach') +
          ` one frame interval (${formatMs(FRAME_MS)}): Chromium delivers pointer moves at the start of a frame, ` +
          'so a move that arrives as a frame begins waits for the next one before any page ' +
          `script runs (the floor above: p95 ${formatMs(percentile(floor, 95))} with no ` +
          'popup at all). The reader’s own work (median ' +
          `${formatMs(median(traced.readerMs))}) runs when the move's \`pointerrawupdate\` ` +
          'arrives: inside that wait when the frame is far off, ahead of the frame (and delaying ' +
          'it) when the frame was about to begin; add the rendering of the frame that shows the popup ' +
          `(median ${formatMs(median(traced.renderMs))}; on this Chromium any repaint on the ` +
          'page repaints the whole document, see the notes under this section) and such a move ' +
          `is over ${BUDGET.warmP95Ms} ms whatever the lookup costs; the load on this 2-core ` +
          'machine (see above) lengthens all three.' +
          (slow.length > slowCached
            ? ` The other ${slow.length - slowCached} waited for a \`lookupWord\` reply ` +
              '(a word not prefetched yet), which comes after the move’s frame.'
            : ''),
      );
    }
    if (coldMedian > BUDGET.coldMs) {
      const ping = median(coldRuns.pings);
      const first = median(coldRuns.firstOnStarted);
      why.push(
        `**Cold.** Median ${formatMs(coldMedian)} against ${BUDGET.coldMs} ms. Split in two: ` +
          `waking the stopped worker with a ping takes ${formatMs(ping)} (Chromium starts it ` +
          `and evaluates the ${backgroundKB} KB background script with its start-up work); ` +
          `the first lookup on the started worker then takes ${formatMs(first)}, of which ` +
          `fetching and decoding the ${dictionaryMB.toFixed(1)} MB dictionary file into one ` +
          `string takes ${formatMs(median(dictionaryFetch))} when timed alone in the worker ` +
          '(median of 3); the lookup itself is a binary search.' +
          (ping + first < coldMedian * 0.8
            ? ` The two steps add up to ${formatMs(ping + first)}, less than the cold lookup ` +
              'in one go: there the worker’s start-up work and the dictionary load compete.'
            : ''),
      );
    }
    if (why.length > 0) body.push('### Why budgets are missed', ...why);
    return {
      id: 'popup',
      title: 'Word popup in the browser',
      script: 'bench:popup',
      body: body.join('\n\n'),
      budgets,
      failures,
    };
  } finally {
    await extension?.close();
    await server.close();
    await build.dispose();
  }
}

await runIfMain(import.meta.url, runPopupBenchmark);
