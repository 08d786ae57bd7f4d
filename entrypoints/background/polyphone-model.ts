/**
 * The polyphone model's text, read from the extension's own packaged file on first request and
 * kept for the life of the worker (about 1 MB, like the word list). The reader parses it; the
 * worker only serves it, so a stopped worker costs one fetch on the next request.
 */
import { browser } from 'wxt/browser';
import {
  fetchPolyphoneModelText,
  POLYPHONE_MODEL_URL_PATH,
} from '../../utils/zh/polyphones/load-fetch';

let modelText: Promise<string> | null = null;

/** The model file as packaged (`public/polyphones/model.u8`). */
export function loadPolyphoneModelText(): Promise<string> {
  modelText ??= fetchPolyphoneModelText(browser.runtime.getURL(POLYPHONE_MODEL_URL_PATH)).catch(
    (error: unknown) => {
      modelText = null; // a failed read is retried on the next request
      throw error;
    },
  );
  return modelText;
}
