/**
 * The page's text as the reader displays it: the body's text nodes in document order (readings
 * are CSS generated content, never text, so pinyin on or off gives the same text), and the way
 * between offsets in that text and DOM positions. Reads the DOM only.
 */

/** Elements whose text is not page text. */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

export interface PageText {
  readonly text: string;
  /** Every text node with its offset in `text`, ascending. */
  readonly nodes: readonly { readonly node: Text; readonly start: number }[];
}

/** Collects the body's text (one walk; run only when annotating or anchoring). */
export function collectPageText(body: HTMLElement): PageText {
  const nodes: { node: Text; start: number }[] = [];
  const parts: string[] = [];
  let length = 0;
  const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement && NOT_TEXT.has(node.parentElement.tagName)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    nodes.push({ node: text, start: length });
    parts.push(text.data);
    length += text.data.length;
  }
  return { text: parts.join(''), nodes };
}

/** The offset in the page's text of a DOM boundary point (a selection's start or end). */
export function offsetAt(page: PageText, container: Node, offset: number): number {
  if (container instanceof Text) {
    const entry = page.nodes.find((e) => e.node === container);
    if (entry) return entry.start + offset;
  }
  const probe = container.ownerDocument?.createRange();
  if (!probe) return page.text.length;
  probe.setStart(container, offset);
  for (const entry of page.nodes) {
    if (probe.comparePoint(entry.node, 0) >= 0) return entry.start;
  }
  return page.text.length;
}

/** A DOM range over [start, end) of the page's text, or null if the text is not there. */
export function rangeOf(page: PageText, start: number, end: number): Range | null {
  const from = locate(page, start, false);
  const to = locate(page, end, true);
  if (!from || !to) return null;
  const range = from.node.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The text node and offset at `at`; at a node edge, the earlier node for an end (`end`). */
function locate(page: PageText, at: number, end: boolean): { node: Text; offset: number } | null {
  let lo = 0;
  let hi = page.nodes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const entry = page.nodes[mid];
    if (!entry) break;
    if (end ? entry.start < at : entry.start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const entry = page.nodes[found];
  if (!entry) return null;
  const offset = Math.min(at - entry.start, entry.node.data.length);
  return { node: entry.node, offset };
}
