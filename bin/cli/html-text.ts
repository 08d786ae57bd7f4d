/**
 * An HTML file reduced to its readable text for `tifa track`, without a DOM: a small tokenizer
 * that drops comments, scripts, styles and ruby annotations, ends a line at every block element,
 * decodes character references and reads the few head fields a citation needs (title, canonical
 * URL, site name). The text is only ever matched and quoted as text, never rendered.
 */

/** What `tifa track` takes from an HTML file. */
export interface HtmlText {
  /** One paragraph per line. */
  readonly text: string;
  readonly title: string;
  /** `<link rel="canonical">` or `og:url`, when it is an http(s) address. */
  readonly url: string;
  /** `og:site_name`. */
  readonly siteName: string;
}

/** Elements whose content is never text: code, styles, embedded documents, readings over
 * characters (`<rt>` pinyin would split the words it annotates). */
const SKIPPED = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'svg',
  'math',
  'iframe',
  'object',
  'textarea',
  'select',
  'rt',
  'rp',
]);

/** Elements that start and end a line of text. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/** Marks a block boundary while the text is collected (NUL is never text in HTML). */
const BREAK = '\u0000';

/** Comments, doctype and processing instructions, CDATA, or a tag with its attributes (quoted
 * values may hold `>`). */
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[!?][^>]*>?|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

const ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Reduces an HTML document to text and its citation fields. */
export function htmlToText(html: string): HtmlText {
  const parts: string[] = [];
  let title = '';
  let url = '';
  let siteName = '';
  let inTitle = false;
  let titleText = '';
  let at = 0;
  const addText = (raw: string): void => {
    if (inTitle) titleText += raw;
    else parts.push(raw.replaceAll(BREAK, ''));
  };
  const token = new RegExp(TOKEN.source, 'g');
  for (let match = token.exec(html); match !== null; match = token.exec(html)) {
    addText(html.slice(at, match.index));
    at = token.lastIndex;
    const name = match[2]?.toLowerCase();
    if (name === undefined) continue; // comment, doctype, CDATA
    const closing = match[1] === '/';
    if (name === 'title') {
      if (!closing && !title) {
        inTitle = true;
        titleText = '';
      } else if (closing && inTitle) {
        inTitle = false;
        title = collapse(decodeEntities(titleText));
      }
      continue;
    }
    if (!closing && SKIPPED.has(name) && !/\/\s*$/.test(match[3] ?? '')) {
      // Jump to the element's end tag without reading what is inside: a script's `"<a href='"`
      // is not markup. No end tag: the rest of the file is skipped.
      const end = new RegExp(`</${name}\\b[^>]*>`, 'gi');
      end.lastIndex = token.lastIndex;
      const found = end.exec(html);
      at = token.lastIndex = found ? end.lastIndex : html.length;
      continue;
    }
    if (!closing && (name === 'meta' || name === 'link')) {
      const attributes = readAttributes(match[3] ?? '');
      const property = (attributes.get('property') ?? attributes.get('name') ?? '').toLowerCase();
      const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
      if (name === 'meta' && property === 'og:site_name')
        siteName ||= attributes.get('content') ?? '';
      if (name === 'meta' && property === 'og:url' && !url)
        url = httpUrl(attributes.get('content'));
      if (name === 'link' && rel.includes('canonical'))
        url = httpUrl(attributes.get('href')) || url;
      continue;
    }
    if (BLOCKS.has(name)) parts.push(BREAK);
  }
  addText(html.slice(at));
  // Source line breaks are white space like any other; only block elements end a line.
  const text = decodeEntities(parts.join('')).split(BREAK).map(collapse).filter(Boolean).join('\n');
  return { text, title, url, siteName: collapse(siteName) };
}

function readAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const m of source.matchAll(ATTRIBUTE)) {
    const key = m[1]?.toLowerCase();
    if (key && !attributes.has(key))
      attributes.set(key, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attributes;
}

function httpUrl(value: string | undefined): string {
  const trimmed = value?.trim() ?? '';
  return /^https?:\/\//i.test(trimmed) ? trimmed : '';
}

/**
 * HTML's white space as a reader sees it: runs become one space, and a line break between two
 * Chinese characters disappears (CSS Text's segment break rule), so a word wrapped in the source
 * stays one word for the matcher.
 */
function collapse(text: string): string {
  return text
    .replace(/(\p{Script=Han})[ \t\r\n\f]*[\r\n][ \t\r\n\f]*(?=\p{Script=Han})/gu, '$1')
    .replace(/[ \t\r\n\f\u00a0]+/g, ' ')
    .trim();
}

/** The named references news pages use; any other name is left as written. */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
  times: '×',
  divide: '÷',
  deg: '°',
  yen: '¥',
  euro: '€',
  shy: '',
  zwj: '\u200d',
  zwnj: '\u200c',
};

/** Decodes `&amp;`, `&#20013;` and `&#x4E2D;`; invalid code points become U+FFFD. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));?/g,
    (all, dec, hex, name) => {
      if (name !== undefined) return NAMED[name as string] ?? all;
      const code = dec !== undefined ? Number(dec) : parseInt(hex as string, 16);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : '\ufffd';
    },
  );
}
