// The background's site toggle (shortcut and context menu) against WXT's fake browser, which
// keeps storage in memory; the fake has no contextMenus or commands, so those are stubbed here.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

const fake = await vi.hoisted(async () => {
  const { fakeBrowser } = await import('wxt/testing/fake-browser');
  /** An extension event whose listeners a test can fire. */
  const event = () => {
    const listeners: Listener[] = [];
    return {
      addListener: (listener: Listener) => listeners.push(listener),
      fire: async (...args: unknown[]) => {
        await Promise.all(
          listeners.map((listener) => (listener as (...a: unknown[]) => unknown)(...args)),
        );
      },
      clear: () => void (listeners.length = 0),
    };
  };
  const createMenu = vi.fn((_props: unknown, done?: () => void) => done?.());
  const removeAllMenus = vi.fn(async () => {});
  const onMenuClicked = event();
  const onCommand = event();
  const sendToTab = vi.fn((): Promise<unknown> => Promise.resolve(undefined));
  const createTab = vi.fn((_props: { url?: string }) => Promise.resolve({ id: 99 }));
  Object.assign(fakeBrowser.tabs, { sendMessage: sendToTab, create: createTab });
  const browser = Object.assign(fakeBrowser, {
    contextMenus: { create: createMenu, removeAll: removeAllMenus, onClicked: onMenuClicked },
    commands: { onCommand },
    i18n: { getMessage: () => '' },
  });
  // The fake's lastError is a placeholder object; a real browser leaves it undefined on success.
  Object.defineProperty(browser.runtime, 'lastError', { value: undefined, configurable: true });
  // WXT's storage reads the browser from globalThis.chrome when it is first imported.
  (globalThis as { chrome?: unknown }).chrome = browser;
  return { browser, createMenu, removeAllMenus, onMenuClicked, onCommand, sendToTab, createTab };
});

vi.mock('wxt/browser', () => ({ browser: fake.browser }));

const { registerSiteToggle, TOGGLE_READER_COMMAND } =
  await import('../../entrypoints/background/toggle-site');
const { ANNOTATE_COMMAND } = await import('../../entrypoints/background/annotate-command');
const { enabledSites } = await import('../../utils/settings');

/** Lets the toggle's storage read and write settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('registerSiteToggle', () => {
  beforeEach(() => {
    fake.browser.reset();
    fake.onMenuClicked.clear();
    fake.onCommand.clear();
    vi.clearAllMocks();
    registerSiteToggle();
  });

  afterEach(() => {
    fake.browser.reset();
  });

  it('creates the context menu on install, after clearing any left from before', async () => {
    const warn = vi.spyOn(console, 'warn');
    await fake.browser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await settle();
    expect(warn).not.toHaveBeenCalled();
    expect(fake.removeAllMenus).toHaveBeenCalledTimes(1);
    expect(fake.createMenu).toHaveBeenCalledTimes(3);
    expect(fake.createMenu.mock.calls[0]?.[0]).toEqual({
      id: 'tifa-toggle-reader',
      // getMessage finds nothing in the fake, so t() falls back to the key.
      title: 'contextMenuToggleReader',
      contexts: ['page', 'selection'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
    expect(fake.createMenu.mock.calls[1]?.[0]).toEqual({
      id: 'tifa-annotate-selection',
      title: 'contextMenuAnnotate',
      contexts: ['selection'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
    expect(fake.createMenu.mock.calls[2]?.[0]).toEqual({
      id: 'tifa-add-personal-term',
      title: 'contextMenuAddTerm',
      contexts: ['selection'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
  });

  it('asks the frame of the selection to open the term form, and stops there when it did', async () => {
    fake.sendToTab.mockResolvedValueOnce({ opened: true });
    await fake.onMenuClicked.fire(
      { menuItemId: 'tifa-add-personal-term', frameId: 5, selectionText: '常务会议' },
      { id: 3, url: 'https://example.cn/a' },
    );
    await settle();
    expect(fake.sendToTab).toHaveBeenCalledWith(
      3,
      { type: 'openTermForm', payload: {} },
      { frameId: 5 },
    );
    expect(fake.createTab).not.toHaveBeenCalled();
  });

  it('opens My terms with the selection when the reader is off, or could not use it', async () => {
    const warn = vi.spyOn(console, 'warn');
    // No reader in the page: nobody listens.
    fake.sendToTab.mockRejectedValueOnce(new Error('Receiving end does not exist.'));
    await fake.onMenuClicked.fire(
      { menuItemId: 'tifa-add-personal-term', frameId: 0, selectionText: '縣域經濟' },
      { id: 3, url: 'https://example.cn/a' },
    );
    await settle();
    // The reader answered, but had no usable selection; and a reply of another shape.
    fake.sendToTab.mockResolvedValueOnce({ opened: false });
    await fake.onMenuClicked.fire(
      { menuItemId: 'tifa-add-personal-term', frameId: 0, selectionText: '常务会议' },
      { id: 3, url: 'https://example.cn/a' },
    );
    fake.sendToTab.mockResolvedValueOnce(undefined);
    await fake.onMenuClicked.fire(
      { menuItemId: 'tifa-add-personal-term', frameId: 0, selectionText: '常务会议' },
      { id: 3, url: 'https://example.cn/a' },
    );
    await settle();
    const urls = fake.createTab.mock.calls.map(([props]) => new URL(props.url ?? ''));
    expect(urls).toHaveLength(3);
    expect(urls[0]?.pathname).toBe('/review.html');
    expect(urls[0]?.hash).toBe(`#my-terms?term=${encodeURIComponent('縣域經濟')}`);
    expect(urls[1]?.hash).toBe(`#my-terms?term=${encodeURIComponent('常务会议')}`);
    // Nothing logged: the expected fallback is no error, and the selection is page text.
    expect(warn).not.toHaveBeenCalled();
  });

  it('asks the frame of the selection to annotate it (context menu)', async () => {
    await fake.onMenuClicked.fire(
      { menuItemId: 'tifa-annotate-selection', frameId: 7, pageUrl: 'https://example.cn/a' },
      { id: 3, url: 'https://example.cn/a' },
    );
    await settle();
    expect(fake.sendToTab).toHaveBeenCalledWith(
      3,
      { type: 'openAnnotator', payload: { from: 'menu' } },
      { frameId: 7 },
    );
    expect(await enabledSites.getValue()).toEqual([]);
  });

  it('asks every frame of the tab to annotate (shortcut), and survives a tab with no reader', async () => {
    fake.sendToTab.mockRejectedValueOnce(new Error('Receiving end does not exist.'));
    const info = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fake.onCommand.fire(ANNOTATE_COMMAND, { id: 4, url: 'https://example.cn/a' });
    await settle();
    expect(fake.sendToTab).toHaveBeenCalledWith(
      4,
      { type: 'openAnnotator', payload: { from: 'shortcut' } },
      undefined,
    );
    // Logged without the page's URL.
    expect(JSON.stringify(info.mock.calls)).not.toContain('example.cn');
    expect(await enabledSites.getValue()).toEqual([]);
  });

  it('does not create menus at start-up, only on install', () => {
    expect(fake.createMenu).not.toHaveBeenCalled();
  });

  it('toggles the tab’s site with the shortcut', async () => {
    const tab = { id: 1, url: 'https://www.example.cn/politics/1.html' };
    await fake.onCommand.fire(TOGGLE_READER_COMMAND, tab);
    await settle();
    expect(await enabledSites.getValue()).toEqual(['example.cn']);
    await fake.onCommand.fire(TOGGLE_READER_COMMAND, tab);
    await settle();
    expect(await enabledSites.getValue()).toEqual([]);
  });

  it('switches a site off that a listed parent domain turned on', async () => {
    await enabledSites.setValue(['example.cn', 'other.cn']);
    await fake.onCommand.fire(TOGGLE_READER_COMMAND, {
      id: 1,
      url: 'https://news.example.cn/a',
    });
    await settle();
    expect(await enabledSites.getValue()).toEqual(['other.cn']);
  });

  it('ignores other commands and pages where the reader cannot run', async () => {
    await fake.onCommand.fire('_execute_action', { id: 1, url: 'https://example.cn/' });
    await fake.onCommand.fire(TOGGLE_READER_COMMAND, { id: 2, url: 'chrome://newtab/' });
    await fake.onCommand.fire(TOGGLE_READER_COMMAND, { id: 3 });
    await settle();
    expect(await enabledSites.getValue()).toEqual([]);
  });

  it('toggles from the context menu, using the top page’s URL', async () => {
    await fake.onMenuClicked.fire(
      {
        menuItemId: 'tifa-toggle-reader',
        pageUrl: 'https://example.cn/a',
        frameUrl: 'https://ads.cn/',
      },
      { id: 1, url: 'https://example.cn/a' },
    );
    await settle();
    expect(await enabledSites.getValue()).toEqual(['example.cn']);

    await fake.onMenuClicked.fire({ menuItemId: 'someone-else' }, { id: 1, url: 'https://x.cn/' });
    await settle();
    expect(await enabledSites.getValue()).toEqual(['example.cn']);
  });
});
