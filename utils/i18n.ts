/**
 * UI text through the browser's i18n API, so another language is one more
 * `public/_locales/<lang>/messages.json`. Keys are checked against the English file at compile
 * time; the file itself is never bundled (the browser reads it).
 */
import { browser } from 'wxt/browser';
import type englishMessages from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof englishMessages;

/**
 * The message for `key` in the browser's language, with `$1`, `$2`… filled from `substitutions`.
 * Falls back to the key itself when the message is missing (or outside an extension, as in unit
 * tests), so a forgotten string shows up as a readable name rather than as nothing.
 */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  let message = '';
  try {
    message = browser.i18n.getMessage(key, substitutions);
  } catch {
    // No extension context: keep the fallback.
  }
  return message || key;
}
