/**
 * The Chinese text on screen when the reader starts, found from the page's geometry so the first
 * slice can draw it at once. Otherwise the screen waits for the walk of the whole page (a page
 * of a million characters takes several slices) and for the intersection observer's first
 * report, a frame later. This is only a head start: what it misses, the walk and the observer
 * still find.
 */
import { chineseTextWalker, isInsideSkipped } from './collect-text';
import { isSkippedElement } from './skip-rules';

/** Past this many children, an element's children are searched by position rather than read
 * one by one (an article of thousands of paragraphs). */
const SCAN_LIMIT = 64;
/** Depth of elements looked into: news markup nests a dozen levels at most around its text. */
const MAX_DEPTH = 24;
/** Enough text for any screen (a full screen of small type holds about 3,000 characters); what
 * lies beyond is left to the observer, so a head start never grows into a long task. */
const MAX_NODES = 400;
const MAX_CHARS = 6000;

/** Chinese text nodes inside elements that intersect the viewport, in document order. */
export function findScreenText(doc: Document): Text[] {
  const body = doc.body;
  const view = doc.defaultView;
  if (!body || !view || isInsideSkipped(body)) return [];
  const found: Found = { nodes: [], chars: 0 };
  visit(body, view.innerHeight, 0, found);
  return found.nodes;
}

interface Found {
  nodes: Text[];
  chars: number;
}

const full = (found: Found) => found.nodes.length >= MAX_NODES || found.chars >= MAX_CHARS;

function visit(element: Element, bottom: number, depth: number, found: Found): void {
  if (full(found)) return;
  const children = element.children;
  // Text directly inside this element (beside its child elements), or a leaf element.
  if (children.length === 0 || depth >= MAX_DEPTH || hasOwnText(element)) {
    const walker = chineseTextWalker(element);
    for (let node = walker.nextNode(); node && !full(found); node = walker.nextNode()) {
      found.nodes.push(node as Text);
      found.chars += (node as Text).length;
    }
    return;
  }
  let i = children.length > SCAN_LIMIT ? firstNotAbove(children) : 0;
  for (; i < children.length && !full(found); i++) {
    const child = children[i] as Element;
    if (isSkippedElement(child)) continue;
    const box = child.getBoundingClientRect();
    if (box.bottom < 0 || box.height === 0) continue;
    // In a long run of children in flow order, the first one below the screen ends the search.
    if (box.top > bottom) {
      if (children.length > SCAN_LIMIT) break;
      continue;
    }
    visit(child, bottom, depth + 1, found);
  }
}

/** Whether an element holds text of its own beside its child elements (a paragraph with links):
 * it is then read whole rather than child by child. */
function hasOwnText(element: Element): boolean {
  for (let node = element.firstChild; node; node = node.nextSibling)
    if (node.nodeType === Node.TEXT_NODE && (node as Text).data.trim() !== '') return true;
  return false;
}

/** Binary search for the first child whose bottom is not above the screen, assuming children
 * in flow order (top to bottom); a page that is not laid out so loses only its head start. */
function firstNotAbove(children: HTMLCollection): number {
  let low = 0;
  let high = children.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((children[mid] as Element).getBoundingClientRect().bottom < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
