/**
 * What is under the pointer: the Chinese text starting at the character under it (or at the
 * start of the word reading mode drew there), the range to highlight, and the sentence around it.
 * Reads the DOM only; never changes it.
 */
import { isHanCodePoint } from '../../../utils/zh/han';
import { MARK, TERM_ATTR, TIFA_ATTR } from '../annotate/markers';
import { isInsideSkipped } from '../annotate/collect-text';

export interface WordAtPoint {
  /** Text from the looked-up position on, as displayed (up to LOOKAHEAD characters). */
  readonly text: string;
  /** The word reading mode segmented at this place, if any. */
  readonly segmented?: string;
  /** The element or range covering the word, for positioning and stepping. */
  readonly anchor: Element | Range;
  /** The sentence around it, for saving with the word (computed only when saving). */
  readonly sentence: () => string;
  /** The glossary term mark around the word, if any, and the term's id. */
  readonly term?: { readonly id: string; readonly element: Element };
}

/** A word reading mode drew. */
export const WORD_SELECTOR = `ruby[${TIFA_ATTR}="${MARK.word}"]`;

const TERM_SELECTOR = `span[${TIFA_ATTR}="${MARK.term}"][${TERM_ATTR}]`;

/** The term mark holding `element` (or being it), with its id. */
export function termAround(element: Element): WordAtPoint['term'] {
  const mark = element.closest(TERM_SELECTOR);
  const id = mark?.getAttribute(TERM_ATTR);
  return mark && id ? { id, element: mark } : undefined;
}

/** Characters gathered after the pointer: the longest lookup (16) plus room for artefacts. */
export const LOOKAHEAD = 48;
/** Longest sentence kept with a saved word. */
const MAX_SENTENCE = 300;
const SENTENCE_END = /[。！？；!?;\n]/;

/** The Chinese text under the point (x, y), or null when there is none. */
export function wordAtPoint(doc: Document, x: number, y: number): WordAtPoint | null {
  const caret = caretAt(doc, x, y);
  if (!caret || !(caret.node instanceof Text)) return null;
  const parent = caret.node.parentElement;
  if (!parent) return null;
  const term = termAround(parent);
  const word = parent.closest(WORD_SELECTOR);
  if (word) {
    if (!boxContains(word.getBoundingClientRect(), x, y)) return null;
    return wordAtDrawn(word, term);
  }
  // Text directly inside a term mark (pinyin off): the mark is ours, so judge its parent.
  const host = term && parent === term.element ? term.element.parentElement : parent;
  if (!host || isInsideSkipped(host)) return null;
  const offset = hanOffsetUnderPoint(doc, caret.node, caret.offset, x, y);
  if (offset < 0) return null;
  const range = doc.createRange();
  range.setStart(caret.node, offset);
  range.setEnd(caret.node, offset + ((caret.node.data.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1));
  return {
    text: textFrom(caret.node, offset),
    anchor: range,
    sentence: () => sentenceAround(range.startContainer),
    ...(term && { term }),
  };
}

/** The word reading mode drew as `word` (a `ruby` of ours), as the pointer would find it. */
export function wordAtDrawn(
  word: Element,
  term: WordAtPoint['term'] = termAround(word),
): WordAtPoint {
  return {
    text: textFrom(word, 0),
    segmented: word.textContent ?? '',
    anchor: word,
    sentence: () => sentenceAround(word),
    ...(term && { term }),
  };
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  // caretPositionFromPoint is the standard (Firefox, Chrome 128+); caretRangeFromPoint the
  // older WebKit/Blink name.
  const withPosition = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const position = withPosition.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** The caret sits between characters; find the Han character whose box holds the point. */
function hanOffsetUnderPoint(
  doc: Document,
  node: Text,
  caret: number,
  x: number,
  y: number,
): number {
  for (const offset of [caret, caret - 1, caret - 2]) {
    if (offset < 0 || offset >= node.length) continue;
    const cp = node.data.codePointAt(offset) ?? 0;
    if (!isHanCodePoint(cp)) continue;
    const range = doc.createRange();
    range.setStart(node, offset);
    range.setEnd(node, offset + (cp > 0xffff ? 2 : 1));
    if (boxContains(range.getBoundingClientRect(), x, y)) return offset;
  }
  return -1;
}

function boxContains(box: DOMRect, x: number, y: number): boolean {
  return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
}

/** Text from a node (at an offset) onwards within its block. Readings are CSS content, not
 * text, so they never appear here. */
function textFrom(start: Node, offset: number): string {
  const walker = document.createTreeWalker(blockOf(start), NodeFilter.SHOW_TEXT);
  walker.currentNode = start;
  let text = start instanceof Text ? start.data.slice(offset) : '';
  // From an element, nextNode() enters its first text node; from a text node, the one after it.
  for (let node = walker.nextNode(); node && text.length < LOOKAHEAD; node = walker.nextNode()) {
    text += (node as Text).data;
  }
  return text.slice(0, LOOKAHEAD);
}

/** The block (paragraph, heading, list item…) holding a node: its nearest ancestor that is not
 * laid out inline. */
export function blockOf(node: Node): Element {
  let element = node instanceof Element ? node : node.parentElement;
  while (element && element.parentElement) {
    const display = getComputedStyle(element).display;
    if (
      display !== 'inline' &&
      display !== 'ruby' &&
      display !== 'ruby-text' &&
      display !== 'contents'
    )
      break;
    element = element.parentElement;
  }
  return element ?? document.documentElement;
}

/** The sentence holding the word: its block's text cut at sentence ends around it. */
function sentenceAround(node: Node): string {
  const block = blockOf(node);
  const text = block.textContent ?? '';
  const range = document.createRange();
  range.selectNodeContents(block);
  range.setEnd(node, 0);
  const at = range.toString().length;
  let start = at;
  while (start > 0 && !SENTENCE_END.test(text[start - 1] ?? '')) start--;
  let end = at;
  while (end < text.length && !SENTENCE_END.test(text[end] ?? '')) end++;
  return text
    .slice(start, Math.min(end + 1, text.length))
    .trim()
    .slice(0, MAX_SENTENCE);
}
