/**
 * Which lookups to ask for ahead of the pointer: every word start reading mode drew in a
 * paragraph, and the paragraphs on screen. Reads the DOM only.
 */
import { LOOKUP_BATCH_LIMITS } from '../../../utils/limits';
import { requestKey, type LookupRequest } from './lookup-cache';
import { lookupRequestFor } from './lookup-key';
import { blockOf, LOOKAHEAD, wordAtDrawn, WORD_SELECTOR } from './word-at-point';

/** Word starts prefetched per paragraph: four batches, far above a news paragraph; a page made
 * of one giant block gets its first words, and hovers further on are looked up one by one. */
export const PARAGRAPH_WORDS = LOOKUP_BATCH_LIMITS.requests * 4;

/** Rows between hit tests when finding the paragraphs on screen (a line of ruby text is taller). */
const ROW_STEP_PX = 16;
/** Across the viewport: news columns are centred or on the left, rarely narrower than a fifth;
 * the first column catches short lines (a headline, a one-line paragraph) on the left. */
const COLUMNS = [0.05, 0.2, 0.35, 0.5, 0.65, 0.8] as const;

/** Words read per slice of main-thread work, so a slice stays well under a millisecond and a
 * pointer move is never kept waiting long. */
const WORDS_PER_SLICE = 64;

/** The distinct lookups of the drawn words in `block`, in document order, skipping those
 * `skip` says are known already; at most PARAGRAPH_WORDS words are read, in slices of
 * WORDS_PER_SLICE with `pause()` awaited between them. Each is the request a hover over the
 * word builds (`wordAtDrawn`), so a prefetched answer is found again, but the paragraph's text is
 * read once for all its words instead of once per word. */
export async function paragraphRequests(
  block: Element,
  skip: (request: LookupRequest) => boolean,
  pause: () => Promise<void>,
): Promise<LookupRequest[]> {
  const seen = new Set<string>();
  const requests: LookupRequest[] = [];
  const words = block.querySelectorAll(WORD_SELECTOR);
  const { text, wordStarts } = blockText(block);
  // Words in a nested block (a quote box inside the paragraph) read their own block's text.
  const blockOfParent = new Map<Element | null, Element>();
  for (let i = 0; i < words.length && i < PARAGRAPH_WORDS; i++) {
    if (i > 0 && i % WORDS_PER_SLICE === 0) {
      await pause();
      if (!block.isConnected) break;
    }
    const word = words[i];
    if (!word) continue;
    const parent = word.parentElement;
    let own = blockOfParent.get(parent);
    if (!own) blockOfParent.set(parent, (own = blockOf(word)));
    const start = wordStarts.get(word);
    const request =
      own === block && start !== undefined
        ? lookupRequestFor({
            text: text.slice(start, start + LOOKAHEAD),
            segmented: word.textContent ?? '',
          })
        : lookupRequestFor(wordAtDrawn(word));
    if (!request) continue;
    const key = requestKey(request);
    if (seen.has(key) || skip(request)) continue;
    seen.add(key);
    requests.push(request);
  }
  return requests;
}

/** The text of a block (its text nodes in order, as `wordAtDrawn` reads them), and where each
 * drawn word's text starts in it. Readings are generated content, not text nodes. */
function blockText(block: Element): { text: string; wordStarts: Map<Element, number> } {
  const parts: string[] = [];
  const wordStarts = new Map<Element, number>();
  let length = 0;
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && !wordStarts.has(parent) && parent.matches(WORD_SELECTOR))
      wordStarts.set(parent, length);
    const data = (node as Text).data;
    parts.push(data);
    length += data.length;
  }
  return { text: parts.join(''), wordStarts };
}

/** The paragraphs holding drawn words on screen, top to bottom, found by hit tests down the
 * viewport (independent of the page's length, unlike a query over every drawn word). */
export function visibleParagraphs(doc: Document): Element[] {
  const view = doc.defaultView;
  if (!view) return [];
  const width = view.innerWidth;
  const height = view.innerHeight;
  const blocks: Element[] = [];
  for (let y = ROW_STEP_PX / 2; y < height; y += ROW_STEP_PX) {
    for (const column of COLUMNS) {
      const word = doc.elementFromPoint(width * column, y)?.closest(WORD_SELECTOR);
      if (!word) continue;
      const block = blockOf(word);
      if (!blocks.includes(block)) blocks.push(block);
      // Skip the rest of this paragraph's rows.
      y = Math.max(y, block.getBoundingClientRect().bottom - ROW_STEP_PX / 2);
      break;
    }
  }
  // Short paragraphs the hit tests passed by sit beside the ones found.
  for (const block of [...blocks]) {
    for (const step of ['previousElementSibling', 'nextElementSibling'] as const) {
      for (
        let sibling = block[step];
        sibling && onScreen(sibling, height);
        sibling = sibling[step]
      ) {
        if (!blocks.includes(sibling) && sibling.querySelector(WORD_SELECTOR)) blocks.push(sibling);
      }
    }
  }
  return blocks;
}

function onScreen(element: Element, height: number): boolean {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < height;
}
