// FSRS scheduling through the stored card format, and the review page's search.
import { describe, expect, it } from 'vitest';
import { newCardState, type VocabularyRecord } from '../../utils/db/schema';
import { formatInterval, previewDueDates, scheduleReview } from '../../utils/study/fsrs';
import { EMPTY_FILTER, filterVocabulary, indexVocabulary } from '../../utils/study/search';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('FSRS scheduling', () => {
  it('orders the four answers: Again soonest, Easy latest', () => {
    const due = previewDueDates(newCardState(0), 0);
    expect(due[1]).toBeLessThan(due[2]);
    expect(due[2]).toBeLessThan(due[3]);
    expect(due[3]).toBeLessThan(due[4]);
    // A new card answered Again comes back within minutes; Easy in days.
    expect(due[1]).toBeLessThanOrEqual(10 * MINUTE);
    expect(due[4]).toBeGreaterThanOrEqual(DAY);
  });

  it('grows the interval with successive Good answers and shrinks it after Again', () => {
    let card = newCardState(0);
    let now = 0;
    const intervals: number[] = [];
    for (let i = 0; i < 5; i++) {
      const next = scheduleReview(card, 3, now);
      intervals.push(next.card.due - now);
      card = next.card;
      now = card.due;
    }
    for (let i = 2; i < intervals.length; i++) {
      expect(intervals[i]).toBeGreaterThan(intervals[i - 1] ?? 0);
    }
    expect(card.state).toBe(2);
    const lapse = scheduleReview(card, 1, now);
    expect(lapse.card.lapses).toBe(1);
    expect(lapse.card.state).toBe(3);
    expect(lapse.card.due - now).toBeLessThan(DAY);
    expect(lapse.log).toMatchObject({ rating: 1, state: 2, review: now });
  });

  it('keeps the stored card JSON-safe (numbers and null, no Date objects)', () => {
    const { card, log } = scheduleReview(newCardState(0), 3, 1000);
    expect(JSON.parse(JSON.stringify({ card, log }))).toEqual({ card, log });
    expect(card.last_review).toBe(1000);
  });

  it('labels intervals for the answer buttons', () => {
    expect(formatInterval(10 * MINUTE, 0)).toBe('10 min');
    expect(formatInterval(3 * 60 * MINUTE, 0)).toBe('3 h');
    expect(formatInterval(4 * DAY, 0)).toBe('4 d');
    expect(formatInterval(90 * DAY, 0)).toBe('3 mo');
  });
});

function word(
  simplified: string,
  traditional: string,
  pinyin: string,
  definition: string,
  extra: Partial<VocabularyRecord> = {},
): VocabularyRecord {
  return {
    key: `dictionary:${simplified}`,
    word: simplified,
    traditional,
    kind: 'dictionary',
    pinyin,
    definition,
    status: 'new',
    tags: [],
    notes: '',
    firstSeen: 0,
    lastSeen: 0,
    timesSaved: 1,
    contexts: [],
    card: newCardState(0),
    ...extra,
  };
}

describe('vocabulary search', () => {
  const rows = [
    word('经济', '經濟', 'jing1 ji4', 'economy; economic', { lastSeen: 3, tags: ['两会'] }),
    word('绿色', '綠色', 'lu:4 se4', 'green; eco-friendly', { lastSeen: 2, status: 'known' }),
    word('京剧', '京劇', 'Jing1 ju4', 'Beijing opera', {
      lastSeen: 1,
      contexts: [{ sentence: 's', url: 'https://www.news.cn/a', title: 't', time: 1 }],
    }),
  ];
  const index = indexVocabulary(rows);
  const find = (query: string, extra: Partial<typeof EMPTY_FILTER> = {}) =>
    filterVocabulary(
      index,
      { ...EMPTY_FILTER, query, ...extra },
      { key: 'lastSeen', descending: true },
    ).map((r) => r.word);

  it('finds hanzi in either script', () => {
    expect(find('经')).toEqual(['经济']);
    expect(find('經濟')).toEqual(['经济']);
  });

  it('finds pinyin with tone marks, tone numbers or no tones, spaces optional', () => {
    expect(find('jingji')).toEqual(['经济']);
    expect(find('jing ji')).toEqual(['经济']);
    expect(find('jīngjì')).toEqual(['经济']);
    expect(find('jing1 ji4')).toEqual(['经济']);
    expect(find('jing1')).toEqual(['经济', '京剧']);
    expect(find('jìng')).toEqual([]);
    expect(find('lü4')).toEqual(['绿色']);
    expect(find('lv')).toEqual(['绿色']);
    expect(find('luse')).toEqual(['绿色']);
    expect(find('lǜsè')).toEqual(['绿色']);
  });

  it('finds English words of the definition', () => {
    expect(find('opera')).toEqual(['京剧']);
    expect(find('ECO')).toEqual(['经济', '绿色']);
  });

  it('filters by status, tag, site and date, and sorts', () => {
    expect(find('', { status: 'known' })).toEqual(['绿色']);
    expect(find('', { tag: '两会' })).toEqual(['经济']);
    expect(find('', { site: 'www.news.cn' })).toEqual(['京剧']);
    expect(find('', { from: 2 })).toEqual(['经济', '绿色']);
    expect(
      filterVocabulary(index, EMPTY_FILTER, { key: 'pinyin', descending: false }).map(
        (r) => r.word,
      ),
    ).toEqual(['经济', '京剧', '绿色']);
  });
});
