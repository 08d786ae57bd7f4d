// Launching the system Chromium with the built extension, and controlling the extension's
// service worker through the DevTools protocol. Shared by the browser specs, the demo and the
// benchmarks, so all of them run the extension the same way.

import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Worker } from 'playwright-core';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The unpacked build; TIFA_OUT_DIR as in wxt.config.ts when a checkout holds several builds. */
export const EXTENSION_DIR = join(
  PROJECT_ROOT,
  process.env.TIFA_OUT_DIR ?? '.output',
  'chrome-mv3',
);

/** Playwright cannot download its own browsers here; we drive the Debian package's Chromium. */
export function chromiumExecutablePath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

// Without these flags Chromium tries to reach Google services (sync, component updates, field
// trials) and the refused connections slow start-up and clutter the logs.
const QUIET_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Chromium refuses to start its sandbox as root (CI containers run as root).
const SANDBOX_ARGS = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

// A cold start on two busy cores can take a while; past this something is broken.
const SERVICE_WORKER_TIMEOUT_MS = 15_000;

export interface LaunchOptions {
  /** Default true. A visible window needs DISPLAY or WAYLAND_DISPLAY. */
  headless?: boolean;
  /** Default EXTENSION_DIR; another unpacked build (e.g. to compare two builds). */
  extensionDir?: string;
}

export interface ExtensionHandle {
  /** The persistent context the extension is loaded into (`context.browser()` is null). */
  context: BrowserContext;
  /** The 32-letter id Chromium derived from the extension's path. */
  extensionId: string;
  /**
   * The extension's service worker. Playwright keeps one handle across stops and restarts (the
   * DevTools target outlives the worker while attached), so after `stopServiceWorker` calls on
   * it wait until something wakes the worker again.
   */
  serviceWorker(): Promise<Worker>;
  /** Closes Chromium and deletes its temporary profile. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Launches Chromium with the built extension in a fresh temporary profile. Headless by default:
 * Chromium's new headless mode loads extensions, so `--load-extension` needs no other trick.
 */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionHandle> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const manifestFile = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new Error(
      `No built extension at ${extensionDir} (manifest.json is missing): run \`npm run build\` first.`,
    );
  }
  const executablePath = chromiumExecutablePath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: install the Debian package \`chromium\` or set CHROMIUM_PATH.`,
    );
  }
  const workerScript = readServiceWorkerScript(manifestFile);
  const userDataDir = await mkdtemp(join(tmpdir(), 'tifa-chromium-'));
  const headless = options.headless ?? true;
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      headless,
      executablePath,
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        ...SANDBOX_ARGS,
        ...QUIET_ARGS,
        ...(!headless && !process.env.DISPLAY && process.env.WAYLAND_DISPLAY
          ? ['--ozone-platform=wayland']
          : []),
      ],
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const isExtensionWorker = (worker: Worker): boolean => {
    const url = new URL(worker.url());
    return url.protocol === 'chrome-extension:' && url.pathname === `/${workerScript}`;
  };
  const findWorker = async (): Promise<Worker> =>
    context.serviceWorkers().find(isExtensionWorker) ??
    (await context.waitForEvent('serviceworker', {
      predicate: isExtensionWorker,
      timeout: SERVICE_WORKER_TIMEOUT_MS,
    }));

  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    try {
      await context.close();
    } finally {
      await rm(userDataDir, { recursive: true, force: true });
    }
  };

  let worker: Worker;
  try {
    worker = await findWorker();
  } catch (error) {
    await close();
    throw new Error(
      `The extension's service worker (${workerScript}) did not start within ${SERVICE_WORKER_TIMEOUT_MS} ms`,
      { cause: error },
    );
  }
  return {
    context,
    extensionId: new URL(worker.url()).host,
    serviceWorker: findWorker,
    close,
  };
}

/** The background script path the manifest declares, e.g. `background.js`. */
function readServiceWorkerScript(manifestFile: string): string {
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    background?: { service_worker?: string };
  };
  const script = manifest.background?.service_worker;
  if (!script) throw new Error(`${manifestFile} declares no background service worker`);
  return script.replace(/^\//, '');
}

// The content script sets `document.documentElement.dataset.tifaReader = 'ready'` once it has
// started (the contract with entrypoints/reader.content/).
// ---------------------------------------------------------------------------------------------
// Service worker control over the DevTools protocol. Chromium stops an idle MV3 worker after
// about 30 s, but never while DevTools (Playwright) is attached, so cold starts have to be forced.

export type ServiceWorkerRunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: ServiceWorkerRunningStatus;
  status: string;
}

/** A CDP session with the ServiceWorker domain enabled, tracking the extension's worker. */
interface ServiceWorkerSession {
  session: CDPSession;
  scopeUrl: string;
  /** Resolves with the extension's current version once `accept` returns true for it. */
  waitForVersion: (
    accept: (version: WorkerVersion) => boolean,
    what: string,
    timeoutMs?: number,
  ) => Promise<WorkerVersion>;
}

/**
 * Stops the extension's service worker, as Chromium does when the worker has been idle, and
 * resolves once Chromium reports it stopped. The next extension event starts a cold worker.
 */
export async function stopServiceWorker(handle: ExtensionHandle): Promise<void> {
  await withServiceWorkerSession(handle, async ({ session, waitForVersion }) => {
    // A worker stopped before activation is restarted at once by Chromium to finish
    // installing, so wait until it is activated.
    const version = await waitForVersion(
      (v) =>
        v.status === 'activated' &&
        (v.runningStatus === 'running' || v.runningStatus === 'stopped'),
      'to be activated',
    );
    if (version.runningStatus === 'stopped') return;
    await session.send('ServiceWorker.stopWorker', { versionId: version.versionId });
    await waitForVersion((v) => v.runningStatus === 'stopped', 'to stop');
  });
}

/**
 * Starts the extension's service worker without sending it an event: for tests of the
 * harness, and for specs that want a running worker before they measure something else.
 */
export async function startServiceWorker(handle: ExtensionHandle): Promise<void> {
  await withServiceWorkerSession(handle, async ({ session, scopeUrl, waitForVersion }) => {
    await session.send('ServiceWorker.startWorker', { scopeURL: scopeUrl });
    await waitForVersion((v) => v.runningStatus === 'running', 'to start');
  });
}

/** Whether the extension's service worker is running right now, as Chromium reports it. */
export async function readServiceWorkerStatus(
  handle: ExtensionHandle,
): Promise<ServiceWorkerRunningStatus> {
  return withServiceWorkerSession(handle, async ({ waitForVersion }) => {
    const version = await waitForVersion(() => true, 'to be registered');
    return version.runningStatus;
  });
}

/**
 * Runs `action` with a CDP session on a page of the context. Persistent contexts have no
 * Browser object, hence no browser-level session; the ServiceWorker domain of any page's
 * session sees every worker of the profile, extensions included.
 */
async function withServiceWorkerSession<T>(
  handle: ExtensionHandle,
  action: (serviceWorker: ServiceWorkerSession) => Promise<T>,
): Promise<T> {
  const existingPage = handle.context.pages()[0];
  const page = existingPage ?? (await handle.context.newPage());
  const session = await handle.context.newCDPSession(page);
  const scopeUrl = `chrome-extension://${handle.extensionId}/`;
  let current: WorkerVersion | undefined;
  const listeners = new Set<() => void>();
  session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (!version.scriptURL.startsWith(scopeUrl) || version.status === 'redundant') continue;
      current = version;
    }
    for (const listener of listeners) listener();
  });

  const waitForVersion: ServiceWorkerSession['waitForVersion'] = (
    accept,
    what,
    timeoutMs = SERVICE_WORKER_TIMEOUT_MS,
  ) =>
    new Promise((resolveWait, rejectWait) => {
      const check = (): void => {
        if (current === undefined || !accept(current)) return;
        cleanup();
        resolveWait(current);
      };
      const timer = setTimeout(() => {
        cleanup();
        const last = current ? `${current.runningStatus}/${current.status}` : 'not registered';
        rejectWait(
          new Error(
            `Timed out after ${timeoutMs} ms waiting for the service worker ${what} (${last})`,
          ),
        );
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });

  try {
    // enable() reports every existing version through workerVersionUpdated.
    await session.send('ServiceWorker.enable');
    return await action({ session, scopeUrl, waitForVersion });
  } finally {
    await session.detach().catch(() => undefined);
    if (existingPage === undefined) await page.close();
  }
}
