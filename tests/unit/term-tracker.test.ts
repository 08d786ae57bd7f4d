// The term tracker: counting hits per page, recording through the background's handler (opt-in,
// excluded sites, validation), replacing a page's rows on a second visit, clearing, and the
// dashboard's aggregation from index keys.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '../../entrypoints/background/handlers';
import { getDatabase, useDatabase } from '../../entrypoints/background/store';
import {
  clearSightings,
  rebuildTermStats,
  recordSightings,
  type RecordSightingsInput,
} from '../../entrypoints/background/tracker-store';
import { TifaDatabase, type SightingRecord, type TermStatsRecord } from '../../utils/db/schema';
import { matchTerms } from '../../utils/glossary/matcher';
import { FIELD_LIMITS, MAX_MESSAGE_CHARS, TRACKER_LIMITS } from '../../utils/limits';
import { DEFAULT_TRACKER_SETTINGS, trackerSettings } from '../../utils/settings';
import {
  statsFromSightings,
  summarizeStats,
  weeklySeries,
  weekStart,
} from '../../utils/tracker/aggregate';
import { sentenceAround, summarizeSightings } from '../../utils/tracker/summarize';

const DAY = 24 * 60 * 60 * 1000;
/** Monday 2025-03-03 00:00 UTC. */
const MONDAY = Date.UTC(2025, 2, 3);

const page: RecordSightingsInput = {
  url: 'https://news.example.cn/2025/03/a.html#comments',
  title: '政府工作报告解读',
  outlet: '',
  date: MONDAY + DAY,
  terms: [
    { id: 'new-quality-productive-forces', count: 3, sentence: '加快发展新质生产力。' },
    { id: 'high-quality-development', count: 1, sentence: '推动高质量发展。' },
  ],
};

const contentScript = { tabId: 1, frameId: 0, url: 'https://news.example.cn/2025/03/a.html' };
const reviewPage = { url: fakeBrowser.runtime.getURL('/review.html') };

let counter = 0;
beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  useDatabase(new TifaDatabase(`tracker-test-${++counter}`));
});

async function rows(): Promise<SightingRecord[]> {
  return getDatabase().sightings.orderBy('termId').toArray();
}

describe('summarizeSightings', () => {
  it('counts hits per term and keeps the first non-empty sentence, in order of appearance', () => {
    expect(
      summarizeSightings([
        { id: 'b', sentence: '' },
        { id: 'a', sentence: '第一句。' },
        { id: 'b', sentence: '第二句。' },
        { id: 'a', sentence: '第三句。' },
        { id: 'b', sentence: '第四句。' },
      ]),
    ).toEqual([
      { id: 'b', count: 3, sentence: '第二句。' },
      { id: 'a', count: 2, sentence: '第一句。' },
    ]);
  });

  it('keeps the most frequent terms when a page has more than the limit, and clips sentences', () => {
    const hits = Array.from({ length: TRACKER_LIMITS.termsPerPage + 5 }, (_, i) => ({
      id: `t${i}`,
      sentence: '长'.repeat(FIELD_LIMITS.sentence + 10),
    }));
    hits.push({ id: 't100', sentence: '' }, { id: 't100', sentence: '' });
    const terms = summarizeSightings(hits);
    expect(terms).toHaveLength(TRACKER_LIMITS.termsPerPage);
    expect(terms[0]?.id).toBe('t0');
    expect(terms.find((t) => t.id === 't100')?.count).toBe(2);
    expect(terms.every((t) => t.sentence.length <= FIELD_LIMITS.sentence)).toBe(true);
    // What the reader sends fits the protocol's message limit.
    const message = { type: 'recordSightings', payload: { ...page, terms } };
    expect(JSON.stringify(message).length).toBeLessThan(MAX_MESSAGE_CHARS);
  });

  it('takes the sentence around a hit, with closing quotes, from the matcher’s offsets', () => {
    const text = '会议指出。“要因地制宜发展新质生产力。”这是第二句！';
    const [hit] = matchTerms(text).filter((h) => h.id === 'new-quality-productive-forces');
    expect(hit).toBeDefined();
    expect(sentenceAround(text, hit?.start ?? 0, hit?.end ?? 0)).toBe(
      '“要因地制宜发展新质生产力。”',
    );
    const long = `${'很长的句子'.repeat(200)}新质生产力${'很长的句子'.repeat(200)}。`;
    const at = long.indexOf('新质生产力');
    const cut = sentenceAround(long, at, at + 5);
    expect(cut.length).toBeLessThanOrEqual(FIELD_LIMITS.sentence);
    expect(cut).toContain('新质生产力');
  });
});

describe('recording sightings', () => {
  it('writes one row per term with the page’s fields, the URL without its fragment, the host as outlet', async () => {
    expect(await recordSightings(page)).toBe(2);
    const stored = await rows();
    expect(stored.map(({ id: _id, ...row }) => row)).toEqual([
      {
        termId: 'high-quality-development',
        url: 'https://news.example.cn/2025/03/a.html',
        title: '政府工作报告解读',
        outlet: 'news.example.cn',
        time: MONDAY + DAY,
        count: 1,
        sentence: '推动高质量发展。',
      },
      {
        termId: 'new-quality-productive-forces',
        url: 'https://news.example.cn/2025/03/a.html',
        title: '政府工作报告解读',
        outlet: 'news.example.cn',
        time: MONDAY + DAY,
        count: 3,
        sentence: '加快发展新质生产力。',
      },
    ]);
  });

  it('replaces a page’s rows when it is recorded again: no double counting, first date kept', async () => {
    await recordSightings(page);
    await recordSightings({ ...page, url: 'https://news.example.cn/other.html' });
    await recordSightings({
      ...page,
      url: 'https://news.example.cn/2025/03/a.html',
      date: MONDAY + 5 * DAY,
      title: '更新后的标题',
      terms: [{ id: 'new-quality-productive-forces', count: 4, sentence: '新句子。' }],
    });
    const forPage = (await rows()).filter((r) => r.url.endsWith('/a.html'));
    expect(forPage).toHaveLength(1);
    expect(forPage[0]).toMatchObject({ count: 4, time: MONDAY + DAY, title: '更新后的标题' });
    expect(await getDatabase().sightings.count()).toBe(3);
    // A page whose terms are gone loses its rows.
    await recordSightings({ ...page, terms: [] });
    expect(await getDatabase().sightings.count()).toBe(2);
  });

  it('merges a term sent twice in one message into one row', async () => {
    await recordSightings({
      ...page,
      terms: [
        { id: 'a', count: 1, sentence: '' },
        { id: 'a', count: 2, sentence: '句子。' },
      ],
    });
    expect((await rows()).map((r) => [r.termId, r.count, r.sentence])).toEqual([
      ['a', 3, '句子。'],
    ]);
  });

  it('clears the history', async () => {
    await recordSightings(page);
    expect(await clearSightings()).toBe(2);
    expect(await getDatabase().sightings.count()).toBe(0);
  });
});

describe('the recordSightings message', () => {
  const send = (payload: unknown, sender: object = contentScript) =>
    handleMessage({ type: 'recordSightings', payload }, sender);

  it('records nothing while the tracker is off (the default)', async () => {
    expect(await send(page)).toEqual({ ok: true, value: { recorded: false, terms: 0 } });
    expect(await getDatabase().sightings.count()).toBe(0);
  });

  it('records when on, but never on an excluded site or its subdomains', async () => {
    await trackerSettings.setValue({ enabled: true, excludedSites: ['example.cn'] });
    expect(await send(page)).toEqual({ ok: true, value: { recorded: false, terms: 0 } });
    await trackerSettings.setValue({ ...DEFAULT_TRACKER_SETTINGS, enabled: true });
    expect(await send(page)).toEqual({ ok: true, value: { recorded: true, terms: 2 } });
    expect(await getDatabase().sightings.count()).toBe(2);
  });

  it('refuses malformed, oversized or extra data without echoing it', async () => {
    await trackerSettings.setValue({ enabled: true, excludedSites: [] });
    const bad = [
      { ...page, html: '<p>the whole page</p>' },
      { ...page, terms: [{ id: 'Bad Id', count: 1, sentence: '' }] },
      { ...page, terms: [{ id: 'a', count: 0, sentence: '' }] },
      { ...page, terms: [{ id: 'a', count: 1, sentence: 'x'.repeat(FIELD_LIMITS.sentence + 1) }] },
      { ...page, date: Date.now() + 30 * DAY },
      {
        ...page,
        terms: Array.from({ length: TRACKER_LIMITS.termsPerPage + 1 }, (_, i) => ({
          id: `t${i}`,
          count: 1,
          sentence: '',
        })),
      },
    ];
    for (const payload of bad) {
      const reply = await send(payload);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error).not.toContain('the whole page');
    }
    expect(await getDatabase().sightings.count()).toBe(0);
  });

  it('clears only from the extension’s own pages', async () => {
    await trackerSettings.setValue({ enabled: true, excludedSites: [] });
    await send(page);
    const fromPage = await handleMessage({ type: 'clearSightings', payload: {} }, contentScript);
    expect(fromPage.ok).toBe(false);
    expect(await handleMessage({ type: 'clearSightings', payload: {} }, reviewPage)).toEqual({
      ok: true,
      value: { deleted: 2 },
    });
  });
});

describe('dashboard aggregation', () => {
  const counted = [
    { termId: 'a', outlet: 'people.cn', time: MONDAY + DAY, count: 3 },
    { termId: 'a', outlet: 'people.cn', time: MONDAY + 15 * DAY, count: 1 },
    { termId: 'a', outlet: 'xinhuanet.com', time: MONDAY + 2 * DAY, count: 2 },
    { termId: 'b', outlet: 'people.cn', time: MONDAY, count: 5 },
    { termId: 'c', outlet: 'xinhuanet.com', time: MONDAY + 8 * DAY, count: 1 },
  ];

  it('sums mentions and pages per term and outlet, with first and last seen', () => {
    const overview = summarizeStats([...statsFromSightings(counted).values()], 2);
    expect(overview.sightings).toBe(5);
    expect(overview.mentions).toBe(12);
    expect(overview.terms.map((t) => [t.id, t.mentions, t.pages])).toEqual([
      ['a', 6, 3],
      ['b', 5, 1],
      ['c', 1, 1],
    ]);
    const a = overview.terms[0];
    expect(a?.firstSeen).toBe(MONDAY + DAY);
    expect(a?.lastSeen).toBe(MONDAY + 15 * DAY);
    expect(a?.outlets).toEqual([
      { outlet: 'people.cn', mentions: 4, pages: 2 },
      { outlet: 'xinhuanet.com', mentions: 2, pages: 1 },
    ]);
    expect(overview.outlets).toEqual([
      {
        outlet: 'people.cn',
        mentions: 9,
        pages: 3,
        terms: [
          { id: 'b', mentions: 5 },
          { id: 'a', mentions: 4 },
        ],
      },
      {
        outlet: 'xinhuanet.com',
        mentions: 3,
        pages: 2,
        terms: [
          { id: 'a', mentions: 2 },
          { id: 'c', mentions: 1 },
        ],
      },
    ]);
  });

  it('gives a weekly timeline with empty weeks, weeks starting on Monday UTC', () => {
    expect(weekStart(MONDAY + 6 * DAY + 1000)).toBe(MONDAY);
    expect(weekStart(MONDAY - 1)).toBe(MONDAY - 7 * DAY);
    const a = statsFromSightings(counted).get('a');
    const series = weeklySeries(a ?? { weeks: [] });
    expect(series.weeks).toEqual([
      MONDAY / 1000,
      (MONDAY + 7 * DAY) / 1000,
      (MONDAY + 14 * DAY) / 1000,
    ]);
    expect(series.mentions).toEqual([5, 0, 1]);
    expect(series.pages).toEqual([2, 0, 1]);
  });

  it('keeps the stored totals equal to totals rebuilt from the sightings through every write', async () => {
    const random = seeded(7);
    const ids = ['a', 'b', 'c', 'd'];
    for (let step = 0; step < 60; step++) {
      const pageNo = Math.floor(random() * 8);
      const terms = ids
        .filter(() => random() < 0.5)
        .map((id) => ({ id, count: 1 + Math.floor(random() * 4), sentence: `${id}。` }));
      await recordSightings({
        url: `https://site${pageNo % 3}.example/p${pageNo}`,
        title: 'T',
        outlet: '',
        date: MONDAY + Math.floor(random() * 60) * DAY,
        terms,
      });
      if (step === 40) await clearSightings();
    }
    const db = getDatabase();
    const stored = await db.termStats.orderBy('termId').toArray();
    const rebuilt = [...statsFromSightings(await db.sightings.toArray()).values()].sort((x, y) =>
      x.termId < y.termId ? -1 : 1,
    );
    const canonical = (list: TermStatsRecord[]) =>
      list.map((t) => ({ ...t, outlets: [...t.outlets].sort((x, y) => (x[0] < y[0] ? -1 : 1)) }));
    expect(canonical(stored)).toEqual(canonical(rebuilt));
    expect(stored.length).toBeGreaterThan(0);
    expect(await rebuildTermStats()).toBe(stored.length);
    expect(canonical(await db.termStats.orderBy('termId').toArray())).toEqual(canonical(rebuilt));
  });
});

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
