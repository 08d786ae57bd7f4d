// Personal terms and glossary packs: the background's add/update/delete/list, the pack format
// (every built-in entry is a valid pack entry), validation reporting each problem by entry and
// field, conflicts keeping both, and malformed files or failed writes changing nothing.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '../../entrypoints/background/handlers';
import {
  addPersonalTerm,
  deletePersonalTerms,
  importPack,
  listPersonalTerms,
  updatePersonalTerm,
} from '../../entrypoints/background/personal-terms-store';
import { getDatabase, useDatabase } from '../../entrypoints/background/store';
import { TifaDatabase, type PersonalTermRecord } from '../../utils/db/schema';
import { GLOSSARY_ENTRIES } from '../../utils/glossary/entries';
import {
  buildPack,
  describePackProblem,
  findPackConflicts,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  parsePack,
  PackEntrySchema,
  type PackProblem,
} from '../../utils/glossary/pack';
import * as v from 'valibot';

let counter = 0;
beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  useDatabase(new TifaDatabase(`pack-test-${++counter}`));
});

const NOW = Date.UTC(2025, 4, 1);

const reviewPage = { url: fakeBrowser.runtime.getURL('/review.html') };
const contentScript = { tabId: 1, frameId: 0, url: 'https://news.example.cn/a.html' };

function packText(entries: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    name: 'Seminar list',
    exportedAt: '2025-05-01T00:00:00.000Z',
    includesNotes: true,
    entries,
    ...extra,
  });
}

const shared = {
  id: 'xin-zhi-sheng-chan-li',
  simplified: '新质生产力',
  pinyin: 'xīnzhì shēngchǎnlì',
  english: { gloss: 'new quality productive forces (our reading)' },
  notes: 'Compare with 高质量发展.',
  tags: ['economy', '2024'],
};

async function snapshot(): Promise<PersonalTermRecord[]> {
  return getDatabase().personalTerms.orderBy('id').toArray();
}

describe('personal terms', () => {
  it('adds a term with an id from its pinyin, suffixed when taken, and lists them', async () => {
    const first = await addPersonalTerm(
      {
        simplified: '新质生产力',
        pinyin: 'xīnzhì shēngchǎnlì',
        translation: 'new productive forces',
      },
      NOW,
    );
    expect(first).toEqual({
      id: 'my-xinzhi-shengchanli',
      simplified: '新质生产力',
      pinyin: 'xīnzhì shēngchǎnlì',
      english: { gloss: 'new productive forces' },
      createdAt: NOW,
      updatedAt: NOW,
    });
    const second = await addPersonalTerm(
      {
        simplified: '新质生产力',
        pinyin: 'xīnzhì shēngchǎnlì',
        translation: 'other reading',
        tags: ['x'],
      },
      NOW,
    );
    expect(second.id).toBe('my-xinzhi-shengchanli-2');
    const noPinyin = await addPersonalTerm(
      { simplified: '拼经济', translation: 'go all out' },
      NOW,
    );
    expect(noPinyin.id).toMatch(/^my-term-[a-z0-9-]+$/);
    expect((await listPersonalTerms()).map((t) => t.id).sort()).toEqual(
      [first.id, second.id, noPinyin.id].sort(),
    );
  });

  it('updates the editable fields, keeps pack fields and the creation date, deletes', async () => {
    await importPack(
      packText([
        {
          ...shared,
          category: 'development',
          sources: [{ title: 'Government work report 2024' }],
        },
      ]),
      NOW,
    );
    const updated = await updatePersonalTerm(
      shared.id,
      { simplified: '新质生产力', translation: 'revised', tags: [] },
      NOW + 1000,
    );
    expect(updated).toEqual({
      id: shared.id,
      simplified: '新质生产力',
      english: { gloss: 'revised' },
      category: 'development',
      sources: [{ title: 'Government work report 2024' }],
      createdAt: NOW,
      updatedAt: NOW + 1000,
    });
    await expect(
      updatePersonalTerm('missing', { simplified: '新提法', translation: 'x' }),
    ).rejects.toThrow('no longer in your list');
    expect(await deletePersonalTerms([shared.id, 'missing'])).toBe(1);
    expect(await getDatabase().personalTerms.count()).toBe(0);
  });

  it('validates messages: a one-character or non-Chinese term is refused; edits only from our pages', async () => {
    const bad = await handleMessage(
      { type: 'addPersonalTerm', payload: { simplified: 'ok', translation: 'x' } },
      reviewPage,
    );
    expect(bad.ok).toBe(false);
    const added = await handleMessage(
      { type: 'addPersonalTerm', payload: { simplified: '开门红', translation: 'a strong start' } },
      contentScript,
    );
    expect(added.ok).toBe(true);
    const id = (await listPersonalTerms())[0]?.id ?? '';
    const fromPage = await handleMessage(
      { type: 'deletePersonalTerms', payload: { ids: [id] } },
      contentScript,
    );
    expect(fromPage.ok).toBe(false);
    // The whole list, notes included, is for the extension's own pages; a page's reader gets
    // only the cards of its terms (personalTermCards).
    const fromPageList = await handleMessage(
      { type: 'listPersonalTerms', payload: {} },
      contentScript,
    );
    expect(fromPageList.ok).toBe(false);
    const list = await handleMessage({ type: 'listPersonalTerms', payload: {} }, reviewPage);
    expect(list.ok && (list.value as { terms: unknown[] }).terms).toHaveLength(1);
  });
});

describe('pack format', () => {
  it('accepts every built-in glossary entry as a pack entry (the same schema)', () => {
    for (const entry of GLOSSARY_ENTRIES) {
      const result = v.safeParse(PackEntrySchema, entry);
      expect(result.success, entry.id).toBe(true);
    }
    const parsed = parsePack(packText(GLOSSARY_ENTRIES.slice(0, 50)));
    expect(parsed.ok).toBe(true);
  });

  it('exports personal terms in id order, with or without notes, and reads its own export back', async () => {
    await addPersonalTerm(
      { simplified: '开门红', translation: 'strong start', notes: 'private' },
      NOW,
    );
    await addPersonalTerm(
      { simplified: '新质生产力', pinyin: 'xīnzhì', translation: 'x', notes: 'n' },
      NOW,
    );
    const rows = await listPersonalTerms();
    const withNotes = buildPack(rows, { includeNotes: true, name: 'Mine', now: NOW });
    expect(withNotes).toMatchObject({
      format: PACK_FORMAT,
      formatVersion: PACK_FORMAT_VERSION,
      name: 'Mine',
      exportedAt: '2025-05-01T00:00:00.000Z',
      includesNotes: true,
    });
    expect(withNotes.entries.map((e) => e.id)).toEqual([...rows.map((r) => r.id)].sort());
    expect(withNotes.entries.every((e) => !('createdAt' in e) && !('updatedAt' in e))).toBe(true);
    expect(withNotes.entries.map((e) => e.notes).sort()).toEqual(['n', 'private']);
    const withoutNotes = buildPack(rows, { includeNotes: false, now: NOW });
    expect(withoutNotes.includesNotes).toBe(false);
    expect(withoutNotes.entries.some((e) => 'notes' in e)).toBe(false);
    const reread = parsePack(JSON.stringify(withoutNotes));
    expect(reread.ok && reread.pack.entries).toEqual(withoutNotes.entries);
  });
});

describe('pack validation', () => {
  const problemsOf = (text: string): PackProblem[] => {
    const parsed = parsePack(text);
    return parsed.ok ? [] : [...parsed.problems];
  };

  it('names what is wrong with the file as a whole', () => {
    expect(problemsOf('{"format": "tifa-glossary-pack", "entr')[0]?.message).toMatch(/not JSON/);
    expect(problemsOf('[1, 2]')[0]?.message).toMatch(/not an object/);
    expect(problemsOf('{"entries": []}')[0]).toMatchObject({ entry: null, field: 'format' });
    expect(problemsOf(packText([], { formatVersion: 2 }))[0]?.message).toMatch(/version 2/);
    expect(problemsOf(packText([], { exportedAt: 'yesterday' }))[0]).toMatchObject({
      entry: null,
      field: 'exportedAt',
    });
  });

  it('reports every problem by entry and field, and refuses the whole pack', () => {
    const problems = problemsOf(
      packText([
        shared,
        { ...shared, id: 'Bad Id', simplified: '新提法' },
        { ...shared, id: 'two', simplified: 'x', english: {} },
        { ...shared, id: 'three', simplified: '另一提法', tags: ['ok', ''], colour: 'red' },
        { ...shared, id: 'four', simplified: '第四提法', category: 'gossip', pinyin: '新' },
        { ...shared, id: 'xin-zhi-sheng-chan-li', simplified: '第五提法' },
        { ...shared, id: 'six' },
        'not an object',
        {
          ...shared,
          id: 'seven',
          simplified: '第七提法',
          sources: [{ title: 'T', url: 'http://x' }],
        },
      ]),
    );
    const lines = problems.map((p) => [p.entry, p.id ?? '', p.field]);
    expect(lines).toEqual(
      expect.arrayContaining([
        [1, 'Bad Id', 'id'],
        [2, 'two', 'simplified'],
        [2, 'two', 'english.gloss'],
        [3, 'three', 'tags[1]'],
        [3, 'three', 'colour'],
        [4, 'four', 'category'],
        [4, 'four', 'pinyin'],
        [5, 'xin-zhi-sheng-chan-li', 'id'],
        [6, 'six', 'simplified'],
        [7, '', ''],
        [8, 'seven', 'sources[0].url'],
      ]),
    );
    expect(problems.some((p) => p.entry === 0)).toBe(false);
    expect(describePackProblem(problems.find((p) => p.entry === 5) as PackProblem)).toBe(
      'entry 5 (xin-zhi-sheng-chan-li), id: The same id as entry 0.',
    );
  });
});

describe('pack import', () => {
  it('adds a valid pack in one go and reports what it did', async () => {
    const result = await importPack(
      packText([shared, { ...shared, id: 'b', simplified: '开门红' }]),
      NOW,
    );
    expect(result).toEqual({
      imported: true,
      summary: { added: 2, unchanged: 0, renamed: [], keptMine: [], replaced: [], sharedForms: [] },
    });
    expect((await snapshot()).map((r) => [r.id, r.createdAt])).toEqual([
      ['b', NOW],
      [shared.id, NOW],
    ]);
  });

  it('keeps both on a conflicting id (the import gets a suffix); identical entries are skipped', async () => {
    await importPack(packText([shared]), NOW);
    const changed = { ...shared, english: { gloss: 'a colleague’s reading' } };
    const result = await importPack(packText([shared, changed].slice(1)), NOW + 1);
    expect(result).toEqual({
      imported: true,
      summary: {
        added: 0,
        unchanged: 0,
        renamed: [{ from: shared.id, to: `${shared.id}-2` }],
        keptMine: [],
        replaced: [],
        sharedForms: [{ id: `${shared.id}-2`, otherId: shared.id, form: '新质生产力' }],
      },
    });
    const rows = await snapshot();
    expect(rows.map((r) => [r.id, r.english.gloss])).toEqual([
      [shared.id, shared.english.gloss],
      [`${shared.id}-2`, 'a colleague’s reading'],
    ]);
    // Importing the same two packs again changes nothing: both versions are already here.
    const again = await importPack(packText([shared]), NOW + 2);
    const againChanged = await importPack(packText([changed]), NOW + 2);
    expect(again).toMatchObject({ summary: { added: 0, unchanged: 1 } });
    expect(againChanged).toMatchObject({ summary: { added: 0, unchanged: 1, renamed: [] } });
    expect(await snapshot()).toEqual(rows);
  });

  it('settles conflicts as the reader chose: keep mine, take theirs, per entry or for all', async () => {
    const other = { ...shared, id: 'b', simplified: '开门红' };
    await importPack(packText([shared, other]), NOW);
    const theirs = { ...shared, english: { gloss: 'their reading' } };
    const theirsOther = { ...other, english: { gloss: 'their other reading' } };
    const fresh = { ...shared, id: 'c', simplified: '稳中求进' };
    const pack = packText([theirs, theirsOther, fresh]);

    // The review page's list of conflicts: the two changed entries, not the new one.
    const parsed = parsePack(pack);
    if (!parsed.ok) throw new Error('pack should parse');
    expect(findPackConflicts(parsed.pack, await snapshot()).map((c) => c.id)).toEqual([
      shared.id,
      'b',
    ]);

    // Per entry: theirs for one, mine for the other; a new entry is added either way.
    const result = await importPack(pack, NOW + 1, {
      byId: { [shared.id]: 'theirs' },
      otherwise: 'mine',
    });
    expect(result).toMatchObject({
      imported: true,
      summary: { added: 1, replaced: [shared.id], keptMine: ['b'], renamed: [] },
    });
    const rows = await snapshot();
    expect(rows.map((r) => [r.id, r.english.gloss])).toEqual([
      ['b', other.english.gloss],
      ['c', fresh.english.gloss],
      [shared.id, 'their reading'],
    ]);
    // Replacing keeps the term's creation date.
    expect(rows.find((r) => r.id === shared.id)?.createdAt).toBe(NOW);

    // For all: keep both, the default.
    const both = await importPack(packText([theirsOther]), NOW + 2, { otherwise: 'both' });
    expect(both).toMatchObject({ summary: { renamed: [{ from: 'b', to: 'b-2' }] } });
  });

  it('refuses unknown conflict choices at the message boundary, changing nothing', async () => {
    await importPack(packText([shared]), NOW);
    const before = await snapshot();
    const changed = { ...shared, english: { gloss: 'x' } };
    for (const choices of [
      { otherwise: 'drop' },
      { byId: { [shared.id]: 'delete' } },
      { all: 'mine' },
    ]) {
      const reply = await handleMessage(
        { type: 'importPack', payload: { text: packText([changed]), choices } },
        { url: 'chrome-extension://test-extension-id/review.html' },
      );
      expect(reply.ok).toBe(false);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('changes nothing for a malformed file, or a pack with one bad entry', async () => {
    await importPack(packText([shared]), NOW);
    const before = await snapshot();
    for (const text of [
      '',
      'not json',
      packText([{ ...shared, id: 'ok-1', simplified: '开门红' }]).slice(0, -10),
      packText([{ ...shared, id: 'ok-1', simplified: '开门红' }, { id: 'bad' }]),
    ]) {
      const result = await importPack(text, NOW + 5);
      expect(result.imported).toBe(false);
      expect(await snapshot()).toEqual(before);
    }
  });

  it('writes nothing when the write fails half-way (one transaction)', async () => {
    const db = getDatabase();
    const bulkAdd = db.personalTerms.bulkAdd.bind(db.personalTerms);
    // The first row is written, then the disk "fills up": the transaction must undo the row.
    vi.spyOn(db.personalTerms, 'bulkAdd').mockImplementation(((rows: PersonalTermRecord[]) =>
      bulkAdd(rows.slice(0, 1)).then(() => {
        throw new Error('disk full');
      })) as unknown as typeof db.personalTerms.bulkAdd);
    await expect(
      importPack(packText([shared, { ...shared, id: 'b', simplified: '开门红' }]), NOW),
    ).rejects.toThrow('disk full');
    vi.restoreAllMocks();
    expect(await db.personalTerms.count()).toBe(0);
  });

  it('answers importPack with the problems as data, only from the extension’s pages', async () => {
    const refused = await handleMessage(
      { type: 'importPack', payload: { text: packText([shared]) } },
      contentScript,
    );
    expect(refused.ok).toBe(false);
    const reply = await handleMessage(
      { type: 'importPack', payload: { text: packText([{ id: 'x' }]) } },
      reviewPage,
    );
    expect(reply.ok).toBe(true);
    if (reply.ok) expect(reply.value).toMatchObject({ imported: false });
  });
});
