/**
 * The background's message handlers, one per message type of the protocol. Requests arrive
 * already validated (see `parseRequest`); handlers never trust anything else about the sender.
 */
import { browser } from 'wxt/browser';
import {
  parseRequest,
  type MessageType,
  type Reply,
  type RequestOf,
  type ResponseMap,
} from '../../utils/messaging';
import { lookupInDictionary, searchInDictionary } from './dictionary';
import { injectReader } from './inject-reader';
import { saveWord } from './store';
import { loadWordListText } from './word-list';

/** Who sent a message, as the browser (not the sender) reports it. */
export interface MessageSender {
  readonly tabId?: number;
  readonly frameId?: number;
}

type Handler<T extends MessageType> = (
  payload: RequestOf<T>,
  sender: MessageSender,
) => Promise<ResponseMap[T]> | ResponseMap[T];

/** When this worker instance started: lets tests and benchmarks tell a cold start from a warm one. */
const startedAt = Date.now();

const handlers: { [T in MessageType]: Handler<T> } = {
  ping: () => ({ version: browser.runtime.getManifest().version, startedAt }),
  getWordList: async () => ({ words: await loadWordListText() }),
  injectReader: (_payload, sender) => injectReader(sender),
  searchDictionary: ({ query }) => searchInDictionary(query),
  lookupWord: async ({ text, preferred }) => ({
    matches: await lookupInDictionary(text, preferred),
  }),
  saveWord: async (input) => {
    const record = await saveWord(input);
    return { key: record.key, timesSaved: record.timesSaved };
  },
};

/** Validates a raw message and runs its handler; every failure becomes an error reply. */
export async function handleMessage(
  raw: unknown,
  sender: MessageSender = {},
): Promise<Reply<unknown>> {
  const request = parseRequest(raw);
  if (!request.ok) return { ok: false, error: request.error };
  try {
    const handler = handlers[request.type] as Handler<MessageType>;
    return { ok: true, value: await handler(request.payload as RequestOf<MessageType>, sender) };
  } catch (error) {
    // Report the failure to the sender; log only its kind, never data it may contain.
    console.error(`tifa: ${request.type} failed`, error instanceof Error ? error.name : 'error');
    return { ok: false, error: error instanceof Error ? error.message : 'internal error' };
  }
}
