// Export formats (Anki text import, CSV) and the AnkiConnect push against a local stand-in that
// speaks AnkiConnect's JSON protocol on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { newCardState, type VocabularyRecord } from '../../utils/db/schema';
import { AnkiConnectError, pushToAnki } from '../../utils/study/anki-connect';
import { toAnkiTsv, toCsv } from '../../utils/study/export-formats';

function row(word: string, extra: Partial<VocabularyRecord> = {}): VocabularyRecord {
  return {
    key: `dictionary:${word}`,
    word,
    traditional: word,
    kind: 'dictionary',
    pinyin: 'jing1 ji4',
    definition: 'economy; economic',
    status: 'new',
    tags: [],
    notes: '',
    firstSeen: Date.UTC(2024, 0, 2),
    lastSeen: Date.UTC(2024, 0, 3),
    timesSaved: 1,
    contexts: [{ sentence: '全力以赴拼经济。', url: 'https://a.example/1', title: 'T', time: 1 }],
    card: newCardState(Date.UTC(2024, 0, 2)),
    ...extra,
  };
}

describe('Anki text export', () => {
  it('starts with the header lines Anki reads and puts tags in the declared column', () => {
    const tsv = toAnkiTsv([row('经济', { traditional: '經濟', tags: ['两会', 'work report'] })]);
    const lines = tsv.trimEnd().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '#separator:tab',
      '#html:false',
      '#columns:Hanzi\tTraditional\tPinyin\tDefinition\tSentence\tSource\tTags',
      '#tags column:7',
    ]);
    const fields = lines[4]?.split('\t');
    expect(fields).toEqual([
      '经济',
      '經濟',
      'jīng jì',
      'economy; economic',
      '全力以赴拼经济。',
      'https://a.example/1',
      'tifa 两会 work_report',
    ]);
  });

  it('quotes fields with tabs, line breaks or quotes so each note stays one record', () => {
    const tsv = toAnkiTsv([row('经济', { definition: 'a\tb\n"c"' })]);
    expect(tsv.split('\n').slice(4).join('\n')).toContain('"a\tb\n""c"""');
  });
});

describe('CSV export', () => {
  it('has a header, CRLF lines, a BOM, ISO dates and quoted cells', () => {
    const csv = toCsv([row('经济', { notes: 'see "发展", too', tags: ['a', 'b'] })]);
    expect(csv.startsWith('\uFEFFword,traditional,pinyin,definition,status,tags,notes,')).toBe(
      true,
    );
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      '经济,经济,jīng jì,economy; economic,new,a; b,"see ""发展"", too",' +
        '2024-01-02T00:00:00.000Z,2024-01-03T00:00:00.000Z,1,2024-01-02T00:00:00.000Z,' +
        '全力以赴拼经济。,https://a.example/1',
    );
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    const csv = toCsv([row('经济', { notes: '=HYPERLINK("http://evil")' })]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});

/** A stand-in for AnkiConnect: records requests and answers like version 6 does. */
async function startAnkiStandIn(
  answer: (
    action: string,
    params: Record<string, unknown>,
  ) => { result: unknown; error: string | null },
): Promise<{
  url: string;
  requests: { action: string; version: number; params: Record<string, unknown> }[];
  server: Server;
}> {
  const requests: { action: string; version: number; params: Record<string, unknown> }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const request = JSON.parse(body) as {
        action: string;
        version: number;
        params: Record<string, unknown>;
      };
      requests.push(request);
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(answer(request.action, request.params)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, server };
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

describe('AnkiConnect push', () => {
  it('creates the deck and adds one escaped Basic note per word, skipping duplicates', async () => {
    const standIn = await startAnkiStandIn((action, params) => {
      switch (action) {
        case 'requestPermission':
          return {
            result: { permission: 'granted', requireApiKey: false, version: 6 },
            error: null,
          };
        case 'createDeck':
          return { result: 1, error: null };
        case 'canAddNotes':
          return { result: (params.notes as unknown[]).map((_, i) => i !== 1), error: null };
        case 'addNotes':
          return { result: (params.notes as unknown[]).map((_, i) => 1000 + i), error: null };
        default:
          return { result: null, error: 'unsupported action' };
      }
    });
    server = standIn.server;
    const result = await pushToAnki(
      [
        row('经济', {
          tags: ['两会'],
          contexts: [{ sentence: 'a<b>', url: 'u', title: 't', time: 1 }],
        }),
        row('发展'),
      ],
      { url: standIn.url },
    );
    expect(result).toEqual({ added: 1, duplicates: 1 });
    expect(standIn.requests.map((r) => r.action)).toEqual([
      'requestPermission',
      'createDeck',
      'canAddNotes',
      'addNotes',
    ]);
    expect(standIn.requests.every((r) => r.version === 6)).toBe(true);
    const added = standIn.requests[3]?.params.notes as {
      fields: { Front: string; Back: string };
      tags: string[];
      deckName: string;
      modelName: string;
    }[];
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      deckName: 'Tifa Reader',
      modelName: 'Basic',
      fields: { Front: '经济', Back: 'jīng jì<br><br>economy; economic<br><br>a&lt;b&gt;' },
      tags: ['tifa', '两会'],
    });
  });

  it('says clearly that Anki is not running when nothing listens', async () => {
    const standIn = await startAnkiStandIn(() => ({ result: null, error: null }));
    const url = standIn.url;
    await new Promise((resolve) => standIn.server.close(resolve));
    await expect(pushToAnki([row('经济')], { url })).rejects.toThrow(/Anki is not running/);
  });

  it('passes on AnkiConnect’s own errors and refusals', async () => {
    const standIn = await startAnkiStandIn((action) =>
      action === 'requestPermission'
        ? { result: { permission: 'granted' }, error: null }
        : { result: null, error: 'model was not found: Basic' },
    );
    server = standIn.server;
    const push = pushToAnki([row('经济')], { url: standIn.url });
    await expect(push).rejects.toBeInstanceOf(AnkiConnectError);
    await expect(pushToAnki([row('经济')], { url: standIn.url })).rejects.toThrow(
      'Anki refused "createDeck": model was not found: Basic',
    );
  });

  it('explains a denied permission', async () => {
    const standIn = await startAnkiStandIn(() => ({
      result: { permission: 'denied' },
      error: null,
    }));
    server = standIn.server;
    await expect(pushToAnki([row('经济')], { url: standIn.url })).rejects.toThrow(
      /refused the connection/,
    );
  });
});
