/**
 * The extension's packaged files for background tests: `browser.runtime.getURL(path)` becomes
 * `file://<path>` and `fetch` reads it from `public/` (where `npm run compile:data` writes the
 * compiled word list, readings, dictionary, model and opencc tables), 404 for anything else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

const PUBLIC_DIR = fileURLToPath(new URL('../../../public/', import.meta.url));

/** Serves `public/` to the worker's fetches; returns the fetch spy. */
export function servePackagedFiles() {
  vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `file://${path}`);
  return vi.spyOn(globalThis, 'fetch').mockImplementation((input) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = url.replace(/^file:\/\//, '');
    try {
      return Promise.resolve(
        new Response(readFileSync(join(PUBLIC_DIR, path), 'utf8'), { status: 200 }),
      );
    } catch {
      return Promise.resolve(new Response('', { status: 404 }));
    }
  });
}
