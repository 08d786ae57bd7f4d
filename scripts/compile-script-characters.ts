/**
 * Writes utils/zh/script-characters.ts: the characters only one script uses, for
 * utils/zh/detect-script.ts. Run after upgrading opencc-js (the unit test says when).
 *
 * Usage: npx tsx scripts/compile-script-characters.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scriptCharactersModule, scriptOnlyCharacters } from './lib/script-characters';

const out = fileURLToPath(new URL('../utils/zh/script-characters.ts', import.meta.url));
const characters = scriptOnlyCharacters();
writeFileSync(out, scriptCharactersModule(characters));
console.log(
  `utils/zh/script-characters.ts: ${[...characters.traditional].length} traditional-only, ` +
    `${[...characters.simplified].length} simplified-only characters.`,
);
