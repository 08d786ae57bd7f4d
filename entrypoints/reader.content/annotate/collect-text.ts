/**
 * Finding the text nodes to annotate. A TreeWalker rejects skipped subtrees whole, so the cost
 * is one visit per node outside them, and only nodes holding Chinese characters are returned.
 */
import { containsHan } from '../../../utils/zh/han';
import { isSkippedElement } from './skip-rules';

/** Collects Chinese text nodes under `root`, in document order, calling `take` for each. */
export function collectChineseText(root: Node, take: (node: Text) => void): void {
  if (root.nodeType === Node.TEXT_NODE) {
    const text = root as Text;
    if (text.parentElement && !isInsideSkipped(text.parentElement) && containsHan(text.data))
      take(text);
    return;
  }
  if (root instanceof Element && isInsideSkipped(root)) return;
  const walker = chineseTextWalker(root);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) take(node as Text);
}

/** Every Chinese text node under `root`, in document order, if they hold at most `maxChars`
 * characters in at most `maxNodes` nodes; null (found out early) when there is more. */
export function chineseTextUpTo(root: Node, maxChars: number, maxNodes: number): Text[] | null {
  const nodes: Text[] = [];
  let chars = 0;
  const walker = chineseTextWalker(root);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    chars += (node as Text).length;
    if (chars > maxChars || nodes.length >= maxNodes) return null;
    nodes.push(node as Text);
  }
  return nodes;
}

/**
 * A TreeWalker over the Chinese text nodes under `root` (skipped subtrees rejected whole), for
 * walks that run in time-boxed slices and resume where they stopped.
 */
export function chineseTextWalker(root: Node): TreeWalker {
  return document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        return isSkippedElement(node as Element)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP;
      }
      return containsHan((node as Text).data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
}

/** True when an element or one of its ancestors is off limits (for nodes added later). */
export function isInsideSkipped(element: Element): boolean {
  for (let e: Element | null = element; e; e = e.parentElement) {
    if (isSkippedElement(e)) return true;
  }
  return false;
}
