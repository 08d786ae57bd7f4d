/**
 * What the reader must never touch: form fields and editors (the user is typing there), code,
 * scripts and styles (text that is not prose), SVG (layout by coordinates), the page's own ruby
 * (already annotated), and anything we inserted ourselves.
 */
import { TIFA_ATTR } from './markers';

const SKIPPED_TAGS = new Set([
  'INPUT',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'RUBY',
  'RT',
  'RP',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'TITLE',
]);

/** True when an element and everything inside it is off limits. */
export function isSkippedElement(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  // SVG and MathML elements have namespaced, lower-case tag names.
  if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml') return true;
  if (element.hasAttribute(TIFA_ATTR)) return true;
  return element instanceof HTMLElement && element.isContentEditable;
}
