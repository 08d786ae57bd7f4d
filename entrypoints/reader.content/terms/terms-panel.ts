/**
 * "Terms on this page": a small button, shown once the page has glossary terms, that opens a
 * panel listing every term found with its count; clicking a term scrolls to its next occurrence
 * and flashes it. `T` (no modifier, outside form fields) opens and closes the panel.
 *
 * An in-page panel rather than Chrome's side panel: it works the same in Firefox and Chrome,
 * needs no extra permission, and sits in the frame whose text it scrolls (a side panel is an
 * extension page that would have to message each frame's reader for every count and click).
 *
 * Like the word popup it lives in an open shadow root on <html>, outside <body>, so the page's
 * CSS cannot reach it and the page's body stays its own. Built with plain DOM; text as text nodes.
 */
import { runWhenIdle, type Cancel } from '../annotate/schedule';
import { FLASH_ATTR, MARK, TERM_ATTR, TIFA_ATTR } from '../annotate/markers';
import { themeAt } from '../popup/page-theme';
import type { ToneTheme } from '../../../utils/tone-colors';
import { mountShadowHost } from '../shadow-ui';
import type { PageAnnotation } from '../annotations/annotation-controller';
import { countTerms, nextOccurrence, type TermCount } from './count-terms';
import type { TermName } from './term-cards';

/** Where the panel gets the names of the page's terms (terms/term-cards.ts). */
export interface TermNames {
  /** A term's name; null when no one knows the id, undefined while it is being asked for. */
  nameOf(id: string): TermName | null | undefined;
  /** Resolves once the ids have been answered (or their request failed). */
  whenNamed(ids: readonly string[]): Promise<void>;
}

const NO_NAMES: TermNames = { nameOf: () => null, whenNamed: () => Promise.resolve() };

/** The key that opens and closes the panel. */
export const TERMS_PANEL_KEY = 't';

/** How long an occurrence stays highlighted after the panel scrolled to it. */
const FLASH_MS = 1500;

/** While the panel is open and annotation draws more terms, recount at most this often. */
const RECOUNT_MS = 400;

/** Frames smaller than this (ads, widgets) get no button: it would cover what little they show. */
const MIN_FRAME = { width: 400, height: 300 } as const;

const TERM_SELECTOR = `span[${TIFA_ATTR}="${MARK.term}"][${TERM_ATTR}]`;

const STYLE = `
:host { all: initial; }
.toggle { all: unset; position: fixed; right: 14px; bottom: 14px; z-index: 2147483646;
  box-sizing: border-box; padding: 4px 10px; border-radius: 999px; cursor: pointer;
  font: 12px/1.4 system-ui, sans-serif; background: var(--bg); color: var(--fg);
  border: 1px solid var(--border); box-shadow: 0 2px 8px rgba(0,0,0,.18); opacity: .8; }
.toggle:hover, .toggle:focus-visible { opacity: 1; }
.toggle:focus-visible, button:focus-visible { outline: 2px solid var(--accent); }
.toggle[hidden], .panel[hidden] { display: none; }
.toggle .mark { display: inline-block; width: 14px; border-bottom: 2px dotted #d97706;
  margin-right: 6px; vertical-align: middle; }
.panel { position: fixed; right: 14px; bottom: 50px; z-index: 2147483646; box-sizing: border-box;
  width: min(340px, 92vw); max-height: min(70vh, 560px); display: flex; flex-direction: column;
  border-radius: 8px; border: 1px solid var(--border); background: var(--bg); color: var(--fg);
  box-shadow: 0 6px 24px rgba(0,0,0,.28); font: 13px/1.4 system-ui, sans-serif; text-align: left; }
.light { --bg: #fffdf7; --fg: #1d1d1f; --muted: #5f6368; --border: #d9d4c7; --accent: #0b57d0;
  --hover: #f3ead6; }
.dark { --bg: #1f2023; --fg: #ececec; --muted: #b0b0b0; --border: #44464c; --accent: #8ab4f8;
  --hover: #2d2e33; }
header { display: flex; align-items: center; justify-content: space-between; gap: 8px;
  padding: 8px 10px 6px 12px; border-bottom: 1px solid var(--border); }
h2 { all: unset; font-weight: 600; font-size: 14px; }
.close { all: unset; cursor: pointer; padding: 0 6px; font-size: 16px; color: var(--muted); }
ol { list-style: none; margin: 0; padding: 4px 0; overflow: auto; }
li button { all: unset; box-sizing: border-box; width: 100%; cursor: pointer; display: grid;
  grid-template-columns: 1fr auto; gap: 0 8px; padding: 4px 12px; }
li button:hover, li button:focus-visible { background: var(--hover); }
.hanzi { font-size: 15px; font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", sans-serif; }
.english { grid-column: 1; color: var(--muted); font-size: 12px; overflow: hidden;
  text-overflow: ellipsis; white-space: nowrap; }
.count { grid-row: 1 / span 2; grid-column: 2; align-self: center; font-variant-numeric: tabular-nums;
  color: var(--muted); }
.notes { border-top: 1px solid var(--border); overflow: auto; max-height: 40%; }
.notes[hidden] { display: none; }
h3 { all: unset; display: block; font-weight: 600; font-size: 13px; padding: 6px 12px 0; }
.orphaned { cursor: default; opacity: .75; }
.orphan { grid-column: 1; color: #b45309; font-size: 11px; }
footer { padding: 6px 12px; border-top: 1px solid var(--border); color: var(--muted); font-size: 11px; }
kbd { font: 11px monospace; }
`;

export class TermsPanel {
  private host: HTMLElement | null = null;
  /**
   * The page's theme, read when the reader starts: later, the first read of a computed style
   * would make the browser restyle everything annotated so far inside our slice (20 to 40 ms on
   * a long page), where the next frame does it anyway.
   */
  private theme: ToneTheme | null = null;
  private toggle: HTMLButtonElement | null = null;
  private panel: HTMLElement | null = null;
  private list: HTMLElement | null = null;
  private notes: HTMLElement | null = null;
  /** The page's annotations (annotations/annotation-controller.ts), anchored or orphaned. */
  private annotations: readonly PageAnnotation[] = [];
  /** Counts as annotation reported them; recounted from the page when the panel opens. */
  private readonly reported = new Map<string, number>();
  private counts: TermCount[] = [];
  /** The occurrence of each term shown last, so the next click moves on to the next one. */
  private readonly cursor = new Map<string, number>();
  private recountTimer = 0;
  /** A pending update of the button's count (cancels it). */
  private toggleUpdate: Cancel | null = null;
  private flashed: { element: Element; timer: number } | null = null;

  /** `names` names the page's terms: the glossary's and the reader's own (`personal:<id>`). */
  constructor(
    private readonly doc: Document,
    private readonly names: TermNames = NO_NAMES,
  ) {}

  /** Listens for the panel key. The button appears once terms are reported. */
  start(): void {
    this.doc.addEventListener('keydown', this.onKeyDown);
    this.theme = this.doc.body ? themeAt(this.doc.body) : 'light';
  }

  /** Removes the button, the panel, the flash and the listeners. */
  stop(): void {
    this.doc.removeEventListener('keydown', this.onKeyDown);
    clearTimeout(this.recountTimer);
    this.recountTimer = 0;
    this.toggleUpdate?.();
    this.toggleUpdate = null;
    this.unflash();
    this.host?.remove();
    this.host = null;
    this.toggle = null;
    this.panel = null;
    this.list = null;
    this.notes = null;
    this.reported.clear();
    this.cursor.clear();
  }

  /** Annotation marked these terms (ids, repeated per occurrence). The button's count follows
   * when the page is idle: building it (a shadow root, its styles) is not worth delaying the
   * drawing of the page's text, which reports terms slice after slice. */
  addTerms(ids: readonly string[]): void {
    for (const id of ids) this.reported.set(id, (this.reported.get(id) ?? 0) + 1);
    if (this.isOpen()) this.recountSoon();
    else this.updateToggleWhenIdle();
  }

  private updateToggleWhenIdle(): void {
    if (this.toggleUpdate) return;
    this.toggleUpdate = runWhenIdle(() => {
      this.toggleUpdate = null;
      if (!this.isOpen()) this.updateToggle(this.reported.size);
    });
  }

  /** Lists the page's annotations below its terms; an orphaned one says so. */
  setAnnotations(annotations: readonly PageAnnotation[]): void {
    this.annotations = annotations;
    if (annotations.length === 0 && !this.host) return;
    this.renderAnnotations();
    this.updateToggle(this.reported.size);
  }

  private renderAnnotations(): void {
    const { notes } = this.ensureHost();
    notes.hidden = this.annotations.length === 0;
    const heading = this.doc.createElement('h3');
    heading.textContent = `Annotations (${this.annotations.length})`;
    const list = this.doc.createElement('ol');
    for (const annotation of this.annotations) {
      const item = this.doc.createElement('li');
      const button = this.doc.createElement('button');
      button.type = 'button';
      button.className = annotation.reveal ? 'annotation' : 'annotation orphaned';
      button.append(
        span(this.doc, 'hanzi', annotation.quote),
        span(this.doc, 'english', annotation.note || annotation.tags.join(', ')),
      );
      if (annotation.reveal) {
        button.title = 'Scroll to the passage';
        const reveal = annotation.reveal;
        button.addEventListener('click', reveal);
      } else {
        button.append(span(this.doc, 'orphan', 'Orphaned: the passage is no longer on the page'));
        button.disabled = true;
      }
      item.append(button);
      list.append(item);
    }
    notes.replaceChildren(heading, list);
  }

  /** Opens or closes the panel. */
  setOpen(open: boolean): void {
    if (open === this.isOpen()) return;
    if (open) {
      this.recount();
      if (this.counts.length === 0 && this.annotations.length === 0) return;
    }
    const panel = this.ensureHost().panel;
    panel.hidden = !open;
    this.toggle?.setAttribute('aria-expanded', String(open));
    if (open) this.list?.querySelector('button')?.focus({ preventScroll: true });
  }

  private isOpen(): boolean {
    return this.panel !== null && !this.panel.hidden;
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey)
      return;
    const key = event.key.toLowerCase();
    if (key === 'escape' && this.isOpen()) {
      this.setOpen(false);
      return;
    }
    if (key !== TERMS_PANEL_KEY || isEditable(event.composedPath()[0] ?? event.target)) return;
    if (this.reported.size === 0 && this.annotations.length === 0 && !this.isOpen()) return;
    event.preventDefault();
    this.setOpen(!this.isOpen());
  };

  private recountSoon(): void {
    if (this.recountTimer) return;
    this.recountTimer = window.setTimeout(() => {
      this.recountTimer = 0;
      this.recount();
    }, RECOUNT_MS);
  }

  /** Counts the term marks on the page (the page may have removed some) and redraws the list. */
  private recount(): void {
    const ids: string[] = [];
    for (const mark of this.doc.querySelectorAll(TERM_SELECTOR)) {
      const id = mark.getAttribute(TERM_ATTR);
      if (id) ids.push(id);
    }
    this.counts = countTerms(ids);
    this.updateToggle(this.counts.length);
    if (this.counts.length === 0) {
      if (this.panel) this.panel.hidden = true;
      return;
    }
    this.renderList();
  }

  private updateToggle(distinct: number): void {
    const notes = this.annotations.length;
    if (distinct === 0 && notes === 0 && !this.host) return;
    const fits =
      window === window.top || (innerWidth >= MIN_FRAME.width && innerHeight >= MIN_FRAME.height);
    const { toggle } = this.ensureHost();
    toggle.hidden = (distinct === 0 && notes === 0) || !fits;
    const label = toggle.querySelector('.label');
    if (label)
      label.textContent = notes > 0 ? `Terms ${distinct} · Notes ${notes}` : `Terms ${distinct}`;
    toggle.setAttribute('aria-label', `Terms on this page: ${distinct}`);
  }

  private renderList(): void {
    const list = this.ensureHost().list;
    const unnamed: string[] = [];
    const rows = this.counts.map(({ id, count }) => {
      const name = this.names.nameOf(id);
      if (name === undefined) unnamed.push(id);
      const item = this.doc.createElement('li');
      const button = this.doc.createElement('button');
      button.type = 'button';
      button.dataset.termId = id;
      button.append(
        // An unknown id is listed as itself; a name still on its way, blank for a moment.
        span(this.doc, 'hanzi', name ? name.simplified : name === null ? id : ''),
        span(this.doc, 'count', String(count)),
        span(this.doc, 'english', name?.english ?? ''),
      );
      button.title = 'Scroll to the next occurrence';
      button.addEventListener('click', () => this.showNext(id, button));
      item.append(button);
      return item;
    });
    list.replaceChildren(...rows);
    // Names are asked for as terms are drawn, so this is rare; drawn again once some arrived
    // (not when all failed: that would ask again and again).
    if (unnamed.length > 0)
      void this.names.whenNamed(unnamed).then(() => {
        if (this.isOpen() && unnamed.some((id) => this.names.nameOf(id) !== undefined))
          this.renderList();
      });
  }

  /** Scrolls to the next visible occurrence of a term and flashes it. */
  private showNext(id: string, button: HTMLElement): void {
    const marks = [...this.doc.querySelectorAll(TERM_SELECTOR)].filter(
      (mark) => mark.getAttribute(TERM_ATTR) === id,
    );
    let index = this.cursor.get(id) ?? -1;
    // Skip occurrences that are not rendered (collapsed menus, hidden tabs).
    for (let tries = 0; tries < marks.length; tries++) {
      index = nextOccurrence(index, marks.length);
      const mark = marks[index];
      if (!mark || mark.getClientRects().length === 0) continue;
      this.cursor.set(id, index);
      const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
      mark.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
      this.flash(mark);
      const count = button.querySelector('.count');
      if (count) count.textContent = `${index + 1} / ${marks.length}`;
      return;
    }
  }

  private flash(mark: Element): void {
    this.unflash();
    mark.setAttribute(FLASH_ATTR, '');
    const timer = window.setTimeout(() => this.unflash(), FLASH_MS);
    this.flashed = { element: mark, timer };
  }

  private unflash(): void {
    if (!this.flashed) return;
    clearTimeout(this.flashed.timer);
    this.flashed.element.removeAttribute(FLASH_ATTR);
    this.flashed = null;
  }

  private ensureHost(): {
    toggle: HTMLButtonElement;
    panel: HTMLElement;
    list: HTMLElement;
    notes: HTMLElement;
  } {
    if (this.host && this.toggle && this.panel && this.list && this.notes) {
      return { toggle: this.toggle, panel: this.panel, list: this.list, notes: this.notes };
    }
    const doc = this.doc;
    const theme = this.theme ?? (doc.body ? themeAt(doc.body) : 'light');

    const toggle = doc.createElement('button');
    toggle.type = 'button';
    toggle.className = `toggle ${theme}`;
    toggle.hidden = true;
    toggle.title = 'Terms on this page (T)';
    toggle.setAttribute('aria-expanded', 'false');
    toggle.append(span(doc, 'mark', ''), span(doc, 'label', 'Terms'));
    toggle.addEventListener('click', () => this.setOpen(!this.isOpen()));

    const panel = doc.createElement('section');
    panel.className = `panel ${theme}`;
    panel.hidden = true;
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', 'Terms on this page');
    const header = doc.createElement('header');
    const heading = doc.createElement('h2');
    heading.textContent = 'Terms on this page';
    const close = doc.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.textContent = '×';
    close.setAttribute('aria-label', 'Close');
    close.addEventListener('click', () => this.setOpen(false));
    header.append(heading, close);
    const list = doc.createElement('ol');
    const footer = doc.createElement('footer');
    const kbd = doc.createElement('kbd');
    kbd.textContent = 'T';
    footer.append('Click a term to go to each occurrence in turn. ', kbd, ' opens and closes.');
    const notes = doc.createElement('div');
    notes.className = 'notes';
    notes.hidden = true;
    panel.append(header, list, notes, footer);

    this.host = mountShadowHost(doc, 'tifa-terms', MARK.termsPanel, STYLE, toggle, panel);
    this.toggle = toggle;
    this.panel = panel;
    this.list = list;
    this.notes = notes;
    return { toggle, panel, list, notes };
  }
}

function span(doc: Document, className: string, text: string): HTMLElement {
  const element = doc.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

/** Form fields and editors, where T is typing, not a command. */
function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}
