// A static HTTP server for the browser specs, the demo and the benchmarks: it serves the
// hand-written pages in tests/fixtures/pages/ and one page generated from the shared sample
// article, all from 127.0.0.1 so the content script's http match pattern applies.

import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where the hand-written fixture pages live. */
export const FIXTURE_PAGES_DIR = join(PROJECT_ROOT, 'tests', 'fixtures', 'pages');

/** The URL path of the page built from ../shared/fixtures/sample-article.txt. */
export const SAMPLE_ARTICLE_PATH = '/sample-article.html';

// Text types carry an explicit charset: without it Chromium guesses, and a wrong guess turns
// the Chinese fixtures into mojibake that the reader would then "annotate".
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
};

/** The shared folder beside the checkout; TIFA_SHARED points elsewhere (e.g. in CI). */
function sharedDir(): string {
  return process.env.TIFA_SHARED ?? resolve(PROJECT_ROOT, '..', 'shared');
}

function sampleArticleFile(): string {
  return join(sharedDir(), 'fixtures', 'sample-article.txt');
}

/** Whether the shared sample article exists, so specs can `describe.runIf(...)` without it. */
export function sampleArticleAvailable(): boolean {
  return existsSync(sampleArticleFile());
}

/** The raw text of the shared sample article (throws if the shared folder is absent). */
export function readSampleArticle(): string {
  return readFileSync(sampleArticleFile(), 'utf8');
}

export interface SampleArticle {
  title: string;
  subtitles: string[];
  paragraphs: string[];
}

/**
 * Splits the article text the way the generated page shows it: the first line is the title,
 * the lines up to the first blank line are subtitles, every other non-blank line a paragraph.
 */
export function parseSampleArticle(text: string): SampleArticle {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const title = (lines[0] ?? '').trim();
  const firstBlank = lines.findIndex((line, index) => index > 0 && line.trim() === '');
  const subtitleEnd = firstBlank === -1 ? lines.length : firstBlank;
  const nonBlank = (line: string): boolean => line.trim() !== '';
  return {
    title,
    subtitles: lines
      .slice(1, subtitleEnd)
      .filter(nonBlank)
      .map((line) => line.trim()),
    paragraphs: lines
      .slice(subtitleEnd)
      .filter(nonBlank)
      .map((line) => line.trim()),
  };
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * Wraps the article in the markup of an ordinary news site (header, nav, article, aside,
 * footer), so the reader meets the same surroundings as on a real page. The article text is
 * data and is escaped; the rest is our own markup.
 */
export function renderSampleArticlePage(article: SampleArticle): string {
  const paragraphs = (items: string[], className?: string): string =>
    items
      .map((item) => `<p${className ? ` class="${className}"` : ''}>${escapeHtml(item)}</p>`)
      .join('\n          ');
  return `<!doctype html>
<html lang="zh-Hant">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(article.title)} - 城市日報網</title>
    <style>
      body { margin: 0; font: 17px/1.8 "Noto Sans CJK TC", "PingFang TC", sans-serif; color: #222; }
      .site-header { background: #b71c1c; color: #fff; padding: 0 24px; display: flex; gap: 32px; align-items: center; }
      .site-header a { color: inherit; text-decoration: none; }
      .logo { font-size: 24px; font-weight: 700; }
      .main-nav ul { display: flex; gap: 20px; list-style: none; margin: 0; padding: 14px 0; }
      .layout { display: flex; gap: 32px; max-width: 1120px; margin: 24px auto; padding: 0 24px; }
      .news-article { flex: 1; min-width: 0; }
      .subtitle { font-size: 19px; font-weight: 600; color: #444; margin: 4px 0; }
      .meta { color: #777; font-size: 14px; border-bottom: 1px solid #ddd; padding-bottom: 12px; }
      .article-body p { text-indent: 2em; }
      .sidebar { width: 280px; font-size: 15px; }
      .site-footer { background: #f3f3f3; color: #666; font-size: 13px; text-align: center; padding: 20px; }
    </style>
  </head>
  <body>
    <header class="site-header">
      <a class="logo" href="/">城市日報網</a>
      <nav class="main-nav" aria-label="主導航">
        <ul>
          <li><a href="#">首頁</a></li>
          <li><a href="#">時政</a></li>
          <li><a href="#">經濟</a></li>
          <li><a href="#">社會</a></li>
          <li><a href="#">評論</a></li>
          <li><a href="#">視頻</a></li>
        </ul>
      </nav>
    </header>
    <main class="layout">
      <article class="news-article">
        <header class="article-header">
          <nav class="breadcrumb" aria-label="當前位置"><a href="#">首頁</a> &gt; <a href="#">時政</a> &gt; 本地要聞</nav>
          <h1>${escapeHtml(article.title)}</h1>
          ${paragraphs(article.subtitles, 'subtitle')}
          <div class="meta"><span class="source">來源：城市日報網</span> <span class="share">分享到：微信 微博</span></div>
        </header>
        <div class="article-body">
          ${paragraphs(article.paragraphs)}
        </div>
        <footer class="article-footer"><p class="disclaimer">本網轉載內容僅供閱讀參考。</p></footer>
      </article>
      <aside class="sidebar" aria-label="熱點推薦">
        <h2>熱點推薦</h2>
        <ul>
          <li><a href="#">城區老舊小區改造年內開工</a></li>
          <li><a href="#">市民服務熱線新增夜間專席</a></li>
          <li><a href="#">春季就業招聘會本週末舉行</a></li>
        </ul>
      </aside>
    </main>
    <footer class="site-footer">
      <p>城市日報網 版權所有 · 測試用頁面，內容來自共享樣例文章</p>
    </footer>
  </body>
</html>
`;
}

export interface FixtureServer {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  /** The absolute URL of a fixture path such as `/simplified-news.html`. */
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Serves tests/fixtures/pages/ and /sample-article.html on 127.0.0.1 at an ephemeral port,
 * so parallel runs never collide.
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const server = createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      console.error('fixture server:', error);
      if (!response.headersSent) sendText(response, 500, 'Internal Server Error');
      else response.destroy();
    });
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        // Chromium keeps connections alive; without this close() waits for their timeout.
        server.closeAllConnections();
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
      }),
  };
}

async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    sendText(response, 405, 'Method Not Allowed');
    return;
  }
  const pathname = decodePathname(request.url ?? '/');
  if (pathname === SAMPLE_ARTICLE_PATH) {
    if (!sampleArticleAvailable()) {
      sendText(response, 404, 'Not Found: the shared sample article is not available');
      return;
    }
    const page = renderSampleArticlePage(parseSampleArticle(readSampleArticle()));
    send(response, 200, CONTENT_TYPES['.html'] ?? '', Buffer.from(page, 'utf8'));
    return;
  }
  const file = pathname === null ? null : resolveFixtureFile(pathname);
  const info = file === null ? null : await stat(file).catch(() => null);
  if (file === null || info === null || !info.isFile()) {
    sendText(response, 404, 'Not Found');
    return;
  }
  const contentType = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  send(response, 200, contentType, await readFile(file));
}

/** The decoded path of a request URL, or null if it cannot be decoded. */
function decodePathname(requestUrl: string): string | null {
  try {
    return decodeURIComponent(new URL(requestUrl, 'http://127.0.0.1').pathname);
  } catch {
    return null;
  }
}

/**
 * Maps a URL path to a file inside FIXTURE_PAGES_DIR, or null when it would leave that folder
 * (`..`, encoded `%2e%2e`, backslashes, NUL bytes): the server must never read other files.
 */
function resolveFixtureFile(pathname: string): string | null {
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const file = resolve(FIXTURE_PAGES_DIR, `.${pathname}`);
  return file.startsWith(FIXTURE_PAGES_DIR + sep) ? file : null;
}

function send(response: ServerResponse, status: number, contentType: string, body: Buffer): void {
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': body.byteLength,
    // Specs rebuild pages between runs; a cached copy would hide the change.
    'Cache-Control': 'no-store',
  });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  send(response, status, 'text/plain; charset=utf-8', Buffer.from(text, 'utf8'));
}
