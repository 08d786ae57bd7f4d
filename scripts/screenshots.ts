// Regenerates the README's screenshots in docs/: the sample article with pinyin, with tone
// colours, and converted to simplified. Needs a Chinese font (fonts-noto-cjk) to be useful.
// Run: npm run build && npx tsx scripts/screenshots.ts

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReaderSettings } from '../utils/settings.ts';
import { launchWithExtension, PROJECT_ROOT } from './lib/chromium.ts';
import { SAMPLE_ARTICLE_PATH, startFixtureServer } from './lib/fixture-server.ts';
import {
  resetReader,
  setReaderSettings,
  setReaderSite,
  waitForReaderIdle,
  waitForReaderOn,
} from './lib/reader-control.ts';

const SHOTS: { file: string; settings: Partial<ReaderSettings> }[] = [
  { file: 'sample-article-pinyin.png', settings: {} },
  { file: 'sample-article-tone-colors.png', settings: { toneColors: true } },
  { file: 'sample-article-simplified.png', settings: { script: 'cn', toneColors: true } },
];

const server = await startFixtureServer();
const extension = await launchWithExtension();
try {
  const docs = join(PROJECT_ROOT, 'docs');
  await mkdir(docs, { recursive: true });
  for (const shot of SHOTS) {
    await resetReader(extension);
    await setReaderSettings(extension, shot.settings);
    const url = server.url(SAMPLE_ARTICLE_PATH);
    await setReaderSite(extension, new URL(url).hostname, true);
    const page = await extension.context.newPage();
    await page.setViewportSize({ width: 1100, height: 820 });
    await page.goto(url);
    await waitForReaderOn(page);
    await waitForReaderIdle(page);
    await page.screenshot({ path: join(docs, shot.file) });
    await page.close();
    console.log(`docs/${shot.file}`);
  }
} finally {
  await extension.close();
  await server.close();
}
