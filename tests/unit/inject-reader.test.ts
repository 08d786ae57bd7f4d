// Which frames the background starts the reader in (entrypoints/background/inject-reader.ts),
// against WXT's fake browser (in-memory storage) with `scripting` and `tabs` stubbed: the site
// check, the probe's answer taken strictly, frames already running skipped, and one run per tab.

import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface Injection {
  target: { tabId: number; allFrames?: boolean; frameIds?: number[]; documentIds?: string[] };
  world?: string;
  func?: (...args: never[]) => unknown;
  args?: unknown[];
  files?: string[];
}

const fake = await vi.hoisted(async () => {
  const { fakeBrowser } = await import('wxt/testing/fake-browser');
  const executeScript = vi.fn(
    (_injection: Injection): Promise<{ frameId: number; documentId?: string; result: unknown }[]> =>
      Promise.resolve([]),
  );
  const getTab = vi.fn((id: number) => Promise.resolve({ id, url: 'https://news.example.cn/a' }));
  Object.assign(fakeBrowser.tabs, { get: getTab });
  const browser = Object.assign(fakeBrowser, { scripting: { executeScript } });
  // WXT's storage reads the browser from globalThis.chrome when it is first imported.
  (globalThis as { chrome?: unknown }).chrome = browser;
  return { browser, executeScript, getTab };
});

vi.mock('wxt/browser', () => ({ browser: fake.browser }));

const { startReaderInTab, probeSenderTab } =
  await import('../../entrypoints/background/inject-reader');
const { pageHasChinese } = await import('../../entrypoints/reader.content/page-has-chinese');
const { enabledSites } = await import('../../utils/settings');

/** Answers the three calls of a run: the probe, the "already running?" check, the injection. */
function answer(
  probe: { frameId: number; documentId?: string; result: unknown }[],
  running: (frameId: number) => boolean = () => false,
): void {
  fake.executeScript.mockImplementation((injection) => {
    if (injection.func === pageHasChinese) return Promise.resolve(probe);
    const frames = injection.target.frameIds ?? [];
    const ids = injection.target.documentIds;
    const targeted = ids
      ? probe.filter((frame) => frame.documentId && ids.includes(frame.documentId))
      : probe.filter((frame) => frames.includes(frame.frameId));
    if (injection.func) {
      return Promise.resolve(targeted.map((f) => ({ ...f, result: running(f.frameId) })));
    }
    return Promise.resolve(targeted.map((f) => ({ ...f, result: undefined })));
  });
}

const injections = () => fake.executeScript.mock.calls.filter(([i]) => i.files !== undefined);

describe('startReaderInTab', () => {
  beforeEach(async () => {
    fake.browser.reset();
    vi.clearAllMocks();
    await enabledSites.setValue(['example.cn']);
  });
  afterEach(() => {
    fake.browser.reset();
  });

  it('does not touch a tab whose site is off', async () => {
    fake.getTab.mockResolvedValueOnce({ id: 4, url: 'https://other.org/a' });
    await startReaderInTab(4, 'all');
    expect(fake.executeScript).not.toHaveBeenCalled();
  });

  it('does not touch pages the reader cannot run on', async () => {
    fake.getTab.mockResolvedValueOnce({ id: 4, url: 'chrome://settings/' });
    await startReaderInTab(4, 'all');
    expect(fake.executeScript).not.toHaveBeenCalled();
  });

  it('probes every frame and injects the reader only where the answer is strictly true', async () => {
    answer([
      { frameId: 0, documentId: 'top', result: true },
      { frameId: 3, documentId: 'ad', result: false },
      // A hostile page's world can answer anything: only `true` counts.
      { frameId: 5, documentId: 'odd', result: 'true' },
      { frameId: 6, documentId: 'frame', result: true },
    ]);
    await startReaderInTab(4, 'all');
    const [probe] = fake.executeScript.mock.calls[0] ?? [];
    expect(probe?.target).toEqual({ tabId: 4, allFrames: true });
    expect(probe?.world).toBe('MAIN');
    expect(probe?.args).toEqual([false]);
    expect(injections().map(([i]) => i.target)).toEqual([
      { tabId: 4, documentIds: ['top', 'frame'] },
    ]);
    expect(injections()[0]?.[0].files).toEqual(['/reader-main.js']);
  });

  it('skips frames where the reader already runs', async () => {
    answer(
      [
        { frameId: 0, documentId: 'top', result: true },
        { frameId: 6, documentId: 'frame', result: true },
      ],
      (frameId) => frameId === 0,
    );
    await startReaderInTab(4, 'all');
    expect(injections().map(([i]) => i.target)).toEqual([{ tabId: 4, documentIds: ['frame'] }]);
  });

  it('names frames by id where the browser gives no document ids (Firefox)', async () => {
    answer([{ frameId: 2, result: true }]);
    await startReaderInTab(4, 'all');
    expect(injections().map(([i]) => i.target)).toEqual([{ tabId: 4, frameIds: [2] }]);
  });

  it('runs once at a time per tab; requests waiting meanwhile share one run', async () => {
    let started = false;
    answer([{ frameId: 0, documentId: 'top', result: true }], () => started);
    fake.executeScript.mockImplementation(
      ((inner) => (injection: Injection) => {
        if (injection.files) started = true;
        return inner(injection);
      })(fake.executeScript.getMockImplementation()!),
    );
    // Requests before a run starts share it; so do requests made while one waits for a run.
    const first = [startReaderInTab(4, 'all'), startReaderInTab(4, 'all')];
    await Promise.resolve();
    await Promise.all([...first, startReaderInTab(4, 'all'), startReaderInTab(4, 'all')]);
    // The first run injected; one more ran after it (the last two requests shared it) and found
    // the reader running.
    expect(injections()).toHaveLength(1);
    const probes = fake.executeScript.mock.calls.filter(([i]) => i.func === pageHasChinese);
    expect(probes).toHaveLength(2);
  });

  it('probes the top frame when a navigation commits, and skips it once the tab has loaded', async () => {
    answer([{ frameId: 0, documentId: 'top', result: false }]);
    await startReaderInTab(4, 'top');
    answer([
      { frameId: 0, documentId: 'top', result: false },
      { frameId: 2, documentId: 'frame', result: true },
    ]);
    await startReaderInTab(4, 'loaded');
    const probes = fake.executeScript.mock.calls.filter(([i]) => i.func === pageHasChinese);
    expect(probes.map(([i]) => [i.target, i.args])).toEqual([
      [{ tabId: 4, frameIds: [0] }, [false]],
      [{ tabId: 4, allFrames: true }, [true]],
    ]);
    expect(injections().map(([i]) => i.target)).toEqual([{ tabId: 4, documentIds: ['frame'] }]);
    // A load without a commit probed before it (the worker restarted) skips nothing.
    await startReaderInTab(4, 'loaded');
    expect(fake.executeScript.mock.calls.at(-3)?.[0].args).toEqual([false]);
  });

  it('probes the top frame again when it changed between its probe and the load', async () => {
    answer([{ frameId: 0, documentId: 'first', result: false }]);
    await startReaderInTab(4, 'top');
    answer([{ frameId: 0, documentId: 'second', result: false }]);
    await startReaderInTab(4, 'loaded');
    await new Promise((resolve) => setTimeout(resolve, 0));
    const probes = fake.executeScript.mock.calls.filter(([i]) => i.func === pageHasChinese);
    expect(probes.map(([i]) => i.target)).toEqual([
      { tabId: 4, frameIds: [0] },
      { tabId: 4, allFrames: true },
      { tabId: 4, frameIds: [0] },
    ]);
  });

  it('widens a waiting run asked for a commit and a load: every frame, none skipped', async () => {
    answer([{ frameId: 0, documentId: 'top', result: false }]);
    await startReaderInTab(4, 'top');
    fake.executeScript.mockClear();
    const running = startReaderInTab(4, 'all');
    await Promise.resolve();
    await Promise.all([running, startReaderInTab(4, 'top'), startReaderInTab(4, 'loaded')]);
    const probes = fake.executeScript.mock.calls.filter(([i]) => i.func === pageHasChinese);
    expect(probes.map(([i]) => [i.target, i.args])).toEqual([
      [{ tabId: 4, allFrames: true }, [false]],
      [{ tabId: 4, allFrames: true }, [false]],
    ]);
  });

  it('logs a failed injection without the URL and carries on', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    fake.executeScript.mockRejectedValueOnce(new Error('Frame with ID 0 is showing error page'));
    await startReaderInTab(4, 'all');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(warn.mock.calls)).not.toContain('news.example.cn');
  });

  it('probes the tab of a reader that saw a frame load, and refuses a sender without a tab', async () => {
    answer([{ frameId: 0, documentId: 'top', result: false }]);
    await expect(probeSenderTab({ tabId: 4, frameId: 0 })).resolves.toEqual({ probed: true });
    expect(fake.getTab).toHaveBeenCalledWith(4);
    await expect(probeSenderTab({})).rejects.toThrow('probeFrames must come from a tab');
  });
});

describe('pageHasChinese', () => {
  /** The function as executeScript sends it: its source alone, in a fresh realm that has only
   * the page globals it may use. */
  const fromSource = runInNewContext(`(${pageHasChinese.toString()})`, {
    NodeFilter: { SHOW_TEXT: 4 },
  }) as typeof pageHasChinese;

  /** A document with a title and text nodes, as much of the DOM as the probe uses. */
  function fakeDocument(
    title: string,
    texts: string[],
    url = 'https://news.example.cn/a',
    view: object = { top: {} },
  ): Document {
    return {
      defaultView: view,
      URL: url,
      title,
      body: {},
      createTreeWalker: () => {
        let at = 0;
        return { nextNode: () => (at < texts.length ? { data: texts[at++] } : null) };
      },
    } as unknown as Document;
  }

  it('is self-contained: the source text alone answers like the module', () => {
    vi.stubGlobal('NodeFilter', { SHOW_TEXT: 4 });
    for (const [title, texts] of [
      ['Council approves budget', ['Transit', 'debate']],
      ['Council', ['The mayor said 发展 twice']],
      ['两会', []],
    ] as const) {
      const doc = fakeDocument(title, [...texts]);
      expect(fromSource(false, doc)).toBe(pageHasChinese(false, doc));
    }
    vi.unstubAllGlobals();
  });

  it('finds Chinese in the title or the text, astral extensions included', () => {
    expect(fromSource(false, fakeDocument('两会', []))).toBe(true);
    expect(fromSource(false, fakeDocument('News', ['a', 'b', '𠮷野家']))).toBe(true);
    expect(fromSource(false, fakeDocument('News', ['Tōkyō — “quoted” ‹›', 'カタカナ 〇々']))).toBe(
      false,
    );
  });

  it('reads a bounded stretch of the page', () => {
    const filler = Array.from({ length: 400 }, () => 'text');
    expect(fromSource(false, fakeDocument('News', [...filler, '中文']))).toBe(false);
    expect(fromSource(false, fakeDocument('News', ['x'.repeat(20_001), '中文']))).toBe(false);
    expect(fromSource(false, fakeDocument('News', [...filler.slice(1), '中文']))).toBe(true);
  });

  it('answers false at once in the top frame when asked to skip it', () => {
    const top: { top?: object } = {};
    top.top = top;
    expect(fromSource(true, fakeDocument('两会', ['中文'], 'https://news.example.cn/', top))).toBe(
      false,
    );
    expect(fromSource(false, fakeDocument('两会', ['中文'], 'https://news.example.cn/', top))).toBe(
      true,
    );
    // A frame inside the page still answers.
    expect(fromSource(true, fakeDocument('两会', ['中文']))).toBe(true);
  });

  it('answers false in frames that are not web pages (about:blank, srcdoc)', () => {
    expect(fromSource(false, fakeDocument('两会', ['中文'], 'about:srcdoc'))).toBe(false);
  });
});
