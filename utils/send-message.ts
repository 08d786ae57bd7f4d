/**
 * The sender side of the protocol: typed requests to the background, typed replies back.
 * Used by the content script and the extension pages alike.
 */
import { browser } from 'wxt/browser';
import type { Envelope, MessageType, Reply, RequestOf, ResponseMap } from './messaging';

/** Sends a request to the background and returns its value, or throws its error message. */
export async function sendToBackground<T extends MessageType>(
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseMap[T]> {
  const envelope: Envelope<T> = { type, payload };
  const reply: Reply<ResponseMap[T]> | undefined = await browser.runtime.sendMessage(envelope);
  if (!reply) throw new Error(`no reply to ${type}: the background did not answer`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
