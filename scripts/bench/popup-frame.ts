/**
 * Where the popup's frame goes (a diagnostic beside `bench:popup`; it writes nothing to
 * BENCHMARKS.md). Warm hovers on the sample article, answered from the in-page cache and timed
 * by the `bench:popup` probe, are traced through the DevTools protocol; for each move it reports
 * the main thread's tasks between the move and its frame (the reader's `pointerrawupdate`
 * handler, which builds the popup out of sight) and the steps inside the frame that drew the
 * popup: the `mousemove` (hit test, handlers), style, layout, pre-paint, paint, layerize, commit.
 * Beside them, moves over the page's margin (no popup), timed the same way to their own frame.
 * Each page is also served with the article's body repeated (`POPUP_FRAME_REPEAT`, default
 * "1,10"), to see how the popup's frame grows with the page.
 *
 * With POPUP_FRAME_UNTRACED=n it traces nothing and splits n moves (their p90 tail apart) into
 * move → the frame's animation callbacks (the wait for the frame and the input handlers in it)
 * and from there → painted (the frame's rendering). POPUP_FRAME_DUMP=1 prints one traced move's
 * main-thread events (with `devtools.timeline`, whose full layouts count every layout object).
 * POPUP_FRAME_REPAINT=1 times instead what any repaint costs on the page (see repaintRun).
 *
 * Usage: npx wxt build && npx tsx scripts/bench/popup-frame.ts   (POPUP_FRAME_MOVES, default 40)
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { CDPSession, Page } from 'playwright-core';
import { launchWithExtension } from '../lib/chromium';
import {
  parseSampleArticle,
  readSampleArticle,
  renderSampleArticlePage,
} from '../lib/fixture-server';
import { setReaderSite } from '../lib/reader-control';
import {
  evaluateInPage,
  serveGeneratedPages,
  snapshotExtensionBuild,
  markTraceClock,
  startTrace,
  traceClock,
  waitForEntry,
  type TraceEvent,
} from './lib/browser';
import { formatMs, median, percentile } from './lib/stats';
import { HOVER_PROBE, hoverRaw, type ProbeResult } from './popup';

const MOVES = Number(process.env.POPUP_FRAME_MOVES ?? 40);
const REPEATS = (process.env.POPUP_FRAME_REPEAT ?? '1,10').split(',').map(Number);

/**
 * No `devtools.timeline`: with it on, every full layout first counts all the page's layout
 * objects for the trace event's arguments (`totalObjects`), milliseconds on a long page that an
 * untraced page never spends. The `blink` category's own timers name the same steps.
 */
const CATEGORIES = process.env.POPUP_FRAME_DUMP
  ? ['toplevel', 'devtools.timeline', 'blink', 'cc', 'v8.execute', 'blink.user_timing', 'input']
  : ['toplevel', 'blink', 'cc', 'blink.user_timing', 'benchmark'];

/** Main-thread steps reported, by trace event name (nested ones are counted in each). */
const STEPS: readonly (readonly [string, readonly string[]])[] = [
  ['main-thread tasks before the frame', ['before frame']],
  ['move → its frame begins', ['frame start']],
  ['pointer move handled (hit test, listeners)', ['EventHandler::handleMouseMoveEvent']],
  ['forced style and layout (in script)', ['Blink.ForcedStyleAndLayout.UpdateTime']],
  ['style', ['Blink.Style.UpdateTime']],
  ['layout', ['Blink.Layout.UpdateTime']],
  ['pre-paint', ['Blink.PrePaint.UpdateTime']],
  ['paint', ['Blink.Paint.UpdateTime']],
  ['layerize', ['Blink.CompositingCommit.UpdateTime']],
  ['commit', ['ProxyMain::BeginMainFrame::commit']],
  ['BeginMainFrame (whole frame)', ['ProxyMain::BeginMainFrame']],
];

interface Window {
  readonly from: number;
  readonly to: number;
}

/** One move to a new word, waiting up to 3 s for the popup's frame. */
function hover(page: Page): Promise<ProbeResult | null> {
  return hoverRaw(page, 3000);
}

/** A move over the left margin, timed from its event to a message after its frame. */
async function marginMove(page: Page): Promise<{ move: number; painted: number }> {
  await page.evaluate(`(() => {
    const state = window.__tifaHover;
    state.marginWaiter = new Promise((resolve) => {
      addEventListener('mousemove', (event) => {
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve({ move: event.timeStamp, painted: performance.now() });
          channel.port2.postMessage(null);
        });
      }, { once: true, capture: true });
    });
  })()`);
  await page.mouse.move(2 + Math.random() * 4, 60 + Math.random() * 600);
  return page.evaluate<{ move: number; painted: number }>(`window.__tifaHover.marginWaiter`);
}

/**
 * Per move: the steps inside the frame that drew it (the last `ProxyMain::BeginMainFrame` that
 * began after the move and ended before the probe's message), keyed by event name, plus
 * `before frame`: the main thread's tasks between the move and that frame (a raw pointer
 * update's handler, other work).
 */
function sumsIn(
  events: readonly TraceEvent[],
  thread: { pid: number; tid: number },
  window: Window,
): Record<string, number> {
  const own = events.filter(
    (e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.ts >= window.from,
  );
  const frame = own
    .filter((e) => e.name === 'ProxyMain::BeginMainFrame' && e.ts + (e.dur ?? 0) <= window.to)
    .at(-1);
  const sums: Record<string, number> = {};
  if (!frame) return sums;
  const frameEnd = frame.ts + (frame.dur ?? 0);
  for (const e of own) {
    if (e.ts >= frame.ts && e.ts + (e.dur ?? 0) <= frameEnd)
      sums[e.name] = (sums[e.name] ?? 0) + (e.dur ?? 0) / 1000;
    else if (e.ts + (e.dur ?? 0) <= frame.ts && e.name === 'ThreadControllerImpl::RunTask')
      sums['before frame'] = (sums['before frame'] ?? 0) + (e.dur ?? 0) / 1000;
  }
  sums['frame start'] = (frame.ts - window.from) / 1000;
  return sums;
}

function report(label: string, rows: Record<string, number>[], totals: number[]): void {
  console.log(
    `\n${label}: ${rows.length} moves; event → painted median ${formatMs(median(totals))}, p95 ${formatMs(percentile(totals, 95))}`,
  );
  for (const [name, keys] of STEPS) {
    const values = rows.map((r) => keys.reduce((t, k) => t + (r[k] ?? 0), 0));
    console.log(
      `  ${name.padEnd(32)} median ${formatMs(median(values)).padStart(8)}  p95 ${formatMs(percentile(values, 95)).padStart(8)}  max ${formatMs(Math.max(...values)).padStart(8)}`,
    );
  }
  // Every other event name with a noticeable total, to see what the list above misses.
  const totalsByName: Record<string, number> = {};
  for (const r of rows)
    for (const [k, v] of Object.entries(r)) totalsByName[k] = (totalsByName[k] ?? 0) + v;
  const top = Object.entries(totalsByName)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([k, v]) => `${k} ${(v / rows.length).toFixed(2)}`);
  console.log(`  mean ms per move by event: ${top.join(' | ')}`);
}

/** Untraced moves: how long each took to its frame's animation callbacks (the wait for the
 * frame and the input handlers in it) and from there to painted (the frame's rendering). */
async function untracedRun(page: Page, label: string, count: number): Promise<void> {
  const rows: { total: number; toFrame: number; render: number }[] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0 && i % 50 === 0) {
      await page.evaluate(
        `window.scrollY + innerHeight >= document.documentElement.scrollHeight - 10
          ? window.scrollTo(0, 0) : window.scrollBy(0, innerHeight * 0.6)`,
      );
      await sleep(150);
    }
    const h = await hover(page);
    if (h && !Number.isNaN(h.frame1))
      rows.push({
        total: h.painted - h.move,
        toFrame: h.frame1 - h.move,
        render: h.painted - h.frame1,
      });
    await sleep(20 + Math.random() * 40);
  }
  const line = (name: string, values: number[]) =>
    `  ${name.padEnd(34)} median ${formatMs(median(values)).padStart(8)}  p90 ${formatMs(percentile(values, 90)).padStart(8)}  p95 ${formatMs(percentile(values, 95)).padStart(8)}`;
  console.log(`\n${label}, untraced: ${rows.length} moves`);
  console.log(
    line(
      'move → popup painted',
      rows.map((r) => r.total),
    ),
  );
  console.log(
    line(
      'move → its frame (rAF)',
      rows.map((r) => r.toFrame),
    ),
  );
  console.log(
    line(
      'frame (rAF) → painted',
      rows.map((r) => r.render),
    ),
  );
  const cut = percentile(
    rows.map((r) => r.total),
    90,
  );
  const tail = rows.filter((r) => r.total >= cut);
  console.log(
    line(
      `tail (≥ p90), move → frame`,
      tail.map((r) => r.toFrame),
    ),
  );
  console.log(
    line(
      `tail (≥ p90), frame → painted`,
      tail.map((r) => r.render),
    ),
  );
}

/**
 * What any repaint costs on the page: with a popup open, one line of it (its status text) or a
 * word of the page changes in each of 30 frames, traced; the median paint step of those frames,
 * and the part of it spent painting the popup's own layer.
 */
async function repaintRun(page: Page, cdp: CDPSession, label: string): Promise<void> {
  await hover(page);
  await sleep(300);
  const changes: Record<string, string> = {
    'popup status text': `document.querySelector('tifa-popup').shadowRoot.querySelector('[role="dialog"] .status').textContent = 'x' + i`,
    'a word of the page (colour)': `document.querySelector('ruby[data-tifa="w"]').style.color = i % 2 ? '#222' : '#333'`,
  };
  for (const [name, change] of Object.entries(changes)) {
    const stop = await startTrace(cdp, ['blink', 'devtools.timeline']);
    await evaluateInPage(
      cdp,
      `new Promise((resolve) => { let i = 0; const tick = () => { if (++i > 30) return resolve(0);
        ${change}; requestAnimationFrame(tick); }; requestAnimationFrame(tick); })`,
    );
    const events = await stop();
    const ms = (e: TraceEvent) => (e.dur ?? 0) / 1000;
    const paint = events.filter((e) => e.name === 'Blink.Paint.UpdateTime' && e.ph === 'X').map(ms);
    const popup = events
      .filter((e) => e.name === 'Paint' && String(e.args?.data?.nodeName).includes('popup'))
      .map(ms);
    console.log(
      `${label}, repaint after a change to ${name}: paint step median ${formatMs(median(paint))} ` +
        `(${paint.length} frames), of which the popup's layer ${popup.length > 0 ? formatMs(median(popup)) : '–'}`,
    );
  }
}

async function traceRun(page: Page, cdp: CDPSession, label: string): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await hover(page);
    await sleep(20 + Math.random() * 40);
  }
  const stop = await startTrace(cdp, CATEGORIES);
  await markTraceClock(cdp);
  const hovers: ProbeResult[] = [];
  const margins: { move: number; painted: number }[] = [];
  for (let i = 0; i < MOVES; i++) {
    const h = await hover(page);
    if (h) hovers.push(h);
    await sleep(20 + Math.random() * 40);
  }
  for (let i = 0; i < MOVES; i++) {
    margins.push(await marginMove(page));
    await sleep(20 + Math.random() * 40);
  }
  const events = await stop();
  const { thread, toTrace } = traceClock(events);
  report(
    `${label}, hovers (popup shown)`,
    hovers.map((h) => sumsIn(events, thread, { from: toTrace(h.move), to: toTrace(h.painted) })),
    hovers.map((h) => h.painted - h.move),
  );
  report(
    `${label}, margin moves (no popup)`,
    margins.map((m) => sumsIn(events, thread, { from: toTrace(m.move), to: toTrace(m.painted) })),
    margins.map((m) => m.painted - m.move),
  );
  if (process.env.POPUP_FRAME_DUMP) {
    const h = hovers[Math.floor(hovers.length / 2)];
    if (h) {
      const from = toTrace(h.move);
      const to = toTrace(h.painted);
      for (const e of events) {
        if (e.pid !== thread.pid || e.tid !== thread.tid || e.ph !== 'X') continue;
        if (e.ts < from || e.ts > to || (e.dur ?? 0) < 20) continue;
        console.log(
          `    ${((e.ts - from) / 1000).toFixed(2).padStart(7)} +${((e.dur ?? 0) / 1000).toFixed(2).padStart(6)} ${e.name} ${JSON.stringify(e.args?.data ?? e.args?.beginData ?? '').slice(0, 160)}`,
        );
      }
    }
  }
}

const build = await snapshotExtensionBuild();
const article = parseSampleArticle(readSampleArticle());
const pages = new Map(
  REPEATS.map((n) => [
    `/article-x${n}.html`,
    renderSampleArticlePage({
      ...article,
      paragraphs: Array.from({ length: n }, () => article.paragraphs).flat(),
    }),
  ]),
);
const server = await serveGeneratedPages(pages);
const extension = await launchWithExtension({ extensionDir: build.dir });
try {
  await setReaderSite(extension, '127.0.0.1', true);
  const page = await extension.context.newPage();
  await page.addInitScript({ content: HOVER_PROBE });
  const cdp = await extension.context.newCDPSession(page);
  for (const n of REPEATS) {
    await page.goto(server.url(`/article-x${n}.html`));
    await waitForEntry(cdp, 'tifa:annotate-idle', 120_000);
    await waitForEntry(cdp, 'tifa:popup-cache', 10_000);
    await sleep(500);
    const elements = await evaluateInPage<number>(cdp, `document.getElementsByTagName('*').length`);
    const label = `article ×${n} (${elements.toLocaleString('en')} elements)`;
    const untraced = Number(process.env.POPUP_FRAME_UNTRACED ?? 0);
    if (untraced > 0) await untracedRun(page, label, untraced);
    else if (process.env.POPUP_FRAME_REPAINT) await repaintRun(page, cdp, label);
    else await traceRun(page, cdp, label);
  }
} finally {
  await extension.close();
  await server.close();
  await build.dispose();
}
