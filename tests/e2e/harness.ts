// The one import of every browser spec: a fixture server on 127.0.0.1, Chromium with the built
// extension, and control of the extension's service worker. The launch and server code lives in
// scripts/lib/ because the demo and the benchmarks run the extension the same way.

import type { Page, Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchWithExtension, type ExtensionHandle } from '../../scripts/lib/chromium.ts';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server.ts';
import {
  resetReader,
  setReaderSite,
  waitForReaderIdle,
  waitForReaderOn,
} from '../../scripts/lib/reader-control.ts';

/** The host the fixture server listens on: the site the reader is switched on for. */
export const FIXTURE_HOST = '127.0.0.1';

export {
  launchWithExtension,
  readServiceWorkerStatus,
  startServiceWorker,
  stopServiceWorker,
  type ExtensionHandle,
  type ServiceWorkerRunningStatus,
} from '../../scripts/lib/chromium.ts';
export {
  resetReader,
  setReaderSettings,
  setReaderSite,
  waitForReaderIdle,
  waitForReaderOn,
} from '../../scripts/lib/reader-control.ts';
export {
  parseSampleArticle,
  readSampleArticle,
  sampleArticleAvailable,
  SAMPLE_ARTICLE_PATH,
  startFixtureServer,
  type FixtureServer,
} from '../../scripts/lib/fixture-server.ts';

export interface BrowserSuite {
  readonly server: FixtureServer;
  readonly extension: ExtensionHandle;
  /** Opens a new tab on a fixture path such as `/simplified-news.html`; close it when done. */
  openFixturePage(path: string): Promise<Page>;
}

/**
 * Starts one fixture server and one Chromium for the enclosing describe block (beforeAll) and
 * stops both afterwards (afterAll), so a failing spec cannot leak a browser. Launching once per
 * file keeps the suite fast on two cores; tests open their own pages.
 */
export function useBrowserSuite(): BrowserSuite {
  let server: FixtureServer | undefined;
  let extension: ExtensionHandle | undefined;
  beforeAll(async () => {
    server = await startFixtureServer();
    extension = await launchWithExtension();
  });
  afterAll(async () => {
    await extension?.close();
    await server?.close();
  });
  const suite: BrowserSuite = {
    get server() {
      if (!server) throw new Error('useBrowserSuite(): the server starts in beforeAll');
      return server;
    },
    get extension() {
      if (!extension) throw new Error('useBrowserSuite(): Chromium starts in beforeAll');
      return extension;
    },
    async openFixturePage(path) {
      const page = await suite.extension.context.newPage();
      await page.goto(suite.server.url(path));
      return page;
    },
  };
  return suite;
}

export interface ReaderSuite extends BrowserSuite {
  /** Switches the reader on for the fixture host, then opens `path`; resolves once it is idle. */
  openWithReader(path: string): Promise<Page>;
  /**
   * Opens `path` with the reader off, records its body (for the byte-for-byte restoration
   * checks), then switches the reader on; resolves once it is idle.
   */
  openAndSwitchOn(path: string): Promise<{ page: Page; before: string }>;
  /** Opens one of the extension's own pages, such as `review.html#my-terms`. */
  openExtensionPage(path: string): Promise<Page>;
}

/**
 * useBrowserSuite() for specs that switch the reader on: every test starts from a fresh install
 * (resetReader), and the pages a test opens through the suite's open… functions are closed after
 * it, so one test's page cannot answer the next test's messages.
 */
export function useReaderSuite(): ReaderSuite {
  const browser = useBrowserSuite();
  const opened: Page[] = [];
  beforeEach(async () => {
    await resetReader(browser.extension);
  });
  afterEach(async () => {
    for (const page of opened.splice(0)) if (!page.isClosed()) await page.close();
  });
  const track = (page: Page): Page => {
    opened.push(page);
    return page;
  };
  return {
    get server() {
      return browser.server;
    },
    get extension() {
      return browser.extension;
    },
    openFixturePage: (path) => browser.openFixturePage(path),
    async openWithReader(path) {
      await setReaderSite(browser.extension, FIXTURE_HOST, true);
      const page = track(await browser.openFixturePage(path));
      await waitForReaderOn(page);
      await waitForReaderIdle(page);
      return page;
    },
    async openAndSwitchOn(path) {
      const page = track(await browser.openFixturePage(path));
      const before = await page.evaluate(() => document.body.innerHTML);
      await setReaderSite(browser.extension, FIXTURE_HOST, true);
      await waitForReaderOn(page);
      await waitForReaderIdle(page);
      return { page, before };
    },
    async openExtensionPage(path) {
      const page = track(await browser.extension.context.newPage());
      await page.goto(`chrome-extension://${browser.extension.extensionId}/${path}`);
      return page;
    },
  };
}

// What an extension page or the service worker offers; the callbacks below run inside Chromium.
interface ExtensionGlobal {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    tabs: {
      query(q: { url?: string }): Promise<{ id?: number }[]>;
      sendMessage(id: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
    };
  };
}

/** Sends a protocol message to the background from an extension page; returns its reply. */
export async function sendFromExtensionPage(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate(
    (m) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage(m),
    message,
  );
}

/**
 * Sends a message from the service worker to the tab showing `url`, as the background's menu
 * items and commands do (headless Chromium has neither a native menu nor command accelerators);
 * `frameId: 0` reaches the top frame only. Returns the reader's reply.
 */
export async function sendToTab(
  extension: ExtensionHandle,
  url: string,
  message: unknown,
  options?: { frameId: number },
): Promise<unknown> {
  const worker = await extension.serviceWorker();
  return worker.evaluate(
    async ({ url, message, options }) => {
      const { chrome } = globalThis as unknown as ExtensionGlobal;
      const [tab] = await chrome.tabs.query({ url });
      if (tab?.id === undefined) throw new Error('no tab');
      return chrome.tabs.sendMessage(tab.id, message, options);
    },
    { url, message, options },
  );
}

/**
 * One row of the background's database (undefined when absent), read straight from IndexedDB in
 * the service worker: what was stored, not what a reply said.
 */
export async function readStoredRow(
  extension: ExtensionHandle,
  store: string,
  key: string,
): Promise<unknown> {
  const worker = await extension.serviceWorker();
  return worker.evaluate(
    ({ store, key }) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('tifa-reader');
        open.onerror = () => reject(new Error('cannot open'));
        open.onsuccess = () => {
          const get = open.result.transaction(store).objectStore(store).get(key);
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result);
          };
        };
      }),
    { store, key },
  );
}

/** Selects the first occurrence of `quote` in the body's text (across the reader's ruby). */
export async function selectText(page: Page, quote: string): Promise<void> {
  await page.evaluate((q) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const nodes: { node: Text; start: number }[] = [];
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement?.tagName;
      if (parent === 'SCRIPT' || parent === 'STYLE') continue;
      nodes.push({ node: n as Text, start: text.length });
      text += (n as Text).data;
    }
    const at = text.indexOf(q);
    if (at < 0) throw new Error('quote not on the page');
    const find = (offset: number, end: boolean) => {
      const hit = [...nodes].reverse().find((e) => (end ? e.start < offset : e.start <= offset));
      if (!hit) throw new Error('no node');
      return { node: hit.node, offset: offset - hit.start };
    };
    const from = find(at, false);
    const to = find(at + q.length, true);
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }, quote);
}

/** What the word popup shows ('' when hidden); Playwright's locators pierce the shadow root. */
export async function popupText(page: Page): Promise<string> {
  const dialog = page.getByRole('dialog', { name: 'Dictionary' });
  if (!(await dialog.isVisible())) return '';
  return dialog.innerText();
}

/** Points at the middle of the first character row of the first mark matching `selector`. */
export async function hoverMark(page: Page, selector: string): Promise<void> {
  const mark = page.locator(selector).first();
  await mark.scrollIntoViewIfNeeded();
  const target = (await mark.locator('ruby').count()) > 0 ? mark.locator('ruby').first() : mark;
  const box = await target.boundingBox();
  if (!box) throw new Error(`no mark for ${selector}`);
  await page.mouse.move(box.x + Math.min(box.width / 2, 20), box.y + box.height * 0.75);
}

/** Starts recording every message the service worker gets from now on: its type, and for
 * `describeTerms` the ids asked for (`describeTerms:a,b`). */
export async function recordMessages(worker: Worker): Promise<() => Promise<string[]>> {
  await worker.evaluate(() => {
    const scope = globalThis as unknown as {
      tifaSeen: string[];
      chrome: { runtime: { onMessage: { addListener(f: (m: unknown) => void): void } } };
    };
    scope.tifaSeen = [];
    // Another listener beside the background's: it sees every message and answers none.
    scope.chrome.runtime.onMessage.addListener((message) => {
      const { type, payload } = (message ?? {}) as { type?: unknown; payload?: { ids?: unknown } };
      const ids = Array.isArray(payload?.ids) ? `:${payload.ids.join(',')}` : '';
      scope.tifaSeen.push(`${String(type)}${ids}`);
    });
  });
  return () => worker.evaluate(() => (globalThis as unknown as { tifaSeen: string[] }).tifaSeen);
}
