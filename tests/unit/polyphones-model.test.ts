import { describe, expect, it, vi } from 'vitest';
import { contextKeys, featureText } from '../../utils/zh/polyphones/features';
import { readFileSync } from 'node:fs';
import {
  bestReading,
  classify,
  disambiguatePolyphones,
  scoreCandidates,
  witnessesAt,
  type Witnesses,
} from '../../utils/zh/polyphones/disambiguate';
import { loadWordListFromDisk } from '../../utils/dict/load-node';
import { readingsOf } from '../../utils/zh/pinyin-pro-readings';
import { createLexicon, segmentHanRun } from '../../utils/zh/segment';
import { loadPolyphoneModelFromDisk } from '../../utils/zh/polyphones/load-node';
import {
  checkAllWeights,
  formatPolyphoneModel,
  parsePolyphoneModel,
  PolyphoneModelError,
  type PolyphoneModel,
} from '../../utils/zh/polyphones/model-format';
import { fetchPolyphoneModel } from '../../utils/zh/polyphones/load-fetch';
import { buildWordReadings, cedictReadings } from '../../utils/zh/polyphones/word-readings';

const HEADER = '# format: tifa-polyphones\n# format-version: 1\n# features: 1\n# scale: 100\n';

/** A hand-made model: 行 is xíng unless 银 stands before it; 长 after 市 is zhǎng. */
const TINY = `${HEADER}# date: 2026-01-01
@agreements
proAlone\t100
proInWord\t200
word\t400
rule\t150
@chars
行\txing2 hang2
长\tchang2 zhang3
@weights
行\tb\t50,-50
行\t-1银\t-200,200
长\t-1市\t,500
@words
行长\thang2 zhang3
`;

const witnesses = (over: Partial<Witnesses> = {}): Witnesses => ({
  pro: '',
  inWord: false,
  word: '',
  rule: '',
  firm: false,
  ...over,
});

describe('polyphone model file', () => {
  it('parses agreements, candidates, weights and words', () => {
    const model = parsePolyphoneModel(TINY);
    expect(model.header.date).toBe('2026-01-01');
    expect(model.agreements).toEqual({ proAlone: 1, proInWord: 2, word: 4, rule: 1.5 });
    expect(model.chars.get('行')?.readings).toEqual(['xing2', 'hang2']);
    expect(Array.from(model.chars.get('行')?.weights.get('-1银') ?? [])).toEqual([-2, 2]);
    // An empty weight is zero.
    expect(Array.from(model.chars.get('长')?.weights.get('-1市') ?? [])).toEqual([0, 5]);
    expect(model.words.get('行长')).toEqual(['hang2', 'zhang3']);
  });

  it('writes what it reads', () => {
    const model = parsePolyphoneModel(TINY);
    const again = parsePolyphoneModel(formatPolyphoneModel(model, { date: '2026-01-01' }, 100));
    expect(again.agreements).toEqual(model.agreements);
    expect([...again.chars.keys()]).toEqual([...model.chars.keys()]);
    expect(again.words).toEqual(model.words);
    expect(Array.from(again.chars.get('行')?.weights.get('b') ?? [])).toEqual([0.5, -0.5]);
  });

  it.each([
    ['an empty file', '', /no sections/],
    ['a JSON file', '{"weights": []}', /data before the first section/],
    ['a missing format line', '# scale: 100\n@chars\n', /missing "# format: tifa-polyphones"/],
    [
      'another format version',
      HEADER.replace('format-version: 1', 'format-version: 9') + '@chars\n',
      /format version 9, this reader knows 1/,
    ],
    [
      'other features',
      HEADER.replace('features: 1', 'features: 0') + '@chars\n',
      /trained on features v0, this code computes v1: retrain/,
    ],
    ['an unknown section', `${HEADER}@biases\n`, /line 5: unknown section @biases/],
    ['a bad reading', `${HEADER}@chars\n行\txíng hang2\n`, /line 6: bad character line/],
    [
      'weights for an unknown character',
      `${HEADER}@chars\n行\txing2 hang2\n@weights\n长\tb\t1,2\n`,
      /line 8: bad weight line/,
    ],
    [
      'the wrong number of weights',
      `${HEADER}@chars\n行\txing2 hang2\n@weights\n行\tb\t1,2,3\n`,
      /line 8: 3 weights for the 2 readings of 行/,
    ],
    [
      'a weight that is not an integer',
      `${HEADER}@chars\n行\txing2 hang2\n@weights\n行\tb\t1.5,2\n`,
      /line 8: bad weight "1.5"/,
    ],
    ['a word whose readings do not line up', `${HEADER}@words\n行长\thang2\n`, /bad word line/],
    ['a header line after the data', `${HEADER}@chars\n# late: yes\n`, /header line after/],
    [
      "a character's weights in two places",
      `${HEADER}@chars\n行\txing2 hang2\n长\tchang2 zhang3\n@weights\n行\tb\t1,2\n长\tb\t1,2\n行\t-1x\t1,2\n`,
      /line 11: weights of 行 are not together/,
    ],
  ])('refuses %s with a clear error', (_name, text, message) => {
    // What the background does when it builds the text engine: parse and check it all.
    const parseAndCheck = () => checkAllWeights(parsePolyphoneModel(text));
    expect(parseAndCheck).toThrow(PolyphoneModelError);
    expect(parseAndCheck).toThrow(message);
  });

  it("parses a character's weights only when it is first scored", () => {
    const text = `${HEADER}@chars\n行\txing2 hang2\n长\tchang2 zhang3\n@weights\n行\tb\t1.5,2\n长\tb\t1,2\n`;
    const model = parsePolyphoneModel(text);
    expect(Array.from(model.chars.get('长')?.weights.get('b') ?? [])).toEqual([0.01, 0.02]);
    expect(() => model.chars.get('行')?.weights).toThrow(/line 9: bad weight "1.5"/);
    expect(() => checkAllWeights(model)).toThrow(PolyphoneModelError);
  });

  it('is fetched and parsed by the background, with the reason it failed', async () => {
    const answer = (text: string, status = 200) =>
      vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(new Response(text, { status }));
    answer(TINY);
    const model = await fetchPolyphoneModel('ext:///polyphones/model.u8');
    expect(model.words).toEqual(parsePolyphoneModel(TINY).words);
    answer('', 404);
    await expect(fetchPolyphoneModel('ext:///polyphones/model.u8')).rejects.toThrow(
      'polyphone model: ext:///polyphones/model.u8 answered 404',
    );
    answer('not a model');
    await expect(fetchPolyphoneModel('ext:///polyphones/model.u8')).rejects.toThrow(
      PolyphoneModelError,
    );
    vi.restoreAllMocks();
  });

  it('loads the committed model, which records how it was made', () => {
    const model = loadPolyphoneModelFromDisk();
    expect(model.header.data).toMatch(/CPP.*g2pM.*Apache License 2\.0/);
    expect(model.header['cv-accuracy']).toMatch(/5-fold/);
    expect(model.chars.size).toBeGreaterThan(500);
    expect(model.words.size).toBeGreaterThan(1000);
    expect(() => checkAllWeights(model)).not.toThrow();
  });

  it('names the missing file and how to rebuild it', () => {
    expect(() => loadPolyphoneModelFromDisk('/nonexistent/model.u8')).toThrow(
      /\/nonexistent\/model\.u8 is missing.*train-polyphones/,
    );
  });
});

describe('polyphone scoring', () => {
  const model = parsePolyphoneModel(TINY);
  const hang = model.chars.get('行');
  if (!hang) throw new Error('tiny model without 行');

  it('adds the context weights and the agreement weights per candidate', () => {
    const { readings, scores } = scoreCandidates(model, hang, ['b', '-1银'], witnesses());
    expect(readings).toEqual(['xing2', 'hang2']);
    expect(scores).toEqual([0.5 - 2, -0.5 + 2]);
    const agreed = scoreCandidates(model, hang, ['b'], witnesses({ pro: 'xing2', rule: 'hang2' }));
    expect(agreed.scores).toEqual([0.5 + 1, -0.5 + 1.5]);
  });

  it('adds a witness reading the character list lacks, with the global weights only', () => {
    const { readings, scores } = scoreCandidates(
      model,
      hang,
      ['b'],
      witnesses({ pro: 'heng2', inWord: true }),
    );
    expect(readings).toEqual(['xing2', 'hang2', 'heng2']);
    expect(scores[2]).toBe(2);
  });

  it("breaks ties towards pinyin-pro's reading", () => {
    expect(bestReading(['xing2', 'hang2'], [1, 1], 'hang2')).toBe('hang2');
    expect(bestReading(['xing2', 'hang2'], [1, 1], 'heng2')).toBe('xing2');
    expect(bestReading(['xing2', 'hang2'], [0, 2], 'xing2')).toBe('hang2');
  });

  it('rewrites readings from context, one per code point, leaving other characters alone', () => {
    // 银/行 as separate words: the context key -1银 makes it háng.
    const text = '银行x行';
    const readings = disambiguatePolyphones(
      text,
      [1, 2, 3, 4],
      ['yin2', 'xing2', '', 'xing2'],
      model,
    );
    expect(readings).toEqual(['yin2', 'hang2', '', 'xing2']);
  });

  it('takes the word table reading over pinyin-pro inside a dictionary word', () => {
    const readings = disambiguatePolyphones('行长', [2], ['xing2', 'chang2'], model);
    expect(readings).toEqual(['hang2', 'zhang3']);
  });

  it('keeps a reading pinyin-pro and CC-CEDICT agree on inside a word', () => {
    // 行长 is not in this call's word table: the agreed word reading stands, the bias does not
    // turn háng into xíng.
    const noWords: PolyphoneModel = { ...model, words: new Map() };
    const readings = disambiguatePolyphones('行长', [2], ['hang2', 'zhang3'], noWords);
    expect(readings).toEqual(['hang2', 'zhang3']);
  });

  it('runs the layers one by one', () => {
    const text = '行长';
    const pro = () => ['xing2', 'chang2'];
    expect(
      disambiguatePolyphones(text, [2], pro(), model, { words: false, classifier: false }),
    ).toEqual(pro());
    expect(disambiguatePolyphones(text, [2], pro(), model, { classifier: false })).toEqual([
      'hang2',
      'zhang3',
    ]);
  });

  it('survives surrogate pairs and text the segmentation does not cover', () => {
    const text = '𠮷银行';
    const readings = disambiguatePolyphones(text, [2, 3, 4], ['ji2', 'yin2', 'xing2'], model);
    expect(readings).toEqual(['ji2', 'yin2', 'hang2']);
    // Ends that stop short: the rest is one word (银行, not in the table, agreed: kept).
    disambiguatePolyphones(text, [2], readings, model);
    expect(readings).toEqual(['ji2', 'yin2', 'hang2']);
  });
});

describe('polyphone features', () => {
  it('lists the window, bigrams, word and neighbouring words, with classes for non-Chinese', () => {
    const text = featureText('在2024年银行行长说', [1, 5, 6, 8, 10, 11]);
    const keys: string[] = [];
    contextKeys(text, 8, keys); // the first 行 of 行长
    expect(keys).toEqual([
      'b',
      '-1行',
      '+1长',
      '-2银',
      '+2说',
      '-3年',
      '+3$',
      'L银行',
      'R长说',
      'M行长',
      'W行长@0',
      '<银行',
      '>说',
    ]);
    const afterYear: string[] = [];
    contextKeys(text, 5, afterYear); // 年: the digits before it are one class
    expect(afterYear).toContain('-10');
    expect(afterYear).toContain('L00');
    expect(afterYear).toContain('<0');
  });
});

describe('CC-CEDICT word readings', () => {
  it('brings CC-CEDICT pinyin to tone-number readings', () => {
    expect(cedictReadings('Zhong1 guo2')).toEqual(['zhong1', 'guo2']);
    expect(cedictReadings('lu:4 shi1')).toEqual(['lv4', 'shi1']);
    expect(cedictReadings('yi1 dian3 r5')).toEqual(['yi1', 'dian3', 'r5']);
    expect(cedictReadings('A B zhi4')).toBeNull();
  });

  it('keeps only words whose polyphone readings pinyin-pro gets otherwise', () => {
    const entries = [
      {
        traditional: '行長',
        simplified: '行长',
        pinyin: 'hang2 zhang3',
        senses: ['bank president'],
      },
      { traditional: '銀行', simplified: '银行', pinyin: 'yin2 hang2', senses: ['bank'] },
      { traditional: '長安', simplified: '长安', pinyin: 'Chang2 an1', senses: ["Chang'an"] },
      { traditional: '一點兒', simplified: '一点儿', pinyin: 'yi1 dian3 r5', senses: ['a bit'] },
    ];
    const pro: Record<string, string[]> = {
      行长: ['xing2', 'zhang3'],
      银行: ['yin2', 'hang2'],
      长安: ['zhang3', 'an1'],
      一点儿: ['yi1', 'dian3', 'er2'],
    };
    const table = buildWordReadings(entries, new Set('行长儿'), (w) => pro[w] ?? []);
    expect(Object.fromEntries(table)).toEqual({
      行长: ['hang2', 'zhang3'],
      长安: ['chang2', 'an1'],
      一点儿: ['yi1', 'dian3', 'r5'],
    });
  });
});

describe('the fast scorer', () => {
  it('reads every occurrence as the trainer scores it (string keys, scoreCandidates)', () => {
    const model = loadPolyphoneModelFromDisk();
    const lexicon = createLexicon(loadWordListFromDisk());
    const sentences = readFileSync(
      new URL('../fixtures/polyphones/news-cases.tsv', import.meta.url),
      'utf8',
    )
      .split('\n')
      .filter((line) => line.includes('\t') && !line.startsWith('#'))
      .map((line) => (line.split('\t')[1] ?? '').replace('[', '').replace(']', ''));
    // Astral characters, Latin, digits and an unsegmented tail exercise the other paths.
    sentences.push('𠮷行长说2024年GDP增长为5%', '行');
    let compared = 0;
    for (const sentence of sentences) {
      const text = featureText(sentence, segmentHanRun(sentence, lexicon));
      const readings = readingsOf(sentence);
      for (let i = 0; i < text.size; i++) {
        const charModel = model.chars.get(text.at(i) ?? '');
        if (!charModel) continue;
        const witnesses = witnessesAt(text, i, readings, model.words);
        const keys: string[] = [];
        contextKeys(text, i, keys);
        const slow = scoreCandidates(model, charModel, keys, witnesses);
        expect(classify(model, charModel, text, i, witnesses)).toBe(
          bestReading(slow.readings, slow.scores, witnesses.pro),
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });
});
