/**
 * Writes opencc-js's dictionaries as packaged text files, `public/dict/opencc/<name>.txt` (the
 * serialized tables exactly as opencc-js ships them). The background reads them there and hands
 * a page the few its display script needs (entrypoints/background/opencc-dictionaries.ts), so the
 * page's reader never bundles them. A file is rewritten only when its text changed.
 *
 * Usage: npx tsx scripts/compile-opencc.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPENCC_DICTIONARIES } from '../utils/zh/opencc-all';
import { openccDictionaryPath } from '../utils/zh/opencc-dictionaries';

const publicDir = fileURLToPath(new URL('../public', import.meta.url));

let written = 0;
for (const [name, text] of Object.entries(OPENCC_DICTIONARIES)) {
  const path = publicDir + openccDictionaryPath(name as keyof typeof OPENCC_DICTIONARIES);
  if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  written++;
}
console.log(
  written === 0
    ? 'public/dict/opencc is up to date.'
    : `public/dict/opencc: ${written} dictionaries written.`,
);
