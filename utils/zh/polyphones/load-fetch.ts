/**
 * Fetches the polyphone model in the extension: the background reads the packaged file from its
 * own origin when it builds the text engine (entrypoints/background/paragraph-analysis.ts).
 */
import { parsePolyphoneModel, POLYPHONE_MODEL_FILE, type PolyphoneModel } from './model-format';

/** Path of the model inside the extension package (WXT copies `public/` to the root). */
export const POLYPHONE_MODEL_URL_PATH = `/polyphones/${POLYPHONE_MODEL_FILE}`;

/** Fetches and parses the model (each character's weights are parsed when first used: see
 * `checkAllWeights`); throws with the HTTP status when it cannot be read, or with the line when
 * its structure is malformed. */
export async function fetchPolyphoneModel(url: string): Promise<PolyphoneModel> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`polyphone model: ${url} answered ${response.status}`);
  return parsePolyphoneModel(await response.text());
}
