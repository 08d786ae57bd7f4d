/**
 * The word popup: one element, created once and reused, inside a shadow root so the page's CSS
 * cannot reach it and its CSS cannot leak out. The root is open: a closed one would hide nothing
 * from the page (it shows the page's own words) but would hide the popup from accessibility
 * tooling and tests. Built with plain DOM calls (every page
 * pays for the reader's size; a UI framework would double it). All text goes in as text nodes.
 */
import type { EntryView, WordMatch } from '../../../utils/dict/lookup';
import type { TermCard } from '../../../utils/glossary/schema';
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
  type PersonalCardTerm,
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
  readonly term?: TermCard | null;
  /** The reader's own entries for this term, shown below the glossary card. */
  readonly personal?: readonly PersonalCardTerm[];
}

const STYLE = `
:host { all: initial; }
.popup { position: fixed; z-index: 2147483647; box-sizing: border-box; max-width: min(420px, 94vw);
  overflow: auto; padding: 10px 12px; border-radius: 8px; font: 14px/1.45 system-ui, sans-serif;
  text-align: left; box-shadow: 0 6px 24px rgba(0,0,0,.28); border: 1px solid var(--border);
  background: var(--bg); color: var(--fg); }
.popup[hidden] { display: none; }
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

export class PopupView {
  private readonly host: HTMLElement;
  private readonly panel: HTMLElement;
  private readonly body: HTMLElement;
  private readonly status: HTMLElement;
  private readonly speakButton: HTMLButtonElement;
  private readonly actions: PopupActions;
  private termCard: HTMLElement | null = null;
  /** The word box the panel was last placed beside, to place it again when the card changes. */
  private lastWord: Box | null = null;

  constructor(doc: Document, actions: PopupActions) {
    this.actions = actions;
    this.panel = doc.createElement('div');
    this.panel.className = 'popup light';
    this.panel.setAttribute('role', 'dialog');
    this.panel.setAttribute('aria-label', 'Dictionary');
    this.panel.hidden = true;
    this.body = doc.createElement('div');
    const bar = doc.createElement('div');
    bar.className = 'actions';
    const save = button(doc, 'Save', 'S', actions.save);
    this.speakButton = button(doc, 'Speak', 'A', actions.speak);
    const copy = button(doc, 'Copy', 'C', actions.copy);
    const close = button(doc, 'Close', 'Esc', actions.close);
    bar.append(save, this.speakButton, copy, close);
    this.status = doc.createElement('div');
    this.status.className = 'status';
    this.status.setAttribute('aria-live', 'polite');
    this.panel.append(this.body, bar, this.status);
    this.host = mountShadowHost(doc, 'tifa-popup', MARK.popup, STYLE, this.panel);
  }

  get visible(): boolean {
    return !this.panel.hidden;
  }

  /** Shows matches next to the word's box. */
  show(content: PopupContent, word: Box): void {
    // Its height limit first: the popup is then laid out once, when place() measures it.
    this.panel.style.maxHeight = `${maxPopupHeight(word, innerHeight)}px`;
    this.panel.className = `popup ${content.theme}`;
    this.termCard = content.term ? renderTermCard(content.term, this.actions.openTerm) : null;
    this.body.replaceChildren(
      ...(this.termCard ? [this.termCard] : []),
      ...(content.personal && content.personal.length > 0
        ? [renderPersonalCard(content.personal)]
        : []),
      ...content.matches
        .slice(0, MAX_MATCHES)
        .map((m, i) => renderMatch(m, i === 0, content.theme)),
    );
    this.speakButton.hidden = !content.canSpeak;
    this.status.textContent = '';
    this.panel.hidden = false;
    this.place(word);
  }

  /** Puts the panel beside the word, within the viewport (its height limit already set).
   * Measuring it forces a layout of the popup in the pointer move's task; the frame then only
   * moves it. */
  private place(word: Box): void {
    this.lastWord = word;
    const viewport = { width: innerWidth, height: innerHeight };
    const size = this.panel.getBoundingClientRect();
    const { left, top } = placePopup(word, size, viewport);
    this.panel.style.left = `${left}px`;
    this.panel.style.top = `${top}px`;
  }

  /** Replaces the glossary card (a related term was opened), leaving the rest as it is. */
  showTerm(card: TermCard): void {
    const next = renderTermCard(card, this.actions.openTerm);
    if (this.termCard?.parentNode) this.termCard.replaceWith(next);
    else this.body.prepend(next);
    this.termCard = next;
    this.status.textContent = '';
    if (this.lastWord) this.place(this.lastWord);
    this.panel.scrollTop = 0;
  }

  /** A short message under the buttons (saved, copied, or what went wrong). */
  setStatus(text: string): void {
    this.status.textContent = text;
  }

  hide(): void {
    this.panel.hidden = true;
  }

  /** Whether an event happened inside the popup (the shadow root retargets it to the host). */
  contains(target: EventTarget | null): boolean {
    return target === this.host;
  }

  destroy(): void {
    this.host.remove();
  }
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
