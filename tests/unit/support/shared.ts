/** Access to ../shared (the sample article, benchmark data), which is read, never committed. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The shared folder beside the checkout, or $TIFA_SHARED. */
export const sharedDir = process.env.TIFA_SHARED ?? join(projectRoot, '..', 'shared');

export const sampleArticlePath = join(sharedDir, 'fixtures', 'sample-article.txt');

/** False on a machine without ../shared; tests that need it say so instead of failing. */
export const hasSampleArticle = existsSync(sampleArticlePath);

export function readSampleArticle(): string {
  return readFileSync(sampleArticlePath, 'utf8');
}
