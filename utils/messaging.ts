/**
 * The one protocol map between the content script, the extension pages and the background.
 * Every message name appears here with the schema of its request; the background validates
 * each request against it before a handler sees it, so handlers only ever get well-formed data.
 */
import * as v from 'valibot';
import type { WordMatch } from './dict/lookup';
import type { SearchResult } from './dict/search';
import { FIELD_LIMITS as LIMITS, MAX_MESSAGE_CHARS } from './limits';

/** Request schemas, by message type. */
export const REQUEST_SCHEMAS = {
  /** Liveness and version check; also wakes a stopped service worker. */
  ping: v.strictObject({}),
  /** The word list for segmentation, so the content script never bundles the dictionary. */
  getWordList: v.strictObject({}),
  /** The gatekeeper content script asks for the reader to be injected into its frame. */
  injectReader: v.strictObject({}),
  /** Dictionary lookup of the words starting at `text` (simplified, artefact-free). */
  lookupWord: v.strictObject({
    text: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.lookupText)),
    /** The word as reading mode segmented it, listed first. */
    preferred: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.lookupText))),
  }),
  /** The search box: hanzi, pinyin with or without tones, or English. */
  searchDictionary: v.strictObject({
    query: v.pipe(v.string(), v.maxLength(LIMITS.lookupText)),
  }),
  /** Save a word or term to the vocabulary, with where it was met. */
  saveWord: v.strictObject({
    word: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.word)),
    traditional: v.pipe(v.string(), v.maxLength(LIMITS.word)),
    kind: v.picklist(['dictionary', 'glossary']),
    pinyin: v.pipe(v.string(), v.maxLength(LIMITS.pinyin)),
    definition: v.pipe(v.string(), v.maxLength(LIMITS.definition)),
    sentence: v.pipe(v.string(), v.maxLength(LIMITS.sentence)),
    url: v.pipe(v.string(), v.maxLength(LIMITS.url)),
    title: v.pipe(v.string(), v.maxLength(LIMITS.title)),
  }),
} as const;

export type MessageType = keyof typeof REQUEST_SCHEMAS;

/** What each handler answers. */
export interface ResponseMap {
  ping: { version: string; startedAt: number };
  getWordList: { words: string };
  injectReader: { injected: boolean };
  lookupWord: { matches: WordMatch[] };
  searchDictionary: SearchResult;
  saveWord: { key: string; timesSaved: number };
}

export type RequestOf<T extends MessageType> = v.InferOutput<(typeof REQUEST_SCHEMAS)[T]>;

/** Every answer says whether it worked; errors carry a message the sender can show. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** The envelope on the wire. */
export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
}

const envelopeSchema = v.strictObject({
  type: v.picklist(Object.keys(REQUEST_SCHEMAS) as [MessageType, ...MessageType[]]),
  payload: v.unknown(),
});

/** A validated request, or the reason it was refused. */
export type ParsedRequest =
  { ok: true; type: MessageType; payload: unknown } | { ok: false; error: string };

/**
 * Validates an incoming message: its size, that its type is known and that its payload matches
 * the type's schema. Error texts name the problem but never echo the payload (it may be page text).
 */
export function parseRequest(raw: unknown): ParsedRequest {
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return { ok: false, error: 'message is not serialisable' };
  }
  if (size > MAX_MESSAGE_CHARS) {
    return { ok: false, error: `message too large (${size} > ${MAX_MESSAGE_CHARS} characters)` };
  }
  const envelope = v.safeParse(envelopeSchema, raw);
  if (!envelope.success) {
    const type = typeof raw === 'object' && raw !== null && 'type' in raw ? String(raw.type) : '';
    return {
      ok: false,
      error: type ? `unknown message type "${type.slice(0, 40)}"` : 'malformed message',
    };
  }
  const { type, payload } = envelope.output;
  const checked = v.safeParse(REQUEST_SCHEMAS[type], payload);
  if (!checked.success) {
    const issue = checked.issues[0];
    const path = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
    return {
      ok: false,
      error: `invalid ${type} request${path ? ` at ${path}` : ''}: ${issue?.message ?? 'bad payload'}`,
    };
  }
  return { ok: true, type, payload: checked.output };
}
