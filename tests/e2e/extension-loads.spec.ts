// The extension as Chromium loads it: service worker, manifest, content script, and the
// harness's control of the worker that later specs use to measure cold starts.

import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import wxtConfig from '../../wxt.config.ts';
import {
  readServiceWorkerStatus,
  startServiceWorker,
  stopServiceWorker,
  useBrowserSuite,
} from './harness.ts';
import { setReaderSite, waitForReaderIdle, waitForReaderOn } from './harness.ts';

// What the service worker's global scope offers; the callbacks run inside Chromium, so they can
// only reach `chrome` through the global object.
interface ExtensionGlobal {
  chrome: {
    runtime: {
      getManifest(): Browser.runtime.ManifestV3;
      sendMessage(message: unknown): Promise<unknown>;
    };
    permissions: { getAll(): Promise<Browser.permissions.Permissions> };
  };
  tifaHarnessMark?: string;
}

/** The manifest fields written in wxt.config.ts, which the built manifest must not exceed. */
function configuredManifest(): Browser.runtime.ManifestV3 {
  const manifest = wxtConfig.manifest;
  if (typeof manifest !== 'object' || manifest instanceof Promise) {
    throw new Error('wxt.config.ts: expected `manifest` to be a plain object');
  }
  return manifest as Browser.runtime.ManifestV3;
}

const sorted = (items: readonly string[] | undefined): string[] => [...(items ?? [])].sort();

/** The JavaScript worlds Chromium creates in a page, recorded from the moment it is opened. */
async function recordExecutionContexts(
  context: BrowserContext,
  page: Page,
): Promise<{ origin: string; name: string }[]> {
  const worlds: { origin: string; name: string }[] = [];
  const session = await context.newCDPSession(page);
  session.on('Runtime.executionContextCreated', ({ context: world }) => {
    worlds.push({ origin: world.origin, name: world.name });
  });
  await session.send('Runtime.enable');
  return worlds;
}

/** URLs of the service workers Chromium itself lists (Playwright's list can be stale). */
async function listServiceWorkerTargets(context: BrowserContext): Promise<string[]> {
  const page = await context.newPage();
  try {
    const session = await context.newCDPSession(page);
    const { targetInfos } = await session.send('Target.getTargets');
    await session.detach();
    return targetInfos.filter((target) => target.type === 'service_worker').map((t) => t.url);
  } finally {
    await page.close();
  }
}

describe('the built extension in Chromium', () => {
  const suite = useBrowserSuite();

  it('starts its service worker at chrome-extension://<id>/background.js', async () => {
    const { extensionId } = suite.extension;
    expect(extensionId).toMatch(/^[a-p]{32}$/);
    const worker = await suite.extension.serviceWorker();
    expect(worker.url()).toBe(`chrome-extension://${extensionId}/background.js`);
    // Evaluating proves the worker runs our script, not just that a target exists.
    expect(await worker.evaluate(() => self.location.href)).toBe(worker.url());
  });

  it('loads the manifest of wxt.config.ts with only the permissions listed there', async () => {
    const worker = await suite.extension.serviceWorker();
    const manifest = await worker.evaluate(() =>
      (globalThis as unknown as ExtensionGlobal).chrome.runtime.getManifest(),
    );
    const granted = await worker.evaluate(() =>
      (globalThis as unknown as ExtensionGlobal).chrome.permissions.getAll(),
    );
    const configured = configuredManifest();

    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toBe('Tifa Reader');
    expect(manifest.name).toBe(configured.name);
    expect(sorted(manifest.permissions)).toEqual(sorted(configured.permissions));
    expect(sorted(granted.permissions)).toEqual(sorted(configured.permissions));
    expect(sorted(manifest.optional_permissions)).toEqual(sorted(configured.optional_permissions));
    expect(sorted(manifest.host_permissions)).toEqual(sorted(configured.host_permissions));
    expect(sorted(manifest.optional_host_permissions)).toEqual(
      sorted(configured.optional_host_permissions),
    );
    // Host access may come only from the content script's match patterns and the configured
    // host permissions.
    const matches = (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
    const allowedOrigins = new Set([...matches, ...(configured.host_permissions ?? [])]);
    expect(sorted(granted.origins)).toEqual(sorted([...allowedOrigins]));
  });

  it('injects the content script into a page on 127.0.0.1', async () => {
    const page = await suite.extension.context.newPage();
    try {
      const worlds = await recordExecutionContexts(suite.extension.context, page);
      await page.goto(suite.server.url('/simplified-news.html'));
      // Chromium names a content script's isolated world after the extension, with the
      // extension's origin: its presence shows the script was injected, whatever it then does.
      await expect
        .poll(() => worlds, { timeout: 10_000 })
        .toContainEqual({
          origin: `chrome-extension://${suite.extension.extensionId}`,
          name: 'Tifa Reader',
        });
    } finally {
      await page.close();
    }
  });

  it('runs the reader on a page of a site it is switched on for, and answers a ping', async () => {
    const { extension } = suite;
    await setReaderSite(extension, '127.0.0.1', true);
    const page = await suite.openFixturePage('/simplified-news.html');
    try {
      // The gatekeeper content script asked the background (a message round trip) to inject the
      // reader, which fetched the word list (another) and ran analyze over the page.
      await waitForReaderOn(page);
      await waitForReaderIdle(page);
      expect(await page.locator('ruby[data-tifa="w"]').count()).toBeGreaterThan(0);
      // The protocol's ping, from an extension page, the way the popup talks to the background.
      const options = await extension.context.newPage();
      await options.goto(`chrome-extension://${extension.extensionId}/popup.html`);
      const reply = await options.evaluate(() =>
        (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({
          type: 'ping',
          payload: {},
        }),
      );
      expect(reply).toMatchObject({ ok: true, value: { version: '0.1.0' } });
      const refused = await options.evaluate(() =>
        (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({
          type: 'dropDatabase',
          payload: {},
        }),
      );
      expect(refused).toEqual({ ok: false, error: 'unknown message type "dropDatabase"' });
      await options.close();
    } finally {
      await setReaderSite(extension, '127.0.0.1', false);
      await page.close();
    }
  });

  it('stops the service worker through the DevTools protocol, so the next start is cold', async () => {
    const { extension } = suite;
    const worker = await extension.serviceWorker();
    await worker.evaluate(() => {
      (globalThis as unknown as ExtensionGlobal).tifaHarnessMark = 'warm';
    });
    expect(await readServiceWorkerStatus(extension)).toBe('running');
    expect(await listServiceWorkerTargets(extension.context)).toContain(worker.url());

    await stopServiceWorker(extension);
    expect(await readServiceWorkerStatus(extension)).toBe('stopped');
    // Playwright keeps its Worker handle (and context.serviceWorkers() still lists it), but
    // Chromium's own target list shows the worker is gone.
    expect(await listServiceWorkerTargets(extension.context)).not.toContain(worker.url());
    // Stopping a stopped worker is a no-op, not a hang.
    await stopServiceWorker(extension);

    await startServiceWorker(extension);
    expect(await readServiceWorkerStatus(extension)).toBe('running');
    const restarted = await extension.serviceWorker();
    expect(
      await restarted.evaluate(() => (globalThis as unknown as ExtensionGlobal).tifaHarnessMark),
    ).toBeUndefined();
  });
});
