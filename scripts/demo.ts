// `npm run demo`: the built extension on the shared sample article. With a display it opens a
// window to read in and waits until you close it; without one (CI, SSH) it runs headless and
// saves a full-page screenshot to demo-output/sample-article.png.

import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { launchWithExtension, PROJECT_ROOT } from './lib/chromium.ts';
import { setReaderSite, waitForReaderIdle, waitForReaderOn } from './lib/reader-control.ts';
import {
  SAMPLE_ARTICLE_PATH,
  sampleArticleAvailable,
  startFixtureServer,
} from './lib/fixture-server.ts';

// Long enough for a cold start on a slow machine; a content script that has not started by
// then is not going to.
const READY_TIMEOUT_MS = 15_000;

const SCREENSHOT_FILE = join(PROJECT_ROOT, 'demo-output', 'sample-article.png');

/**
 * Whether fontconfig knows a font with Chinese glyphs; without one Chromium draws boxes and the
 * screenshot shows nothing worth looking at. Undefined when fc-list is not installed.
 */
function hasChineseFont(): boolean | undefined {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  if (!sampleArticleAvailable()) {
    console.error(
      'The shared sample article is missing: expected ../shared/fixtures/sample-article.txt ' +
        'beside the checkout, or set TIFA_SHARED to the shared folder.',
    );
    return 1;
  }
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const server = await startFixtureServer();
  const extension = await launchWithExtension({ headless: !hasDisplay });
  try {
    const page = extension.context.pages()[0] ?? (await extension.context.newPage());
    const url = server.url(SAMPLE_ARTICLE_PATH);
    // Switch the reader on for the fixture server's site, as the toolbar popup's switch does.
    await setReaderSite(extension, new URL(url).hostname, true);
    await page.goto(url);

    if (hasDisplay) {
      console.log(`Showing ${url} with Tifa Reader. Close the browser window to finish.`);
      const windowClosed = new Promise<void>((resolve) =>
        extension.context.once('close', () => resolve()),
      );
      // Ctrl+C must still close Chromium and delete its temporary profile.
      const interrupted = new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
      await Promise.race([windowClosed, interrupted]);
      return 0;
    }

    if (hasChineseFont() === false) {
      console.warn(
        'No font with Chinese glyphs is installed (fc-list :lang=zh is empty), so the ' +
          'screenshot will show boxes instead of characters: install fonts-noto-cjk.',
      );
    }
    let exitCode = 0;
    try {
      await waitForReaderOn(page, READY_TIMEOUT_MS);
      await waitForReaderIdle(page, READY_TIMEOUT_MS);
    } catch {
      console.error(
        `The content script did not start within ${READY_TIMEOUT_MS / 1000} s ` +
          '(the page never showed html[data-tifa-reader="on"]). ' +
          'Saving the screenshot anyway so you can see the page as it is.',
      );
      exitCode = 1;
    }
    await mkdir(dirname(SCREENSHOT_FILE), { recursive: true });
    await page.screenshot({ path: SCREENSHOT_FILE, fullPage: true });
    console.log(`Saved a full-page screenshot to ${relative(process.cwd(), SCREENSHOT_FILE)}`);
    return exitCode;
  } finally {
    await extension.close();
    await server.close();
  }
}

process.exitCode = await main();
