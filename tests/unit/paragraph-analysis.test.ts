// Reading mode's analysis in the background: what a page gets back for its paragraphs, packed,
// is exactly what `analyze` and the term matcher give in Node with the same data, in every
// display script and artefact setting; personal terms are matched and forgotten when they
// change; the packing refuses what does not fit its paragraph; oversized batches are refused.
import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '../../entrypoints/background/handlers';
import { useDatabase } from '../../entrypoints/background/store';
import { loadReadingFileFromDisk, loadWordListFromDisk } from '../../utils/dict/load-node';
import { TifaDatabase } from '../../utils/db/schema';
import { glossaryWords } from '../../utils/glossary/entries';
import { matchAnalysis } from '../../utils/glossary/matcher';
import { MAX_PARAGRAPH_CHARS, PARAGRAPH_BATCH_LIMITS } from '../../utils/limits';
import { parseRequest, type RequestOf } from '../../utils/messaging';
import { analyze, type Token } from '../../utils/zh/analyze';
import { packParagraph } from '../../utils/zh/pack-paragraph';
import {
  PackedParagraphError,
  unpackParagraph,
  type DrawnToken,
  type PackedParagraph,
  type ReadingStyle,
} from '../../utils/zh/packed-analysis';
import { formatReading } from '../../utils/zh/pinyin';
import { pairReadings } from '../../utils/zh/ruby-pairs';
import { toZhuyin } from '../../utils/zh/zhuyin';
import { loadPolyphoneModelFromDisk } from '../../utils/zh/polyphones/load-node';
import { readingTableFor } from '../../utils/zh/reading-table';
import { createLexicon, type Lexicon } from '../../utils/zh/segment';
import { servePackagedFiles } from './support/packaged-files';
import { hasSampleArticle, readSampleArticle } from './support/shared';

const SIMPLIFIED = '重要的是，重庆要因地制宜发展新质生产力，“十五五”时期银行行长说。';
const TRADITIONAL_WITH_ARTEFACTS = '因地制宜發展新質(zhì)生產(chǎn)力，推動高質量發展。';

/** The page's paragraphs: the sample article's lines when it is here, else our own. */
function paragraphs(): string[] {
  const own = [SIMPLIFIED, TRADITIONAL_WITH_ARTEFACTS, 'GDP 增长 5.2%', '  '];
  if (!hasSampleArticle) return own;
  return [
    ...own,
    ...readSampleArticle()
      .split('\n')
      .filter((line) => line.trim() !== ''),
  ];
}

type Request = RequestOf<'analyzeParagraphs'>;

async function analyzeInBackground(request: Request): Promise<PackedParagraph[]> {
  const reply = await handleMessage({ type: 'analyzeParagraphs', payload: request });
  if (!reply.ok) throw new Error(reply.error);
  // What the page receives: the messaging layer's JSON round trip.
  return (JSON.parse(JSON.stringify(reply.value)) as { paragraphs: PackedParagraph[] }).paragraphs;
}

/** What the page should draw for tokens `analyze` gave in Node (tone-number readings): each
 * word's characters paired with their readings, written in `style`, with tone digits. */
function expectedDrawn(tokens: readonly Token[], style: ReadingStyle, withTones: boolean) {
  const write = (numbered: string) =>
    numbered === '' || style === 'num'
      ? numbered
      : numbered
          .split(' ')
          .map((n) => (style === 'zhuyin' ? toZhuyin(n) : formatReading(n, 'mark')))
          .join(' ');
  return tokens.map((token): DrawnToken => {
    const { kind, start, end, display, simplified } = token;
    if (kind !== 'word') return { kind, start, end, display, simplified, ruby: [], tones: '' };
    const pairs = pairReadings(display, token);
    const numbered = pairs ? pairs.map((p) => p.reading) : [token.pinyin.join(' ')];
    const tones = numbered.map((n) => (/^[a-z]+[1-5]$/.test(n) ? n.slice(-1) : '0')).join('');
    return {
      kind,
      start,
      end,
      display,
      simplified,
      ruby: numbered.map(write),
      tones: withTones ? tones : '',
    };
  });
}

const MARKS = { style: 'mark', tones: true } as const;

let lexicon: Lexicon;
let engine: Parameters<typeof analyze>[1];

beforeAll(() => {
  // The same engine the background builds, from the same files, in Node.
  lexicon = createLexicon(loadWordListFromDisk());
  lexicon.addWords(glossaryWords());
  engine = {
    lexicon,
    readingTable: readingTableFor(loadReadingFileFromDisk(), lexicon),
    polyphones: loadPolyphoneModelFromDisk(),
  };
});

let counter = 0;
beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  useDatabase(new TifaDatabase(`paragraph-analysis-test-${++counter}`));
  servePackagedFiles();
});

describe('analyzeParagraphs in the background', () => {
  for (const to of ['keep', 'cn', 'tw', 'hk'] as const) {
    for (const keepArtifacts of [false, true]) {
      it(`gives what analyze gives in Node (display ${to}, artefacts ${keepArtifacts ? 'kept' : 'removed'})`, async () => {
        const texts = paragraphs().filter((t) => t.length > 0);
        const packed = await analyzeInBackground({
          texts,
          to,
          keepArtifacts,
          readings: MARKS,
          terms: true,
        });
        expect(packed).toHaveLength(texts.length);
        texts.forEach((text, i) => {
          const expected = analyze(text, { ...engine, to, keepArtifacts, pinyin: 'num' });
          const page = unpackParagraph(text, packed[i] as PackedParagraph);
          expect(page.tokens).toEqual(expectedDrawn(expected.tokens, 'mark', true));
          expect(page.terms.map(({ id, start, end }) => ({ id, start, end }))).toEqual(
            matchAnalysis(text, expected).map(({ id, start, end }) => ({ id, start, end })),
          );
        });
      });
    }
  }

  for (const readings of [
    { style: 'num', tones: false },
    { style: 'zhuyin', tones: true },
  ] as const) {
    it(`writes readings as asked (${readings.style}, tones ${readings.tones ? 'sent' : 'left out'})`, async () => {
      const texts = paragraphs().filter((t) => t.length > 0);
      const packed = await analyzeInBackground({
        texts,
        to: 'keep',
        keepArtifacts: false,
        readings,
        terms: false,
      });
      texts.forEach((text, i) => {
        const expected = analyze(text, { ...engine, pinyin: 'num' });
        expect(unpackParagraph(text, packed[i] as PackedParagraph).tokens).toEqual(
          expectedDrawn(expected.tokens, readings.style, readings.tones),
        );
      });
    });
  }

  it('reads polyphones in context and finds terms in any script', async () => {
    const [simplified, traditional] = await analyzeInBackground({
      texts: [SIMPLIFIED, TRADITIONAL_WITH_ARTEFACTS],
      to: 'cn',
      keepArtifacts: false,
      readings: MARKS,
      terms: true,
    });
    const page = unpackParagraph(SIMPLIFIED, simplified as PackedParagraph);
    const word = (display: string) => page.tokens.find((t) => t.display === display);
    expect(word('重要')?.ruby).toEqual(['zhòng', 'yào']);
    expect(word('重要')?.tones).toBe('44');
    expect(word('重庆')?.ruby).toEqual(['chóng', 'qìng']);
    expect(page.terms.map((t) => t.id)).toContain('new-quality-productive-forces');
    const other = unpackParagraph(TRADITIONAL_WITH_ARTEFACTS, traditional as PackedParagraph);
    // Shown simplified, artefacts gone; the term's span covers them in the original text.
    expect(other.tokens.map((t) => t.display).join('')).toBe(
      '因地制宜发展新质生产力，推动高质量发展。',
    );
    expect(other.terms.map((t) => t.surface).join()).toContain('新質(zhì)生產(chǎn)力');
  });

  it('sends no readings and no terms when the page asks for none', async () => {
    const [packed] = await analyzeInBackground({
      texts: [SIMPLIFIED],
      to: 'keep',
      keepArtifacts: false,
      readings: null,
      terms: false,
    });
    expect(packed?.ruby).toEqual([]);
    expect(packed?.tones).toBeUndefined();
    expect(packed?.terms).toEqual([]);
    const page = unpackParagraph(SIMPLIFIED, packed as PackedParagraph);
    expect(page.tokens.map((t) => t.display).join('')).toBe(SIMPLIFIED);
  });

  it('matches personal terms, and forgets them once they change', async () => {
    const text = '各地都在发展朋友圈经济。';
    const request: Request = {
      texts: [text],
      to: 'keep',
      keepArtifacts: false,
      readings: MARKS,
      terms: true,
    };
    const before = unpackParagraph(
      text,
      (await analyzeInBackground(request))[0] as PackedParagraph,
    );
    expect(before.terms).toEqual([]);
    const added = await handleMessage({
      type: 'addPersonalTerm',
      payload: { simplified: '朋友圈经济', translation: 'the economy of one’s circle of friends' },
    });
    if (!added.ok) throw new Error(added.error);
    const after = unpackParagraph(text, (await analyzeInBackground(request))[0] as PackedParagraph);
    expect(after.terms.map((t) => t.surface)).toEqual(['朋友圈经济']);
    expect(after.terms[0]?.id).toMatch(/^personal:my-/);
    // Segmented as one word, like the glossary's terms.
    expect(after.tokens.some((t) => t.display === '朋友圈经济')).toBe(true);
    const { term } = added.value as { term: { id: string } };
    const deleted = await handleMessage(
      { type: 'deletePersonalTerms', payload: { ids: [term.id] } },
      { url: fakeBrowser.runtime.getURL('/review.html') },
    );
    expect(deleted.ok).toBe(true);
    const gone = unpackParagraph(text, (await analyzeInBackground(request))[0] as PackedParagraph);
    expect(gone.terms).toEqual([]);
  });
});

describe('analyzeParagraphs validation', () => {
  const valid = { texts: ['经济'], to: 'keep', keepArtifacts: false, readings: MARKS, terms: true };

  it('accepts a full batch and refuses one character or one paragraph more', () => {
    const perText = PARAGRAPH_BATCH_LIMITS.chars / 4;
    const full = Array.from({ length: 4 }, () => '经'.repeat(perText));
    expect(parseRequest({ type: 'analyzeParagraphs', payload: { ...valid, texts: full } }).ok).toBe(
      true,
    );
    const over = parseRequest({
      type: 'analyzeParagraphs',
      payload: { ...valid, texts: [...full, '经'] },
    });
    expect(over.ok).toBe(false);
    expect(!over.ok && over.error).toMatch(/^invalid analyzeParagraphs request at texts/);
    const many = Array.from({ length: PARAGRAPH_BATCH_LIMITS.texts + 1 }, () => '经');
    expect(parseRequest({ type: 'analyzeParagraphs', payload: { ...valid, texts: many } }).ok).toBe(
      false,
    );
  });

  it('refuses empty batches, empty or over-long texts, unknown scripts and extra fields', () => {
    for (const payload of [
      { ...valid, texts: [] },
      { ...valid, texts: [''] },
      { ...valid, texts: ['经'.repeat(MAX_PARAGRAPH_CHARS + 1)] },
      { ...valid, to: 'twp' },
      { ...valid, readings: { style: 'ipa', tones: false } },
      { ...valid, readings: true },
      { ...valid, url: 'https://example.com/' },
    ]) {
      expect(
        parseRequest({ type: 'analyzeParagraphs', payload }).ok,
        JSON.stringify(payload).slice(0, 60),
      ).toBe(false);
    }
  });

  it('keeps a full batch of the worst-escaped text inside the message size limit', () => {
    // Control characters are escaped as six JSON characters each.
    const texts = Array.from({ length: 2 }, () =>
      '\u0001'.repeat(PARAGRAPH_BATCH_LIMITS.chars / 2),
    );
    expect(parseRequest({ type: 'analyzeParagraphs', payload: { ...valid, texts } }).ok).toBe(true);
  });
});

describe('packed paragraphs', () => {
  const text = '新質(zhì)生產(chǎn)力';

  it('round-trips tokens whose displays and simplified forms differ in length from their spans', () => {
    const tokens = analyze(text, { ...engine, to: 'tw', pinyin: 'num' }).tokens;
    const packed = packParagraph(tokens, [], MARKS);
    expect(packed.displayEnds).toBeDefined();
    expect(unpackParagraph(text, packed).tokens).toEqual(expectedDrawn(tokens, 'mark', true));
  });

  it('puts one reading over a word whose conversion changed its length', () => {
    const phrase = 'U盘很方便';
    const tokens = analyze(phrase, { ...engine, to: 'twp', pinyin: 'num' }).tokens;
    const page = unpackParagraph(phrase, packParagraph(tokens, [], MARKS)).tokens;
    const converted = page.find((t) => t.display !== phrase.slice(t.start, t.end));
    expect(converted?.display.length).not.toBe((converted?.end ?? 0) - (converted?.start ?? 0));
    expect(converted?.ruby).toHaveLength(1);
    expect(page).toEqual(expectedDrawn(tokens, 'mark', true));
  });

  it('refuses a packing that does not tile its text, or a term outside it', () => {
    const packed = packParagraph(analyze(text, { ...engine, pinyin: 'num' }).tokens, [], MARKS);
    expect(() => unpackParagraph(`${text}。`, packed)).toThrow(PackedParagraphError);
    // Ends that go backwards (two tokens swapped) in a paragraph of many tokens.
    const many = packParagraph(analyze(SIMPLIFIED, { ...engine, pinyin: 'num' }).tokens, [], MARKS);
    const swapped = [...many.ends];
    [swapped[1], swapped[2]] = [swapped[2] as number, swapped[1] as number];
    expect(() => unpackParagraph(SIMPLIFIED, { ...many, ends: swapped })).toThrow(
      PackedParagraphError,
    );
    expect(() => unpackParagraph(SIMPLIFIED, { ...many, kinds: `${many.kinds}t` })).toThrow(
      PackedParagraphError,
    );
    expect(() => unpackParagraph(text, { ...packed, terms: [['x', 0, text.length + 1]] })).toThrow(
      PackedParagraphError,
    );
  });
});
