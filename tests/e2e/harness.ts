// The one import of every browser spec: a fixture server on 127.0.0.1, Chromium with the built
// extension, and control of the extension's service worker. The launch and server code lives in
// scripts/lib/ because the demo and the benchmarks run the extension the same way.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, type ExtensionHandle } from '../../scripts/lib/chromium.ts';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server.ts';

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
