// The page's term cards come from the background, so the glossary and the conversion tables stay
// out of the reader's bundle: `describeTerms` (a card per id, null for an unknown one, related
// terms named), `personalTermCards` (the reader's own terms grouped by the hit id their marks
// carry), `prefillTerm` (a selection tidied for the "Add as my term" form), each validated at the
// boundary; and the page's store that asks for cards as terms are drawn and keeps them.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '../../entrypoints/background/handlers';
import { useDatabase } from '../../entrypoints/background/store';
import { TermCards, type SendMessage } from '../../entrypoints/reader.content/terms/term-cards';
import { TifaDatabase } from '../../utils/db/schema';
import { describeTerm } from '../../utils/glossary/entries';
import type { PageTermCard, PersonalCardEntry } from '../../utils/glossary/page-card';
import { TERM_CARD_LIMITS } from '../../utils/limits';
import type { MessageType, RequestOf, ResponseMap } from '../../utils/messaging';

const NQPF = 'new-quality-productive-forces';
/** A web page's sender: these messages are the content script's own. */
const PAGE = { tabId: 1, frameId: 0, url: 'https://news.example/article' };

async function ask<T extends MessageType>(type: T, payload: unknown): Promise<ResponseMap[T]> {
  const reply = await handleMessage({ type, payload }, PAGE);
  if (!reply.ok) throw new Error(reply.error);
  // What the page receives: the messaging layer's JSON round trip.
  return JSON.parse(JSON.stringify(reply.value)) as ResponseMap[T];
}

async function refusal(type: MessageType, payload: unknown): Promise<string> {
  const reply = await handleMessage({ type, payload }, PAGE);
  if (reply.ok) throw new Error(`${type} was accepted`);
  return reply.error;
}

let counter = 0;
beforeEach(() => {
  fakeBrowser.reset();
  useDatabase(new TifaDatabase(`term-cards-test-${++counter}`));
});

describe('describeTerms', () => {
  it('answers each id in order: its card, or null for an id the glossary does not know', async () => {
    const { cards } = await ask('describeTerms', {
      ids: ['no-such-term', NQPF, 'pattern:plenums:20', 'personal:my-term'],
    });
    expect(cards).toHaveLength(4);
    expect(cards[0]).toBeNull();
    expect(cards[3]).toBeNull();
    const card = cards[1];
    expect(card).toMatchObject({ id: NQPF, simplified: '新质生产力', traditional: '新質生產力' });
    expect(card?.english.official?.text).toBe(describeTerm(NQPF)?.english.official?.text);
    // A pattern term's card is computed from its numbers, as on the page before.
    expect(cards[2]).toMatchObject({
      kind: 'pattern',
      simplified: describeTerm('pattern:plenums:20')?.simplified,
    });
  });

  it('names the related terms, so the card draws its links without asking again', async () => {
    const { cards } = await ask('describeTerms', { ids: [NQPF] });
    const related = (cards[0] as PageTermCard).related;
    expect(related.length).toBeGreaterThan(0);
    for (const link of related) {
      const target = describeTerm(link.id);
      expect(target, link.id).not.toBeNull();
      expect(link.simplified).toBe(target?.simplified);
      expect(link.title).toBe(target?.english.official?.text ?? target?.english.gloss);
    }
  });

  it('refuses bad ids, too many ids, none, and extra fields', async () => {
    const max = Array.from({ length: TERM_CARD_LIMITS.idsPerMessage }, (_, i) => `term-${i}`);
    expect((await ask('describeTerms', { ids: max })).cards).toHaveLength(max.length);
    expect(await refusal('describeTerms', { ids: [...max, 'one-more'] })).toMatch(/at ids/);
    expect(await refusal('describeTerms', { ids: [] })).toMatch(/invalid describeTerms/);
    for (const bad of ['New Quality', '<b>x</b>', 'a--b', '', 'a'.repeat(97), 42])
      expect(await refusal('describeTerms', { ids: [bad] })).toMatch(/invalid describeTerms/);
    expect(await refusal('describeTerms', { ids: [NQPF], all: true })).toMatch(
      /invalid describeTerms/,
    );
    expect(await refusal('describeTerms', {})).toMatch(/invalid describeTerms/);
  });
});

describe('personalTermCards', () => {
  it('groups the reader’s terms by the hit id their marks carry, with their card fields', async () => {
    expect((await ask('personalTermCards', {})).cards).toEqual([]);
    const first = await ask('addPersonalTerm', {
      simplified: '朋友圈经济',
      translation: 'circle-of-friends economy',
      tags: ['economy'],
    });
    // The same form again (as a pack imported with "keep both" gives): one hit, both terms.
    await ask('addPersonalTerm', {
      simplified: '朋友圈经济',
      translation: 'networked regional economy',
      notes: 'A second reading.',
    });
    // Traditional forms are keyed as the matcher keys page text: simplified.
    await ask('addPersonalTerm', {
      simplified: '县域经济',
      traditional: '縣域經濟',
      translation: 'county economy',
    });
    const { cards } = await ask('personalTermCards', {});
    const byHit = new Map<string, PersonalCardEntry[1]>(cards);
    expect(byHit.size).toBe(2);
    const shared = byHit.get(`personal:${first.term.id}`);
    expect(shared?.map((t) => t.english.gloss)).toEqual([
      'circle-of-friends economy',
      'networked regional economy',
    ]);
    expect(shared?.[0]).toEqual({
      simplified: '朋友圈经济',
      english: { gloss: 'circle-of-friends economy' },
      tags: ['economy'],
    });
    expect(shared?.[1]?.notes).toBe('A second reading.');
    const county = [...byHit.values()].find((terms) => terms[0]?.simplified === '县域经济');
    expect(county?.[0]).toMatchObject({
      traditional: '縣域經濟',
      english: { gloss: 'county economy' },
    });
  });

  it('refuses extra fields', async () => {
    expect(await refusal('personalTermCards', { all: true })).toMatch(/invalid personalTermCards/);
  });
});

describe('prefillTerm', () => {
  it('tidies a selection as the form needs it, or answers null without Chinese', async () => {
    expect((await ask('prefillTerm', { text: '縣域經(jīng)濟。' })).prefill).toEqual({
      simplified: '县域经济',
      traditional: '縣域經濟',
    });
    // Quotes folded as the matcher folds them; the full stop a drag catches dropped.
    expect((await ask('prefillTerm', { text: '“十五五”规划。' })).prefill).toEqual({
      simplified: '"十五五"规划',
    });
    expect((await ask('prefillTerm', { text: '(GDP)' })).prefill).toBeNull();
  });

  it('refuses empty and overlong selections and extra fields', async () => {
    const max = '发'.repeat(TERM_CARD_LIMITS.selectionChars);
    expect((await ask('prefillTerm', { text: max })).prefill?.simplified).toBe(max);
    expect(await refusal('prefillTerm', { text: `${max}展` })).toMatch(/at text/);
    expect(await refusal('prefillTerm', { text: '' })).toMatch(/invalid prefillTerm/);
    expect(await refusal('prefillTerm', { text: '经济', url: 'https://x.example/' })).toMatch(
      /invalid prefillTerm/,
    );
  });
});

/** A background that answers `describeTerms` from the glossary, recording what was asked. */
function fakeBackground() {
  const asked: string[][] = [];
  let failing = false;
  const send = vi.fn(async (type: MessageType, payload: unknown) => {
    await Promise.resolve();
    if (failing) throw new Error('the background did not answer');
    if (type === 'personalTermCards') {
      const entry: PersonalCardEntry = [
        'personal:my-term',
        [{ simplified: '朋友圈经济', english: { gloss: 'circle-of-friends economy' } }],
      ];
      return { cards: [entry] };
    }
    const { ids } = payload as RequestOf<'describeTerms'>;
    asked.push(ids);
    return ask('describeTerms', { ids });
  });
  return {
    send: send as unknown as SendMessage,
    asked,
    fail: (value: boolean) => (failing = value),
  };
}

describe('the page’s card store', () => {
  it('asks once per task for the terms drawn, and answers hovers from what it keeps', async () => {
    const background = fakeBackground();
    const cards = new TermCards(background.send);
    // Annotation reports each occurrence; two slices drawn in one task.
    cards.prefetch([NQPF, NQPF, 'fifteenth-five-year-plan']);
    cards.prefetch([NQPF, 'no-such-term']);
    expect(cards.cardOf(NQPF)).toBeUndefined();
    const card = await cards.cardFor(NQPF);
    expect(background.asked).toEqual([[NQPF, 'fifteenth-five-year-plan', 'no-such-term']]);
    expect(card?.simplified).toBe('新质生产力');
    // Known now: synchronously, and nothing asked again.
    expect(cards.cardOf(NQPF)).toBe(card);
    expect(cards.cardOf('no-such-term')).toBeNull();
    expect(cards.nameOf('fifteenth-five-year-plan')?.simplified).toBe('十五五');
    cards.prefetch([NQPF, 'no-such-term']);
    expect(await cards.cardFor('no-such-term')).toBeNull();
    expect(background.asked).toHaveLength(1);
  });

  it('splits a long list into messages the background accepts', async () => {
    const background = fakeBackground();
    const cards = new TermCards(background.send);
    const ids = Array.from({ length: TERM_CARD_LIMITS.idsPerMessage * 2 + 1 }, (_, i) => `t-${i}`);
    cards.prefetch(ids);
    await cards.whenNamed(ids);
    expect(background.asked.map((batch) => batch.length)).toEqual([
      TERM_CARD_LIMITS.idsPerMessage,
      TERM_CARD_LIMITS.idsPerMessage,
      1,
    ]);
    expect(ids.every((id) => cards.cardOf(id) === null)).toBe(true);
  });

  it('gives null when the background fails, and asks again next time', async () => {
    const background = fakeBackground();
    const cards = new TermCards(background.send);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    background.fail(true);
    expect(await cards.cardFor(NQPF)).toBeNull();
    expect(cards.cardOf(NQPF)).toBeUndefined();
    background.fail(false);
    expect((await cards.cardFor(NQPF))?.id).toBe(NQPF);
  });

  it('names personal hits from the reader’s own terms, without asking for their cards', async () => {
    const background = fakeBackground();
    const cards = new TermCards(background.send);
    await cards.loadPersonal();
    expect(cards.hasPersonal).toBe(true);
    expect(cards.personalFor('personal:my-term')[0]?.english.gloss).toBe(
      'circle-of-friends economy',
    );
    expect(cards.personalFor(NQPF)).toEqual([]);
    cards.prefetch(['personal:my-term']);
    await cards.whenNamed(['personal:my-term']);
    expect(cards.nameOf('personal:my-term')).toEqual({
      simplified: '朋友圈经济',
      english: 'circle-of-friends economy',
    });
    expect(background.asked).toEqual([]);
  });
});
