/**
 * The reader's stylesheet in the page. News sites style `ruby` and `rt` for their own purposes,
 * and hostile or careless rules (`rt { display: none }`, `ruby { font-size: 0 }`,
 * `* { line-height: 0 }`) must not hide our readings, so every rule is `!important` on selectors
 * more specific than a page's element selectors.
 */
import {
  FLASH_ATTR,
  MARK,
  READING_ATTR,
  STUDY_ATTR,
  TERM_ATTR,
  PERSONAL_ATTR,
  TIFA_ATTR,
  TONE_ATTR,
} from './markers';

export interface PageStyleOptions {
  /** Reading size relative to the text, in percent. */
  readonly rubySize: number;
  /** Colours per tone (1–5), or null for no tone colours. */
  readonly toneColors: Readonly<Record<1 | 2 | 3 | 4 | 5, string>> | null;
}

const WORD = `ruby[${TIFA_ATTR}="${MARK.word}"]`;
const READING = `rt[${TIFA_ATTR}="${MARK.reading}"]`;
const TERM = `span[${TIFA_ATTR}="${MARK.term}"][${TERM_ATTR}]`;

/**
 * Glossary terms: a dotted amber underline and a faint amber wash, unlike anything dictionary
 * words get (they get none; saved words get a solid yellow wash). Amber at these strengths reads
 * on white and on near-black pages alike. The underline is a bottom border, not
 * text-decoration: a page rule such as `* { text-decoration: none !important }` cannot reach it
 * (our selector is more specific), and a border spans the ruby words inside without being drawn
 * under their readings. `box-decoration-break: clone` keeps it on every line of a wrapped term.
 */
const TERM_RULES = [
  `${TERM}{display:inline!important;border:0!important;` +
    `border-bottom:2px dotted #d97706!important;background:rgba(245,158,11,0.13)!important;` +
    `border-radius:2px!important;padding:0 0 1px!important;margin:0!important;` +
    `text-decoration:none!important;visibility:visible!important;opacity:1!important;` +
    `font:inherit!important;color:inherit!important;` +
    `-webkit-box-decoration-break:clone!important;box-decoration-break:clone!important}`,
  // Personal terms: the same mark in teal, so the reader's own vocabulary stands apart from the
  // built-in glossary; a built-in term a personal one annotates keeps amber with a teal overline.
  `${TERM}[${TERM_ATTR}^="personal:"]{border-bottom:2px dashed #0d9488!important;` +
    `background:rgba(20,184,166,0.14)!important}`,
  `${TERM}[${PERSONAL_ATTR}]{box-shadow:inset 0 2px 0 rgba(13,148,136,0.8)!important}`,
  // Flashed by the terms panel after scrolling to it; the attribute is removed a moment later.
  `${TERM}[${FLASH_ATTR}]{background:rgba(245,158,11,0.55)!important;` +
    `outline:2px solid #d97706!important;outline-offset:1px!important;` +
    `transition:background-color .2s ease-out!important}`,
];

/** CSS text for the given options. Values are numbers and colours we control, never page data. */
export function pageStyleText(options: PageStyleOptions): string {
  const size = Math.round(options.rubySize);
  const rules = [
    `${WORD}{display:ruby!important;font-size:inherit!important;line-height:normal!important;` +
      `margin:0 0.08em!important;padding:0!important;border:0!important;background:none!important;` +
      `visibility:visible!important;opacity:1!important;text-indent:0!important;letter-spacing:normal!important}`,
    `${READING}{display:ruby-text!important;font-size:${size}%!important;line-height:1.1!important;` +
      `font-style:normal!important;font-weight:normal!important;text-transform:none!important;` +
      `visibility:visible!important;opacity:1!important;color:inherit;user-select:none!important;` +
      `-webkit-user-select:none!important;text-align:center!important;letter-spacing:0!important;` +
      `white-space:nowrap!important;padding:0!important;margin:0!important;border:0!important}`,
    `${READING}::before{content:attr(${READING_ATTR})!important;display:inline!important;` +
      `font-size:inherit!important;visibility:visible!important}`,
  ];
  // Saved words: no reading over a known word, a soft highlight on one being learned. The extra
  // attribute makes these selectors win over the word and reading rules above.
  rules.push(
    `${WORD}[${STUDY_ATTR}="known"]>${READING}{display:none!important}`,
    `${WORD}[${STUDY_ATTR}="learning"]{background:rgba(250,204,21,0.32)!important;` +
      `border-radius:2px!important}`,
  );
  rules.push(...TERM_RULES);
  if (options.toneColors) {
    for (const [tone, color] of Object.entries(options.toneColors)) {
      if (!/^#[0-9a-f]{3,8}$/i.test(color)) continue;
      rules.push(`${READING}[${TONE_ATTR}="${tone}"]{color:${color}!important}`);
    }
  }
  return rules.join('\n');
}

/** Puts the stylesheet into the document (or updates it), marked as ours. */
export function installPageStyle(doc: Document, options: PageStyleOptions): HTMLStyleElement {
  let style = doc.querySelector<HTMLStyleElement>(`style[${TIFA_ATTR}="${MARK.style}"]`);
  if (!style) {
    style = doc.createElement('style');
    style.setAttribute(TIFA_ATTR, MARK.style);
    (doc.head ?? doc.documentElement).append(style);
  }
  style.textContent = pageStyleText(options);
  return style;
}

/**
 * The reader's annotations: a CSS Custom Highlight over a Range, no element in the page. Its rule
 * is a sheet of its own, put in only when a page has annotations to show: a `::highlight()` rule
 * applies to every element, and adding one makes the browser restyle and lay out the whole page
 * (20 to 100 ms on a page of a million characters, against 2 ms for the rest of our sheet).
 */
const HIGHLIGHT_RULE = `::highlight(tifa-annotation){background-color:rgba(250,204,21,0.45);color:inherit}`;

/** Puts the annotation highlight's rule into the document, once. */
export function installHighlightStyle(doc: Document): void {
  if (doc.querySelector(`style[${TIFA_ATTR}="${MARK.highlightStyle}"]`)) return;
  const style = doc.createElement('style');
  style.setAttribute(TIFA_ATTR, MARK.highlightStyle);
  style.textContent = HIGHLIGHT_RULE;
  (doc.head ?? doc.documentElement).append(style);
}

/** Removes our stylesheets. */
export function removePageStyle(doc: Document): void {
  doc.querySelector(`style[${TIFA_ATTR}="${MARK.style}"]`)?.remove();
  doc.querySelector(`style[${TIFA_ATTR}="${MARK.highlightStyle}"]`)?.remove();
}
