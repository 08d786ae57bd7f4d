// Annotations in the background: saved through the validated message, listed by page (fragment
// aside), and a web page may neither save nor read another page's annotations; the reader's
// anchoring report marks orphans of its own page only; the review page edits and deletes.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '../../entrypoints/background/handlers';
import { useDatabase } from '../../entrypoints/background/store';
import { TifaDatabase } from '../../utils/db/schema';
import { parseTabMessage } from '../../utils/tab-messages';

let counter = 0;
let db: TifaDatabase;
beforeEach(() => {
  fakeBrowser.reset();
  db = new TifaDatabase(`annotation-test-${++counter}`);
  useDatabase(db);
});

/** The sender of the review page (an extension page). */
const REVIEW = { url: 'chrome-extension://test-extension-id/review.html' };

const PAGE = 'https://news.example.cn/2025/a.html';
const input = {
  url: `${PAGE}#top`,
  title: '标题',
  outlet: 'news.example.cn',
  exact: '新质生产力',
  prefix: '因地制宜发展',
  suffix: '，推动',
  position: 42,
  note: 'first use in this outlet',
  tags: ['nqpf', 'nqpf'],
};

describe('annotation messages', () => {
  it('saves an annotation from its own page and lists it for the page', async () => {
    const saved = await handleMessage({ type: 'saveAnnotation', payload: input }, { url: PAGE });
    expect(saved.ok).toBe(true);
    const listed = await handleMessage(
      { type: 'listAnnotations', payload: { url: `${PAGE}#other` } },
      { url: `${PAGE}#x` },
    );
    expect(listed).toMatchObject({
      ok: true,
      value: {
        annotations: [{ url: PAGE, exact: '新质生产力', note: input.note, tags: ['nqpf'] }],
      },
    });
  });

  it('refuses a web page saving or reading another page’s annotations', async () => {
    await handleMessage({ type: 'saveAnnotation', payload: input }, { url: PAGE });
    const save = await handleMessage(
      { type: 'saveAnnotation', payload: input },
      { url: 'https://evil.example/' },
    );
    expect(save.ok).toBe(false);
    const read = await handleMessage(
      { type: 'listAnnotations', payload: { url: PAGE } },
      { url: 'https://evil.example/' },
    );
    expect(read.ok).toBe(false);
  });

  it('validates the selector: empty quote and overlong context are refused', async () => {
    for (const payload of [
      { ...input, exact: '' },
      { ...input, prefix: 'x'.repeat(65) },
      { ...input, position: -1 },
    ]) {
      expect((await handleMessage({ type: 'saveAnnotation', payload }, { url: PAGE })).ok).toBe(
        false,
      );
    }
  });
});

describe('anchoring reports, edits and deletes', () => {
  async function saveTwo(): Promise<[number, number, number]> {
    const ids: number[] = [];
    for (const [url, exact] of [
      [PAGE, '新质生产力'],
      [PAGE, '高质量发展'],
      ['https://other.example.cn/b.html', '全过程人民民主'],
    ] as const) {
      const reply = await handleMessage(
        { type: 'saveAnnotation', payload: { ...input, url, exact } },
        { url },
      );
      if (!reply.ok) throw new Error(reply.error);
      ids.push((reply.value as { annotation: { id: number } }).annotation.id);
    }
    return ids as [number, number, number];
  }

  it('marks its own page’s orphans, and found ones again; ids of other pages are ignored', async () => {
    const [a, b, other] = await saveTwo();
    const report = (anchored: number[], orphaned: number[], url = PAGE) =>
      handleMessage({ type: 'reportAnchoring', payload: { url, anchored, orphaned } }, { url });
    expect(await report([a], [b, other])).toEqual({ ok: true, value: { changed: 1 } });
    expect((await db.annotations.get(b))?.orphaned).toBe(true);
    expect((await db.annotations.get(a))?.orphaned).toBeUndefined();
    expect((await db.annotations.get(other))?.orphaned).toBeUndefined();
    // Reporting the same state again writes nothing; found again clears the mark.
    expect(await report([a], [b])).toEqual({ ok: true, value: { changed: 0 } });
    expect(await report([a, b], [])).toEqual({ ok: true, value: { changed: 1 } });
    expect((await db.annotations.get(b))?.orphaned).toBe(false);
    // Another page cannot report on this one.
    const foreign = await handleMessage(
      { type: 'reportAnchoring', payload: { url: PAGE, anchored: [], orphaned: [a] } },
      { url: 'https://evil.example/' },
    );
    expect(foreign.ok).toBe(false);
    expect((await db.annotations.get(a))?.orphaned).toBeUndefined();
  });

  it('edits note and tags and deletes, from the review page only', async () => {
    const [a, b] = await saveTwo();
    const edit = {
      type: 'updateAnnotation',
      payload: { id: a, note: 'changed', tags: ['x', 'x'] },
    };
    expect((await handleMessage(edit, { url: PAGE })).ok).toBe(false);
    expect(await handleMessage(edit, REVIEW)).toMatchObject({
      ok: true,
      value: { annotation: { id: a, note: 'changed', tags: ['x'], exact: '新质生产力' } },
    });
    expect(
      (
        await handleMessage(
          { type: 'updateAnnotation', payload: { id: 999, note: '', tags: [] } },
          REVIEW,
        )
      ).ok,
    ).toBe(false);
    const remove = { type: 'deleteAnnotations', payload: { ids: [b, 999] } };
    expect((await handleMessage(remove, { url: PAGE })).ok).toBe(false);
    expect(await handleMessage(remove, REVIEW)).toEqual({ ok: true, value: { deleted: 1 } });
    expect(await db.annotations.get(b)).toBeUndefined();
    expect(await db.annotations.get(a)).toBeDefined();
  });
});

describe('tab messages', () => {
  it('accepts openAnnotator from the menu or the shortcut and nothing else', () => {
    expect(parseTabMessage({ type: 'openAnnotator', payload: { from: 'menu' } })).toEqual({
      type: 'openAnnotator',
      payload: { from: 'menu' },
    });
    for (const raw of [
      { type: 'openAnnotator', payload: { from: 'page' } },
      { type: 'openAnnotator', payload: { from: 'menu', extra: 1 } },
      { type: 'saveAnnotation', payload: {} },
      'openAnnotator',
      null,
    ]) {
      expect(parseTabMessage(raw)).toBeNull();
    }
  });
});
