/**
 * Which frames get the reader. The extension declares no content script: Chromium would create
 * the extension's isolated world in every http(s) frame for it (with WXT's wrapper, about 5 ms
 * of a page's main thread), which is more than a page without Chinese may cost. Instead the
 * background decides:
 *
 * 1. Only tabs whose page is on a site the reader is on are looked at; pages on other sites get
 *    no script of ours at all.
 * 2. In those tabs, a tiny probe (`pageHasChinese`) runs in the frames' own (MAIN) world, which
 *    already exists, so no isolated world is created just to look.
 * 3. Frames that have Chinese get the reader (`reader-main.js`, in the isolated world) unless it
 *    already runs there.
 *
 * When (all through `tabs.onUpdated`, which needs no permission beyond the host permissions;
 * those also give us the tab's URL):
 * - a navigation of the tab commits (its new URL): the top frame is probed at its
 *   `document_idle` (executeScript waits for it), so the reader starts as early as a content
 *   script would have, not after slow images and ads;
 * - the tab has finished loading: every frame is probed (the top one answers at once when it was
 *   probed at commit), since frames exist only once the page has been parsed;
 * - a site is switched on (the toolbar popup, the shortcut, the context menu and the options page
 *   all write `enabledSites`): every frame of its open tabs;
 * - a reader sees a frame load in its page (`probeFrames`): a frame added after the tab loaded.
 *   One added to a page where no frame has Chinese is not seen.
 *
 * Frames take the top page's site, as the reader itself does (reader-site.ts). Once injected, the
 * reader follows the site switch, its settings and content that arrives later by itself
 * (reader-session.ts).
 */
import { browser, type Browser } from 'wxt/browser';
import { enabledSites, isSiteEnabled } from '../../utils/settings';
import { siteOfUrl } from '../../utils/site-list';
import { pageHasChinese } from '../reader.content/page-has-chinese';
import type { MessageSender } from './handlers';

/** The unlisted script WXT builds from entrypoints/reader-main. */
const READER_SCRIPT = '/reader-main.js';

/**
 * Where the probe runs. Chromium: the page's own world, so no isolated world is created in a
 * frame without Chinese. Firefox (MV2 build) gained `world: 'MAIN'` only in Firefox 128, and its
 * content-script sandboxes are not what the Chromium budget measures: the probe runs in the
 * isolated world there.
 */
const PROBE_WORLD = import.meta.env.FIREFOX ? 'ISOLATED' : 'MAIN';

/** Set by reader-main on the isolated world's global when it starts (entrypoints/reader-main). */
const STARTED_KEY = 'tifa-reader-started';

/**
 * Registers the listeners. Call once, synchronously, at service worker start: MV3 only delivers
 * an event that woke the worker to listeners added in its first turn. Chromium wakes the worker
 * for every tab update (tabs.onUpdated takes no URL filter there; webNavigation's filtered events
 * would need another permission): the listener returns at once for any other update, and reads
 * the site list only for these two.
 */
export function registerReaderInjection(): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url !== undefined) void startReaderInTab(tabId, 'top');
    if (change.status === 'complete') void startReaderInTab(tabId, 'loaded');
  });
  enabledSites.watch((sites, previous) => {
    void startReaderOnSitesSwitchedOn(sites, previous);
  });
}

/**
 * A reader saw a frame load in its page (reader.content/frame-loads.ts): frames added or
 * navigated after the tab loaded fire no tabs.onUpdated, so the tab's frames are probed again.
 * Only the sender's tab, whose URL the browser reports, is looked at.
 */
export async function probeSenderTab(sender: MessageSender): Promise<{ probed: boolean }> {
  if (sender.tabId === undefined) throw new Error('probeFrames must come from a tab');
  await startReaderInTab(sender.tabId, 'all');
  return { probed: true };
}

/** The tabs showing a site that was just switched on get the reader. */
async function startReaderOnSitesSwitchedOn(
  sites: readonly string[],
  previous: readonly string[],
): Promise<void> {
  const switchedOn = (site: string) => isSiteEnabled(sites, site) && !isSiteEnabled(previous, site);
  // Without the `tabs` permission a tab's URL is still given where we hold host permission,
  // which is every http(s) page: the only pages the reader runs on.
  for (const tab of await browser.tabs.query({})) {
    const site = siteOfUrl(tab.url);
    if (tab.id !== undefined && site && switchedOn(site)) void startReaderInTab(tab.id, 'all');
  }
}

/**
 * Which frames a run probes: the top one (a navigation committed), every frame but a top one
 * already probed in this document (the tab loaded), or every frame.
 */
export type ProbeScope = 'top' | 'loaded' | 'all';

/**
 * The scope of a waiting run asked again with another: every frame, without skipping the top
 * one (a commit and the end of a load both pending means a new top document, not yet probed).
 */
function widen(a: ProbeScope, b: ProbeScope): ProbeScope {
  return a === b ? a : 'all';
}

interface TabRuns {
  /** The latest run's end. */
  last: Promise<void>;
  /** A run waiting for the one before it to end; later requests share it. */
  waiting: { scope: ProbeScope; done: Promise<void> } | null;
}

const runsByTab = new Map<number, TabRuns>();

/**
 * The top document probed at commit, by tab (its document id where the browser gives one), so
 * the probe at the end of the load can skip it. Lost when the worker stops: the top frame is then
 * probed once more, which costs the page a millisecond, nothing else.
 */
const topProbedByTab = new Map<number, string>();

/**
 * Probes the tab's frames and starts the reader in those with Chinese, if its site is on. One
 * run per tab at a time: a request that arrives while one runs waits for it, then finds the
 * reader started where it was (no double injection when a load and a site switch arrive
 * together); requests that arrive while one is already waiting share it (see `widen`).
 */
export function startReaderInTab(tabId: number, scope: ProbeScope): Promise<void> {
  const runs = runsByTab.get(tabId) ?? { last: Promise.resolve(), waiting: null };
  runsByTab.set(tabId, runs);
  if (runs.waiting) {
    runs.waiting.scope = widen(runs.waiting.scope, scope);
    return runs.waiting.done;
  }
  const waiting = { scope, done: Promise.resolve() };
  waiting.done = runs.last.then(() => {
    runs.waiting = null;
    return injectWhereWanted(tabId, waiting.scope);
  });
  runs.waiting = waiting;
  runs.last = waiting.done;
  void waiting.done.finally(() => {
    if (runs.last === waiting.done && !runs.waiting) runsByTab.delete(tabId);
  });
  return waiting.done;
}

async function injectWhereWanted(tabId: number, scope: ProbeScope): Promise<void> {
  // A commit starts a new top document: whatever was probed before is gone.
  const probedTop = topProbedByTab.get(tabId);
  if (scope !== 'all') topProbedByTab.delete(tabId);
  try {
    // The tab's URL now (it may have navigated since the request); the frames take its site.
    const site = siteOfUrl((await browser.tabs.get(tabId)).url);
    if (!site || !isSiteEnabled(await enabledSites.getValue(), site)) return;
    const skipTop = scope === 'loaded' && probedTop !== undefined;
    // The page's own world is hostile: it can make the probe answer anything, or throw. Its
    // answer can only cause or prevent an injection of our own reader into that frame (which
    // any page can also cause by containing Chinese); no value from the page flows anywhere
    // else, and only a strict `true` counts.
    const probed = await browser.scripting.executeScript({
      target: scope === 'top' ? { tabId, frameIds: [0] } : { tabId, allFrames: true },
      world: PROBE_WORLD,
      func: pageHasChinese,
      args: [skipTop],
    });
    const top = probed.find((frame) => frame.frameId === 0);
    if (scope === 'top' && top) topProbedByTab.set(tabId, documentOf(top));
    // The top document changed between its probe and the end of the load (it navigated again
    // and that commit's run has not come yet): it was skipped, so probe it after this run.
    if (skipTop && top && documentOf(top) !== probedTop) void startReaderInTab(tabId, 'top');
    const withChinese = probed.filter((frame) => frame.result === true);
    if (withChinese.length === 0) return;
    // Frames whose reader already runs (an earlier load event, a site switched off and on, a
    // page restored from the back/forward cache) are skipped: evaluating reader-main again would
    // be a no-op (its own guard) that still costs the compile of the whole script. Checking
    // creates the isolated world, which the reader is about to need anyway.
    const checked = await browser.scripting.executeScript({
      target: targetOf(tabId, withChinese),
      func: readerStarted,
      args: [STARTED_KEY],
    });
    const wanted = checked.filter((frame) => frame.result !== true);
    if (wanted.length === 0) return;
    await browser.scripting.executeScript({
      target: targetOf(tabId, wanted),
      files: [READER_SCRIPT],
    });
  } catch (error) {
    // The tab closed or navigated away, or shows an error page: nothing to do. Only the error's
    // name: Chromium's scripting messages can quote the page's URL ("Cannot access contents of
    // url …"), and a URL is never logged.
    console.warn(
      'Tifa Reader: the reader could not start in a tab:',
      error instanceof Error ? error.name : 'error',
    );
  }
}

/** A frame's document id, or a stand-in where the browser gives none (Firefox). */
function documentOf(frame: Browser.scripting.InjectionResult): string {
  return frame.documentId ?? 'top';
}

/**
 * The frames of earlier results. Chromium names each result's document, so a frame that has
 * navigated since (to another page, maybe another site) is not injected into; Firefox gives
 * frame ids only.
 */
function targetOf(
  tabId: number,
  frames: readonly Browser.scripting.InjectionResult[],
): Browser.scripting.InjectionTarget {
  const documentIds = frames.map((frame) => frame.documentId);
  if (documentIds.every((id): id is string => typeof id === 'string')) {
    return { tabId, documentIds };
  }
  return { tabId, frameIds: frames.map((frame) => frame.frameId) };
}

/** Runs in the isolated world (self-contained, like the probe): has reader-main started here? */
function readerStarted(key: string): boolean {
  return (globalThis as Record<symbol, unknown>)[Symbol.for(key)] === true;
}
