// The toolbar popup and the options page as a user drives them: real clicks and keys in the
// built extension, with the results read back from chrome.storage through the service worker.
// The popup is opened as a page of its own, so it is told the tab it is about with ?tab=<id>.

import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { startServiceWorker, stopServiceWorker, useBrowserSuite } from './harness.ts';

// What the service worker's global scope offers; callbacks run inside Chromium.
interface ExtensionGlobal {
  chrome: {
    storage: {
      local: {
        get(keys: string[]): Promise<Record<string, unknown>>;
        set(items: Record<string, unknown>): Promise<void>;
        clear(): Promise<void>;
      };
    };
    tabs: { query(query: { url: string }): Promise<{ id?: number }[]> };
    commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
    contextMenus: { update(id: string, props: object, done: () => void): void };
    runtime: { lastError?: { message?: string } };
  };
}

describe('popup and options page', () => {
  const suite = useBrowserSuite();
  const openPages: Page[] = [];

  afterEach(async () => {
    await Promise.all(openPages.splice(0).map((page) => page.close()));
    const worker = await suite.extension.serviceWorker();
    await worker.evaluate(() =>
      (globalThis as unknown as ExtensionGlobal).chrome.storage.local.clear(),
    );
  });

  async function readStorage(key: string): Promise<unknown> {
    const worker = await suite.extension.serviceWorker();
    const items = await worker.evaluate(
      (k) => (globalThis as unknown as ExtensionGlobal).chrome.storage.local.get([k]),
      key,
    );
    return items[key];
  }

  async function writeStorage(items: Record<string, unknown>): Promise<void> {
    const worker = await suite.extension.serviceWorker();
    await worker.evaluate(
      (i) => (globalThis as unknown as ExtensionGlobal).chrome.storage.local.set(i),
      items,
    );
  }

  /** Opens a fixture page and returns the id Chromium gave its tab. */
  async function openFixtureTab(path: string): Promise<number> {
    const page = await suite.openFixturePage(path);
    openPages.push(page);
    const worker = await suite.extension.serviceWorker();
    const tabs = await worker.evaluate(
      (url) => (globalThis as unknown as ExtensionGlobal).chrome.tabs.query({ url }),
      page.url(),
    );
    const id = tabs[0]?.id;
    if (id === undefined) throw new Error(`no tab found for ${page.url()}`);
    return id;
  }

  async function openExtensionPage(path: string): Promise<Page> {
    const page = await suite.extension.context.newPage();
    openPages.push(page);
    await page.goto(`chrome-extension://${suite.extension.extensionId}/${path}`);
    await page.locator('main').waitFor();
    return page;
  }

  it('switches the reader on and off for the tab’s site, by mouse and by keyboard', async () => {
    const tabId = await openFixtureTab('/simplified-news.html');
    const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
    await expect.poll(() => popup.locator('.site-name').textContent()).toBe('127.0.0.1');

    const siteSwitch = popup.getByRole('switch', { name: 'Reader on this site' });
    expect(await siteSwitch.isChecked()).toBe(false);

    await siteSwitch.click();
    await expect.poll(() => readStorage('enabledSites')).toEqual(['127.0.0.1']);
    await expect.poll(() => siteSwitch.isChecked()).toBe(true);

    await siteSwitch.focus();
    await popup.keyboard.press('Space');
    await expect.poll(() => readStorage('enabledSites')).toEqual([]);
    await expect.poll(() => siteSwitch.isChecked()).toBe(false);
  });

  it('shows a listed site as on, and follows changes made elsewhere', async () => {
    await writeStorage({ enabledSites: ['127.0.0.1', 'example.cn'] });
    const tabId = await openFixtureTab('/simplified-news.html');
    const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
    const siteSwitch = popup.getByRole('switch', { name: 'Reader on this site' });
    await expect.poll(() => siteSwitch.isChecked()).toBe(true);

    // The keyboard shortcut or the options page writes the list while the popup is open.
    await writeStorage({ enabledSites: ['example.cn'] });
    await expect.poll(() => siteSwitch.isChecked()).toBe(false);
  });

  it('writes the pinyin style and keeps the other settings', async () => {
    const tabId = await openFixtureTab('/simplified-news.html');
    const popup = await openExtensionPage(`popup.html?tab=${tabId}`);

    // A first change stores the full settings object; the style change must keep the rest.
    await popup.getByRole('switch', { name: 'Tone colours' }).click();
    await expect.poll(() => readStorage('readerSettings')).toMatchObject({ toneColors: true });
    const before = (await readStorage('readerSettings')) as Record<string, unknown>;
    expect(before).toMatchObject({ pinyin: true, rubyStyle: 'mark', removeArtifacts: true });

    await popup.locator('label.segment', { hasText: 'Zhuyin' }).click();
    await expect
      .poll(() => readStorage('readerSettings'))
      .toEqual({ ...before, rubyStyle: 'zhuyin' });
    // The preview follows: 中 in zhuyin.
    await expect.poll(() => popup.locator('.preview rt').first().textContent()).toBe('ㄓㄨㄥ');

    // Radios keep arrow-key navigation: from Zhuyin, left goes to Tone numbers.
    await popup.getByRole('radio', { name: /Zhuyin/ }).focus();
    await popup.keyboard.press('ArrowLeft');
    await expect
      .poll(async () => ((await readStorage('readerSettings')) as { rubyStyle?: string }).rubyStyle)
      .toBe('num');

    await popup.getByLabel('Script').selectOption('tw');
    await expect
      .poll(() => readStorage('readerSettings'))
      .toMatchObject({
        rubyStyle: 'num',
        toneColors: true,
        script: 'tw',
      });
    expect(await popup.getByRole('list', { name: 'Tone colour legend' }).textContent()).toContain(
      'ma1',
    );
  });

  it('writes the ruby size from the slider', async () => {
    const tabId = await openFixtureTab('/simplified-news.html');
    const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
    const slider = popup.getByRole('slider', { name: 'Pinyin size' });
    await slider.focus();
    await popup.keyboard.press('ArrowRight');
    await popup.keyboard.press('ArrowRight');
    await expect
      .poll(async () => ((await readStorage('readerSettings')) as { rubySize?: number }).rubySize)
      .toBe(65);
  });

  it('says the reader cannot run where the tab is not a web page', async () => {
    // Without ?tab= the popup looks at the active tab: here the popup page itself.
    const popup = await openExtensionPage('popup.html');
    const notice = popup.getByRole('status').filter({ hasText: "The reader can't run" });
    expect(await notice.count()).toBe(1);
    expect(await popup.getByRole('switch', { name: 'Reader on this site' }).count()).toBe(0);
    // The settings stay available.
    expect(await popup.getByRole('switch', { name: 'Pinyin', exact: true }).count()).toBe(1);
  });

  it('options: rejects garbage with a message, accepts a pasted URL, removes a site', async () => {
    const options = await openExtensionPage('options.html');
    const field = options.getByLabel('Site or page address');
    const add = options.getByRole('button', { name: 'Add site' });

    await field.fill('not a url!!');
    await add.click();
    await expect
      .poll(() => options.locator('.add-site .error').textContent())
      .toBe('That is not a site address. Try something like news.example.cn.');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await readStorage('enabledSites')).toBeUndefined();

    await field.fill('ftp://example.cn/file');
    await field.press('Enter');
    await expect
      .poll(() => options.locator('.add-site .error').textContent())
      .toBe('Only web sites (http or https) can be added.');

    await field.fill('https://www.Example.cn/politics/2025/01/article.html');
    await field.press('Enter');
    await expect.poll(() => readStorage('enabledSites')).toEqual(['example.cn']);
    expect(await field.inputValue()).toBe('');
    expect(await options.locator('.site-list').textContent()).toContain('example.cn');

    // A subdomain of a listed site is already covered.
    await field.fill('news.example.cn');
    await add.click();
    await expect
      .poll(() => options.locator('.add-site .error').textContent())
      .toBe('news.example.cn is already covered by example.cn.');

    await options.getByRole('button', { name: 'Remove example.cn' }).click();
    await expect.poll(() => readStorage('enabledSites')).toEqual([]);
    await expect.poll(() => options.locator('.site-list').count()).toBe(0);
  });

  it('options: Remove takes out exactly one entry and moves focus to the next', async () => {
    await writeStorage({ enabledSites: ['a.example.cn', 'example.cn', 'z.cn'] });
    const options = await openExtensionPage('options.html');
    await options.getByRole('button', { name: 'Remove a.example.cn' }).focus();
    await options.keyboard.press('Enter');
    // The parent domain stays: the popup's switch removes covering entries, the list does not.
    await expect.poll(() => readStorage('enabledSites')).toEqual(['example.cn', 'z.cn']);
    const focusedLabel = () =>
      options.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    await expect.poll(focusedLabel).toBe('Remove example.cn');

    await options.keyboard.press('Enter');
    await expect.poll(focusedLabel).toBe('Remove z.cn');
    await options.keyboard.press('Enter');
    await expect.poll(() => readStorage('enabledSites')).toEqual([]);
    // With the list empty, focus goes back to the section heading, not to the page's body.
    await expect
      .poll(() => options.evaluate(() => document.activeElement?.id))
      .toBe('sites-heading');
  });

  it('options: the shared settings form writes the same storage', async () => {
    const options = await openExtensionPage('options.html');
    await options.getByRole('switch', { name: 'Hide inline pinyin' }).click();
    await expect
      .poll(() => readStorage('readerSettings'))
      .toMatchObject({ removeArtifacts: false, rubyStyle: 'mark' });
    expect(
      await options.getByRole('link', { name: 'CC-CEDICT at MDBG' }).getAttribute('href'),
    ).toBe('https://www.mdbg.net/chinese/dictionary?page=cedict');
  });

  it('keeps its context-menu item across a service worker restart', async () => {
    // update() fails for an unknown id, so it tells whether the item exists.
    const probeMenu = async (): Promise<string> => {
      const worker = await suite.extension.serviceWorker();
      return worker.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const { chrome } = globalThis as unknown as ExtensionGlobal;
            chrome.contextMenus.update('tifa-toggle-reader', {}, () =>
              resolve(chrome.runtime.lastError?.message ?? 'exists'),
            );
          }),
      );
    };
    expect(await probeMenu()).toBe('exists');
    // A restarted worker does not see onInstalled again; the item created then must remain.
    await stopServiceWorker(suite.extension);
    await startServiceWorker(suite.extension);
    expect(await probeMenu()).toBe('exists');
  });

  it('gets the toggle shortcut the manifest suggests (Chromium drops reserved keys silently)', async () => {
    const worker = await suite.extension.serviceWorker();
    const commands = await worker.evaluate(() =>
      (globalThis as unknown as ExtensionGlobal).chrome.commands.getAll(),
    );
    expect(commands.find((command) => command.name === 'toggle-reader')?.shortcut).toBe(
      'Alt+Shift+Y',
    );
  });
});
