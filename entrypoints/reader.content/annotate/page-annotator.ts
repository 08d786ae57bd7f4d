/**
 * Annotates a live page: finds Chinese text, analyses it, replaces it with ruby and converted
 * text, visible paragraphs first, the rest in idle time, new content as it arrives; and undoes
 * all of it on demand.
 */
import type { Glossary } from '../../../utils/glossary/entries';
import { matchAnalysis, type TermHit } from '../../../utils/glossary/matcher';
import { joinPersonalHits } from '../../../utils/glossary/personal';
import { MAX_PARAGRAPH_CHARS } from '../../../utils/limits';
import { analyze, type AnalyzeOptions } from '../../../utils/zh/analyze';
import { collectChineseText, isInsideSkipped } from './collect-text';
import { STATE_ATTR } from './markers';
import { installPageStyle, removePageStyle, type PageStyleOptions } from './page-style';
import { renderTokens, type RenderOptions } from './render-tokens';
import { ReplacementLog } from './replacements';
import { runSoon, runWhenIdle, SLICE_MS, type Cancel } from './schedule';
import { WorkQueue } from './work-queue';

export interface AnnotatorConfig {
  readonly analyze: Pick<AnalyzeOptions, 'to' | 'keepArtifacts' | 'lexicon' | 'polyphones'>;
  readonly render: RenderOptions;
  readonly style: PageStyleOptions;
  /** Wrap glossary terms in marks (the `glossary` setting). */
  readonly markTerms?: boolean;
  /** Called after a batch of work that drew term marks, with their ids (for the terms panel). */
  readonly onTermsDrawn?: (ids: readonly string[]) => void;
  /** Called with each text node's term hits (ORIGINAL offsets), marked or not: the tracker
   * counts them without walking the page again. Terms are matched when this is set. */
  readonly onTermsMatched?: (text: string, hits: readonly TermHit[]) => void;
  /** The reader's personal terms, matched beside the built-in glossary (glossary/personal.ts). */
  readonly personal?: Glossary | null;
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

/** Readings need context, but a text node of a megabyte must not be one task: long nodes are cut
 * at sentence ends into pieces of about this many characters. */
const SENTENCE_END = /[。！？；!?;\n]/g;

export class PageAnnotator {
  // A text node the page edits after we replaced it is put back and annotated afresh.
  private readonly log = new ReplacementLog((original) => this.enqueue(original));
  private readonly visible = new WorkQueue<Text>();
  private readonly later = new WorkQueue<Text>();
  /** Text nodes waiting to be seen, by the element observed for them. */
  private readonly waiting = new Map<Element, Text[]>();
  private intersection: IntersectionObserver | null = null;
  private mutations: MutationObserver | null = null;
  private cancelScheduled: Cancel | null = null;
  private scheduledIdle = false;
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
    installPageStyle(this.doc, this.config.style);
    this.doc.documentElement.setAttribute(STATE_ATTR, 'on');
    this.intersection = new IntersectionObserver((entries) => this.onIntersection(entries), {
      // Annotate a screen ahead, so scrolling never shows bare text.
      rootMargin: '100% 0px',
    });
    const started = performance.now();
    collectChineseText(body, (node) => this.enqueue(node));
    this.account(performance.now() - started);
    this.mutations = new MutationObserver((records) => this.onMutations(records));
    this.mutations.observe(body, { childList: true, subtree: true, characterData: true });
  }

  /** Stops all work and restores the page exactly as it was. */
  stop(): void {
    this.mutations?.disconnect();
    this.intersection?.disconnect();
    this.mutations = null;
    this.intersection = null;
    this.cancelScheduled?.();
    this.cancelScheduled = null;
    this.visible.clear();
    this.later.clear();
    this.waiting.clear();
    this.log.restoreAll();
    removePageStyle(this.doc);
    this.doc.documentElement.removeAttribute(STATE_ATTR);
  }

  private enqueue(node: Text): void {
    const element = node.parentElement;
    if (!element || !this.intersection) return;
    const list = this.waiting.get(element);
    if (list) {
      list.push(node);
      return;
    }
    this.waiting.set(element, [node]);
    this.intersection.observe(element);
    this.later.push(node);
    this.schedule();
  }

  private onIntersection(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const nodes = this.waiting.get(entry.target);
      this.intersection?.unobserve(entry.target);
      this.waiting.delete(entry.target);
      for (const node of nodes ?? []) this.visible.push(node);
    }
    this.schedule();
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') {
        const target = record.target;
        if (target instanceof Text && !this.log.ours.has(target) && target.parentElement) {
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
    if (this.visible.size > 0) {
      if (this.cancelScheduled && !this.scheduledIdle) return;
      this.cancelScheduled?.();
      this.scheduledIdle = false;
      this.cancelScheduled = runSoon(() => this.runSlice());
    } else if (this.later.size > 0 && !this.cancelScheduled) {
      this.scheduledIdle = true;
      this.cancelScheduled = runWhenIdle(() => this.runSlice());
    }
  }

  private runSlice(): void {
    this.cancelScheduled = null;
    const started = performance.now();
    const deadline = started + SLICE_MS;
    let node: Text | undefined;
    while (performance.now() < deadline && (node = this.visible.shift() ?? this.later.shift())) {
      this.annotate(node);
    }
    this.account(performance.now() - started);
    if (this.termsDrawn.length > 0) {
      const ids = this.termsDrawn;
      this.termsDrawn = [];
      this.config.onTermsDrawn?.(ids);
    }
    if (!this.firstScreenMarked && this.visible.size === 0) {
      this.firstScreenMarked = true;
      performance.mark('tifa:first-screen');
    }
    if (this.visible.size === 0 && this.later.size === 0) {
      performance.mark('tifa:annotate-idle', { detail: { ...this.stats } });
      this.config.onIdle?.();
      return;
    }
    this.schedule();
  }

  private account(ms: number): void {
    this.stats.busyMs += ms;
    this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, ms);
  }

  /** Annotates one text node, unless it was annotated already or left the page. */
  private annotate(node: Text): void {
    if (!node.isConnected || this.log.isRendered(node)) return;
    if (node.length > MAX_PARAGRAPH_CHARS) {
      // Cut into sentence-sized pieces annotated in separate slices.
      const parts = this.log.split(node, sentenceCuts(node.data));
      for (const part of parts) this.later.push(part);
      return;
    }
    const text = node.data;
    const analysis = analyze(text, {
      ...this.config.analyze,
      pinyin: this.config.render.pinyin ? 'num' : 'none',
    });
    const { tokens } = analysis;
    const wantTerms = this.config.markTerms || this.config.onTermsMatched;
    const personal = this.config.personal;
    const matched = wantTerms
      ? joinPersonalHits(
          matchAnalysis(text, analysis),
          personal && personal.forms.size > 0 ? matchAnalysis(text, analysis, personal) : [],
        )
      : [];
    if (matched.length > 0) this.config.onTermsMatched?.(text, matched);
    const terms = this.config.markTerms ? matched : [];
    // Terms are marked even when nothing else changes (pinyin off, no conversion).
    const changed =
      this.config.render.pinyin ||
      terms.length > 0 ||
      tokens.some((t) => t.display !== text.slice(t.start, t.end));
    this.stats.nodes++;
    this.stats.characters += text.length;
    if (!changed) return;
    this.log.replace(node, renderTokens(tokens, this.config.render, terms));
    for (const term of terms) this.termsDrawn.push(term.id);
  }
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
