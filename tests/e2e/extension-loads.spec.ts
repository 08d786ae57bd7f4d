// The extension as Chromium loads it: service worker, manifest, which scripts of ours reach a
// page, and the harness's control of the worker that later specs use to measure cold starts.

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

/** A script Chromium parsed in a page, with the world it ran in. */
interface ParsedScript {
  readonly url: string;
  /** The page's own world, the extension's isolated world, or another (Playwright's). */
  readonly world: 'page' | 'extension' | 'other';
  readonly frameId: string;
}

/**
 * Every script parsed in the page (all frames of its process, all worlds) from the moment it is
 * opened, and the extension's isolated worlds created in it. The background's Chinese probe runs
 * in the page's world without a URL (`scripting.executeScript({ func })`); the reader runs in the
 * extension's world as chrome-extension://<id>/reader-main.js.
 */
async function recordScripts(
  context: BrowserContext,
  page: Page,
  extensionId: string,
): Promise<{ scripts: ParsedScript[]; extensionWorlds: string[] }> {
  const session = await context.newCDPSession(page);
  const worlds = new Map<number, { world: ParsedScript['world']; frameId: string }>();
  const recorded = { scripts: [] as ParsedScript[], extensionWorlds: [] as string[] };
  session.on('Runtime.executionContextCreated', ({ context: world }) => {
    const aux = (world.auxData ?? {}) as { isDefault?: boolean; frameId?: string };
    const extension = world.origin === `chrome-extension://${extensionId}`;
    if (extension) recorded.extensionWorlds.push(aux.frameId ?? '');
    worlds.set(world.id, {
      world: aux.isDefault ? 'page' : extension ? 'extension' : 'other',
      frameId: aux.frameId ?? '',
    });
  });
  session.on('Debugger.scriptParsed', ({ url, executionContextId }) => {
    const world = worlds.get(executionContextId) ?? { world: 'other', frameId: '' };
    recorded.scripts.push({ url, ...world });
  });
  await session.send('Runtime.enable');
  await session.send('Debugger.enable');
  return recorded;
}

/** URLs of the service workers Chromium itself lists (Playwright's list can be stale). */
/** Asked through a tab already open: opening one would wake the worker (the background listens
 * to tabs.onUpdated to start the reader in loaded pages). */
async function listServiceWorkerTargets(context: BrowserContext, page: Page): Promise<string[]> {
  const session = await context.newCDPSession(page);
  const { targetInfos } = await session.send('Target.getTargets');
  await session.detach();
  return targetInfos.filter((target) => target.type === 'service_worker').map((t) => t.url);
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

  it('runs no script of its own in a page of a site where the reader is off', async () => {
    const { extension } = suite;
    const page = await extension.context.newPage();
    try {
      const recorded = await recordScripts(extension.context, page, extension.extensionId);
      // A page with Chinese: the reader would start here if the site were on.
      await page.goto(suite.server.url('/simplified-news.html'));
      await page.waitForTimeout(1500);
      // No isolated world of the extension, and no script in the page's world but its own.
      expect(recorded.extensionWorlds).toEqual([]);
      expect(recorded.scripts.filter((s) => s.world !== 'other' && s.url === '')).toEqual([]);
      expect(recorded.scripts.filter((s) => s.url.includes(extension.extensionId))).toEqual([]);
      // The recorder does see them once the site is switched on (the probe, then the reader).
      await setReaderSite(extension, '127.0.0.1', true);
      await waitForReaderOn(page);
      expect(recorded.scripts.filter((s) => s.world === 'page' && s.url === '')).not.toEqual([]);
      expect(recorded.extensionWorlds.length).toBeGreaterThan(0);
    } finally {
      await setReaderSite(extension, '127.0.0.1', false);
      await page.close();
    }
  });

  it('only probes a page without Chinese on a site where the reader is on', async () => {
    const { extension } = suite;
    await setReaderSite(extension, '127.0.0.1', true);
    const page = await extension.context.newPage();
    try {
      const recorded = await recordScripts(extension.context, page, extension.extensionId);
      await page.goto(suite.server.url('/no-chinese.html'));
      // The probe (in the page's own world: no isolated world is created for it) said no.
      await expect
        .poll(() => recorded.scripts.filter((s) => s.world === 'page' && s.url === '').length, {
          timeout: 10_000,
        })
        .toBeGreaterThan(0);
      await page.waitForTimeout(1000);
      expect(recorded.extensionWorlds).toEqual([]);
      expect(recorded.scripts.filter((s) => s.url.includes(extension.extensionId))).toEqual([]);
    } finally {
      await setReaderSite(extension, '127.0.0.1', false);
      await page.close();
    }
  });

  it('injects the reader once per frame when the page loads as its site is switched on', async () => {
    const { extension } = suite;
    const page = await extension.context.newPage();
    try {
      const recorded = await recordScripts(extension.context, page, extension.extensionId);
      // The switch lands while the page is still loading: the storage change and the end of the
      // load both ask for the reader; the second finds it running.
      const loading = page.goto(suite.server.url('/iframe.html'));
      await setReaderSite(extension, '127.0.0.1', true);
      await loading;
      await waitForReaderIdle(page);
      const frame = page.frameLocator('#reprint');
      await expect
        .poll(() => frame.locator('ruby[data-tifa="w"]').count(), { timeout: 10_000 })
        .toBeGreaterThan(20);
      await page.waitForTimeout(1000);
      const readers = recorded.scripts.filter((s) => s.url.endsWith('/reader-main.js'));
      // The page and its same-origin frame, once each.
      expect(readers).toHaveLength(2);
      expect(new Set(readers.map((s) => s.frameId)).size).toBe(2);
    } finally {
      await setReaderSite(extension, '127.0.0.1', false);
      await page.close();
    }
  });

  it('starts the reader from a stopped service worker when a page loads', async () => {
    const { extension } = suite;
    await setReaderSite(extension, '127.0.0.1', true);
    await stopServiceWorker(extension);
    expect(await readServiceWorkerStatus(extension)).toBe('stopped');
    // The tab's load event wakes the worker (its listeners are registered in its first turn).
    const page = await suite.openFixturePage('/simplified-news.html');
    try {
      await waitForReaderOn(page);
      await waitForReaderIdle(page);
      expect(await page.locator('ruby[data-tifa="w"]').count()).toBeGreaterThan(0);
    } finally {
      await setReaderSite(extension, '127.0.0.1', false);
      await page.close();
    }
  });

  it('runs the reader on a page of a site it is switched on for, and answers a ping', async () => {
    const { extension } = suite;
    await setReaderSite(extension, '127.0.0.1', true);
    const page = await suite.openFixturePage('/simplified-news.html');
    try {
      // The background probed the loaded page for Chinese and injected the reader, which
      // fetched the word list (a message round trip) and ran analyze over the page.
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
    const tab = await extension.context.newPage();
    const worker = await extension.serviceWorker();
    await worker.evaluate(() => {
      (globalThis as unknown as ExtensionGlobal).tifaHarnessMark = 'warm';
    });
    expect(await readServiceWorkerStatus(extension)).toBe('running');
    expect(await listServiceWorkerTargets(extension.context, tab)).toContain(worker.url());

    await stopServiceWorker(extension);
    expect(await readServiceWorkerStatus(extension)).toBe('stopped');
    // Playwright keeps its Worker handle (and context.serviceWorkers() still lists it), but
    // Chromium's own target list shows the worker is gone.
    expect(await listServiceWorkerTargets(extension.context, tab)).not.toContain(worker.url());
    // Stopping a stopped worker is a no-op, not a hang.
    await stopServiceWorker(extension);

    await startServiceWorker(extension);
    expect(await readServiceWorkerStatus(extension)).toBe('running');
    const restarted = await extension.serviceWorker();
    expect(
      await restarted.evaluate(() => (globalThis as unknown as ExtensionGlobal).tifaHarnessMark),
    ).toBeUndefined();
    await tab.close();
  });
});
