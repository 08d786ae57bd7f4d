// The fixture server the browser specs depend on: if it served the wrong bytes, the wrong
// charset or files outside its folder, every browser spec would test something else.

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  escapeHtml,
  parseSampleArticle,
  readSampleArticle,
  renderSampleArticlePage,
  sampleArticleAvailable,
  startFixtureServer,
  type FixtureServer,
} from '../../scripts/lib/fixture-server.ts';

/** Sends a path exactly as written: fetch() would normalise `..` before it left the client. */
function rawGet(server: FixtureServer, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('fixture server', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('listens on 127.0.0.1 at an ephemeral port', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url('/a.html')).toBe(`${server.origin}/a.html`);
  });

  it('serves fixture pages as UTF-8 HTML', async () => {
    const response = await fetch(server.url('/simplified-news.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<h1>省政府召开常务会议');
  });

  it('answers 404 for unknown paths and directories', async () => {
    for (const path of ['/missing.html', '/', '/sample-article.txt']) {
      expect((await fetch(server.url(path))).status, path).toBe(404);
    }
  });

  it('never serves files outside tests/fixtures/pages', async () => {
    for (const path of [
      '/../../../package.json',
      '/%2e%2e/%2e%2e/%2e%2e/package.json',
      '/..%2f..%2f..%2fpackage.json',
      '/..\\..\\..\\package.json',
      '/simplified-news.html%00.txt',
    ]) {
      const { status, body } = await rawGet(server, path);
      expect(status, path).toBe(404);
      expect(body, path).not.toContain('tifa-reader');
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await fetch(server.url('/no-chinese.html'), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await fetch(server.url('/no-chinese.html'), { method: 'POST' });
    expect(post.status).toBe(405);
  });

  describe.runIf(sampleArticleAvailable())('the generated sample article page', () => {
    it('shows the shared article as title, subtitles and paragraphs in news markup', async () => {
      const response = await fetch(server.url('/sample-article.html'));
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await response.text();
      const article = parseSampleArticle(readSampleArticle());
      expect(article.title).not.toBe('');
      expect(article.paragraphs.length).toBeGreaterThan(0);
      expect(html).toContain('<html lang="zh-Hant">');
      expect(html).toContain(`<h1>${escapeHtml(article.title)}</h1>`);
      for (const tag of ['<header', '<nav', '<article', '<aside', '<footer']) {
        expect(html).toContain(tag);
      }
      const body = /<div class="article-body">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
      expect(body.match(/<p>/g)?.length ?? 0).toBe(article.paragraphs.length);
      expect(body).toContain(`<p>${escapeHtml(article.paragraphs.at(-1) ?? '')}</p>`);
      expect(html.match(/<p class="subtitle">/g)?.length ?? 0).toBe(article.subtitles.length);
    });
  });
});

describe('TIFA_SHARED', () => {
  const original = process.env.TIFA_SHARED;
  const dirs: string[] = [];
  afterEach(() => {
    if (original === undefined) delete process.env.TIFA_SHARED;
    else process.env.TIFA_SHARED = original;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('points the sample article at another folder, and 404s when it is absent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-shared-'));
    dirs.push(dir);
    process.env.TIFA_SHARED = dir;
    expect(sampleArticleAvailable()).toBe(false);
    const server = await startFixtureServer();
    try {
      expect((await fetch(server.url('/sample-article.html'))).status).toBe(404);
      mkdirSync(join(dir, 'fixtures'));
      writeFileSync(join(dir, 'fixtures', 'sample-article.txt'), '標題\n副標題\n\n正文<b>一</b>\n');
      expect(sampleArticleAvailable()).toBe(true);
      const html = await (await fetch(server.url('/sample-article.html'))).text();
      expect(html).toContain('<h1>標題</h1>');
      expect(html).toContain('<p>正文&lt;b&gt;一&lt;/b&gt;</p>');
    } finally {
      await server.close();
    }
  });
});

describe('parseSampleArticle', () => {
  it('splits title, subtitles up to the first blank line, and paragraphs', () => {
    const text = '\uFEFF標題\r\n副一\r\n副二\r\n\r\n段一\r\n\r\n\r\n段二\n\n\n';
    expect(parseSampleArticle(text)).toEqual({
      title: '標題',
      subtitles: ['副一', '副二'],
      paragraphs: ['段一', '段二'],
    });
  });

  it('treats every line after the title as a subtitle when there is no blank line', () => {
    expect(parseSampleArticle('標題\n副一')).toEqual({
      title: '標題',
      subtitles: ['副一'],
      paragraphs: [],
    });
  });
});

describe('renderSampleArticlePage', () => {
  it('escapes the article text, which is data, not markup', () => {
    const html = renderSampleArticlePage({
      title: '</h1><script>alert(1)</script>',
      subtitles: ['"><img src=x onerror=alert(1)>'],
      paragraphs: ["a & b 'c'"],
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;/h1&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<p>a &amp; b &#39;c&#39;</p>');
  });

  it('escapes all five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
