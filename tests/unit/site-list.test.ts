import { describe, expect, it, vi } from 'vitest';
import {
  coveringSite,
  parseSiteInput,
  parseSiteLines,
  setSiteEnabled,
  siteOfUrl,
} from '../../utils/site-list';

// utils/settings.ts defines WXT storage items when imported, which needs a browser; these
// tests only use its pure list functions.
vi.mock('wxt/utils/storage', () => ({ storage: { defineItem: () => ({}) } }));

describe('parseSiteInput', () => {
  it.each([
    ['example.cn', 'example.cn'],
    ['  news.example.cn  ', 'news.example.cn'],
    ['www.xinhuanet.com', 'xinhuanet.com'],
    ['WWW.People.com.CN', 'people.com.cn'],
    ['https://www.xinhuanet.com/politics/2025-01/01/c_1.htm', 'xinhuanet.com'],
    ['HTTP://Example.CN/a?b#c', 'example.cn'],
    ['http://user@news.example.cn:8080/x', 'news.example.cn'],
    ['example.cn/news/1.html', 'example.cn'],
    ['example.cn:8080', 'example.cn'],
    ['example.cn.', 'example.cn'],
    ['localhost', 'localhost'],
    ['localhost:3000', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['http://127.0.0.1:4173/simplified-news.html', '127.0.0.1'],
    ['[::1]', '[::1]'],
    ['新华网.中国', 'xn--xkrr14bows.xn--fiqs8s'],
    ['my_host.example.cn', 'my_host.example.cn'],
  ])('accepts %j as %s', (input, site) => {
    expect(parseSiteInput(input)).toEqual({ ok: true, site });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['ftp://example.cn', 'scheme'],
    ['chrome://extensions', 'scheme'],
    ['file:///home/user/news.html', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['mailto:editor@example.cn', 'scheme'],
    ['not a url!!', 'invalid'],
    ['garbage!!', 'invalid'],
    ['hello', 'invalid'],
    ['http://', 'invalid'],
    ['example..cn', 'invalid'],
    ['-example.cn', 'invalid'],
    ['example-.cn', 'invalid'],
    ['example.123', 'invalid'],
    ['123', 'invalid'], // the URL parser would read it as 0.0.0.123
    ['1.2.3', 'invalid'], // … and this as 1.2.0.3
    ['999.1.1.1', 'invalid'],
    ['ex ample.cn', 'invalid'],
    ['<script>.cn', 'invalid'],
    [`${'a'.repeat(64)}.cn`, 'invalid'],
    [`${'abcdefghi.'.repeat(26)}cn`, 'invalid'], // 262 characters
  ])('rejects %j (%s)', (input, error) => {
    expect(parseSiteInput(input)).toEqual({ ok: false, error });
  });
});

describe('siteOfUrl', () => {
  it('gives the site of http and https pages', () => {
    expect(siteOfUrl('https://www.people.com.cn/n1/2025/index.html')).toBe('people.com.cn');
    expect(siteOfUrl('http://127.0.0.1:4173/simplified-news.html')).toBe('127.0.0.1');
  });

  it('gives null where the reader cannot run', () => {
    for (const url of [
      undefined,
      '',
      'chrome://newtab/',
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html',
      'about:blank',
      'file:///tmp/a.html',
      'https://chromewebstore.google.com/detail/x',
      'https://chrome.google.com/webstore/category/extensions',
      'https://addons.mozilla.org/en-US/firefox/',
      'not a url',
    ]) {
      expect(siteOfUrl(url), String(url)).toBeNull();
    }
    // Only the store's own path on chrome.google.com is closed to extensions.
    expect(siteOfUrl('https://chrome.google.com/other')).toBe('chrome.google.com');
  });
});

describe('setSiteEnabled', () => {
  it('adds a site once, sorted, as its list key', () => {
    expect(setSiteEnabled(['b.cn'], 'www.A.cn', true)).toEqual(['a.cn', 'b.cn']);
    expect(setSiteEnabled(['a.cn'], 'a.cn', true)).toEqual(['a.cn']);
  });

  it('removes the site and any listed parent that covers it', () => {
    expect(setSiteEnabled(['a.cn', 'b.cn'], 'a.cn', false)).toEqual(['b.cn']);
    expect(
      setSiteEnabled(['example.cn', 'news.example.cn', 'x.cn'], 'news.example.cn', false),
    ).toEqual(['x.cn']);
    // A subdomain entry does not cover its parent, so it stays.
    expect(setSiteEnabled(['news.example.cn'], 'example.cn', false)).toEqual(['news.example.cn']);
    expect(setSiteEnabled([], 'a.cn', false)).toEqual([]);
  });

  it('never mutates the list it is given', () => {
    const sites = Object.freeze(['a.cn', 'b.cn']);
    setSiteEnabled(sites, 'a.cn', false);
    setSiteEnabled(sites, 'c.cn', true);
    expect(sites).toEqual(['a.cn', 'b.cn']);
  });
});

describe('coveringSite', () => {
  it('finds the entry that turns the reader on for a host', () => {
    expect(coveringSite(['example.cn'], 'news.example.cn')).toBe('example.cn');
    expect(coveringSite(['example.cn'], 'www.example.cn')).toBe('example.cn');
    expect(coveringSite(['example.cn'], 'badexample.cn')).toBeUndefined();
  });
});

describe('parseSiteLines', () => {
  it('gives the distinct sites of a list and the lines that are not sites', () => {
    expect(
      parseSiteLines('www.People.cn\n\n  xinhuanet.com/path \npeople.cn\nnot a site\nftp://x.cn'),
    ).toEqual({
      sites: ['people.cn', 'xinhuanet.com'],
      bad: ['not a site', 'ftp://x.cn'],
    });
  });
});
