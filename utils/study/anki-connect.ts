/**
 * Pushing vocabulary straight into Anki through the AnkiConnect add-on, which listens on
 * http://127.0.0.1:8765 while Anki runs (JSON protocol, version 6). The URL is a parameter so
 * tests can talk to a local stand-in.
 */
import type { VocabularyRecord } from '../db/schema';
import { ankiTags } from './export-formats';
import { formatCedictPinyin } from '../dict/format-pinyin';

export const ANKI_CONNECT_URL = 'http://127.0.0.1:8765';

/** The AnkiConnect API version this client speaks. */
export const ANKI_CONNECT_VERSION = 6;

/** Anki answers on the loopback interface in milliseconds; past this it is not there. */
const REQUEST_TIMEOUT_MS = 5000;

export interface AnkiPushOptions {
  url?: string;
  deck?: string;
  /** A note type with fields Front and Back; Anki ships "Basic". */
  model?: string;
  fetch?: typeof fetch;
}

export interface AnkiPushResult {
  added: number;
  /** Notes Anki refused as duplicates of notes it has. */
  duplicates: number;
}

/** An AnkiConnect failure with a message meant for the reader. */
export class AnkiConnectError extends Error {
  override name = 'AnkiConnectError';
}

/** Adds one Basic note per word to `deck` (created if missing). */
export async function pushToAnki(
  rows: readonly VocabularyRecord[],
  options: AnkiPushOptions = {},
): Promise<AnkiPushResult> {
  const deck = options.deck ?? 'Tifa Reader';
  const model = options.model ?? 'Basic';
  const call = <T>(action: string, params?: object) => invoke<T>(action, params, options);
  const permission = await call<{ permission: string }>('requestPermission');
  if (permission.permission !== 'granted') {
    throw new AnkiConnectError(
      'Anki refused the connection: allow Tifa Reader in the AnkiConnect prompt, or add the ' +
        "extension's origin to webCorsOriginList in AnkiConnect's settings.",
    );
  }
  await call('createDeck', { deck });
  const notes = rows.map((row) => ({
    deckName: deck,
    modelName: model,
    fields: { Front: htmlText(row.word), Back: backOf(row) },
    tags: ankiTags(row.tags).split(' '),
    options: { allowDuplicate: false, duplicateScope: 'deck' },
  }));
  // Ask first which notes Anki would refuse, so one duplicate does not fail the whole batch.
  const addable = await call<boolean[]>('canAddNotes', { notes });
  const fresh = notes.filter((_, i) => addable[i] === true);
  const ids = fresh.length > 0 ? await call<(number | null)[]>('addNotes', { notes: fresh }) : [];
  const added = ids.filter((id) => id !== null).length;
  return { added, duplicates: notes.length - added };
}

/** The back of a card: pinyin, definition and the first sentence, as escaped HTML. */
function backOf(row: VocabularyRecord): string {
  const parts = [formatCedictPinyin(row.pinyin), row.definition, row.contexts[0]?.sentence ?? ''];
  return parts
    .filter(Boolean)
    .map((part) => htmlText(part).replace(/\n/g, '<br>'))
    .join('<br><br>');
}

/** Anki fields are HTML: our text goes in escaped, so page text never becomes markup. */
function htmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function invoke<T>(action: string, params: object | undefined, options: AnkiPushOptions) {
  const url = options.url ?? ANKI_CONNECT_URL;
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action, version: ANKI_CONNECT_VERSION, params: params ?? {} }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch {
    throw new AnkiConnectError(
      `Anki is not running, or the AnkiConnect add-on is not installed: nothing answered at ${url}. ` +
        'Start Anki (with AnkiConnect, add-on code 2055492159) and try again, or export an Anki ' +
        'file instead.',
    );
  }
  if (!response.ok) {
    throw new AnkiConnectError(
      `AnkiConnect answered HTTP ${response.status} to "${action}": check its settings (webCorsOriginList).`,
    );
  }
  let reply: unknown;
  try {
    reply = await response.json();
  } catch {
    throw new AnkiConnectError(`Something at ${url} answered, but not as AnkiConnect does.`);
  }
  if (typeof reply !== 'object' || reply === null || !('result' in reply) || !('error' in reply)) {
    throw new AnkiConnectError(`Something at ${url} answered, but not as AnkiConnect does.`);
  }
  const { result, error } = reply;
  if (error !== null) {
    const reason = typeof error === 'string' ? error : JSON.stringify(error);
    throw new AnkiConnectError(`Anki refused "${action}": ${reason}`);
  }
  return result as T;
}
