// Reading mode in the real Chromium: ruby on live pages, conversion, artefact removal, exact
// restoration, pages and elements it must leave alone, hostile CSS and content that arrives later.

import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  resetReader,
  setReaderSettings,
  setReaderSite,
  waitForReaderIdle,
  waitForReaderOn,
} from '../../scripts/lib/reader-control.ts';
import {
  sampleArticleAvailable,
  SAMPLE_ARTICLE_PATH,
  startServiceWorker,
  stopServiceWorker,
  useBrowserSuite,
} from './harness.ts';

const HOST = '127.0.0.1';

describe('reading mode', () => {
  const suite = useBrowserSuite();
  let page: Page | undefined;

  beforeEach(async () => {
    await resetReader(suite.extension);
  });
  afterEach(async () => {
    await page?.close();
    page = undefined;
  });

  /** Opens a fixture with the reader off, records its body, then switches the reader on. */
  async function openAndSwitchOn(path: string): Promise<{ page: Page; before: string }> {
    page = await suite.openFixturePage(path);
    const before = await page.evaluate(() => document.body.innerHTML);
    await setReaderSite(suite.extension, HOST, true);
    await waitForReaderOn(page);
    await waitForReaderIdle(page);
    return { page, before };
  }

  /** How many words the reader drew inside the element with this id (-1: no such element). */
  function drawnWordsIn(p: Page, id: string): Promise<number> {
    return p.evaluate(
      (i) => document.getElementById(i)?.querySelectorAll('ruby[data-tifa="w"]').length ?? -1,
      id,
    );
  }

  /** The readings shown above a word, as the reader renders them. */
  function readingsOf(p: Page, word: string): Promise<string[] | null> {
    return p.evaluate((w) => {
      for (const ruby of document.querySelectorAll('ruby[data-tifa="w"]')) {
        if (ruby.textContent === w) {
          return [...ruby.querySelectorAll('rt')].map((rt) => rt.getAttribute('data-tifa-r') ?? '');
        }
      }
      return null;
    }, word);
  }

  it('puts pinyin above words, right for polyphones, and restores the page exactly', async () => {
    const { page, before } = await openAndSwitchOn('/simplified-news.html');
    expect(await page.locator('ruby[data-tifa="w"]').count()).toBeGreaterThan(50);
    expect(await readingsOf(page, '会议')).toEqual(['huì', 'yì']);
    expect(await readingsOf(page, '重点')).toEqual(['zhòng', 'diǎn']);
    expect(await readingsOf(page, '调度')).toEqual(['diào', 'dù']);

    await setReaderSite(suite.extension, HOST, false);
    await page.waitForSelector('html:not([data-tifa-reader])', { state: 'attached' });
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
  });

  it('leaves form fields, code, SVG, scripts, editors and the page’s own ruby alone', async () => {
    const { page } = await openAndSwitchOn('/simplified-news.html');
    const untouched = await page.evaluate(() => ({
      input: (document.querySelector('input[name="q"]') as HTMLInputElement).value,
      textarea: document.querySelector('textarea')?.value,
      code: document.querySelector('pre code')?.innerHTML.includes('data-tifa'),
      svg: document.querySelector('svg')?.innerHTML.includes('data-tifa'),
      editable: document.querySelector('[contenteditable]')?.innerHTML.includes('data-tifa'),
      ownRuby: [...document.querySelectorAll('ruby:not([data-tifa])')].map((r) => r.innerHTML),
    }));
    expect(untouched.input).toBe('营商环境');
    expect(untouched.textarea).toBe('希望政策早日落地见效。');
    expect(untouched.code).toBe(false);
    expect(untouched.svg).toBe(false);
    expect(untouched.editable).toBe(false);
    expect(untouched.ownRuby).toEqual([
      '龃<rp>(</rp><rt>jǔ</rt><rp>)</rp>龉<rp>(</rp><rt>yǔ</rt><rp>)</rp>',
      '实行<rt>shí xíng</rt>',
    ]);
  });

  it('keeps the page’s links and handlers working', async () => {
    const { page } = await openAndSwitchOn('/simplified-news.html');
    await page.click('a[data-track="hqd"]');
    expect(await page.evaluate(() => document.body.dataset.lastClick)).toBe('hqd:13');
  });

  it('copies Chinese text only: readings are never part of a selection', async () => {
    const { page } = await openAndSwitchOn('/simplified-news.html');
    await suite.extension.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: suite.server.origin,
    });
    const selected = await page.evaluate(() => {
      const selection = getSelection();
      const h1 = document.querySelector('h1');
      if (!selection || !h1) return null;
      selection.selectAllChildren(h1);
      return selection.toString();
    });
    expect(selected).toBe('省政府召开常务会议 部署推进新质生产力发展和民生保障工作');
    await page.keyboard.press('Control+C');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe('省政府召开常务会议 部署推进新质生产力发展和民生保障工作');
  });

  it('removes inline-pinyin artefacts and converts the script, keeping real parentheses', async () => {
    await setReaderSettings(suite.extension, { script: 'cn', pinyin: false });
    const { page, before } = await openAndSwitchOn('/artifacts.html');
    const text = await page.evaluate(() => document.querySelector('article')?.textContent ?? '');
    expect(text).toContain('县域经济发展座谈会召开');
    expect(text).toContain('因地制宜培育新质生产力');
    expect(text).toContain('会上通报');
    expect(text).toContain('（记者 王明）');
    expect(text).toContain('(GDP)');
    expect(text).toContain('(2025)');
    expect(text).toContain('(市属开发区)');
    expect(text).not.toMatch(/\((?:xiàn|jīng|zhì|chǎn|hui|fā|qū)\)/u);

    await setReaderSite(suite.extension, HOST, false);
    await page.waitForSelector('html:not([data-tifa-reader])', { state: 'attached' });
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
  });

  it('shows a simplified page in Taiwan traditional (tables the reader fetches when asked)', async () => {
    await setReaderSettings(suite.extension, { script: 'tw', pinyin: false });
    const { page, before } = await openAndSwitchOn('/simplified-news.html');
    const heading = await page.evaluate(() => document.querySelector('h1')?.textContent ?? '');
    expect(heading).toBe('省政府召開常務會議 部署推進新質生產力發展和民生保障工作');

    await setReaderSite(suite.extension, HOST, false);
    await page.waitForSelector('html:not([data-tifa-reader])', { state: 'attached' });
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
  });

  it('follows setting changes live: tone numbers, then zhuyin', async () => {
    const { page } = await openAndSwitchOn('/simplified-news.html');
    await setReaderSettings(suite.extension, { rubyStyle: 'num' });
    await expect.poll(() => readingsOf(page, '会议')).toEqual(['hui4', 'yi4']);
    await setReaderSettings(suite.extension, { rubyStyle: 'zhuyin' });
    await expect.poll(() => readingsOf(page, '会议')).toEqual(['ㄏㄨㄟˋ', 'ㄧˋ']);
  });

  it('colours each reading by its tone when tone colours are on, and only then', async () => {
    const { page } = await openAndSwitchOn('/simplified-news.html');
    const tones = (word: string) =>
      page.evaluate((w) => {
        for (const ruby of document.querySelectorAll('ruby[data-tifa="w"]')) {
          if (ruby.textContent !== w) continue;
          return [...ruby.querySelectorAll('rt')].map((rt) => ({
            tone: rt.getAttribute('data-tifa-tone'),
            color: getComputedStyle(rt).color,
          }));
        }
        return null;
      }, word);
    expect((await tones('会议'))?.map((r) => r.tone)).toEqual([null, null]);
    await setReaderSettings(suite.extension, { toneColors: true });
    await expect.poll(async () => (await tones('会议'))?.map((r) => r.tone)).toEqual(['4', '4']);
    // 重点: zhòng diǎn, tones 4 and 3 in two different colours.
    const [fourth, third] = (await tones('重点')) ?? [];
    expect([fourth?.tone, third?.tone]).toEqual(['4', '3']);
    expect(fourth?.color).not.toBe(third?.color);
  });

  it('shows readable pinyin under hostile page CSS', async () => {
    const { page } = await openAndSwitchOn('/hostile-css.html');
    const look = await page.evaluate(() => {
      const rt = document.querySelector('rt[data-tifa="rt"]');
      const ruby = rt?.parentElement;
      if (!rt || !ruby) return null;
      const before = getComputedStyle(rt, '::before');
      return {
        display: getComputedStyle(rt).display,
        rubyFontSize: parseFloat(getComputedStyle(ruby).fontSize),
        content: before.content,
        rtHeight: rt.getBoundingClientRect().height,
        lineHeight: getComputedStyle(ruby).lineHeight,
      };
    });
    expect(look).not.toBeNull();
    expect(look?.display).not.toBe('none');
    expect(look?.rubyFontSize).toBeGreaterThan(10);
    expect(look?.content).toMatch(/^".+"$/);
    expect(look?.rtHeight).toBeGreaterThan(4);
    expect(look?.lineHeight).not.toBe('0px');
  });

  it('annotates content that arrives later', async () => {
    const { page } = await openAndSwitchOn('/dynamic.html');
    const batchesBefore = await page.evaluate(() => Number(document.body.dataset.batches));
    await page.evaluate(() => (window as unknown as { appendNewsBatch(): void }).appendNewsBatch());
    await expect
      .poll(() =>
        page.evaluate(() => {
          const items = [...document.querySelectorAll('.news-card')];
          const last = items.at(-1);
          return last ? last.querySelectorAll('ruby[data-tifa]').length : 0;
        }),
      )
      .toBeGreaterThan(0);
    expect(await page.evaluate(() => Number(document.body.dataset.batches))).toBeGreaterThan(
      batchesBefore,
    );
  });

  it('shows the page’s own later edits of text it already annotated (as React does)', async () => {
    page = await suite.openFixturePage('/dynamic.html');
    // The page keeps a reference to a text node, as frameworks do, before the reader starts.
    await page.evaluate(() => {
      const heading = document.querySelector('.news-card h2');
      (window as unknown as { heldText: ChildNode | null }).heldText = heading?.firstChild ?? null;
    });
    await setReaderSite(suite.extension, HOST, true);
    await waitForReaderOn(page);
    await waitForReaderIdle(page);
    expect(
      await page.locator('.news-card h2').first().locator('ruby[data-tifa]').count(),
    ).toBeGreaterThan(0);
    await page.evaluate(() => {
      const held = (window as unknown as { heldText: Text }).heldText;
      held.data = '市政府常务会议研究城市更新';
    });
    await expect
      .poll(() => page?.evaluate(() => document.querySelector('.news-card h2')?.textContent))
      .toBe('市政府常务会议研究城市更新');
    await expect
      .poll(() => page?.locator('.news-card h2').first().locator('ruby[data-tifa]').count())
      .toBeGreaterThan(0);
  });

  it('annotates a long page visible-first: far-off text only once it is scrolled near', async () => {
    const { page, before } = await openAndSwitchOn('/long-report.html');
    const wordsIn = (id: string) => drawnWordsIn(page, id);
    expect(await wordsIn('first')).toBeGreaterThan(20);
    // Idle, yet the end of the report (beyond the eager share, many screens down) is bare text.
    expect(await wordsIn('last')).toBe(0);
    await page.evaluate(() => document.getElementById('last')?.scrollIntoView());
    await expect.poll(() => wordsIn('last')).toBeGreaterThan(20);
    expect(await readingsOf(page, '会议')).toEqual(['huì', 'yì']);

    await setReaderSite(suite.extension, HOST, false);
    await page.waitForSelector('html:not([data-tifa-reader])', { state: 'attached' });
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
  });

  it('restores the page exactly when switched off while paragraphs are being analysed', async () => {
    page = await suite.openFixturePage('/long-report.html');
    const before = await page.evaluate(() => document.body.innerHTML);
    // A fresh worker builds its text engine on the first request (a few hundred milliseconds):
    // switched off as soon as the reader has started, the page is off before the answer comes,
    // and that late answer must draw nothing.
    await stopServiceWorker(suite.extension);
    await startServiceWorker(suite.extension);
    await setReaderSite(suite.extension, HOST, true);
    await waitForReaderOn(page);
    await setReaderSite(suite.extension, HOST, false);
    await page.waitForSelector('html:not([data-tifa-reader])', { state: 'attached' });
    await page.waitForTimeout(1000);
    expect(await page.locator('ruby[data-tifa="w"]').count()).toBe(0);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
  });

  it('keeps annotating text scrolled near after its service worker was stopped', async () => {
    // The text engine lives in the worker, which the browser may stop at any moment.
    const { page } = await openAndSwitchOn('/long-report.html');
    const wordsIn = (id: string) => drawnWordsIn(page, id);
    expect(await wordsIn('last')).toBe(0);
    // Resolves once Chromium reports the worker stopped.
    await stopServiceWorker(suite.extension);
    await page.evaluate(() => document.getElementById('last')?.scrollIntoView());
    // The page's request wakes the worker, which loads the engine again and answers.
    await expect.poll(() => wordsIn('last'), { timeout: 15_000 }).toBeGreaterThan(20);
    expect(await readingsOf(page, '会议')).toEqual(['huì', 'yì']);
  });

  it('annotates a same-origin iframe as well as the page', async () => {
    const { page } = await openAndSwitchOn('/iframe.html');
    expect(await page.locator('h1 ruby[data-tifa="w"]').count()).toBeGreaterThan(0);
    const frame = page.frameLocator('#reprint');
    await expect
      .poll(() => frame.locator('ruby[data-tifa="w"]').count(), { timeout: 10_000 })
      .toBeGreaterThan(20);
  });

  it('annotates the same-origin iframe of a page opened with the reader on', async () => {
    await setReaderSite(suite.extension, HOST, true);
    page = await suite.openFixturePage('/iframe.html');
    await waitForReaderOn(page);
    const frame = page.frameLocator('#reprint');
    await expect
      .poll(() => frame.locator('ruby[data-tifa="w"]').count(), { timeout: 10_000 })
      .toBeGreaterThan(20);
  });

  it('annotates an iframe the page adds after it has loaded', async () => {
    await setReaderSite(suite.extension, HOST, true);
    page = await suite.openFixturePage('/simplified-news.html');
    await waitForReaderOn(page);
    await waitForReaderIdle(page);
    // As a live blog embeds a reprint on scroll: the frame loads long after the page.
    await page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.id = 'late';
      frame.src = '/simplified-news.html?late';
      document.body.append(frame);
    });
    await expect
      .poll(() => page!.frameLocator('#late').locator('ruby[data-tifa="w"]').count(), {
        timeout: 10_000,
      })
      .toBeGreaterThan(20);
  });

  it('starts while a slow image still loads: at document_idle, not at the end of the load', async () => {
    await setReaderSite(suite.extension, HOST, true);
    page = await suite.extension.context.newPage();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // An image that takes as long as the test wants (ads and large photos keep real pages
    // loading for seconds): the tab stays "loading" meanwhile.
    await page.route('**/slow-image.png', async (route) => {
      await held;
      await route.fulfill({ status: 404 });
    });
    await page.route('**/slow-page.html', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body:
          '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>国务院常务会议' +
          '</title></head><body><p>国务院总理主持召开国务院常务会议。</p>' +
          '<img src="/slow-image.png" alt=""></body></html>',
      }),
    );
    try {
      await page.goto(suite.server.url('/slow-page.html'), { waitUntil: 'domcontentloaded' });
      await waitForReaderOn(page);
      expect(await page.evaluate(() => document.readyState)).not.toBe('complete');
      await waitForReaderIdle(page);
      expect(await page.locator('ruby[data-tifa="w"]').count()).toBeGreaterThan(3);
    } finally {
      release();
    }
  });

  it('changes nothing on a page without Chinese and does not load the reader there', async () => {
    await setReaderSite(suite.extension, HOST, true);
    page = await suite.openFixturePage('/no-chinese.html');
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    // Give the background's probe ample time to decide.
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    expect(
      await page.evaluate(() => performance.getEntriesByName('tifa:annotate-start').length),
    ).toBe(0);
  });

  it('stays off on sites that were not switched on', async () => {
    page = await suite.openFixturePage('/simplified-news.html');
    await page.waitForTimeout(1500);
    expect(await page.locator('ruby[data-tifa]').count()).toBe(0);
    expect(
      await page.evaluate(() => document.documentElement.hasAttribute('data-tifa-reader')),
    ).toBe(false);
  });

  it.runIf(sampleArticleAvailable())(
    'annotates the sample article: traditional text read through simplified, artefacts hidden',
    async () => {
      const { page, before } = await openAndSwitchOn(SAMPLE_ARTICLE_PATH);
      const body = await page.evaluate(() => document.body.textContent ?? '');
      expect(body).not.toContain('(xiàn)');
      expect(body).toContain('(市屬開發區)');
      expect(await readingsOf(page, '經濟')).toEqual(['jīng', 'jì']);
      await setReaderSite(suite.extension, HOST, false);
      await page.waitForSelector('html:not([data-tifa-reader])', { state: 'attached' });
      expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    },
  );
});
