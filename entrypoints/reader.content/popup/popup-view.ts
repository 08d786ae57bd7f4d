/**
 * The word popup: one element, created once and reused, inside a shadow root so the page's CSS
 * cannot reach it and its CSS cannot leak out. The root is open: a closed one would hide nothing
 * from the page (it shows the page's own words) but would hide the popup from accessibility
 * tooling and tests. Built with plain DOM calls (every page
 * pays for the reader's size; a UI framework would double it). All text goes in as text nodes.
 */
import type { EntryView, WordMatch } from '../../../utils/dict/lookup';
import type { PageTermCard, PersonalTermCard } from '../../../utils/glossary/page-card';
import { TONE_COLORS, type ToneTheme } from '../../../utils/tone-colors';
import { formatCedictPinyin, formatCedictSyllable } from '../../../utils/dict/format-pinyin';
import { MARK } from '../annotate/markers';
import { mountShadowHost } from '../shadow-ui';
import { maxPopupHeight, placePopup, type Box } from './popup-position';
import {
  PERSONAL_CARD_STYLE,
  renderPersonalCard,
  renderTermCard,
  TERM_CARD_STYLE,
} from './term-card-view';

/** Matches shown at once: the longest word and the shorter ones starting there. */
const MAX_MATCHES = 4;

export interface PopupActions {
  readonly save: () => void;
  readonly speak: () => void;
  readonly copy: () => void;
  readonly close: () => void;
  /** Show another term's card (a related term was clicked). */
  readonly openTerm: (id: string) => void;
}

export interface PopupContent {
  readonly matches: readonly WordMatch[];
  readonly theme: ToneTheme;
  readonly canSpeak: boolean;
  /** The glossary card of the term under the pointer, shown above the dictionary senses. */
  readonly term?: PageTermCard | null;
  /** The reader's own entries for this term, shown below the glossary card. */
  readonly personal?: readonly PersonalTermCard[];
}

/**
 * The host covers the viewport, fixed, with `contain: strict` and no pointer events of its own:
 * whatever the popup does inside it is laid out and painted apart from the page (the host is a
 * relayout boundary of a fixed size), so showing, filling or moving the popup never lays out the
 * page. `!important` in `:host` beats any page rule on the host element, even an important one.
 * A staged panel is laid out but not seen (`visibility: hidden`): the next popup is built and
 * measured in it ahead of the frame that shows it (see PopupView.stage); a spare or closed one
 * is `display: none`.
 */
const STYLE = `
:host { all: initial !important; position: fixed !important; inset: 0 !important;
  contain: strict !important; pointer-events: none !important; z-index: 2147483647 !important; }
.popup { position: absolute; left: 0; top: 0; pointer-events: auto; box-sizing: border-box;
  max-width: min(420px, 94vw); overflow: auto; padding: 10px 12px; border-radius: 8px;
  font: 14px/1.45 system-ui, sans-serif; text-align: left; box-shadow: 0 6px 24px rgba(0,0,0,.28);
  border: 1px solid var(--border); background: var(--bg); color: var(--fg); }
.popup[hidden] { display: none; }
.popup.staged { visibility: hidden; }
.light { --bg: #fffdf7; --fg: #1d1d1f; --muted: #5f6368; --border: #d9d4c7; --accent: #0b57d0; }
.dark { --bg: #1f2023; --fg: #ececec; --muted: #b0b0b0; --border: #44464c; --accent: #8ab4f8; }
.match + .match { margin-top: 8px; padding-top: 8px; border-top: 1px solid var(--border); }
.head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px; }
.hanzi { font-size: 22px; font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", sans-serif; }
.trad { font-size: 16px; color: var(--muted); }
.pinyin { font-size: 15px; }
ol { margin: 4px 0 0; padding-left: 20px; }
.note { margin: 4px 0 0; color: var(--muted); font-size: 13px; }
.chars { margin: 6px 0 0; font-size: 13px; color: var(--muted); }
.actions { display: flex; gap: 6px; margin-top: 10px; }
button { all: unset; cursor: pointer; padding: 3px 8px; border-radius: 4px; font-size: 12px;
  border: 1px solid var(--border); color: var(--fg); }
button:focus-visible { outline: 2px solid var(--accent); }
button[hidden] { display: none; }
kbd { font: 11px monospace; color: var(--muted); }
.status { margin-top: 6px; font-size: 12px; color: var(--accent); min-height: 1em; }
${TERM_CARD_STYLE}${PERSONAL_CARD_STYLE}`;

/** One popup panel: its content, buttons and status line. */
interface Panel {
  readonly root: HTMLElement;
  readonly body: HTMLElement;
  readonly status: HTMLElement;
  readonly speakButton: HTMLButtonElement;
  termCard: HTMLElement | null;
  /** The word box the panel was placed beside, to place it again when the card changes. */
  word: Box | null;
}

/**
 * Two panels, one shown and one spare. `stage` builds the next popup in the spare one (hidden
 * but laid out, measured and placed) and `commit` swaps them: the frame that shows a staged
 * popup only flips two attributes, with nothing left to build or lay out. The shown panel alone
 * carries `role="dialog"`.
 */
export class PopupView {
  private readonly host: HTMLElement;
  private front: Panel;
  private back: Panel;
  private staged = false;

  constructor(
    doc: Document,
    private readonly actions: PopupActions,
  ) {
    this.front = buildPanel(doc, actions);
    this.back = buildPanel(doc, actions);
    this.front.root.setAttribute('role', 'dialog');
    this.host = mountShadowHost(
      doc,
      'tifa-popup',
      MARK.popup,
      STYLE,
      this.front.root,
      this.back.root,
    );
  }

  get visible(): boolean {
    return !this.front.root.hidden;
  }

  /** Shows matches next to the word's box. */
  show(content: PopupContent, word: Box): void {
    this.stage(content, word);
    this.commit();
  }

  /**
   * Builds the popup for `content` beside `word` in the spare panel, out of sight, and lays it
   * out (measuring it forces a layout, inside the host only); `commit` shows it. Staging again
   * replaces what was staged.
   */
  stage(content: PopupContent, word: Box): void {
    const panel = this.back;
    // Reads first (the page is laid out already: the word's box was just measured).
    const area = { width: this.host.clientWidth, height: this.host.clientHeight };
    // Its height limit before the content: the panel is then laid out once, when measured.
    panel.root.style.maxHeight = `${maxPopupHeight(word, area.height)}px`;
    panel.root.className = `popup ${content.theme} staged`;
    panel.root.hidden = false;
    panel.termCard = content.term ? renderTermCard(content.term, this.actions.openTerm) : null;
    panel.body.replaceChildren(
      ...(panel.termCard ? [panel.termCard] : []),
      ...(content.personal && content.personal.length > 0
        ? [renderPersonalCard(content.personal)]
        : []),
      ...content.matches
        .slice(0, MAX_MATCHES)
        .map((m, i) => renderMatch(m, i === 0, content.theme)),
    );
    panel.speakButton.hidden = !content.canSpeak;
    panel.status.textContent = '';
    place(panel, word, area);
    this.staged = true;
  }

  /** Shows what `stage` built; false when nothing is staged (it was dropped). */
  commit(): boolean {
    if (!this.staged) return false;
    this.staged = false;
    const shown = this.front;
    const next = this.back;
    // The old panel leaves the layout (its subtree is not restyled); only the new one's
    // inherits its visibility.
    shown.root.hidden = true;
    shown.root.removeAttribute('role');
    next.root.setAttribute('role', 'dialog');
    next.root.classList.remove('staged');
    this.front = next;
    this.back = shown;
    return true;
  }

  /** Replaces the glossary card (a related term was opened), leaving the rest as it is. */
  showTerm(card: PageTermCard): void {
    const panel = this.front;
    const next = renderTermCard(card, this.actions.openTerm);
    if (panel.termCard?.parentNode) panel.termCard.replaceWith(next);
    else panel.body.prepend(next);
    panel.termCard = next;
    panel.status.textContent = '';
    if (panel.word) {
      place(panel, panel.word, { width: this.host.clientWidth, height: this.host.clientHeight });
    }
    panel.root.scrollTop = 0;
  }

  /** A short message under the buttons (saved, copied, or what went wrong). */
  setStatus(text: string): void {
    this.front.status.textContent = text;
  }

  hide(): void {
    this.front.root.hidden = true;
    this.back.root.hidden = true;
    this.staged = false;
  }

  /** Whether an event happened inside the popup (the shadow root retargets it to the host). */
  contains(target: EventTarget | null): boolean {
    return target === this.host;
  }

  destroy(): void {
    this.host.remove();
  }
}

function buildPanel(doc: Document, actions: PopupActions): Panel {
  const root = doc.createElement('div');
  root.className = 'popup light';
  root.setAttribute('aria-label', 'Dictionary');
  root.hidden = true;
  const body = doc.createElement('div');
  const bar = doc.createElement('div');
  bar.className = 'actions';
  const speakButton = button(doc, 'Speak', 'A', actions.speak);
  bar.append(
    button(doc, 'Save', 'S', actions.save),
    speakButton,
    button(doc, 'Copy', 'C', actions.copy),
    button(doc, 'Close', 'Esc', actions.close),
  );
  const status = doc.createElement('div');
  status.className = 'status';
  status.setAttribute('aria-live', 'polite');
  root.append(body, bar, status);
  return { root, body, status, speakButton, termCard: null, word: null };
}

/**
 * Puts the panel beside the word, within `area` (the host's box: the viewport without its
 * scrollbars), its height limit already set. Measuring it forces a layout of the popup, which
 * the host's containment keeps to the popup. The panel is laid out at the area's top left
 * corner, with the whole width to fill (placePopup leaves it that room wherever it goes), and
 * moved by a transform: moving it needs no layout.
 */
function place(panel: Panel, word: Box, area: { width: number; height: number }): void {
  panel.word = word;
  const size = { width: panel.root.offsetWidth, height: panel.root.offsetHeight };
  const { left, top } = placePopup(word, size, area);
  panel.root.style.transform = `translate(${left}px, ${top}px)`;
}

function button(doc: Document, label: string, key: string, onClick: () => void): HTMLButtonElement {
  const element = doc.createElement('button');
  element.type = 'button';
  element.append(`${label} `);
  const kbd = doc.createElement('kbd');
  kbd.textContent = key;
  element.append(kbd);
  element.addEventListener('click', (event) => {
    event.stopPropagation();
    onClick();
  });
  return element;
}

function renderMatch(match: WordMatch, withBreakdown: boolean, theme: ToneTheme): HTMLElement {
  const section = document.createElement('section');
  section.className = 'match';
  for (const entry of match.entries) section.append(renderEntry(entry, theme));
  if (withBreakdown && match.characters.length > 1) {
    const chars = document.createElement('p');
    chars.className = 'chars';
    chars.textContent = match.characters
      .map((c) => `${c.char} ${formatCedictPinyin(c.pinyin)}: ${c.senses.join('; ')}`)
      .join(' · ');
    section.append(chars);
  }
  return section;
}

function renderEntry(entry: EntryView, theme: ToneTheme): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const head = document.createElement('div');
  head.className = 'head';
  const hanzi = span('hanzi', entry.simplified);
  head.append(hanzi);
  if (entry.traditional !== entry.simplified) head.append(span('trad', entry.traditional));
  head.append(renderPinyin(entry.pinyin, theme));
  fragment.append(head);
  const senses = document.createElement('ol');
  for (const sense of entry.senses) {
    const item = document.createElement('li');
    item.textContent = sense;
    senses.append(item);
  }
  fragment.append(senses);
  if (entry.classifiers.length > 0) {
    const note = paragraph(
      `Measure word${entry.classifiers.length > 1 ? 's' : ''}: ` +
        entry.classifiers.map((c) => `${c.simplified} ${formatCedictPinyin(c.pinyin)}`).join(', '),
    );
    fragment.append(note);
  }
  for (const reference of entry.references) {
    if (reference.senses.length === 0) continue;
    fragment.append(
      paragraph(
        `${reference.simplified} ${formatCedictPinyin(reference.pinyin)}: ${reference.senses.join('; ')}`,
      ),
    );
  }
  return fragment;
}

function renderPinyin(pinyin: string, theme: ToneTheme): HTMLElement {
  const element = span('pinyin', '');
  for (const [i, syllable] of pinyin.split(' ').entries()) {
    if (i > 0) element.append(' ');
    const tone = Number(syllable.at(-1));
    const part = span('', formatCedictSyllable(syllable));
    const color = TONE_COLORS[theme][tone as 1 | 2 | 3 | 4 | 5];
    if (color) part.style.color = color;
    element.append(part);
  }
  return element;
}

function span(className: string, text: string): HTMLElement {
  const element = document.createElement('span');
  if (className) element.className = className;
  element.textContent = text;
  return element;
}

function paragraph(text: string): HTMLElement {
  const element = document.createElement('p');
  element.className = 'note';
  element.textContent = text;
  return element;
}
