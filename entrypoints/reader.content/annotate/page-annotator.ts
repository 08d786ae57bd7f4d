/**
 * Annotates a live page: finds Chinese text, has the background analyse it, replaces it with ruby
 * and converted text, what is on screen first, then what is within a few screens of it, then the
 * rest of an article-sized page in idle time; on longer pages further text waits until it
 * scrolls near, so a page of a million characters costs about what its first screens cost.
 * New content is annotated as it arrives (when near the viewport); all of it is undone on demand.
 *
 * The page's main thread only walks, sends and draws: the text engine runs in the background
 * (entrypoints/background/paragraph-analysis.ts), which analyses one batch while the page walks
 * on or draws the one before.
 */
import type { TermHit } from '../../../utils/glossary/matcher';
import { MAX_PARAGRAPH_CHARS, PARAGRAPH_BATCH_LIMITS } from '../../../utils/limits';
import { unpackParagraph, type PackedParagraph } from '../../../utils/zh/packed-analysis';
import {
  chineseTextUpTo,
  chineseTextWalker,
  collectChineseText,
  isInsideSkipped,
} from './collect-text';
import { STATE_ATTR } from './markers';
import { installPageStyle, removePageStyle, type PageStyleOptions } from './page-style';
import { renderTokens, type RenderOptions } from './render-tokens';
import { findScreenText } from './screen-text';
import { ReplacementLog } from './replacements';
import { afterNextFrame, runSoon, runWhenIdle, SLICE_MS, type Cancel } from './schedule';
import { WorkQueue } from './work-queue';

export interface AnnotatorConfig {
  /** Analyses text nodes' texts (the background's engine), answering in the order given; terms
   * are matched when `markTerms` or `onTermsMatched` asks for them. */
  readonly analyzeParagraphs: (texts: string[]) => Promise<readonly PackedParagraph[]>;
  readonly render: RenderOptions;
  readonly style: PageStyleOptions;
  /** Wrap glossary terms in marks (the `glossary` setting). */
  readonly markTerms?: boolean;
  /** Called after a batch of work that drew term marks, with their ids (for the terms panel). */
  readonly onTermsDrawn?: (ids: readonly string[]) => void;
  /** Called with each text node's term hits (ORIGINAL offsets), marked or not: the tracker
   * counts them without walking the page again. */
  readonly onTermsMatched?: (text: string, hits: readonly TermHit[]) => void;
  /** Called whenever the queues run empty (first annotation done, or new content done). */
  readonly onIdle?: () => void;
}

/** Figures of one run, published as a performance mark for benchmarks (no page content). */
export interface AnnotationStats {
  nodes: number;
  characters: number;
  busyMs: number;
  longestSliceMs: number;
}

/** Readings need context, but a text node of a megabyte must not be one message: long nodes are
 * cut at sentence ends into pieces of about this many characters. */
const SENTENCE_END = /[。！？；!?;\n]/g;

/**
 * How far beyond the viewport text is annotated ahead of scrolling: three screens above and
 * below. Far enough that scrolling (even a page-down burst) meets drawn ruby, near enough that
 * a long page never holds more than a few screens of it at first.
 */
const NEAR_MARGIN = '300% 0px';

/**
 * A page with at most this many characters of Chinese is annotated whole, in idle time after
 * what is near the screen: a whole article (the sample is 2,400, long reports 10,000 to 15,000)
 * is drawn without scrolling, so its terms are counted and found. Beyond it only what comes near
 * the screen is drawn: on a long page every drawn slice costs a frame that lays out the whole
 * page again (ruby layout: 40 to 300 ms a frame on a page of a million characters).
 */
const EAGER_CHARS = 20_000;

/**
 * Time drawing the text on screen may take, against SLICE_MS for the rest. Every frame between
 * two slices lays out the whole page again (on a long page 30 to 130 ms each, the first ruby of
 * a document the most): one longer slice, still well under the 50 ms long-task threshold, draws
 * the screen before any of them.
 */
const SCREEN_SLICE_MS = 30;

/** What the page may change that we annotate afresh: new nodes anywhere, edited text. */
const WATCH_CHANGES: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export class PageAnnotator {
  // A text node the page edits after we replaced it is put back and annotated afresh.
  private readonly log = new ReplacementLog((original) => {
    this.queued.delete(original);
    this.enqueue(original);
  });
  /** Text on screen: annotated first, in slices that follow each other at once. */
  private readonly visible = new WorkQueue<Text>();
  /** Text within NEAR_MARGIN of the screen: annotated next, in idle time. */
  private readonly near = new WorkQueue<Text>();
  /** Text anywhere on a page of at most EAGER_CHARS: annotated last, in idle time. */
  private readonly later = new WorkQueue<Text>();
  /** Characters of the text found so far; past EAGER_CHARS, `later` is given up. */
  private foundChars = 0;
  /** Text nodes waiting to come near the screen, by the element observed for them. */
  private readonly waiting = new Map<Element, Text[]>();
  /** Every text node handed to the queues, so a walk that resumes never queues one twice. */
  private readonly queued = new WeakSet<Text>();
  /** Analysed text waiting to be drawn: the screen's, and the rest in document order. */
  private readonly drawVisible: Analysed[] = [];
  private readonly drawLater: Analysed[] = [];
  /** The batch the background is analysing (one at a time keeps the order simple), and
   * whether it holds text of the screen. */
  private inFlight: 'visible' | 'other' | null = null;
  /** Text nodes sent again after a failed request; a second failure leaves them as they are. */
  private readonly retried = new WeakSet<Text>();
  /** Bumped by `stop`: answers to an earlier session's requests are dropped. */
  private generation = 0;
  private intersection: IntersectionObserver | null = null;
  private mutations: MutationObserver | null = null;
  /** The walk that finds the page's text at start, run in slices; null once done. */
  private walker: TreeWalker | null = null;
  /** The element holding the text node the walk last queued, to resume from. */
  private resumeFrom: Element | null = null;
  private cancelScheduled: Cancel | null = null;
  private cancelIdleNotice: Cancel | null = null;
  private scheduledIdle = false;
  /** Set when an intersection report put text of the screen itself in the queue. */
  private screenSeen = false;
  private firstScreenMarked = false;
  /** Ids of the terms marked since the last report. */
  private termsDrawn: string[] = [];
  private stats: AnnotationStats = { nodes: 0, characters: 0, busyMs: 0, longestSliceMs: 0 };

  constructor(
    private readonly doc: Document,
    private readonly config: AnnotatorConfig,
  ) {}

  /** Starts annotating the document and watching it for new content. */
  start(): void {
    const body = this.doc.body;
    if (!body) return;
    performance.mark('tifa:annotate-start');
    // A page whose Chinese fits in one batch (an article) is sent whole at once: nothing to
    // order by position, so no geometry is read (the first read forces a layout of the page
    // inside our task) and the walk is done. On a longer page the text on screen goes first,
    // found from the geometry, read before our stylesheet goes in (it would make the first read
    // recompute style).
    const whole = chineseTextUpTo(body, PARAGRAPH_BATCH_LIMITS.chars, PARAGRAPH_BATCH_LIMITS.texts);
    const onScreen = whole ?? findScreenText(this.doc);
    installPageStyle(this.doc, this.config.style);
    this.doc.documentElement.setAttribute(STATE_ATTR, 'on');
    this.intersection = new IntersectionObserver((entries) => this.onIntersection(entries), {
      rootMargin: NEAR_MARGIN,
    });
    this.mutations = new MutationObserver((records) => this.onMutations(records));
    this.mutations.observe(body, WATCH_CHANGES);
    // The page's text is found in slices too: a million characters take longer than one slice.
    this.walker = whole ? null : chineseTextWalker(body);
    for (const node of onScreen) {
      this.queued.add(node);
      this.foundChars += node.length;
      this.visible.push(node);
    }
    if (onScreen.length > 0) this.screenSeen = true;
    this.runSlice();
  }

  /** Stops all work and restores the page exactly as it was. */
  stop(): void {
    this.mutations?.disconnect();
    this.intersection?.disconnect();
    this.mutations = null;
    this.intersection = null;
    this.walker = null;
    this.cancelScheduled?.();
    this.cancelScheduled = null;
    this.cancelIdleNotice?.();
    this.cancelIdleNotice = null;
    this.generation++;
    this.inFlight = null;
    this.drawVisible.length = 0;
    this.drawLater.length = 0;
    this.visible.clear();
    this.near.clear();
    this.later.clear();
    this.waiting.clear();
    this.log.restoreAll();
    removePageStyle(this.doc);
    this.doc.documentElement.removeAttribute(STATE_ATTR);
  }

  /** Puts a text node in waiting: its element is observed, and it is annotated once near. */
  private enqueue(node: Text): void {
    const element = node.parentElement;
    if (!element || !this.intersection) return;
    if (this.queued.has(node) || this.log.isRendered(node)) return;
    this.queued.add(node);
    this.foundChars += node.length;
    if (this.foundChars <= EAGER_CHARS) this.later.push(node);
    else if (this.later.size > 0) this.later.clear();
    const list = this.waiting.get(element);
    if (list) {
      list.push(node);
      return;
    }
    this.waiting.set(element, [node]);
    this.intersection.observe(element);
  }

  private onIntersection(entries: IntersectionObserverEntry[]): void {
    // The viewport itself, inside the observer's widened root: read once, no layout forced.
    const screenHeight = this.doc.defaultView?.innerHeight ?? 0;
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const nodes = this.waiting.get(entry.target);
      this.intersection?.unobserve(entry.target);
      this.waiting.delete(entry.target);
      if (!nodes) continue;
      const box = entry.boundingClientRect;
      const onScreen = box.bottom >= 0 && box.top <= screenHeight;
      if (onScreen) this.screenSeen = true;
      const queue = onScreen ? this.visible : this.near;
      for (const node of nodes) queue.push(node);
    }
    this.schedule();
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') {
        const target = record.target;
        if (target instanceof Text && !this.log.ours.has(target) && target.parentElement) {
          // Edited text is annotated afresh, even if it was queued before.
          this.queued.delete(target);
          collectChineseText(target, (node) => this.enqueue(node));
        }
        continue;
      }
      for (const node of record.addedNodes) {
        if (this.log.ours.has(node) || !node.isConnected) continue;
        if (node instanceof Element && isInsideSkipped(node)) continue;
        collectChineseText(node, (text) => this.enqueue(text));
      }
    }
  }

  private schedule(): void {
    const urgent =
      this.drawVisible.length > 0 ||
      this.walker !== null ||
      (this.visible.size > 0 && this.inFlight === null);
    if (urgent) {
      if (this.cancelScheduled && !this.scheduledIdle) return;
      this.cancelScheduled?.();
      this.scheduledIdle = false;
      this.cancelScheduled = runSoon(() => this.runSlice());
    } else if (
      (this.drawLater.length > 0 ||
        (this.inFlight === null && this.near.size + this.later.size > 0)) &&
      !this.cancelScheduled
    ) {
      this.scheduledIdle = true;
      this.cancelScheduled = runWhenIdle(() => this.runSlice());
    }
  }

  /** One time-boxed slice: text on screen first, then the walk, then text near the screen, then
   * the rest of the eager share. */
  private runSlice(): void {
    this.cancelScheduled = null;
    // Our own writes are not watched: the browser would record every node we insert (thousands
    // a slice) only for onMutations to recognise them as ours. What the page changed before the
    // slice is taken first and handled after it; nothing else runs during the slice.
    const pageChanges = this.mutations?.takeRecords() ?? [];
    this.mutations?.disconnect();
    try {
      this.runSliceWork();
    } finally {
      if (this.mutations && this.doc.body) this.mutations.observe(this.doc.body, WATCH_CHANGES);
    }
    if (pageChanges.length > 0) this.onMutations(pageChanges);
  }

  private runSliceWork(): void {
    const started = performance.now();
    // The screen's text goes to the background first: it is analysed while this slice walks.
    this.requestBatch();
    const screenPending = this.screenPending();
    let deadline = started + (screenPending ? SCREEN_SLICE_MS : SLICE_MS);
    let item: Analysed | undefined;
    while (performance.now() < deadline && (item = this.drawVisible.shift())) this.draw(item);
    // Each time the text on screen is drawn (at start and after every scroll), for benchmarks.
    if (screenPending && !this.screenPending()) performance.mark('tifa:screen-drawn');
    deadline = started + SLICE_MS;
    if (this.walker && performance.now() < deadline) this.walk(deadline);
    while (performance.now() < deadline && (item = this.drawLater.shift())) this.draw(item);
    // What the walk queued goes out now, not a slice later.
    this.requestBatch();
    this.account(performance.now() - started);
    if (this.termsDrawn.length > 0) {
      const ids = this.termsDrawn;
      this.termsDrawn = [];
      this.config.onTermsDrawn?.(ids);
    }
    if (!this.firstScreenMarked && this.screenSeen && !this.screenPending()) {
      this.firstScreenMarked = true;
      performance.mark('tifa:first-screen');
    }
    if (this.isIdle()) {
      performance.mark('tifa:annotate-idle', { detail: { ...this.stats } });
      // Its listeners read layout (the popup measures the paragraphs on screen): after the
      // frame that lays out this slice's ruby, not forced inside the slice.
      this.cancelIdleNotice?.();
      this.cancelIdleNotice = afterNextFrame(() => {
        this.cancelIdleNotice = null;
        this.config.onIdle?.();
      });
      return;
    }
    this.schedule();
  }

  /** Whether text of the screen is queued, being analysed or waiting to be drawn. */
  private screenPending(): boolean {
    return this.visible.size > 0 || this.inFlight === 'visible' || this.drawVisible.length > 0;
  }

  private isIdle(): boolean {
    return (
      this.visible.size + this.near.size + this.later.size === 0 &&
      this.walker === null &&
      this.inFlight === null &&
      this.drawVisible.length + this.drawLater.length === 0
    );
  }

  /**
   * Sends the next batch of queued text to the background, unless one is on its way: the
   * screen's first, then what is near it, then the rest of an article. Text nodes too long for
   * one paragraph are cut into sentence-sized pieces first.
   */
  private requestBatch(): void {
    if (this.inFlight !== null) return;
    const fromVisible = this.visible.size > 0;
    const queue = fromVisible ? this.visible : this.near.size > 0 ? this.near : this.later;
    const nodes: Text[] = [];
    const texts: string[] = [];
    let chars = 0;
    for (let node = queue.peek(); node; node = queue.peek()) {
      if (!node.isConnected || this.log.isRendered(node)) {
        queue.shift();
        continue;
      }
      if (node.length > MAX_PARAGRAPH_CHARS) {
        queue.shift();
        // Cut into sentence-sized pieces, each analysed (and sent) on its own.
        for (const part of this.log.split(node, sentenceCuts(node.data))) queue.push(part);
        continue;
      }
      if (
        texts.length >= PARAGRAPH_BATCH_LIMITS.texts ||
        (texts.length > 0 && chars + node.length > PARAGRAPH_BATCH_LIMITS.chars)
      )
        break;
      queue.shift();
      nodes.push(node);
      texts.push(node.data);
      chars += node.length;
    }
    if (nodes.length === 0) return;
    const kind = fromVisible ? 'visible' : 'other';
    this.inFlight = kind;
    const generation = this.generation;
    this.config.analyzeParagraphs(texts).then(
      (packed) => {
        if (generation !== this.generation) return;
        this.inFlight = null;
        const ready = kind === 'visible' ? this.drawVisible : this.drawLater;
        nodes.forEach((node, i) => {
          const paragraph = packed[i];
          if (paragraph) ready.push({ node, text: texts[i] as string, packed: paragraph });
        });
        this.afterAnswer();
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        this.inFlight = null;
        // A worker stopped mid-request, or a refused batch: each node goes back to its queue
        // once, to be sent again; what fails twice stays as the page wrote it.
        console.warn(
          'tifa: text not analysed:',
          error instanceof Error ? error.message : 'unknown error',
        );
        for (const node of nodes) {
          if (this.retried.has(node)) continue;
          this.retried.add(node);
          queue.push(node);
        }
        this.afterAnswer();
      },
    );
  }

  /** An answer came: draw it (the screen's at once), or ask for the next batch. */
  private afterAnswer(): void {
    if (this.drawVisible.length > 0 && this.scheduledIdle) {
      // Waiting for idle time would hold the screen's drawing back.
      this.cancelScheduled?.();
      this.cancelScheduled = null;
    }
    if (this.isIdle()) {
      this.runSlice();
      return;
    }
    this.schedule();
  }

  /** Continues the walk for the page's text until `deadline`, queueing what it finds. */
  private walk(deadline: number): void {
    const walker = this.walker;
    if (!walker) return;
    // Annotation may have replaced the node the walk stopped at; a detached node has no way on.
    // Its old parent still leads on (what it holds now is ours or queued), else start over.
    if (!walker.currentNode.isConnected) {
      walker.currentNode = this.resumeFrom?.isConnected ? this.resumeFrom : walker.root;
    }
    let node: Node | null;
    let count = 0;
    while ((node = walker.nextNode())) {
      this.enqueue(node as Text);
      this.resumeFrom = (node as Text).parentElement;
      // Reading the clock every node would cost more than the walk itself.
      if (++count % 64 === 0 && performance.now() >= deadline) return;
    }
    this.walker = null;
    this.resumeFrom = null;
  }

  private account(ms: number): void {
    this.stats.busyMs += ms;
    this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, ms);
  }

  /** Draws one analysed text node, unless the page changed or removed it meanwhile (a change
   * put it back in the queues) or it was drawn already. */
  private draw({ node, text, packed }: Analysed): void {
    if (!node.isConnected || node.data !== text || this.log.isRendered(node)) return;
    let paragraph;
    try {
      paragraph = unpackParagraph(text, packed);
    } catch (error) {
      console.warn('tifa: text not drawn:', error instanceof Error ? error.message : '');
      return;
    }
    const { tokens, terms: matched } = paragraph;
    if (matched.length > 0) this.config.onTermsMatched?.(text, matched);
    const terms = this.config.markTerms ? matched : [];
    this.stats.nodes++;
    this.stats.characters += text.length;
    // Terms are marked even when nothing else changes (pinyin off, no conversion). The tokens
    // tile the text, so their joined displays equal it exactly when nothing is converted or
    // removed.
    const changed = this.config.render.pinyin || terms.length > 0 || packed.display !== text;
    if (!changed) return;
    this.log.replace(node, renderTokens(tokens, this.config.render, terms));
    for (const term of terms) this.termsDrawn.push(term.id);
  }
}

/** A text node's analysis, as the background answered it. */
interface Analysed {
  readonly node: Text;
  /** Its text when it was sent. */
  readonly text: string;
  readonly packed: PackedParagraph;
}

/** Offsets at which to cut a long text: after a sentence end near every MAX_PARAGRAPH_CHARS. */
function sentenceCuts(text: string): number[] {
  const cuts: number[] = [];
  let last = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const end = m.index + 1;
    if (end - last >= MAX_PARAGRAPH_CHARS / 2 && end < text.length) {
      cuts.push(end);
      last = end;
    }
  }
  // No sentence ends at all: cut at fixed points, never inside a surrogate pair.
  for (
    let at = (cuts.at(-1) ?? 0) + MAX_PARAGRAPH_CHARS;
    at < text.length;
    at += MAX_PARAGRAPH_CHARS
  ) {
    const unit = text.charCodeAt(at - 1);
    cuts.push(unit >= 0xd800 && unit <= 0xdbff ? at + 1 : at);
  }
  return cuts;
}
