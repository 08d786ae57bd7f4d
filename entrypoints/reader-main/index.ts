/**
 * The reader proper, injected by the background into frames with Chinese on a site the reader
 * is on (entrypoints/background/inject-reader.ts). It runs in the extension's isolated world,
 * never in the page's own JavaScript world.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startReaderSession } from '../reader.content/reader-session';

/** Set on the isolated world's global so a second injection into the same frame is a no-op. */
const STARTED = Symbol.for('tifa-reader-started');

export default defineUnlistedScript(() => {
  const global = globalThis as typeof globalThis & { [STARTED]?: boolean };
  if (global[STARTED]) return;
  global[STARTED] = true;
  startReaderSession().catch((error: unknown) => {
    global[STARTED] = false;
    console.warn(
      'tifa: the reader failed to start:',
      error instanceof Error ? error.message : error,
    );
  });
});
