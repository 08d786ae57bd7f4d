// Term sightings for citation: the CSV and JSON formats, the HTML-to-text reduction `tifa track`
// uses, and `tifa track DIR` run as a user runs it on a temporary folder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { htmlToText, decodeEntities } from '../../bin/cli/html-text';
import type { SightingRecord } from '../../utils/db/schema';
import {
  CITATION_COLUMNS,
  sightingsToCsv,
  sightingsToJson,
  toCitationRows,
} from '../../utils/tracker/citation-export';
import { personalSightingId, termNamer } from '../../utils/tracker/term-names';

const TIFA = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/tifa.mjs');

const row = (over: Partial<SightingRecord>): SightingRecord => ({
  termId: 'new-quality-productive-forces',
  url: 'https://news.example.cn/a.html',
  title: '标题',
  outlet: 'news.example.cn',
  time: Date.UTC(2025, 2, 5, 8, 0, 0, 123),
  count: 2,
  sentence: '发展新质生产力。',
  ...over,
});

describe('citation exports', () => {
  const nameOf = termNamer(new Map([['my-term', '新提法']]));
  const rows = toCitationRows(
    [
      row({ time: Date.UTC(2025, 2, 6), termId: personalSightingId('my-term'), count: 1 }),
      row({
        title: '=HYPERLINK("http://evil")',
        sentence: '他说：“发展新质生产力”,\n并且……',
      }),
    ],
    nameOf,
  );

  it('names terms (glossary, personal, unknown) and orders rows by date seen', () => {
    expect(rows.map((r) => [r.term, r.termId, r.dateSeen])).toEqual([
      ['新质生产力', 'new-quality-productive-forces', '2025-03-05T08:00:00Z'],
      ['新提法', 'personal:my-term', '2025-03-06T00:00:00Z'],
    ]);
    expect(nameOf('pattern:congress:20')).toBe('二十大');
    expect(nameOf('no-such-term')).toBe('no-such-term');
  });

  it('writes RFC 4180 CSV: header, CRLF, quoting, formulas defused, BOM for spreadsheets', () => {
    const csv = sightingsToCsv(rows);
    expect(csv.startsWith('\uFEFFterm,term_id,count,sentence,title,outlet,url,date_seen\r\n')).toBe(
      true,
    );
    expect(csv).toContain(
      '新质生产力,new-quality-productive-forces,2,"他说：“发展新质生产力”,\n并且……","\'=HYPERLINK(""http://evil"")",news.example.cn,https://news.example.cn/a.html,2025-03-05T08:00:00Z\r\n',
    );
    expect(csv.endsWith('2025-03-06T00:00:00Z\r\n')).toBe(true);
    expect(sightingsToCsv(rows, { bom: false }).startsWith('term,')).toBe(true);
    expect(CITATION_COLUMNS).toHaveLength(8);
  });

  it('writes JSON with a format header and the same fields', () => {
    const json = JSON.parse(sightingsToJson(rows, Date.UTC(2025, 3, 1))) as {
      format: string;
      formatVersion: number;
      exportedAt: string;
      sightings: Record<string, unknown>[];
    };
    expect(json.format).toBe('tifa-term-sightings');
    expect(json.formatVersion).toBe(1);
    expect(json.exportedAt).toBe('2025-04-01T00:00:00Z');
    expect(json.sightings[1]).toEqual({
      term: '新提法',
      termId: 'personal:my-term',
      count: 1,
      sentence: '发展新质生产力。',
      title: '标题',
      outlet: 'news.example.cn',
      url: 'https://news.example.cn/a.html',
      dateSeen: '2025-03-06T00:00:00Z',
    });
  });
});

describe('HTML to text', () => {
  it('drops scripts, styles, comments and ruby readings; ends lines at blocks; joins wrapped Chinese', () => {
    const page = htmlToText(`<!doctype html><html><head>
      <title>两会 &amp; “十四五”</title>
      <meta property="og:site_name" content="人民网">
      <meta property="og:url" content="javascript:alert(1)">
      <link rel="canonical" href="https://www.people.cn/b.html">
      <script>var t = '<p title=">">新质生产力</p>'; if (a<b) {}</script>
      <style>p::after { content: "高质量发展" }</style></head>
      <body><!-- 新质生产力 --><p class="x" data-a='>'>要<ruby>因<rp>(</rp><rt>yīn</rt><rp>)</rp></ruby>地制宜发展新质
      生产力&#12290;</p><div>坚持&ldquo;两个确立&rdquo;&nbsp;&#x201C;两个维护&#x201D;<br>下一行 &unknown; &#0;</div>
      <SCRIPT type="module">新质生产力</SCRIPT >末尾</body></html>`);
    expect(page.title).toBe('两会 & “十四五”');
    expect(page.siteName).toBe('人民网');
    expect(page.url).toBe('https://www.people.cn/b.html');
    expect(page.text).toBe(
      '要因地制宜发展新质生产力。\n坚持“两个确立” “两个维护”\n下一行 &unknown; \ufffd\n末尾',
    );
  });

  it('decodes decimal, hex and named references and leaves unknown names as written', () => {
    expect(decodeEntities('&#20013;&#x6587;&lt;&gt;&quot;&amp;amp;&foo;')).toBe(
      '中文<>"&amp;&foo;',
    );
  });
});

/** Runs the real CLI as a user would. */
function tifa(args: string[]): { out: string; err: string; code: number } {
  const run = spawnSync(process.execPath, [TIFA, ...args], { timeout: 120_000 });
  return {
    out: run.stdout.toString('utf8'),
    err: run.stderr.toString('utf8'),
    code: run.status ?? -1,
  };
}

describe('tifa track', () => {
  it('writes the citation CSV for every text and HTML file under a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-track-'));
    mkdirSync(join(dir, 'xinhua'));
    writeFileSync(join(dir, 'a.txt'), '全力以赴拼经济，加快发展新质生产力。\n新质生产力是关键。\n');
    writeFileSync(
      join(dir, 'xinhua', 'b.html'),
      '<title>会议公报</title><p>全面贯彻党的二十大精神。</p><script>新质生产力</script>',
    );
    writeFileSync(join(dir, 'notes.md'), '新质生产力');
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0xe9, 0x74, 0xe9]));
    const seen = new Date(Date.UTC(2025, 0, 2, 3, 4, 5));
    for (const file of ['a.txt', 'xinhua/b.html', 'latin1.txt'])
      utimesSync(join(dir, file), seen, seen);

    const { out, err, code } = tifa(['track', dir]);
    expect(code).toBe(0);
    expect(err).toBe('tifa: skipped latin1.txt: not valid UTF-8\n');
    const fileUrl = (path: string) => pathToFileURL(join(dir, path)).href;
    expect(out).toBe(
      [
        'term,term_id,count,sentence,title,outlet,url,date_seen',
        `拼经济,go-all-out-for-the-economy,1,全力以赴拼经济，加快发展新质生产力。,a,,${fileUrl('a.txt')},2025-01-02T03:04:05Z`,
        `新质生产力,new-quality-productive-forces,2,全力以赴拼经济，加快发展新质生产力。,a,,${fileUrl('a.txt')},2025-01-02T03:04:05Z`,
        `二十大,twentieth-party-congress,1,全面贯彻党的二十大精神。,会议公报,xinhua,${fileUrl('xinhua/b.html')},2025-01-02T03:04:05Z`,
        '',
      ].join('\r\n'),
    );
  });

  it('fails with exit code 2 and one line on stderr for a directory it cannot read', () => {
    const missing = join(tmpdir(), 'tifa-no-such-dir-for-track');
    const { out, err, code } = tifa(['track', missing]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`tifa: cannot read directory ${missing}: ENOENT\n`);
    const none = tifa(['track']);
    expect(none.code).toBe(2);
    expect(none.err.trim().split('\n')).toHaveLength(1);
  });
});
