/**
 * Annotations on the page: select text, then "Annotate" (a button beside the selection, Alt+A,
 * the context menu's "Annotate selection" or the extension's keyboard shortcut, both relayed by
 * the background as an `openAnnotator` tab message) to save a note and tags with the quote; on
 * every visit the page's annotations are anchored again by quote
 * (utils/annotations/quote-selector.ts, in the background: it matches across scripts with the
 * conversion tables, which the page does not load) and highlighted.
 *
 * Highlights use the CSS Custom Highlight API over DOM Ranges rather than <mark> wrappers: the
 * page's DOM is never changed for them, so switching the reader off restores it exactly and the
 * annotator's own replacements are never split. Annotations that cannot be anchored are listed
 * as orphaned, never dropped.
 */
import {
  createQuoteSelector,
  type QuoteSelector,
  type TextSpan,
} from '../../../utils/annotations/quote-capture';
import type { AnnotationRecord } from '../../../utils/db/schema';
import {
  ANNOTATION_LIMITS,
  FIELD_LIMITS,
  STUDY_LIMITS,
  TRACKER_LIMITS,
} from '../../../utils/limits';
import { parseTabMessage } from '../../../utils/tab-messages';
import { sendToBackground } from '../../../utils/send-message';
import { browser } from 'wxt/browser';
import { siteKey } from '../../../utils/site-key';
import { MARK } from '../annotate/markers';
import { installHighlightStyle } from '../annotate/page-style';
import { formButtons, mountShadowHost } from '../shadow-ui';
import { collectPageText, offsetAt, rangeOf, type PageText } from './page-text';

/** Name of the CSS highlight (styled in page-style.ts). */
const HIGHLIGHT = 'tifa-annotation';

/** One annotation as the terms panel lists it. */
export interface PageAnnotation {
  readonly quote: string;
  readonly note: string;
  readonly tags: readonly string[];
  /** Scrolls to the passage; absent for an orphaned annotation. */
  readonly reveal?: () => void;
}

const STYLE = `
:host { all: initial; }
.button, form { position: fixed; z-index: 2147483647; font: 13px/1.4 system-ui, sans-serif;
  background: #fffdf7; color: #1d1d1f; border: 1px solid #d9d4c7; border-radius: 6px;
  box-shadow: 0 4px 16px rgba(0,0,0,.25); }
.button { all: unset; position: fixed; z-index: 2147483647; cursor: pointer; padding: 2px 8px;
  font: 12px/1.4 system-ui, sans-serif; background: #fffdf7; color: #1d1d1f;
  border: 1px solid #d9d4c7; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.2); }
.button[hidden], form[hidden] { display: none; }
form { padding: 8px; width: min(320px, 90vw); display: grid; gap: 6px; }
textarea, input { font: inherit; box-sizing: border-box; width: 100%; }
textarea { min-height: 60px; }
.quote { color: #5f6368; font-size: 12px; max-height: 3em; overflow: hidden; }
.row { display: flex; gap: 6px; justify-content: flex-end; }
`;

export class AnnotationController {
  private host: HTMLElement | null = null;
  private button: HTMLButtonElement | null = null;
  private form: HTMLFormElement | null = null;
  private pending: QuoteSelector | null = null;
  private records: AnnotationRecord[] = [];
  private loaded = false;
  private stopped = false;
  /** Counts anchoring passes: an answer for an older pass than the last is dropped. */
  private anchoring = 0;

  constructor(
    private readonly doc: Document,
    private readonly onList: (annotations: readonly PageAnnotation[]) => void,
  ) {}

  /** Fetches the page's annotations and starts listening for selections. */
  start(): void {
    this.doc.addEventListener('mouseup', this.onMouseUp);
    this.doc.addEventListener('keydown', this.onKeyDown, true);
    browser.runtime.onMessage.addListener(this.onTabMessage);
    sendToBackground('listAnnotations', { url: pageUrl() })
      .then(({ annotations }) => {
        if (this.stopped) return;
        this.records = annotations;
        this.loaded = true;
        this.anchor();
      })
      .catch((error: unknown) => {
        console.warn(
          'tifa: annotations unavailable:',
          error instanceof Error ? error.message : error,
        );
      });
  }

  stop(): void {
    this.stopped = true;
    this.doc.removeEventListener('mouseup', this.onMouseUp);
    this.doc.removeEventListener('keydown', this.onKeyDown, true);
    browser.runtime.onMessage.removeListener(this.onTabMessage);
    highlights()?.delete(HIGHLIGHT);
    this.host?.remove();
    this.host = null;
  }

  /** Anchors every annotation in the page's current text and highlights them (after each
   * annotation pass: the annotator replaces text nodes, which would leave old ranges empty).
   * `retries`: passes to start again if the page replaces text while the background anchors. */
  anchor(retries = 1): void {
    if (!this.loaded || this.stopped || !this.doc.body) return;
    // Most pages have no annotations: no walk over their text at all.
    if (this.records.length === 0) return;
    const page = collectPageText(this.doc.body);
    // Too long to send: neither highlighted nor reported orphaned.
    if (page.text.length > ANNOTATION_LIMITS.pageChars) return;
    const pass = ++this.anchoring;
    const records = this.records.slice(0, ANNOTATION_LIMITS.perPage);
    const selectors = records.map(({ exact, prefix, suffix, position }) => ({
      exact,
      prefix,
      suffix,
      position,
    }));
    sendToBackground('anchorQuotes', { text: page.text, selectors })
      .then(({ spans }) => {
        // A newer pass (the page was drawn again meanwhile) anchors in the newer text.
        if (pass !== this.anchoring || this.stopped) return;
        // The page replaced some of its text meanwhile: anchor in the new text (once; a page
        // that never stops changing gets what was found, its ranges in what is still there).
        if (retries > 0 && page.nodes.some(({ node }) => !node.isConnected)) {
          this.anchor(retries - 1);
          return;
        }
        this.highlight(page, records, spans);
      })
      .catch((error: unknown) => {
        console.warn(
          'tifa: annotations not anchored:',
          error instanceof Error ? error.message : error,
        );
      });
  }

  /** Highlights the annotations found, lists them all, and reports changes of state. */
  private highlight(
    page: PageText,
    records: readonly AnnotationRecord[],
    spans: readonly (TextSpan | null)[],
  ): void {
    const ranges: Range[] = [];
    const anchored: number[] = [];
    const orphaned: number[] = [];
    const listed: PageAnnotation[] = records.map((record, i) => {
      const span = spans[i];
      const range = span && rangeOf(page, span.start, span.end);
      const item = { quote: record.exact, note: record.note, tags: record.tags };
      // Only changes of state are reported: most visits write nothing.
      if (record.id !== undefined && !range !== (record.orphaned === true)) {
        (range ? anchored : orphaned).push(record.id);
        record.orphaned = !range;
      }
      if (!range) return item;
      ranges.push(range);
      return {
        ...item,
        reveal: () => {
          const target = range.startContainer.parentElement;
          target?.scrollIntoView({ block: 'center' });
        },
      };
    });
    const registry = highlights();
    if (registry && typeof Highlight !== 'undefined') {
      if (ranges.length > 0) {
        installHighlightStyle(this.doc);
        registry.set(HIGHLIGHT, new Highlight(...ranges));
      } else registry.delete(HIGHLIGHT);
    }
    this.onList(listed);
    if (anchored.length + orphaned.length > 0) this.reportAnchoring(anchored, orphaned);
  }

  /** Tells the background which annotations were (not) found, so the review page can list the
   * orphans as such. */
  private reportAnchoring(anchored: number[], orphaned: number[]): void {
    sendToBackground('reportAnchoring', { url: pageUrl(), anchored, orphaned }).catch(
      (error: unknown) => {
        console.warn(
          'tifa: annotation state not recorded:',
          error instanceof Error ? error.message : error,
        );
      },
    );
  }

  /** "Annotate" from the context menu or the keyboard shortcut (relayed by the background). */
  private readonly onTabMessage = (message: unknown, sender: { id?: string }): undefined => {
    if (sender.id !== browser.runtime.id) return;
    const request = parseTabMessage(message);
    if (request?.type !== 'openAnnotator') return;
    // The shortcut goes to every frame of the tab: the focused one with a selection answers.
    if (request.payload.from === 'shortcut' && !this.doc.hasFocus()) return;
    this.annotateSelection();
  };

  /** Opens the editor on the current selection, if there is page text selected. */
  private annotateSelection(): boolean {
    const selector = this.selectionSelector();
    if (!selector) return false;
    this.pending = selector;
    const { button } = this.ensureHost();
    this.placeNearSelection(button);
    this.openForm();
    return true;
  }

  /** Puts `element` (fixed position) just above the end of the selection. */
  private placeNearSelection(element: HTMLElement): void {
    const rect = this.doc.getSelection()?.getRangeAt(0).getBoundingClientRect();
    element.style.left = `${Math.max(Math.min((rect?.right ?? 0) + 4, innerWidth - 90), 4)}px`;
    element.style.top = `${Math.max((rect?.top ?? 0) - 28, 4)}px`;
  }

  private readonly onMouseUp = (event: MouseEvent): void => {
    if (this.host && event.composedPath().includes(this.host)) return;
    // After the browser has updated the selection.
    setTimeout(() => this.offerButton(), 0);
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.code !== 'KeyA') return;
    if (!this.annotateSelection()) return;
    event.preventDefault();
    event.stopPropagation();
  };

  /** The selector of the current selection, if it is page text we may annotate. */
  private selectionSelector(): QuoteSelector | null {
    const selection = this.doc.getSelection();
    const body = this.doc.body;
    if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !body) return null;
    const range = selection.getRangeAt(0);
    if (!body.contains(range.commonAncestorContainer)) return null;
    const page = collectPageText(body);
    const start = offsetAt(page, range.startContainer, range.startOffset);
    const end = offsetAt(page, range.endContainer, range.endOffset);
    if (end <= start || end - start > ANNOTATION_LIMITS.exact) return null;
    const selector = createQuoteSelector(page.text, start, end);
    return selector.exact.trim() ? selector : null;
  }

  private offerButton(): void {
    const selector = this.selectionSelector();
    if (!selector) {
      // A plain click: nothing to offer, and no element added to the page for it.
      if (this.button) this.button.hidden = true;
      return;
    }
    const { button } = this.ensureHost();
    this.pending = selector;
    this.placeNearSelection(button);
    button.hidden = false;
  }

  private openForm(): void {
    const { button, form } = this.ensureHost();
    button.hidden = true;
    const quote = form.querySelector('.quote');
    if (quote) quote.textContent = this.pending?.exact ?? '';
    form.style.left = button.style.left || '20px';
    form.style.top = button.style.top || '20px';
    form.hidden = false;
    // Kept inside the viewport (a selection can be partly scrolled out when the menu is used).
    const box = form.getBoundingClientRect();
    if (box.bottom > innerHeight) form.style.top = `${Math.max(innerHeight - box.height - 4, 4)}px`;
    if (box.right > innerWidth) form.style.left = `${Math.max(innerWidth - box.width - 4, 4)}px`;
    form.querySelector('textarea')?.focus();
  }

  private async save(note: string, tagText: string): Promise<void> {
    const selector = this.pending;
    if (!selector) return;
    const tags = [
      ...new Set(
        tagText
          .split(/[,，]/)
          .map((t) => t.trim().slice(0, STUDY_LIMITS.tag))
          .filter(Boolean),
      ),
    ].slice(0, STUDY_LIMITS.tags);
    try {
      const { annotation } = await sendToBackground('saveAnnotation', {
        url: pageUrl(),
        title: this.doc.title.slice(0, FIELD_LIMITS.title),
        outlet: siteKey(location.hostname).slice(0, TRACKER_LIMITS.outlet),
        ...selector,
        note: note.slice(0, STUDY_LIMITS.notes),
        tags,
      });
      this.records.push(annotation);
      this.pending = null;
      if (this.form) this.form.hidden = true;
      this.loaded = true;
      this.anchor();
    } catch (error) {
      const quote = this.form?.querySelector('.quote');
      if (quote) {
        quote.textContent = `Not saved: ${error instanceof Error ? error.message : 'error'}`;
      }
    }
  }

  private ensureHost(): { button: HTMLButtonElement; form: HTMLFormElement } {
    if (this.host && this.button && this.form) return { button: this.button, form: this.form };
    const doc = this.doc;
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'button';
    button.textContent = 'Annotate';
    button.title = 'Annotate the selection (Alt+A)';
    button.hidden = true;
    // Keep the page's selection: a mousedown on the button would clear it.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => this.openForm());
    const form = doc.createElement('form');
    form.hidden = true;
    form.setAttribute('aria-label', 'Annotate');
    const quote = doc.createElement('div');
    quote.className = 'quote';
    const note = doc.createElement('textarea');
    note.placeholder = 'Note';
    note.setAttribute('aria-label', 'Note');
    note.maxLength = STUDY_LIMITS.notes;
    const tags = doc.createElement('input');
    tags.placeholder = 'Tags, separated by commas';
    tags.setAttribute('aria-label', 'Tags');
    const row = formButtons(doc, 'Save', () => {
      form.hidden = true;
    });
    form.append(quote, note, tags, row);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.save(note.value, tags.value).then(() => {
        note.value = '';
        tags.value = '';
      });
    });
    // Keys typed in the form are not the page's (nor the popup's or the terms panel's).
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') form.hidden = true;
      event.stopPropagation();
    });
    this.host = mountShadowHost(doc, 'tifa-annotate', MARK.annotate, STYLE, button, form);
    this.button = button;
    this.form = form;
    return { button, form };
  }
}

/** The page's URL without its fragment. */
function pageUrl(): string {
  return (location.href.split('#')[0] ?? '').slice(0, FIELD_LIMITS.url);
}

/** The document's highlight registry, where the browser has one. */
function highlights(): HighlightRegistry | undefined {
  return typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : undefined;
}
