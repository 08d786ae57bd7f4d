/**
 * "Add as my term" on the page: the context menu's item (relayed by the background as an
 * `openTermForm` tab message, entrypoints/background/add-term-command.ts) opens a small form
 * beside the selection, prefilled with the selected term (simplified, artefact-free; the
 * traditional form kept when the page is traditional), for the reader's translation, notes and
 * tags. The background tidies the selection (`prefillTerm`): it holds the conversion tables,
 * which the page does not load. Saving sends `addPersonalTerm`; the background checks and stores it and tells every page
 * to match it (personalTermsVersion). Esc or Cancel closes the form without saving.
 *
 * The form lives in a shadow root outside <body>; page text enters it only as input values and
 * textContent. Nothing here is logged (the selection is page text).
 */
import { browser } from 'wxt/browser';
import { inputFromFields } from '../../../utils/glossary/term-fields';
import type { TermPrefill } from '../../../utils/glossary/term-prefill';
import { STUDY_LIMITS, TERM_CARD_LIMITS } from '../../../utils/limits';
import { parseTabMessage, type OpenTermFormReply } from '../../../utils/tab-messages';
import { sendToBackground } from '../../../utils/send-message';
import { MARK } from '../annotate/markers';
import { formButtons, mountShadowHost } from '../shadow-ui';

const STYLE = `
:host { all: initial; }
form { position: fixed; z-index: 2147483647; font: 13px/1.4 system-ui, sans-serif;
  background: #fffdf7; color: #1d1d1f; border: 1px solid #d9d4c7; border-radius: 6px;
  box-shadow: 0 4px 16px rgba(0,0,0,.25); padding: 8px; width: min(320px, 90vw);
  display: grid; gap: 6px; box-sizing: border-box; }
form[hidden] { display: none; }
h2 { font: 600 13px/1.4 system-ui, sans-serif; margin: 0; }
label { display: grid; gap: 2px; color: #5f6368; font-size: 12px; }
textarea, input { font: inherit; color: #1d1d1f; background: #fff; box-sizing: border-box;
  width: 100%; border: 1px solid #c8c3b6; border-radius: 4px; padding: 3px 5px; }
textarea { min-height: 48px; }
input[lang|="zh"] { font-size: 15px; }
.status { color: #b3261e; font-size: 12px; min-height: 0; }
.status:empty { display: none; }
.row { display: flex; gap: 6px; justify-content: flex-end; }
@media (prefers-color-scheme: dark) {
  form { background: #26251f; color: #ecebe6; border-color: #4a4740; }
  label { color: #b6b3aa; }
  textarea, input { background: #1d1c18; color: #ecebe6; border-color: #4a4740; }
  .status { color: #f2b8b5; }
}
`;

/** A Chinese character: a selection without one is no term (the background then opens the
 * review page instead). */
const HAN = /\p{Script=Han}/u;

interface FormParts {
  readonly form: HTMLFormElement;
  readonly term: HTMLInputElement;
  readonly traditional: HTMLInputElement;
  readonly translation: HTMLInputElement;
  readonly notes: HTMLTextAreaElement;
  readonly tags: HTMLInputElement;
  readonly status: HTMLElement;
}

export class AddTermForm {
  private host: HTMLElement | null = null;
  private parts: FormParts | null = null;
  private saving = false;
  /** Counts openings and stops: a prefill that arrives after a newer one, or after `stop`, is
   * dropped. */
  private opening = 0;

  constructor(private readonly doc: Document) {}

  /** Starts listening for the background's `openTermForm`. */
  start(): void {
    browser.runtime.onMessage.addListener(this.onTabMessage);
  }

  stop(): void {
    this.opening++;
    browser.runtime.onMessage.removeListener(this.onTabMessage);
    this.host?.remove();
    this.host = null;
    this.parts = null;
  }

  /** Answers `openTermForm` at once (sendResponse, which every browser honours) with whether
   * the form opened; other messages are left to their own listeners. */
  private readonly onTabMessage = (
    message: unknown,
    sender: { id?: string },
    sendResponse: (reply: OpenTermFormReply) => void,
  ): undefined => {
    if (sender.id !== browser.runtime.id) return;
    const request = parseTabMessage(message);
    if (request?.type !== 'openTermForm') return;
    sendResponse({ opened: this.openOnSelection() });
  };

  /** Opens the form on the current selection if it holds Chinese page text, once the background
   * has tidied it; false otherwise (the background then opens the review page with the menu's
   * selection text). */
  openOnSelection(): boolean {
    const selection = this.doc.getSelection();
    const body = this.doc.body;
    if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !body) return false;
    const range = selection.getRangeAt(0);
    if (!body.contains(range.commonAncestorContainer)) return false;
    // Readings are CSS generated content, never text: the selection's text is the page's own.
    // Cut as the background cuts it, so the check sees what it will tidy.
    const text = selection.toString().slice(0, TERM_CARD_LIMITS.selectionChars);
    if (!HAN.test(text)) return false;
    void this.prefillAndOpen(text, range.getBoundingClientRect());
    return true;
  }

  private async prefillAndOpen(text: string, near: DOMRect): Promise<void> {
    const opening = ++this.opening;
    let prefill: TermPrefill | null = null;
    let problem = '';
    try {
      ({ prefill } = await sendToBackground('prefillTerm', { text }));
    } catch (error) {
      // The form still opens, for the reader to type the term; saving says what is wrong.
      problem = `Not prefilled: ${error instanceof Error ? error.message : 'error'}`;
    }
    if (opening !== this.opening) return;
    this.open(prefill ?? { simplified: '' }, near);
    if (problem && this.parts) this.parts.status.textContent = problem;
  }

  private open(prefill: TermPrefill, near: DOMRect): void {
    const parts = this.ensureForm();
    parts.term.value = prefill.simplified;
    parts.traditional.value = prefill.traditional ?? '';
    parts.translation.value = '';
    parts.notes.value = '';
    parts.tags.value = '';
    parts.status.textContent = '';
    const { form } = parts;
    form.style.left = `${Math.max(Math.min(near.left, innerWidth - 330), 4)}px`;
    form.style.top = `${Math.max(near.bottom + 6, 4)}px`;
    form.hidden = false;
    // Kept inside the viewport (the selection can be near the bottom, or partly scrolled out).
    const box = form.getBoundingClientRect();
    if (box.bottom > innerHeight) {
      form.style.top = `${Math.max(Math.min(near.top - box.height - 6, innerHeight - box.height - 4), 4)}px`;
    }
    (prefill.simplified ? parts.translation : parts.term).focus();
  }

  private close(): void {
    if (this.parts) this.parts.form.hidden = true;
  }

  private async save(parts: FormParts): Promise<void> {
    if (this.saving) return;
    this.saving = true;
    parts.status.textContent = '';
    try {
      await sendToBackground(
        'addPersonalTerm',
        inputFromFields({
          simplified: parts.term.value,
          traditional: parts.traditional.value,
          translation: parts.translation.value,
          notes: parts.notes.value,
          tags: parts.tags.value,
        }),
      );
      // The page is drawn again with the new term (personalTermsVersion); this form is done.
      this.close();
    } catch (error) {
      // The background's reason names the field; it never echoes what was typed.
      parts.status.textContent = `Not saved: ${error instanceof Error ? error.message : 'error'}`;
    } finally {
      this.saving = false;
    }
  }

  private ensureForm(): FormParts {
    if (this.parts) return this.parts;
    const doc = this.doc;
    const form = doc.createElement('form');
    form.hidden = true;
    form.setAttribute('aria-label', 'Add as my term');
    const heading = doc.createElement('h2');
    heading.textContent = 'Add as my term';
    const field = <T extends HTMLInputElement | HTMLTextAreaElement>(
      label: string,
      control: T,
    ): T => {
      const wrap = doc.createElement('label');
      const text = doc.createElement('span');
      text.textContent = label;
      wrap.append(text, control);
      form.append(wrap);
      return control;
    };
    const input = (options: { lang?: string; maxLength?: number; required?: boolean } = {}) => {
      const element = doc.createElement('input');
      if (options.lang) element.lang = options.lang;
      if (options.maxLength) element.maxLength = options.maxLength;
      element.required = options.required ?? false;
      return element;
    };
    form.append(heading);
    // Limits as the background checks them (glossary surface forms: 40 characters).
    const term = field(
      'Term (simplified)',
      input({ lang: 'zh-CN', maxLength: 40, required: true }),
    );
    const traditional = field('Traditional (optional)', input({ lang: 'zh-TW', maxLength: 40 }));
    const translation = field('My translation', input({ required: true }));
    const notesArea = doc.createElement('textarea');
    notesArea.maxLength = STUDY_LIMITS.notes;
    const notes = field('Notes', notesArea);
    const tags = field('Tags (comma-separated)', input());
    const status = doc.createElement('p');
    status.className = 'status';
    status.setAttribute('role', 'status');
    form.append(
      status,
      formButtons(doc, 'Add term', () => this.close()),
    );
    const parts: FormParts = { form, term, traditional, translation, notes, tags, status };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.save(parts);
    });
    // Keys typed in the form are not the page's (nor the popup's or the terms panel's).
    form.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key !== 'Escape') return;
      event.preventDefault();
      this.close();
    });
    this.host = mountShadowHost(doc, 'tifa-add-term', MARK.addTerm, STYLE, form);
    this.parts = parts;
    return parts;
  }
}
