/**
 * Reads one of the extension's own packaged files (`public/`), as the worker's loaders do. The
 * extension's files are readable from its worker without any permission.
 */
import { browser } from 'wxt/browser';
import type { PublicPath } from 'wxt/browser';

/** The file's text; throws `<what> missing from the build (HTTP <status>)` when it cannot be read. */
export async function fetchPackagedText(path: PublicPath, what: string): Promise<string> {
  const response = await fetch(browser.runtime.getURL(path));
  if (!response.ok) throw new Error(`${what} missing from the build (HTTP ${response.status})`);
  return response.text();
}
