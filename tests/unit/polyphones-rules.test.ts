import { describe, expect, it } from 'vitest';
import { featureText } from '../../utils/zh/polyphones/features';
import { ruleReading } from '../../utils/zh/polyphones/rules';
import { createLexicon, segmentHanRun } from '../../utils/zh/segment';

/** A small lexicon: the rules only read characters standing alone, so the words matter. */
const lexicon = createLexicon([
  '认真',
  '学习',
  '坚定',
  '坚定不移',
  '推进',
  '改革',
  '历史',
  '解决',
  '贫困',
  '问题',
  '阻挡',
  '前进',
  '步伐',
  '人民',
  '服务',
  '任命',
  '副总理',
  '经济',
  '建设',
  '中心',
  '面积',
  '平方公里',
  '借款',
  '债务',
  '工厂',
  '讲话',
  '清楚',
  '银行',
  '了解',
  '得到',
  '土地',
  '各地',
  '地区',
  '目标',
  '确定',
  '外资',
  '表示',
  '双方',
  '重回',
  '谈判',
]);

/** The rule reading of the character marked [x] in `marked` ('' when none) and whether firm. */
function rule(marked: string): string {
  const at = marked.indexOf('[');
  const text = marked.replace('[', '').replace(']', '');
  const ends = segmentHanRun(text, lexicon);
  const result = ruleReading(featureText(text, ends), Array.from(text.slice(0, at)).length);
  return result.firm ? `${result.reading}!` : result.reading;
}

describe('particle rules', () => {
  it.each([
    // 地: the adverbial particle after an adverbial word or reduplication, before a verb.
    ['要认真[地]学习', 'de5!'],
    ['坚定不移[地]推进改革', 'de5!'],
    ['要历史性[地]解决贫困问题', 'de5!'],
    ['慢慢[地]', 'de5!'],
    ['各[地]', ''],
    ['这块[地]', ''],
    // 了: le after a verb, liǎo in the potential complement 不了.
    ['阻挡不[了]前进的步伐', 'liao3!'],
    ['会议通过[了]报告', 'le5'],
    // 着: zhe after a verb, zháo when 睡/找 + 着 closes the clause.
    ['他睡[着]了', 'zhao2!'],
    ['围绕[着]中心', 'zhe5'],
    // 得: de before a degree word (firm), before other adjectives (a witness only).
    ['讲[得]很清楚', 'de5!'],
    ['讲[得]非常清楚', 'de5!'],
    ['做[得]好', 'de5'],
    ['[得]到', ''],
    // 的: de, and dí in 的确 unless 确 starts a word of its own.
    ['中国[的]发展', 'de5'],
    ['这[的]确是问题', 'di2!'],
    ['目标[的]确定', 'de5'],
  ])('%s → %s', (marked, expected) => {
    expect(rule(marked)).toBe(expected);
  });
});

describe('news polyphone rules', () => {
  it.each([
    ['他被任命[为]副总理', 'wei2!'],
    ['面积[为]16平方公里', 'wei2!'],
    ['要以经济建设[为]中心', 'wei2!'],
    ['我们要[为]人民服务', 'wei4!'],
    ['被评[为]先进', 'wei2!'],
    ['借款人[还]了钱', 'huan2!'],
    ['[还]清债务', 'huan2!'],
    ['改革[还]在路上', 'hai2'],
    ['科[长]讲话', 'zhang3!'],
    ['会议[长]达四小时', 'chang2!'],
    ['双方[重]启谈判', 'chong2!'],
    ['[处]于关键期', 'chu3!'],
    ['发现多[处]隐患', 'chu4'],
    ['《自[传]》', 'zhuan4!'],
    ['村民在山上[种]树', 'zhong4!'],
    ['这[种]做法', 'zhong3'],
    ['为旅客[量]体温', 'liang2!'],
    ['产[量]增长', 'liang4'],
  ])('%s → %s', (marked, expected) => {
    expect(rule(marked)).toBe(expected);
  });

  it('gives nothing inside a dictionary word', () => {
    expect(rule('中国人民[银]行')).toBe('');
    expect(rule('[了]解情况')).toBe('');
  });
});
