/**
 * The word popup's behaviour: which pointer events open it, looking the word up through the
 * background, keyboard commands while it is open, and saving. The dictionary itself never
 * enters the page; only the looked-up text (at most 16 characters per word) leaves it.
 *
 * One frame from pointer move to popup: the background's reply always arrives after the move's
 * frame has been drawn, so the answers the page will need are asked for ahead (the paragraphs
 * on screen once reading mode has drawn them or the page was scrolled, and the paragraph the
 * pointer enters) and kept in a small in-page cache; a hover over a cached word builds the popup
 * inside the `mousemove` handler itself, in time for that frame.
 *
 * Chromium holds `mousemove` back until the next frame begins (up to a frame interval) and then
 * runs its handlers inside that frame, before drawing it. Where the page may hear
 * `pointerrawupdate` (secure contexts), which arrives as soon as the pointer moves, the reader
 * finds the word and builds its popup in a task queued from there, out of sight
 * (PopupView.stage); the `mousemove` of the same move then only shows it, and the frame has no
 * popup left to build or lay out. Queued rather than run in the event: a burst of updates
 * stages only its last position, and a frame already waiting in the queue can run first (its
 * `mousemove` then builds the popup as it would without the event).
 */
import type { WordMatch } from '../../../utils/dict/lookup';
import type { PageTermCard, PersonalTermCard } from '../../../utils/glossary/page-card';
import { sendToBackground } from '../../../utils/send-message';
import type { PopupTrigger } from '../../../utils/settings-values';
import { FIELD_LIMITS, LOOKUP_BATCH_LIMITS } from '../../../utils/limits';
import { MARK, PERSONAL_ATTR, TERM_ATTR, TIFA_ATTR } from '../annotate/markers';
import { formatCedictPinyin } from '../../../utils/dict/format-pinyin';
import { themeAt } from './page-theme';
import { PopupView } from './popup-view';
import { LookupCache, requestKey, type LookupRequest } from './lookup-cache';
import { lookupRequestFor } from './lookup-key';
import { paragraphRequests, visibleParagraphs } from './paragraph-prefetch';
import { blockOf, termAround, wordAtPoint, type WordAtPoint } from './word-at-point';
import { TermCards } from '../terms/term-cards';

/** Quiet time after the last scroll event before the paragraphs on screen are prefetched. */
const SCROLL_SETTLE_MS = 100;

/** A word enters the history once the popup has shown it this long: passing the pointer over a
 * line of text opens popups along the way, and those are not lookups. */
const RECORD_DWELL_MS = 600;

/** The same word on the same page goes into the history at most once in this time. */
const RECORD_REPEAT_MS = 10 * 60 * 1000;

/** What is left to do for a pointer move once its frame begins. */
type Finish = () => void;

const NOTHING: Finish = () => undefined;

/** What the open popup shows: the word, its dictionary matches, its term's card. */
interface Shown {
  readonly word: WordAtPoint;
  readonly matches: WordMatch[];
  readonly card: PageTermCard | null;
}

export class PopupController {
  private view: PopupView | null = null;
  private current: Shown | null = null;
  private request = 0;
  /** Answers the background sent this page, by request (bounded, least recently used). */
  private readonly cache = new LookupCache();
  /** Requests asked for and not answered yet, so a word is never asked for twice at once. */
  private readonly inFlight = new Set<string>();
  /** Paragraphs waiting to be prefetched, in order; one batch is in flight at a time. */
  private readonly prefetchQueue: Element[] = [];
  private prefetching = false;
  /** The paragraph of the last word shown: entering another one prefetches it. */
  private lastBlock: Element | null = null;
  private scrollTimer = 0;
  private stopped = false;
  /** The word whose answer is awaited: moving on within it asks nothing more. */
  private pendingWord: WordAtPoint | null = null;
  /** A pointer position handled by `pointerrawupdate`, and what its `mousemove` must finish. */
  private staged: { x: number; y: number; finish: Finish } | null = null;
  /** The last raw pointer position, until its queued task or its `mousemove` takes it (a mouse
   * reports up to 1000 a second: only the last one of a burst is staged). */
  private rawAt: { x: number; y: number } | null = null;
  private voice: SpeechSynthesisVoice | null | undefined;
  private recordTimer = 0;
  /** When each word was last sent to the history from this page. */
  private readonly recorded = new Map<string, number>();

  /** `cards` gives the terms' cards (asked for as annotation draws them) and the reader's own
   * terms behind a hit id. */
  constructor(
    private readonly doc: Document,
    private readonly trigger: PopupTrigger,
    private readonly cards: TermCards = new TermCards(),
  ) {}

  start(): void {
    if (this.trigger === 'off') return;
    if (this.trigger === 'click') this.doc.addEventListener('click', this.onClick, true);
    else {
      this.doc.addEventListener('mousemove', this.onMouseMove, { passive: true });
      // Only secure contexts have it; elsewhere `mousemove` does everything.
      if (this.doc.defaultView && 'onpointerrawupdate' in this.doc.defaultView)
        this.doc.addEventListener('pointerrawupdate', this.onRawUpdate, { passive: true });
    }
    this.doc.addEventListener('keydown', this.onKeyDown, true);
    this.doc.addEventListener('scroll', this.onScroll, { passive: true, capture: true });
  }

  stop(): void {
    this.doc.removeEventListener('click', this.onClick, true);
    this.doc.removeEventListener('mousemove', this.onMouseMove);
    this.doc.removeEventListener('pointerrawupdate', this.onRawUpdate);
    this.staged = null;
    this.rawAt = null;
    this.doc.removeEventListener('keydown', this.onKeyDown, true);
    this.doc.removeEventListener('scroll', this.onScroll, true);
    this.stopped = true;
    clearTimeout(this.recordTimer);
    clearTimeout(this.scrollTimer);
    this.prefetchQueue.length = 0;
    this.cache.clear();
    this.view?.destroy();
    this.view = null;
    this.current = null;
  }

  /** Whether a pointer move may open or close the popup (not inside it; modifier held). */
  private hoverCounts(event: MouseEvent): boolean {
    if (this.view?.contains(event.target)) return false;
    if (this.trigger === 'hover-shift' && !event.shiftKey) return false;
    if (this.trigger === 'hover-alt' && !event.altKey) return false;
    return true;
  }

  private readonly onMouseMove = (event: MouseEvent): void => {
    const staged = this.staged;
    this.staged = null;
    this.rawAt = null;
    if (!this.hoverCounts(event)) return;
    // The raw update of this very position did the work: show what it built. (A pointer
    // event's coordinates keep their fraction; the mouse event's are whole pixels.)
    if (
      staged &&
      Math.abs(staged.x - event.clientX) < 1 &&
      Math.abs(staged.y - event.clientY) < 1
    ) {
      staged.finish();
      return;
    }
    // Right here, not in a later frame: Chromium delivers pointer moves once per frame, just
    // before drawing it, so a popup built now (from the cache) is painted in this very frame.
    this.lookUpAt(event.clientX, event.clientY, false)();
  };

  /** The pointer moved (delivered at once, not with the next frame): find the word and build
   * its popup in a task queued now, to be shown by this move's `mousemove`. */
  private readonly onRawUpdate = (event: Event): void => {
    if (!(event instanceof PointerEvent)) return;
    if (event.pointerType !== 'mouse' && event.pointerType !== 'pen') return;
    this.staged = null;
    this.rawAt = null;
    if (!this.hoverCounts(event)) return;
    const at = { x: event.clientX, y: event.clientY };
    this.rawAt = at;
    runSoon(() => {
      // A later update, the move's own `mousemove` or a scroll took over meanwhile.
      if (this.rawAt !== at || this.stopped) return;
      this.rawAt = null;
      this.staged = { ...at, finish: this.lookUpAt(at.x, at.y, true) };
    });
  };

  private readonly onClick = (event: MouseEvent): void => {
    if (this.view?.contains(event.target)) return;
    // A click on a link still follows it; only clicks on plain text open the popup.
    if (event.target instanceof Element && event.target.closest('a[href], button, label')) return;
    this.lookUpAt(event.clientX, event.clientY, false)();
  };

  private readonly onScroll = (): void => {
    this.close();
    // New paragraphs came on screen: ask for them once the page settles.
    clearTimeout(this.scrollTimer);
    this.scrollTimer = window.setTimeout(() => this.prefetchVisible(), SCROLL_SETTLE_MS);
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (!this.view?.visible || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (
      target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
    )
      return;
    const handled = this.handleKey(event.key.toLowerCase());
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  private handleKey(key: string): boolean {
    switch (key) {
      case 'escape':
        this.close();
        return true;
      case 's':
        void this.save();
        return true;
      case 'a':
        this.speak();
        return true;
      case 'c':
        void this.copy();
        return true;
      case 'n':
      case 'b':
        this.step(key === 'n' ? 1 : -1);
        return true;
      default:
        return false;
    }
  }

  /** Asks the background ahead for the words of the paragraphs on screen (reading mode calls
   * this once it has drawn them; scrolling calls it too). */
  prefetchVisible(): void {
    if (this.trigger === 'off' || this.stopped) return;
    this.queuePrefetch(visibleParagraphs(this.doc));
  }

  /**
   * Looks up what is under (x, y) and shows or hides the popup accordingly; synchronous when
   * the answer is in the cache. With `stage`, a popup from the cache is built but not shown, and
   * closing is left undone: the returned function does what is left (without, nothing is).
   */
  private lookUpAt(x: number, y: number, stage: boolean): Finish {
    const word = wordAtPoint(this.doc, x, y);
    if (!word) {
      const close = () => {
        if (this.trigger === 'click' || this.current) this.close();
      };
      if (stage) return close;
      close();
      return NOTHING;
    }
    if (this.current && sameAnchor(this.current.word.anchor, word.anchor) && this.view?.visible)
      return NOTHING;
    if (this.pendingWord && sameAnchor(this.pendingWord.anchor, word.anchor)) return NOTHING;
    const { shown, finish } = this.show(word, stage);
    // Entering another paragraph: ask for its other words while the reader is on this one,
    // once this word's own answer is in (the prefetch must not delay it).
    if (word.segmented !== undefined && word.anchor instanceof Element) {
      const block = blockOf(word.anchor);
      if (block !== this.lastBlock) {
        this.lastBlock = block;
        if (shown) void shown.finally(() => this.queuePrefetch([block]));
        else this.queuePrefetch([block]);
      }
    }
    return finish;
  }

  /** Shows the popup for a word: at once when its entry and its term's card are cached (only
   * staged with `stage`: `finish` shows it), else after the background's answers (`shown`). */
  private show(word: WordAtPoint, stage = false): { shown?: Promise<void>; finish: Finish } {
    const id = ++this.request;
    // A term's card and a word's entries both come from the background, usually ahead of the
    // hover (cards as their terms are drawn, entries with the paragraph); undefined: not yet.
    const card = word.term ? this.cards.cardOf(word.term.id) : null;
    const personal = this.personalAt(word.term?.element);
    const request = lookupRequestFor(word);
    if (!request && card === null && personal.length === 0) return { finish: NOTHING };
    const cached = request ? this.cache.get(request) : [];
    if (cached && card !== undefined)
      return { finish: this.render(word, cached, card, personal, stage) };
    return {
      shown: this.fetchAndShow(id, word, cached ? null : request, cached ?? [], personal),
      finish: NOTHING,
    };
  }

  /** Asks for what the popup lacks, the word's entries (`request`, unless `matches` has them)
   * and its term's card, at once, and shows the popup when both are in. */
  private async fetchAndShow(
    id: number,
    word: WordAtPoint,
    request: LookupRequest | null,
    matches: WordMatch[],
    personal: readonly PersonalTermCard[],
  ): Promise<void> {
    this.pendingWord = word;
    const card = word.term ? this.cards.cardFor(word.term.id) : Promise.resolve(null);
    let failure: unknown = null;
    if (request) {
      const key = requestKey(request);
      this.inFlight.add(key);
      try {
        ({ matches } = await sendToBackground('lookupWord', request));
        this.cache.set(request, matches);
      } catch (error) {
        failure = error;
      } finally {
        this.inFlight.delete(key);
      }
    }
    const shownCard = await card;
    if (this.pendingWord === word) this.pendingWord = null;
    // Without the dictionary a term's card is still worth showing.
    if (failure && !shownCard && personal.length === 0) {
      if (id === this.request)
        this.ensureView().setStatus(failure instanceof Error ? failure.message : 'lookup failed');
      return;
    }
    // A newer pointer move won: drop this answer.
    if (id !== this.request) return;
    this.render(word, matches, shownCard, personal);
  }

  /** Builds the popup and shows it, or with `stage` returns the function that shows it. */
  private render(
    word: WordAtPoint,
    matches: WordMatch[],
    card: PageTermCard | null,
    personal: readonly PersonalTermCard[],
    stage = false,
  ): Finish {
    if (matches.length === 0 && !card && personal.length === 0) {
      const close = () => this.close();
      if (stage) return close;
      close();
      return NOTHING;
    }
    // Reads of the page first (its layout is clean after finding the word), then the popup's
    // own writes and its one measured layout, inside its contained host.
    const box = word.anchor.getBoundingClientRect();
    const view = this.ensureView();
    view.stage(
      {
        matches,
        term: card,
        personal,
        theme: themeAt(word.anchor),
        canSpeak: this.chineseVoice() !== null,
      },
      { left: box.left, top: box.top, width: box.width, height: box.height },
    );
    const finish = () => {
      if (!view.commit()) return;
      this.current = { word, matches, card };
      // Its related terms, so a click on one shows its card at once.
      if (card) this.cards.prefetch(card.related.map((term) => term.id));
      this.recordSoon();
    };
    if (stage) return finish;
    finish();
    return NOTHING;
  }

  /** Adds paragraphs to the prefetch queue and starts it if it is idle. */
  private queuePrefetch(blocks: readonly Element[]): void {
    for (const block of blocks) {
      if (!this.prefetchQueue.includes(block)) this.prefetchQueue.push(block);
    }
    if (!this.prefetching) void this.runPrefetch();
  }

  /** Asks for the queued paragraphs' words not cached or in flight, a batch at a time (one
   * message of at most LOOKUP_BATCH_LIMITS.requests lookups), each batch after the last reply so
   * the replies never pile up on the page's main thread. */
  private async runPrefetch(): Promise<void> {
    this.prefetching = true;
    try {
      for (let block = this.prefetchQueue.shift(); block; block = this.prefetchQueue.shift()) {
        // Read the page in background tasks, so pointer moves and replies go first.
        await yieldToPage();
        if (this.stopped) return;
        if (!block.isConnected) continue;
        const requests = await paragraphRequests(
          block,
          (r) => this.cache.has(r) || this.inFlight.has(requestKey(r)),
          yieldToPage,
        );
        if (this.stopped) return;
        for (let i = 0; i < requests.length && !this.stopped; i += LOOKUP_BATCH_LIMITS.requests) {
          await this.prefetchBatch(requests.slice(i, i + LOOKUP_BATCH_LIMITS.requests));
        }
      }
    } finally {
      this.prefetching = false;
    }
  }

  private async prefetchBatch(requests: LookupRequest[]): Promise<void> {
    const keys = requests.map(requestKey);
    for (const key of keys) this.inFlight.add(key);
    try {
      const { results } = await sendToBackground('lookupWordBatch', { requests });
      if (this.stopped) return;
      requests.forEach((request, i) => {
        const matches = results[i];
        if (matches) this.cache.set(request, matches);
      });
      // The cache's size, for the popup benchmark (numbers only, nothing of the page).
      performance.clearMarks('tifa:popup-cache');
      performance.mark('tifa:popup-cache', {
        detail: { entries: this.cache.size, chars: this.cache.chars },
      });
    } catch {
      // Prefetching is an optimisation: a hover still looks its word up on its own.
    } finally {
      for (const key of keys) this.inFlight.delete(key);
    }
  }

  /** The reader's own terms on a term mark: the mark's own id if it is personal, and the
   * personal term annotating a built-in one. */
  private personalAt(mark: Element | undefined): readonly PersonalTermCard[] {
    if (!mark || !this.cards.hasPersonal) return [];
    const ids = [mark.getAttribute(TERM_ATTR), mark.getAttribute(PERSONAL_ATTR)];
    return ids.flatMap((id) => (id ? this.cards.personalFor(id) : []));
  }

  /** Records the shown word in the history if the popup still shows it after RECORD_DWELL_MS. */
  private recordSoon(): void {
    clearTimeout(this.recordTimer);
    const shown = this.current;
    const delay = this.trigger === 'click' ? 0 : RECORD_DWELL_MS;
    this.recordTimer = window.setTimeout(() => {
      if (!shown || shown !== this.current || !this.view?.visible) return;
      // A term is recorded as the term; a plain word as its dictionary match.
      const card = shown.card;
      const match = shown.matches[0];
      const lookup = card
        ? { word: card.simplified, kind: 'glossary' as const, reading: card.pinyin }
        : match
          ? { word: match.word, kind: 'dictionary' as const, reading: match.entries[0]?.pinyin }
          : null;
      if (!lookup) return;
      const key = `${lookup.kind}:${lookup.word}`;
      const now = Date.now();
      if (now - (this.recorded.get(key) ?? -Infinity) < RECORD_REPEAT_MS) return;
      this.recorded.set(key, now);
      // The background decides whether history is on for this site.
      sendToBackground('recordLookup', {
        word: lookup.word,
        kind: lookup.kind,
        reading: lookup.reading ?? '',
        sentence: shown.word.sentence(),
        url: location.href.slice(0, 2048),
        title: this.doc.title.slice(0, 400),
      }).catch((error: unknown) => {
        this.recorded.delete(key);
        if (shown === this.current) {
          this.view?.setStatus(
            `Not added to history: ${error instanceof Error ? error.message : 'unknown error'}`,
          );
        }
      });
    }, delay);
  }

  private ensureView(): PopupView {
    this.view ??= new PopupView(this.doc, {
      save: () => void this.save(),
      speak: () => this.speak(),
      copy: () => void this.copy(),
      close: () => this.close(),
      openTerm: (id) => this.openTerm(id),
    });
    return this.view;
  }

  /** Shows a related term's card in the open popup (once it is in, if it was not asked for
   * yet); Save then saves that term. */
  private openTerm(id: string): void {
    const shown = this.current;
    const card = this.cards.cardOf(id);
    if (card !== undefined) this.showRelated(shown, card);
    else void this.cards.cardFor(id).then((answer) => this.showRelated(shown, answer));
  }

  private showRelated(shown: Shown | null, card: PageTermCard | null): void {
    // The popup moved on or closed meanwhile: the card is not for it.
    if (!card || !shown || shown !== this.current || !this.view?.visible) return;
    this.current = { ...shown, card };
    this.view.showTerm(card);
  }

  private close(): void {
    this.request++;
    this.staged = null;
    this.rawAt = null;
    this.current = null;
    this.view?.hide();
  }

  private async save(): Promise<void> {
    if (this.current?.card) return this.saveTerm(this.current.card, this.current.word);
    const current = this.current;
    const match = current?.matches[0];
    const entry = match?.entries[0];
    if (!current || !match || !entry) return;
    try {
      const result = await sendToBackground('saveWord', {
        word: match.word,
        traditional: entry.traditional,
        kind: 'dictionary',
        pinyin: entry.pinyin,
        definition: match.entries
          .map((e) => `${formatCedictPinyin(e.pinyin)}: ${e.senses.join('; ')}`)
          .join('\n')
          .slice(0, 4000),
        sentence: current.word.sentence(),
        url: location.href.slice(0, 2048),
        title: this.doc.title.slice(0, 400),
      });
      this.view?.setStatus(result.timesSaved > 1 ? `Saved (${result.timesSaved}×)` : 'Saved');
    } catch (error) {
      this.view?.setStatus(
        `Not saved: ${error instanceof Error ? error.message : 'unknown error'}`,
      );
    }
  }

  /** Saves the term whose card is shown, as a glossary item of the vocabulary. */
  private async saveTerm(card: PageTermCard, word: WordAtPoint): Promise<void> {
    const official = card.english.official?.text;
    try {
      const result = await sendToBackground('saveWord', {
        word: card.simplified.slice(0, FIELD_LIMITS.word),
        traditional: card.traditional.slice(0, FIELD_LIMITS.word),
        kind: 'glossary',
        pinyin: card.pinyin.slice(0, FIELD_LIMITS.pinyin),
        definition: [official, card.english.gloss, card.explanation]
          .filter(Boolean)
          .join('\n')
          .slice(0, FIELD_LIMITS.definition),
        sentence: word.sentence(),
        url: location.href.slice(0, 2048),
        title: this.doc.title.slice(0, 400),
      });
      this.view?.setStatus(result.timesSaved > 1 ? `Saved (${result.timesSaved}×)` : 'Saved');
    } catch (error) {
      this.view?.setStatus(
        `Not saved: ${error instanceof Error ? error.message : 'unknown error'}`,
      );
    }
  }

  /** The word or term the popup is about: the term when a card is shown. */
  private shownWord(): string | undefined {
    return this.current?.card?.simplified ?? this.current?.matches[0]?.word;
  }

  private speak(): void {
    const voice = this.chineseVoice();
    const word = this.shownWord();
    if (!voice || !word) return;
    const utterance = new SpeechSynthesisUtterance(word);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    speechSynthesis.cancel();
    speechSynthesis.speak(utterance);
  }

  private async copy(): Promise<void> {
    const word = this.shownWord();
    if (!word) return;
    try {
      await navigator.clipboard.writeText(word);
      this.view?.setStatus('Copied');
    } catch {
      this.view?.setStatus('Copy was refused by the page');
    }
  }

  /** Moves the popup to the next or previous word reading mode drew. */
  private step(direction: 1 | -1): void {
    const anchor = this.current?.word.anchor;
    if (!anchor) return;
    const words = [...this.doc.querySelectorAll(`ruby[${TIFA_ATTR}="${MARK.word}"]`)];
    const from = anchor instanceof Element ? anchor : anchor.startContainer.parentElement;
    let index = from ? words.indexOf(from) : -1;
    if (index < 0) {
      // Not on a drawn word: the first word after (or before) the anchor in document order.
      index = words.findIndex((w) => anchorPrecedes(anchor, w)) - (direction > 0 ? 1 : 0);
    }
    const next = words[index + direction];
    if (!next) return;
    next.scrollIntoView({ block: 'nearest' });
    const text = next.textContent ?? '';
    const term = termAround(next);
    this.show({
      text,
      segmented: text,
      anchor: next,
      sentence: this.current?.word.sentence ?? (() => ''),
      ...(term && { term }),
    });
  }

  private chineseVoice(): SpeechSynthesisVoice | null {
    if (this.voice !== undefined) return this.voice;
    if (typeof speechSynthesis === 'undefined') return (this.voice = null);
    const voices = speechSynthesis.getVoices();
    // Voices load asynchronously; ask again next time rather than caching an empty answer.
    if (voices.length === 0) return null;
    this.voice =
      voices.find((v) => v.lang === 'zh-CN') ??
      voices.find((v) => v.lang.toLowerCase().startsWith('zh')) ??
      null;
    return this.voice;
  }
}

/** Resolves in a background-priority task (`scheduler.postTask`, else a timer): input and the
 * replies of hovers run first. Not `requestIdleCallback`: on a page with no frames to draw its
 * idle periods last up to 50 ms each, and the prefetch of a paragraph takes several slices. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const { scheduler } = globalThis as {
      scheduler?: { postTask?: (task: () => void, options: { priority: string }) => unknown };
    };
    if (typeof scheduler?.postTask === 'function')
      void scheduler.postTask(resolve, { priority: 'background' });
    else setTimeout(resolve, 0);
  });
}

/** Runs `task` in a task of its own at the priority of ordinary page work (behind input and
 * whatever the scheduler ranks above it). */
function runSoon(task: () => void): void {
  const { scheduler } = globalThis as {
    scheduler?: { postTask?: (task: () => void, options: { priority: string }) => unknown };
  };
  if (typeof scheduler?.postTask === 'function')
    void scheduler.postTask(task, { priority: 'user-visible' });
  else setTimeout(task, 0);
}

function sameAnchor(a: Element | Range, b: Element | Range): boolean {
  if (a instanceof Element || b instanceof Element) return a === b;
  return a.startContainer === b.startContainer && a.startOffset === b.startOffset;
}

function anchorPrecedes(anchor: Element | Range, element: Element): boolean {
  const node = anchor instanceof Element ? anchor : anchor.startContainer;
  return Boolean(node.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
}
