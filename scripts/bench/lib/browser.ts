/**
 * What the browser benchmarks (`page.ts`, `popup.ts`) share: a private copy of the built
 * extension, a tiny server for generated pages, the DevTools protocol calls they make (marks,
 * heap, the content script's world, the service worker) and a trace reader that tells the
 * extension's main-thread work from everything else.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { EXTENSION_DIR, type ExtensionHandle } from '../../lib/chromium';
import { PROJECT_ROOT } from './shared-data';

// ---------------------------------------------------------------------------------------------
// The extension under test

export interface ExtensionBuild {
  /** A private copy of `.output/chrome-mv3`: other builds during the run cannot swap files. */
  readonly dir: string;
  /** When `wxt build` wrote the copied build (its manifest's mtime). */
  readonly builtAt: Date;
  /** Source files (entrypoints/, utils/, public/) changed after that build, relative paths. */
  readonly newerSources: readonly string[];
  /** Size in bytes of the reader script a page with Chinese pays for. */
  readonly bytes: { readonly reader: number };
  /** The extension's name as the manifest gives it (the content script world is named so). */
  readonly name: string;
  dispose(): Promise<void>;
}

/** Where the injected reader lands in the build. */
export const READER_SCRIPT = 'reader-main.js';
/**
 * How the trace names code the background runs in a page with `scripting.executeScript({ func })`
 * (the Chinese probe, entrypoints/background/inject-reader.ts): Chromium evaluates it without a
 * URL. Page scripts carry their document's or file's URL and DevTools evaluations are no
 * `EvaluateScript`, so a URL-less evaluation on the benchmark pages is ours.
 */
export const INJECTED_FUNCTION = '(executeScript func)';

/**
 * Copies the current build to a temporary folder, retrying if a concurrent `wxt build` rewrote
 * it meanwhile. Throws with the command to run when there is no build.
 */
export async function snapshotExtensionBuild(): Promise<ExtensionBuild> {
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifest)) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  for (let attempt = 1; ; attempt++) {
    const before = (await stat(manifest)).mtimeMs;
    const dir = await mkdtemp(join(tmpdir(), 'tifa-bench-ext-'));
    await cp(EXTENSION_DIR, dir, { recursive: true });
    const after = existsSync(manifest) ? (await stat(manifest)).mtimeMs : NaN;
    const complete = [READER_SCRIPT, 'manifest.json'].every((f) => existsSync(join(dir, f)));
    if (before === after && complete) {
      const { name } = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
        name: string;
      };
      return {
        dir,
        builtAt: new Date(before),
        newerSources: sourcesNewerThan(before),
        bytes: { reader: (await stat(join(dir, READER_SCRIPT))).size },
        name,
        dispose: () => rm(dir, { recursive: true, force: true }),
      };
    }
    await rm(dir, { recursive: true, force: true });
    if (attempt >= 5) throw new Error(`${EXTENSION_DIR} kept changing while being copied`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/** Source files modified after `time` (ms): the build may not reflect them. */
function sourcesNewerThan(time: number): string[] {
  const newer: string[] = [];
  const walk = (relative: string): void => {
    const absolute = join(PROJECT_ROOT, relative);
    if (!existsSync(absolute)) return;
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      const path = join(relative, entry.name);
      if (entry.isDirectory()) {
        if (path !== join('public', 'dict')) walk(path);
      } else if (statSync(join(PROJECT_ROOT, path)).mtimeMs > time) newer.push(path);
    }
  };
  for (const root of ['entrypoints', 'utils', 'public']) walk(root);
  return newer;
}

/** One paragraph saying which build was measured, for a report body. */
export function describeBuild(build: ExtensionBuild, browserVersion: string): string {
  const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`;
  const stale =
    build.newerSources.length > 0
      ? ` **${build.newerSources.length} source file(s) changed after this build** ` +
        `(${build.newerSources.slice(0, 3).join(', ')}${build.newerSources.length > 3 ? ', …' : ''}): ` +
        'the figures are for the build, which `npx wxt build` refreshes.'
      : ' No source file changed after it.';
  return (
    `Browser: ${browserVersion}, headless, the extension loaded unpacked from a copy of ` +
    `\`${relative(PROJECT_ROOT, EXTENSION_DIR)}\` built ${build.builtAt.toISOString().replace(/\.\d+Z$/, 'Z')} ` +
    `(reader \`${READER_SCRIPT}\` ${kb(build.bytes.reader)}).${stale} Pages are served from ` +
    '127.0.0.1.'
  );
}

/** The browser's full version (`Chromium 156.0.8078.108`); the user agent hides the minor part. */
export async function browserVersion(cdp: CDPSession): Promise<string> {
  const { product } = await cdp.send('Browser.getVersion');
  const version = /\/([\d.]+)$/.exec(product)?.[1];
  return version ? `Chromium ${version}` : product;
}

/** Whether the code a browser benchmark runs has uncommitted changes (for the report). */
export function uncommittedBrowserCode(): boolean {
  try {
    const status = execFileSync(
      'git',
      ['status', '--porcelain', '--', 'entrypoints', 'utils', 'public', 'wxt.config.ts'],
      { cwd: PROJECT_ROOT, encoding: 'utf8' },
    );
    return status.trim() !== '';
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Generated pages

export interface PageServer {
  url(path: string): string;
  close(): Promise<void>;
}

/** Serves fixed HTML documents (path → markup) from 127.0.0.1, as the fixture server does. */
export async function serveGeneratedPages(pages: ReadonlyMap<string, string>): Promise<PageServer> {
  const bodies = new Map([...pages].map(([path, html]) => [path, Buffer.from(html, 'utf8')]));
  const server = createServer((request, response) => {
    const body = bodies.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    response.writeHead(body ? 200 : 404, {
      'Content-Type': body ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    response.end(body ?? 'Not Found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path) => new URL(path, origin).href,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// The page, through the DevTools protocol (no script injected into the page: Playwright's
// waitForFunction would evaluate its own 40 ms helper script there and land in a trace)

/** Evaluates an expression in the page's main world and returns its JSON value. */
export async function evaluateInPage<T>(cdp: CDPSession, expression: string): Promise<T> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    returnByValue: true,
    awaitPromise: true,
  });
  if (exceptionDetails) {
    throw new Error(`page evaluation failed: ${exceptionDetails.exception?.description ?? ''}`);
  }
  return result.value as T;
}

/** Polls (every `intervalMs`) until a performance entry of that name exists in the page. */
export async function waitForEntry(
  cdp: CDPSession,
  name: string,
  timeoutMs: number,
  intervalMs = 25,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const expression = `performance.getEntriesByName(${JSON.stringify(name)}).length > 0`;
  while (!(await evaluateInPage<boolean>(cdp, expression))) {
    if (Date.now() > deadline)
      throw new Error(`no "${name}" entry in the page after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The reader's performance entries (`tifa:*`) in the page, in page time (ms since timeOrigin). */
export interface ReaderEntries {
  readonly timeOrigin: number;
  readonly marks: Readonly<Record<string, number>>;
  /** Durations of `performance.measure` entries. */
  readonly measures: Readonly<Record<string, number>>;
  readonly idle?: {
    readonly nodes: number;
    readonly characters: number;
    readonly busyMs: number;
    readonly longestSliceMs: number;
  };
}

export function readReaderEntries(cdp: CDPSession): Promise<ReaderEntries> {
  return evaluateInPage<ReaderEntries>(
    cdp,
    `(() => {
      const marks = {}, measures = {};
      let idle;
      for (const e of performance.getEntries()) {
        if (!e.name.startsWith('tifa:')) continue;
        if (e.entryType === 'measure') measures[e.name] = e.duration;
        else if (e.entryType === 'mark') {
          marks[e.name] = e.startTime;
          if (e.name === 'tifa:annotate-idle') idle = e.detail;
        }
      }
      return { timeOrigin: performance.timeOrigin, marks, measures, idle };
    })()`,
  );
}

/** V8 heap of the page's renderer (every world of the page: the page's and the extension's). */
export interface HeapUsage {
  readonly usedSize: number;
  readonly totalSize: number;
  /** Blink's own garbage-collected heap (DOM wrappers' C++ side), where Chromium reports it. */
  readonly embedderHeapUsedSize?: number;
  /** Array buffers and external strings, outside the V8 heap proper. */
  readonly backingStorageSize?: number;
}

/** Heap usage, optionally after a full garbage collection (what stays reachable). */
export async function pageHeap(cdp: CDPSession, collectGarbage: boolean): Promise<HeapUsage> {
  if (collectGarbage) await cdp.send('HeapProfiler.collectGarbage');
  return await cdp.send('Runtime.getHeapUsage');
}

/** The DevTools frame id of the page's main frame. */
export async function mainFrameId(cdp: CDPSession): Promise<string> {
  return (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
}

/**
 * Evaluates expressions in the extension's content script world of the page's main frame (the
 * isolated world the reader runs in), where `chrome.runtime` is the content
 * script's own.
 */
export async function contentScriptWorld(
  cdp: CDPSession,
  extensionName: string,
): Promise<<T>(expression: string) => Promise<T>> {
  const frameId = await mainFrameId(cdp);
  let contextId: number | undefined;
  const listener = ({
    context,
  }: {
    context: { id: number; name: string; auxData?: { frameId?: string } };
  }) => {
    if (context.name === extensionName && context.auxData?.frameId === frameId)
      contextId = context.id;
  };
  cdp.on('Runtime.executionContextCreated', listener);
  // enable() reports every existing context.
  await cdp.send('Runtime.enable');
  cdp.off('Runtime.executionContextCreated', listener);
  await cdp.send('Runtime.disable');
  if (contextId === undefined) throw new Error(`no "${extensionName}" world in the page`);
  const id = contextId;
  return async <T>(expression: string): Promise<T> => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: id,
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) {
      throw new Error(
        `content script evaluation failed: ${exceptionDetails.exception?.description ?? ''}`,
      );
    }
    return result.value as T;
  };
}

// ---------------------------------------------------------------------------------------------
// The service worker's heap. Playwright's Worker handle evaluates JavaScript only; the heap
// figures need the worker's own DevTools target, reached through a page session.

export interface ServiceWorkerTarget {
  /** Sends a DevTools command to the worker and resolves with its result. */
  call<T>(method: string, params?: object): Promise<T>;
  detach(): Promise<void>;
}

/** Attaches to the extension's (running) service worker target. Detach before stopping it. */
export async function attachServiceWorker(
  extension: ExtensionHandle,
  cdp: CDPSession,
): Promise<ServiceWorkerTarget> {
  const scope = `chrome-extension://${extension.extensionId}/`;
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(scope));
  if (!target) throw new Error('the extension has no service worker target (is it running?)');
  // Not flattened: a page session cannot address child sessions of its own otherwise.
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const onMessage = (event: { sessionId?: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter || message.id === undefined) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  };
  cdp.on('Target.receivedMessageFromTarget', onMessage);
  return {
    call: <T>(method: string, params: object = {}) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: (v) => resolve(v as T), reject });
        cdp
          .send('Target.sendMessageToTarget', {
            sessionId,
            message: JSON.stringify({ id, method, params }),
          })
          .catch((error: unknown) => {
            pending.delete(id);
            reject(error instanceof Error ? error : new Error(String(error)));
          });
      }),
    detach: async () => {
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Traces

export interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  /** Microseconds on the browser's monotonic clock. */
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: {
    readonly data?: {
      readonly url?: string;
      readonly frame?: string;
      readonly [key: string]: unknown;
    };
    readonly beginData?: { readonly frame?: string; readonly [key: string]: unknown };
    readonly microtask_count?: number;
    readonly [key: string]: unknown;
  };
}

/** Enough to see tasks, script evaluation, callbacks, microtasks, GC, rendering and marks,
 * without the heavier `disabled-by-default-*` categories (they slow the page down). */
export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'v8',
  'v8.execute',
  'blink.user_timing',
];

/** Starts a trace (all processes of the browser); the returned function stops it. */
export async function startTrace(
  cdp: CDPSession,
  categories: readonly string[] = TRACE_CATEGORIES,
): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const onData = ({ value }: { value: object[] }) => {
    for (const event of value) events.push(event as TraceEvent);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: [...categories] },
  });
  return async () => {
    const complete = new Promise<void>((resolve) =>
      cdp.once('Tracing.tracingComplete', () => resolve()),
    );
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

/** The renderer main thread that ran the frame's last document (after its navigation). */
export function frameMainThread(
  events: readonly TraceEvent[],
  frameId: string,
): { pid: number; tid: number } {
  let found: TraceEvent | undefined;
  for (const event of events) {
    if (event.name !== 'ParseHTML' && event.name !== 'EvaluateScript') continue;
    const frame = event.args?.beginData?.frame ?? event.args?.data?.frame;
    if (frame === frameId && (!found || event.ts > found.ts)) found = event;
  }
  if (!found) throw new Error(`the trace has no main-thread work of frame ${frameId}`);
  return { pid: found.pid, tid: found.tid };
}

/** A task of the main thread, classified by what ran in it. */
export interface TraceTask {
  readonly ts: number;
  readonly dur: number;
  /** Ran the extension's code (see `mainThreadTasks`). */
  readonly extension: boolean;
  /** Extension scripts evaluated in it, with the compile part. */
  readonly evaluated: readonly { file: string; ms: number; compileMs: number }[];
  /** Milliseconds of some steps inside the task, by trace event name (see INNER_EVENTS). */
  readonly inner: Readonly<Record<string, number>>;
  /**
   * Milliseconds from the task's start to its first extension script event: the page's own work
   * when code injected at `document_idle` ran inside a task of the page (its DOMContentLoaded,
   * style), else the task's message handling.
   */
  readonly leadMs: number;
}

/** Steps inside a task worth naming: compiling, creating contexts and bindings (a content
 * script's world, `chrome.*` objects), garbage collection, forced style and layout. */
export const INNER_EVENTS = new Set([
  'v8.compile',
  'v8.newInstance',
  'MinorGC',
  'MajorGC',
  'V8.GCIncrementalMarking',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
]);

export type TaskKind = 'extension' | 'rendering' | 'gc' | 'other';

/** What a task mostly did: ran extension code, or else rendering or garbage collection when
 * those steps fill at least half of it. */
export function taskKind(task: TraceTask): TaskKind {
  if (task.extension) return 'extension';
  const share = (names: readonly string[]) =>
    names.reduce((total, name) => total + (task.inner[name] ?? 0), 0) / task.dur;
  if (share(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint']) >= 0.5) return 'rendering';
  if (share(['MinorGC', 'MajorGC', 'V8.GCIncrementalMarking']) >= 0.5) return 'gc';
  return 'other';
}

const TASK_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
/** Promise continuations run in a microtask checkpoint that the trace shows after its task, not
 * inside it; a checkpoint right after a task is counted as part of it. */
const CHECKPOINT_EVENT = 'BlinkScheduler_PerformMicrotaskCheckpoint';
/** Creating a frame's script context; on a page without scripts Chromium does it when the first
 * content script arrives, just before evaluating it, outside that task. */
export const CONTEXT_EVENT = 'LocalWindowProxy::Initialize';
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.run']);

interface TaskInProgress {
  ts: number;
  end: number;
  extScript: boolean;
  microtasks: boolean;
  otherScript: boolean;
  /** Only a script context was created in it (see CONTEXT_EVENT). */
  contextOnly: boolean;
  evaluated: { file: string; ms: number; compileMs: number }[];
  inner: Record<string, number>;
  /** When its first extension script event began. */
  extensionTs?: number;
}

/**
 * The top-level tasks of a main thread, each marked as the extension's when it evaluated or
 * called into one of the extension's scripts (a URL-less one included, see INJECTED_FUNCTION),
 * or ran promise continuations (microtasks) without
 * any other script: the benchmark pages have no scripts of their own and the benchmark talks to
 * them only through synchronous DevTools evaluations, so the only promises on their main thread
 * are the extension's (replies from its background, storage reads). A script context created
 * at most 3 ms before a task that evaluates an extension script is counted with that task.
 */
export function mainThreadTasks(
  events: readonly TraceEvent[],
  thread: { pid: number; tid: number },
  extensionId: string,
): TraceTask[] {
  const prefix = `chrome-extension://${extensionId}/`;
  const own = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks: TaskInProgress[] = [];
  const startTask = (event: TraceEvent, contextOnly: boolean) =>
    tasks.push({
      ts: event.ts,
      end: event.ts + (event.dur ?? 0),
      extScript: false,
      microtasks: false,
      otherScript: false,
      contextOnly,
      evaluated: [],
      inner: {},
    });
  for (const event of own) {
    const end = event.ts + (event.dur ?? 0);
    const last = tasks.at(-1);
    const outside = !last || event.ts >= last.end;
    if (outside && event.name === CHECKPOINT_EVENT && last && event.ts - last.end <= 100) {
      last.end = end; // the checkpoint of the task just before
    } else if (outside && (TASK_EVENTS.has(event.name) || event.name === CHECKPOINT_EVENT)) {
      startTask(event, false);
      if (event.name !== CHECKPOINT_EVENT) continue;
    } else if (outside && event.name === CONTEXT_EVENT) {
      startTask(event, true);
    }
    const task = tasks.at(-1);
    if (!task || event.ts < task.ts || end > task.end + 1) continue; // outside any task
    if (INNER_EVENTS.has(event.name))
      task.inner[event.name] = (task.inner[event.name] ?? 0) + (event.dur ?? 0) / 1000;
    const url = event.args?.data?.url ?? '';
    if (SCRIPT_EVENTS.has(event.name)) {
      const injected =
        url === '' && (event.name === 'EvaluateScript' || event.name === 'v8.compile');
      if (url.startsWith(prefix) || injected) {
        task.extScript = true;
        task.extensionTs ??= event.ts;
        const file = injected ? INJECTED_FUNCTION : url.slice(prefix.length);
        if (event.name === 'EvaluateScript')
          task.evaluated.push({ file, ms: (event.dur ?? 0) / 1000, compileMs: 0 });
        if (event.name === 'v8.compile') {
          const evaluation = task.evaluated.find((e) => e.file === file);
          if (evaluation) evaluation.compileMs += (event.dur ?? 0) / 1000;
        }
      } else if (event.name === 'EvaluateScript') task.otherScript = true;
    } else if (event.name === 'RunMicrotasks' && (event.args?.microtask_count ?? 0) > 0) {
      task.microtasks = true;
    }
  }
  // A lone context creation counts as the extension's when made for an extension script.
  return tasks.map((t, i) => {
    const next = tasks[i + 1];
    const forExtension =
      t.contextOnly && next !== undefined && next.ts - t.end <= 3000 && next.evaluated.length > 0;
    return {
      ts: t.ts,
      dur: (t.end - t.ts) / 1000,
      extension: forExtension || t.extScript || (t.microtasks && !t.otherScript),
      evaluated: t.evaluated,
      inner: t.contextOnly ? { ...t.inner, [CONTEXT_EVENT]: (t.end - t.ts) / 1000 } : t.inner,
      leadMs: t.extensionTs === undefined ? 0 : (t.extensionTs - t.ts) / 1000,
    };
  });
}

/** Rendering steps of the main thread (style, layout, paint), outside the given tasks. */
const RENDER_EVENTS = new Set([
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'UpdateLayer',
  'Commit',
]);

/** Milliseconds of style, layout and paint between `from` and `to` (trace µs), not counting
 * what ran inside `exclude` (tasks already counted, with their forced layouts). */
export function renderingMs(
  events: readonly TraceEvent[],
  thread: { pid: number; tid: number },
  from: number,
  to: number,
  exclude: readonly TraceTask[],
): number {
  const spans = events
    .filter(
      (e) =>
        e.pid === thread.pid &&
        e.tid === thread.tid &&
        e.ph === 'X' &&
        RENDER_EVENTS.has(e.name) &&
        e.ts >= from &&
        e.ts <= to &&
        !exclude.some((t) => e.ts >= t.ts && e.ts <= t.ts + t.dur * 1000),
    )
    .map((e) => [e.ts, e.ts + (e.dur ?? 0)] as const)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [start, stop] of spans) {
    if (stop <= end) continue;
    total += stop - Math.max(start, end);
    end = stop;
  }
  return total / 1000;
}

/** The trace timestamp (µs) of a `performance.mark` made in the page, if the trace has it. */
export function markTimestamp(
  events: readonly TraceEvent[],
  pid: number,
  name: string,
): number | undefined {
  return events.find((e) => e.pid === pid && e.name === name && e.cat.includes('user_timing'))?.ts;
}

/** The mark `markTraceClock` leaves in the page, to line page time up with the trace's. */
const SYNC_MARK = 'tifa-bench:sync';

/** Marks the page's clock in a running trace (call right after `startTrace`). */
export async function markTraceClock(cdp: CDPSession): Promise<void> {
  await evaluateInPage(cdp, `performance.mark('${SYNC_MARK}'), 0`);
}

/**
 * From a trace holding `markTraceClock`'s mark: the page's main thread, and page time (ms since
 * timeOrigin, as `performance.now()` gives it) converted to trace time (µs).
 */
export function traceClock(events: readonly TraceEvent[]): {
  readonly thread: { readonly pid: number; readonly tid: number };
  readonly toTrace: (pageMs: number) => number;
} {
  const sync = events.find((e) => e.name === SYNC_MARK && e.cat.includes('user_timing'));
  const syncTime = (sync?.args?.data as { startTime?: number } | undefined)?.startTime;
  if (!sync || syncTime === undefined) throw new Error('the trace lost the sync mark');
  return {
    thread: { pid: sync.pid, tid: sync.tid },
    toTrace: (pageMs) => sync.ts + (pageMs - syncTime) * 1000,
  };
}
