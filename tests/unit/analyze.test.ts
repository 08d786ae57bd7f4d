import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWordListFromDisk } from '../../utils/dict/load-node';
import { analyze, type Analysis } from '../../utils/zh/analyze';
import { createLexicon, type Lexicon } from '../../utils/zh/segment';
import { hasSampleArticle, readSampleArticle } from './support/shared';

let lexicon: Lexicon;
beforeAll(() => {
  lexicon = createLexicon(loadWordListFromDisk());
});

const spans = (text: string, analysis: Analysis) =>
  analysis.tokens.map((t) => text.slice(t.start, t.end));
const display = (analysis: Analysis) => analysis.tokens.map((t) => t.display).join('');
const words = (analysis: Analysis) =>
  analysis.tokens.filter((t) => t.kind === 'word').map((t) => t.display);

/** The readings of `word` where it occurs in `text` (all-Chinese test sentences), whether or
 * not the segmenter made it one token: readings come from context either way. */
function readingOf(text: string, word: string): string {
  const analysis = analyze(text, { lexicon, pinyin: 'num' });
  const readings = analysis.tokens.flatMap((t) => t.pinyin);
  const at = text.indexOf(word);
  if (at < 0) throw new Error(`${word} is not in ${text}`);
  return readings.slice(at, at + word.length).join(' ');
}

describe('analyze', () => {
  it('segments into dictionary words with pinyin per character', () => {
    const analysis = analyze('我们要发展新质生产力。', { lexicon });
    expect(words(analysis)).toContain('发展');
    const token = analysis.tokens.find((t) => t.display === '发展');
    expect(token?.pinyin).toEqual(['fā', 'zhǎn']);
    expect(analysis.script).toBe('simplified');
  });

  it('reads traditional text through simplified: 銀行 is yín háng', () => {
    const analysis = analyze('他在銀行上班', { lexicon, pinyin: 'mark' });
    const bank = analysis.tokens.find((t) => t.display === '銀行');
    expect(bank?.simplified).toBe('银行');
    expect(bank?.pinyin).toEqual(['yín', 'háng']);
    expect(analysis.script).toBe('traditional');
  });

  it('converts for display while tokens keep pointing at the original', () => {
    const text = '堅持高質量發展';
    const analysis = analyze(text, { to: 'cn', lexicon });
    expect(display(analysis)).toBe('坚持高质量发展');
    expect(spans(text, analysis).join('')).toBe(text);
  });

  it('removes artefacts from display and keeps the reading as a hint', () => {
    const text = '拼經(jīng)濟';
    const analysis = analyze(text, { to: 'cn', lexicon });
    expect(display(analysis)).toBe('拼经济');
    const economy = analysis.tokens.find((t) => t.simplified === '经济');
    expect(economy && text.slice(economy.start, economy.end)).toBe('經(jīng)濟');
    expect(economy?.hints).toEqual([{ index: 0, written: 'jīng', conflict: false }]);
  });

  it('reports an artefact whose reading disagrees with the context, keeping the context', () => {
    const token = analyze('銀行(xíng)', { lexicon }).tokens.find((t) => t.simplified === '银行');
    expect(token?.pinyin).toEqual(['yín', 'háng']);
    expect(token?.hints).toEqual([{ index: 1, written: 'xíng', conflict: true }]);
  });

  it('keeps artefacts as text when asked', () => {
    expect(display(analyze('現(xiàn)代', { keepArtifacts: true }))).toBe('現(xiàn)代');
  });

  it('converts Taiwan vocabulary with twp and keeps the offsets whole', () => {
    const text = '我用U盘拷贝软件';
    const analysis = analyze(text, { to: 'twp', lexicon });
    expect(display(analysis)).toBe('我用隨身碟複製軟體');
    expect(spans(text, analysis).join('')).toBe(text);
  });

  it('uses citation tones by default and sandhi on request', () => {
    expect(readingOf('一个不对', '一个')).toBe('yi1 ge4');
    const sandhi = analyze('一个', { lexicon, pinyin: 'num', toneSandhi: true }).tokens[0];
    expect(sandhi?.pinyin).toEqual(['yi2', 'ge4']);
  });

  it.each([
    ['重要的会议', '重要', 'zhong4 yao4'],
    ['重庆市政府', '重庆', 'chong2 qing4'],
    ['中国银行', '银行', 'yin2 hang2'],
    ['采取行动', '行动', 'xing2 dong4'],
    ['市长讲话', '市长', 'shi4 zhang3'],
    ['长期坚持', '长期', 'chang2 qi1'],
    ['深入调研', '调研', 'diao4 yan2'],
    ['结构调整', '调整', 'tiao2 zheng3'],
    ['首都北京', '首都', 'shou3 du1'],
    ['这都是', '都是', 'dou1 shi4'],
    ['召开会议', '会议', 'hui4 yi4'],
    ['会计师', '会计', 'kuai4 ji4'],
    ['还是要', '还是', 'hai2 shi4'],
    ['按时归还', '归还', 'gui1 huan2'],
    ['为了人民', '为了', 'wei4 le5'],
    ['作为党员', '作为', 'zuo4 wei2'],
    ['节省开支', '节省', 'jie2 sheng3'],
    ['省长讲话', '省长', 'sheng3 zhang3'],
    ['参加会议', '参加', 'can1 jia1'],
    ['人参产业', '人参', 'ren2 shen1'],
    ['依法处理', '处理', 'chu3 li3'],
    ['处长会议', '处长', 'chu4 zhang3'],
    ['局长讲话', '局长', 'ju2 zhang3'],
    ['秘书长出席', '秘书长', 'mi4 shu1 zhang3'],
    ['相信群众', '相信', 'xiang1 xin4'],
    ['日本首相', '首相', 'shou3 xiang4'],
    ['资产重组', '重组', 'chong2 zu3'],
    ['提高质量', '质量', 'zhi4 liang4'],
    ['各行各业', '各行各业', 'ge4 hang2 ge4 ye4'],
    ['定下基调', '基调', 'ji1 diao4'],
    ['大有作为', '作为', 'zuo4 wei2'],
    ['积极种植', '种植', 'zhong4 zhi2'],
  ])('reads the polyphone in %s', (text, word, reading) => {
    expect(readingOf(text, word)).toBe(reading);
  });

  it('writes ü as v and the neutral tone as 5 in tone-number style', () => {
    expect(analyze('绿色的', { lexicon, pinyin: 'num' }).tokens.flatMap((t) => t.pinyin)).toEqual([
      'lv4',
      'se4',
      'de5',
    ]);
    expect(analyze('绿', { pinyin: 'mark' }).tokens[0]?.pinyin).toEqual(['lǜ']);
  });

  describe('bad input never throws and never loses text', () => {
    it.each([
      ['empty', ''],
      ['no Chinese', 'Just an English sentence (with parentheses).'],
      ['lone surrogates', 'a\ud800b\udc00中'],
      ['astral characters', '𠮷野家𠮷'],
      ['unclosed artefact', '現(xian'],
      ['only an artefact', '(xiàn)'],
      ['control characters', '\u0000中\u0007文\u200b'],
    ])('%s', (_name, text) => {
      const analysis = analyze(text, { lexicon, to: 'twp' });
      expect(spans(text, analysis).join('')).toBe(text);
    });

    it('a 10 MB single line', () => {
      const unit = '推动高质量发展，發展新質(zhì)生產(chǎn)力。Growth 2025 (see above)';
      const text = unit.repeat(Math.ceil(10_000_000 / unit.length));
      const analysis = analyze(text, { lexicon, pinyin: 'none' });
      expect(analysis.tokens.at(-1)?.end).toBe(text.length);
      expect(spans(text, analysis).join('').length).toBe(text.length);
    }, 60_000);
  });

  it('tiles the input exactly for any string (property)', () => {
    const pieces = fc.constantFrom(
      '中',
      '國',
      '发',
      '發',
      '(xiàn)',
      '（記者）',
      '(2025)',
      'a',
      ' ',
      '𠮷',
      '\ud800',
      '。',
      '會',
      '(hui)',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        for (const to of ['keep', 'cn', 'twp'] as const) {
          const analysis = analyze(text, { lexicon, to });
          let at = 0;
          for (const token of analysis.tokens) {
            expect(token.start).toBe(at);
            expect(token.end).toBeGreaterThan(token.start);
            at = token.end;
          }
          expect(at).toBe(text.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  describe.runIf(hasSampleArticle)('the sample article', () => {
    it('converts to simplified correctly (phrases checked by hand)', () => {
      const article = readSampleArticle();
      const simplified = article
        .split('\n')
        .map((line) => display(analyze(line, { to: 'cn', lexicon })))
        .join('\n');
      for (const phrase of [
        '努力在现代化强省建设中挺膺争先',
        '认真落实全省干事创业担当尽责确保“十五五”开好局工作会议精神',
        '市政协主席李爱杰、市人大常委会主任高峰',
        '高质量完成全年任务目标,实现“十四五”圆满收官',
        '全力以赴拼经济',
        '区域副中心城市',
      ]) {
        expect(simplified).toContain(phrase);
      }
      expect(simplified).toContain('(市属开发区)');
      expect(simplified).not.toMatch(/[(（](?:xiàn|jīng|zhì|chǎn|qū)[)）]/u);
    });

    it('tiles every line of the article', () => {
      for (const line of readSampleArticle().split('\n')) {
        expect(spans(line, analyze(line, { lexicon, to: 'cn' })).join('')).toBe(line);
      }
    });
  });
});
