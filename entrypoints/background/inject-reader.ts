/**
 * Injecting the reader into the frame that asked for it. The gatekeeper content script is tiny
 * and runs everywhere; the reader with its text engine is injected only into frames of sites the
 * reader is on, so other pages never pay for it.
 */
import { browser } from 'wxt/browser';
import type { MessageSender } from './handlers';

/** The unlisted script WXT builds from entrypoints/reader-main. */
const READER_SCRIPT = '/reader-main.js';

/** Injects the reader into the sender's frame. */
export async function injectReader(sender: MessageSender): Promise<{ injected: boolean }> {
  if (sender.tabId === undefined) throw new Error('injectReader must come from a tab');
  await browser.scripting.executeScript({
    target: { tabId: sender.tabId, frameIds: [sender.frameId ?? 0] },
    files: [READER_SCRIPT],
  });
  return { injected: true };
}
