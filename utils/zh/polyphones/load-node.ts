/**
 * Reads the polyphone model from `public/polyphones/` in Node (CLI, tests, benchmarks). The
 * extension fetches it from its own origin instead (`load-fetch.ts`); this module uses Node APIs
 * and must never be imported by browser code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePolyphoneModel, POLYPHONE_MODEL_FILE, type PolyphoneModel } from './model-format';

/** `public/polyphones/model.u8` of this checkout, found from this file. */
export const POLYPHONE_MODEL_PATH = fileURLToPath(
  new URL(`../../../public/polyphones/${POLYPHONE_MODEL_FILE}`, import.meta.url),
);

/** Reads and parses a model file (default: the committed one); throws a clear error if the file
 * is missing or malformed. */
export function loadPolyphoneModelFromDisk(path = POLYPHONE_MODEL_PATH): PolyphoneModel {
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: it is committed with the project; rebuild it with ` +
        '`npx tsx scripts/train-polyphones.ts` (needs ../shared/data/cpp).',
    );
  }
  return parsePolyphoneModel(readFileSync(path, 'utf8'));
}
