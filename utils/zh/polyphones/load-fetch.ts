/**
 * Fetches the polyphone model in the extension: the background fetches the packaged file from
 * its own origin and hands the text to the reader (`getPolyphoneModel`), which parses it once.
 */
import { parsePolyphoneModel, POLYPHONE_MODEL_FILE, type PolyphoneModel } from './model-format';

/** Path of the model inside the extension package (WXT copies `public/` to the root). */
export const POLYPHONE_MODEL_URL_PATH = `/polyphones/${POLYPHONE_MODEL_FILE}`;

/** The model file's text from `url`; throws with the HTTP status when it cannot be read. */
export async function fetchPolyphoneModelText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`polyphone model: ${url} answered ${response.status}`);
  return response.text();
}

/** Fetches and parses the model (for pages that hold it themselves). */
export async function fetchPolyphoneModel(url: string): Promise<PolyphoneModel> {
  return parsePolyphoneModel(await fetchPolyphoneModelText(url));
}
