/**
 * The page's term cards, from the background: the glossary's card of each term the page drew
 * (`describeTerms`) and the reader's own terms behind personal marks (`personalTermCards`). The
 * glossary and the conversion tables stay in the background; the page keeps the few cards it
 * needs.
 *
 * Cards are asked for as soon as annotation draws their terms (`prefetch`), a batch per task, so
 * a hover finds its card here and the popup is built in the pointer move's own frame; a card not
 * here yet is awaited (`cardFor`), as the popup awaits a word's dictionary entry.
 */
import type {
  PageTermCard,
  PersonalCardEntry,
  PersonalTermCard,
} from '../../../utils/glossary/page-card';
import { TERM_CARD_LIMITS } from '../../../utils/limits';
import type { MessageType, RequestOf, ResponseMap } from '../../../utils/messaging';
import { sendToBackground } from '../../../utils/send-message';

/** Cards kept per frame: more than a long article's distinct terms (a few dozen) and the related
 * terms opened from their cards; past it the oldest are dropped and asked for again if needed. */
const MAX_CARDS = 256;

/** A term's name as the terms panel lists it. */
export interface TermName {
  readonly simplified: string;
  /** The official rendering, else the gloss; a personal term's translation. */
  readonly english: string;
}

/** How the store reaches the background (a fake in tests). */
export type SendMessage = <T extends MessageType>(
  type: T,
  payload: RequestOf<T>,
) => Promise<ResponseMap[T]>;

interface Waiter {
  readonly promise: Promise<PageTermCard | null>;
  readonly resolve: (card: PageTermCard | null) => void;
}

export class TermCards {
  /** Answers by id, oldest first; null for an id the glossary does not know. */
  private readonly cards = new Map<string, PageTermCard | null>();
  /** Ids asked for and not answered yet. */
  private readonly waiting = new Map<string, Waiter>();
  /** Ids to ask for in the next batch. */
  private readonly queue: string[] = [];
  private sendQueued = false;
  private personal: ReadonlyMap<string, readonly PersonalTermCard[]> = new Map();

  constructor(private readonly send: SendMessage = sendToBackground) {}

  /** Fetches the reader's own terms (again, after they changed). Without them the page still
   * has the glossary's cards. */
  async loadPersonal(): Promise<void> {
    try {
      const { cards } = await this.send('personalTermCards', {});
      this.personal = new Map<string, readonly PersonalTermCard[]>(
        cards.map(([hitId, terms]: PersonalCardEntry) => [hitId, terms]),
      );
    } catch (error) {
      console.warn(
        'tifa: personal terms unavailable:',
        error instanceof Error ? error.message : error,
      );
    }
  }

  /** The reader's own terms behind a hit id (`personal:<id>`); none for any other id. */
  personalFor(hitId: string): readonly PersonalTermCard[] {
    return this.personal.get(hitId) ?? [];
  }

  /** Whether the reader has personal terms at all. */
  get hasPersonal(): boolean {
    return this.personal.size > 0;
  }

  /** The card of a term if it is here: null when the glossary does not know the id, undefined
   * when it has not been answered yet. */
  cardOf(id: string): PageTermCard | null | undefined {
    return this.cards.get(id);
  }

  /** The card of a term, asked for if it is not here. Never rejects: a failed request gives null
   * (and is not remembered, so the next hover asks again). */
  cardFor(id: string): Promise<PageTermCard | null> {
    const known = this.cards.get(id);
    if (known !== undefined) return Promise.resolve(known);
    return this.ask(id);
  }

  /** Asks ahead for the cards of terms drawn on the page (ids may repeat). */
  prefetch(ids: Iterable<string>): void {
    for (const id of ids) {
      if (!this.cards.has(id) && !this.personal.has(id)) void this.ask(id);
    }
  }

  /** A term's name for the panel: a personal term's own, else its card's; undefined while its
   * card is awaited. */
  nameOf(id: string): TermName | null | undefined {
    const mine = this.personal.get(id)?.[0];
    if (mine) return { simplified: mine.simplified, english: mine.english.gloss };
    const card = this.cards.get(id);
    if (!card) return card;
    return {
      simplified: card.simplified,
      english: card.english.official?.text ?? card.english.gloss,
    };
  }

  /** Resolves once every id has been answered (or its request failed). */
  async whenNamed(ids: readonly string[]): Promise<void> {
    await Promise.all(ids.filter((id) => !this.personal.has(id)).map((id) => this.cardFor(id)));
  }

  /** Drops the cards (the reader was switched off on this page); personal terms stay. */
  clear(): void {
    this.cards.clear();
  }

  private ask(id: string): Promise<PageTermCard | null> {
    const waiting = this.waiting.get(id);
    if (waiting) return waiting.promise;
    let resolve: (card: PageTermCard | null) => void = () => undefined;
    const promise = new Promise<PageTermCard | null>((done) => (resolve = done));
    this.waiting.set(id, { promise, resolve });
    this.queue.push(id);
    // One message for the ids of one task (annotation reports each drawn slice at once).
    if (!this.sendQueued) {
      this.sendQueued = true;
      queueMicrotask(() => this.sendQueue());
    }
    return promise;
  }

  private sendQueue(): void {
    this.sendQueued = false;
    const ids = this.queue.splice(0);
    for (let i = 0; i < ids.length; i += TERM_CARD_LIMITS.idsPerMessage) {
      void this.sendBatch(ids.slice(i, i + TERM_CARD_LIMITS.idsPerMessage));
    }
  }

  private async sendBatch(ids: readonly string[]): Promise<void> {
    let cards: readonly (PageTermCard | null)[] | null = null;
    try {
      ({ cards } = await this.send('describeTerms', { ids: [...ids] }));
    } catch (error) {
      // The popup still shows the word's dictionary entry; the next hover asks again.
      console.warn('tifa: term cards unavailable:', error instanceof Error ? error.message : error);
    }
    ids.forEach((id, i) => {
      const card = cards ? (cards[i] ?? null) : null;
      if (cards) this.remember(id, card);
      const waiter = this.waiting.get(id);
      this.waiting.delete(id);
      waiter?.resolve(card);
    });
  }

  private remember(id: string, card: PageTermCard | null): void {
    this.cards.delete(id);
    this.cards.set(id, card);
    if (this.cards.size <= MAX_CARDS) return;
    const oldest = this.cards.keys().next();
    if (!oldest.done) this.cards.delete(oldest.value);
  }
}
