/**
 * Turning analysed text into the nodes that replace a text node: words become <ruby> with one
 * reading per character, other text stays text. Everything is built with createElement and text
 * nodes; page text never passes through an HTML parser.
 */
import type { DrawnToken } from '../../../utils/zh/packed-analysis';
import {
  MARK,
  PERSONAL_ATTR,
  READING_ATTR,
  STUDY_ATTR,
  TERM_ATTR,
  TIFA_ATTR,
  TONE_ATTR,
} from './markers';
import { groupTokensByTerms, type Span } from './term-runs';

export interface RenderOptions {
  /** Draw readings above words (as the background wrote them); false leaves converted text
   * only. Readings carry their tone (for tone colours) when the background sent tones. */
  readonly pinyin: boolean;
  /** Saved words by simplified form, to mark known and learning words; null for no marks. */
  readonly study?: StudyWords | null;
}

export interface StudyWords {
  readonly known: ReadonlySet<string>;
  readonly learning: ReadonlySet<string>;
}

/** A glossary term found in the text node: its id and its span of the ORIGINAL text. */
export interface TermSpan extends Span {
  readonly id: string;
  /** A personal term's hit id annotating this built-in term (its card shows both). */
  readonly personal?: string;
}

/**
 * The nodes showing `tokens` (of one text node): ruby for words when pinyin is on, text nodes
 * otherwise, and the tokens of each glossary term wrapped in one marked <span>. Adjacent plain
 * text is merged so the page gets as few new nodes as possible.
 */
export function renderTokens(
  tokens: readonly DrawnToken[],
  options: RenderOptions,
  terms: readonly TermSpan[] = [],
): Node[] {
  if (terms.length === 0) return renderRun(tokens, options);
  const nodes: Node[] = [];
  // Rare: only when a personal term annotates a built-in one in this text node.
  const annotated = terms.some((t) => t.personal);
  for (const run of groupTokensByTerms(tokens, terms)) {
    const inner = renderRun(tokens.slice(run.from, run.to), options);
    if (run.termId === null || inner.length === 0) {
      nodes.push(...inner);
      continue;
    }
    const wrapper = document.createElement('span');
    wrapper.setAttribute(TIFA_ATTR, MARK.term);
    wrapper.setAttribute(TERM_ATTR, run.termId);
    const personal = annotated ? personalOf(terms, tokens, run.from, run.to) : undefined;
    if (personal) wrapper.setAttribute(PERSONAL_ATTR, personal);
    wrapper.append(...inner);
    nodes.push(wrapper);
  }
  return nodes;
}

/** The personal hit id on the term hit that tokens [from, to) show. */
function personalOf(
  terms: readonly TermSpan[],
  tokens: readonly DrawnToken[],
  from: number,
  to: number,
): string | undefined {
  const start = tokens[from]?.start ?? 0;
  const end = tokens[to - 1]?.end ?? 0;
  return terms.find((t) => t.personal && t.start < end && start < t.end)?.personal;
}

function renderRun(tokens: readonly DrawnToken[], options: RenderOptions): Node[] {
  const nodes: Node[] = [];
  let pendingText = '';
  const flushText = () => {
    if (pendingText) nodes.push(document.createTextNode(pendingText));
    pendingText = '';
  };
  for (const token of tokens) {
    if (token.kind !== 'word' || !options.pinyin) {
      pendingText += token.display;
      continue;
    }
    flushText();
    const ruby = renderWord(token);
    const study = options.study;
    if (study?.known.has(token.simplified)) ruby.setAttribute(STUDY_ATTR, 'known');
    else if (study?.learning.has(token.simplified)) ruby.setAttribute(STUDY_ATTR, 'learning');
    nodes.push(ruby);
  }
  flushText();
  return nodes;
}

/**
 * Our marked <ruby> and <rt>, copied for each word and reading: a shallow clone brings the
 * marker attribute along in one native call, where createElement plus setAttribute cost the
 * sample article a third more script time (thousands of elements). Per frame, as `document` is.
 */
let prototypes: { ruby: HTMLElement; rt: HTMLElement } | null = null;

function elementPrototypes(): { ruby: HTMLElement; rt: HTMLElement } {
  if (prototypes?.ruby.ownerDocument !== document) {
    const ruby = document.createElement('ruby');
    ruby.setAttribute(TIFA_ATTR, MARK.word);
    const rt = document.createElement('rt');
    rt.setAttribute(TIFA_ATTR, MARK.reading);
    prototypes = { ruby, rt };
  }
  return prototypes;
}

function renderWord(token: DrawnToken): HTMLElement {
  const proto = elementPrototypes();
  const ruby = proto.ruby.cloneNode(false) as HTMLElement;
  const { display, ruby: columns, tones } = token;
  if (columns.length === codePointCount(display)) {
    // One column per character; characters without a reading (punctuation inside a word)
    // still get an empty <rt>, so each base keeps its own column.
    let at = 0;
    columns.forEach((reading, i) => {
      const next = at + ((display.codePointAt(at) ?? 0) > 0xffff ? 2 : 1);
      ruby.appendChild(document.createTextNode(display.slice(at, next)));
      ruby.appendChild(readingElement(proto.rt, reading, tones.charAt(i)));
      at = next;
    });
  } else {
    // The display changed length (a vocabulary conversion): one reading over the whole word.
    ruby.appendChild(document.createTextNode(display));
    ruby.appendChild(readingElement(proto.rt, columns.join(' '), ''));
  }
  return ruby;
}

function codePointCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      count--;
      i++;
    }
  }
  return count;
}

function readingElement(proto: HTMLElement, reading: string, tone: string): Node {
  const rt = proto.cloneNode(false) as HTMLElement;
  // The reading lives in an attribute shown by CSS `content:`: generated content is never part
  // of a selection, so copying annotated text yields the Chinese text only.
  rt.setAttribute(READING_ATTR, reading);
  if (tone !== '' && tone !== '0') rt.setAttribute(TONE_ATTR, tone);
  return rt;
}
