/**
 * opencc dictionaries for the text engine, read from the extension's packaged files
 * (scripts/compile-opencc.ts) when a page's display first needs them and kept for the life of
 * the worker. The engine bundles only traditional → simplified; a traditional display needs the
 * simplified → traditional tables (~1.1 MB), which only readers of such a display should pay
 * for.
 */
import type { PublicPath } from 'wxt/browser';
import { loadOnce } from '../../utils/load-once';
import {
  openccDictionaryPath,
  type OpenccDictionaryName,
} from '../../utils/zh/opencc-dictionaries';
import { fetchPackagedText } from './packaged-file';

const loaders = new Map<OpenccDictionaryName, () => Promise<string>>();

/** The named dictionaries' texts. */
export async function loadOpenccDictionaries(
  names: readonly OpenccDictionaryName[],
): Promise<Partial<Record<OpenccDictionaryName, string>>> {
  const texts = await Promise.all(names.map((name) => loaderFor(name)()));
  return Object.fromEntries(names.map((name, i) => [name, texts[i]]));
}

function loaderFor(name: OpenccDictionaryName): () => Promise<string> {
  let load = loaders.get(name);
  if (!load) {
    // The generated files are not in the typed list of public paths until they exist.
    const path = openccDictionaryPath(name) as PublicPath;
    load = loadOnce(() => fetchPackagedText(path, `opencc dictionary ${name}`));
    loaders.set(name, load);
  }
  return load;
}
