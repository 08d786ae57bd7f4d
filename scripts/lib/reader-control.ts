// Switching the reader on and off, and changing its settings, the way the toolbar popup does:
// by writing the extension's storage (from its service worker). Used by specs, demo, benchmarks.

import type { Page } from 'playwright-core';
import type { ReaderSettings } from '../../utils/settings.ts';
import type { ExtensionHandle } from './chromium.ts';

// Code passed to worker.evaluate runs in the service worker, where Node's types know no
// `chrome`; this is the part of it we use.
interface WorkerGlobal {
  chrome: {
    storage: {
      local: {
        get(key: string): Promise<Record<string, unknown>>;
        set(items: object): Promise<void>;
        clear(): Promise<void>;
      };
    };
  };
}

/** Turns the reader on or off for a hostname (as the popup's per-site switch does). */
export async function setReaderSite(
  extension: ExtensionHandle,
  hostname: string,
  enabled: boolean,
): Promise<void> {
  const worker = await extension.serviceWorker();
  await worker.evaluate(
    async ([host, on]) => {
      const { enabledSites = [] } = (await (
        globalThis as unknown as WorkerGlobal
      ).chrome.storage.local.get('enabledSites')) as {
        enabledSites?: string[];
      };
      const rest = enabledSites.filter((site) => site !== host);
      await (globalThis as unknown as WorkerGlobal).chrome.storage.local.set({
        enabledSites: on ? [...rest, host] : rest,
      });
    },
    [hostname, enabled] as const,
  );
}

/** Writes reader settings (merged over what is stored). */
export async function setReaderSettings(
  extension: ExtensionHandle,
  settings: Partial<ReaderSettings>,
): Promise<void> {
  const worker = await extension.serviceWorker();
  await worker.evaluate(async (changes) => {
    const { readerSettings = {} } = (await (
      globalThis as unknown as WorkerGlobal
    ).chrome.storage.local.get('readerSettings')) as {
      readerSettings?: object;
    };
    await (globalThis as unknown as WorkerGlobal).chrome.storage.local.set({
      readerSettings: { ...readerSettings, ...changes },
    });
  }, settings);
}

/** Clears all reader settings and sites, back to a fresh install. */
export async function resetReader(extension: ExtensionHandle): Promise<void> {
  const worker = await extension.serviceWorker();
  await worker.evaluate(() => (globalThis as unknown as WorkerGlobal).chrome.storage.local.clear());
}

const READER_ON_SELECTOR = 'html[data-tifa-reader="on"]';

/** Waits until the reader has started annotating the page; rejects after `timeoutMs`. */
export async function waitForReaderOn(page: Page, timeoutMs = 10_000): Promise<void> {
  try {
    await page.waitForSelector(READER_ON_SELECTOR, { state: 'attached', timeout: timeoutMs });
  } catch (error) {
    throw new Error(`The reader did not switch on (${READER_ON_SELECTOR}) within ${timeoutMs} ms`, {
      cause: error,
    });
  }
}

/** Waits until the reader has annotated everything it found (its idle mark). */
export async function waitForReaderIdle(page: Page, timeoutMs = 20_000): Promise<void> {
  await page.waitForFunction(
    () => performance.getEntriesByName('tifa:annotate-idle').length > 0,
    undefined,
    { timeout: timeoutMs },
  );
}
