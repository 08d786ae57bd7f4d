/**
 * Hand-written rules for the grammatical particles (了 着 得 地 的) and the polyphones of
 * political news (重 行 长 调 还 为 省 会 参 处 相 都 便 朝 传 种 量). Written from grammar, not
 * fitted to any data: each rule is one thing a reader of news knows, e.g. a 地 after an adverbial
 * word and before a verb is the particle de.
 *
 * The rules look only at characters that stand as a word of their own: where the segmenter found
 * a dictionary word (了解, 银行, 重庆), CC-CEDICT's reading of that word is the better witness.
 * A rule's reading is one more witness for the classifier, which learns how far to trust it.
 */
import { wordAt, type FeatureText } from './features';

/** What a rule sees: the character, its neighbours and the words either side. */
interface RuleContext {
  /** The characters before (−1, −2) and after (+1, +2); '' outside the text. */
  readonly prev: string;
  readonly prev2: string;
  readonly next: string;
  readonly next2: string;
  /** The word before, and whether it is a multi-character Chinese word. */
  readonly prevWord: string;
  /** Earlier characters of the same clause (up to the last punctuation), nearest last. */
  readonly clauseBefore: string;
  /** Later characters of the same clause, nearest first. */
  readonly clauseAfter: string;
}

type Rule = (c: RuleContext) => string;

const set = (chars: string) => new Set(Array.from(chars));

/** A Chinese character (BMP ideographs: the rules only look at common characters). */
const isHan = (char: string) => {
  const unit = char.charCodeAt(0);
  return (unit >= 0x3400 && unit <= 0x9fff) || (unit >= 0xf900 && unit <= 0xfaff);
};
const DIGITS = set('0123456789０１２３４５６７８９一二三四五六七八九十两几百千万亿多数第');

/** Degree words and the like that follow a complement 得 (说得很好, 跑得更快, 做得非常好). */
const AFTER_COMPLEMENT_DE = set('很太更越极好非十相较比特格最过满清快慢多早晚少高低大小');
/** Verbs after which 了 is liǎo, "be able to" (受不了, 少不了, 做得了). */
const LIAO_BEFORE = set('不');
/** Verbs of naming, making and becoming that take 为 wéi (称为, 改为, 列为, 选为, 定为). */
const WEI2_AFTER = set(
  '称视成作改列定选评分转变化译誉名命划认升降扩合并封立任聘奉尊推设确核编约折更缩拆追',
);
/** What follows 为 wéi: 为主, 为准, 为首, 为止, 为例, 为由, 为期. */
const WEI2_BEFORE = set('主准首止例由期伍伴证荣重');
/** Characters before 为 wèi "for": 也为, 并为, 将为, 努力为, 共同为. */
const WEI4_AFTER = set('也并将要应而就正专特共努只又都还');
/** After 还: returning something (还钱, 还债, 还给). */
const HUAN2_BEFORE = set('给钱债清本贷款');
/** Before 还: returning (归还, 偿还, 退还, 返还, 送还, 交还, 索还, 追还). */
const HUAN2_AFTER = set('归偿退返送交奉索追讨');
/** Single-character units whose head is a 长 zhǎng: 处长, 科长, 组长, 队长, 所长, 站长. */
const ZHANG3_AFTER = set('处科股组队班厂所站社馆院系乡镇村区州旅师营连排舰船机局部省市县校团会行');
/** After 长 cháng "long": 长达, 长约, 长期, 长久, 长远, 长度. */
const CHANG2_BEFORE = set('达约期久远度');
/** After 重 chóng "again": 重新, 重建, 重申, 重返, 重启, 重组, 重现, 重审, 重塑, 重构, 重振. */
const CHONG2_BEFORE = set('新建申复返回启演现生聚整审塑构振估拾铸修置设选写印播订叠逢温犯蹈');
/** Before 重 chóng "layer, fold": 双重, 多重, 几重, 层层重. */
const CHONG2_AFTER = set('双多几万千');
/** Before 处 chǔ "deal with, be in": 处于, 处在, 处以, 处理, 处置, 处罚, 处分. */
const CHU3_BEFORE = set('于在以理置罚分决境事');
/** Before 处 chù "place": 一处, 多处, 各处, 此处, 某处, 何处, 深处, 办事处. */
const CHU4_AFTER = set(
  '一两二三四五六七八九十几多数各某此该别何深远近住去出用长短高低难好益痛妙共到随事',
);
/** After 相 xiàng as a noun "minister": 相兼, 相称 (the minister said), or 相 closing a clause. */
const XIANG4_BEFORE = set('兼称表说指宣强的在于和与会');
/** After 种 zhòng "to plant": 种植, 种地, 种田, 种树, 种菜, 种粮, 种草. */
const ZHONG4_BEFORE = set('植地田树菜粮草花果豆麦稻瓜茶');
/** Before 种 zhǒng "kind": 这种, 那种, 各种, 多种, 某种, 每种, 物种, 品种, 兵种, 人种. */
const ZHONG3_AFTER = set('这那各多某每一两几何此该品物兵工人变新良特稀语险剧');
/** Before 量 liàng "amount": 数量, 质量, 产量, 含量, 流量, 重量, 能量, 总量, 大量. */
const LIANG4_AFTER = set(
  '数质产含流重能总大少雨用销储适批容热力剂变常增减定分存酒饭食胆度衡考较声音海巨',
);
/** After 量 liáng "to measure": 量体温, 量身, 量尺寸, 量血压. */
const LIANG2_BEFORE = set('体身尺血');
/** A 着 zháo "reach, attain" after these verbs when the clause ends or 了 follows (睡着了). */
const ZHAO2_AFTER = set('睡找猜够摸');
/** 确 + these is a word of its own after a possessive 的 (目标的确定, 身份的确认). */
const AFTER_DI2_QUE = set('定认立保诊切凿信');
const CLAUSE_END = (char: string) => char === '' || !isHan(char);

/** A firm reading: a pattern of grammar no context in news overturns (认真地学习 is de, 阻挡不了
 * is liǎo). Firm readings are final; the others are one more witness for the classifier. */
const firm = (reading: string) => `${FIRM}${reading}`;
const FIRM = '!';

/** Verbs of giving and serving after a 为 wèi "for" phrase: 为人民服务, 为世界和平发挥作用. */
const BENEFACTIVE =
  /服务|提供|作出|做出|贡献|发挥|办|注入|创造|带来|营造|奠定|打下|减|助力|解决|搭建|开辟|付出|奋斗|争光|效力|保驾护航|负责|着想/;
/** Degree words after a complement 得 that leave no doubt (说得很好, 跑得更快). */
const DEGREE = set('很更越太极');

const RULES: Readonly<Record<string, Rule>> = {
  了: (c) => (LIAO_BEFORE.has(c.prev) && c.next !== '了' ? firm('liao3') : 'le5'),
  着: (c) =>
    ZHAO2_AFTER.has(c.prev) && (CLAUSE_END(c.next) || c.next === '了') ? firm('zhao2') : 'zhe5',
  得: (c) => {
    if (!isHan(c.prev)) return '';
    if (DEGREE.has(c.next) || (c.next === '非' && c.next2 === '常')) return firm('de5');
    if (AFTER_COMPLEMENT_DE.has(c.next) || CLAUSE_END(c.next)) return 'de5';
    return '';
  },
  地: (c) => {
    // The adverbial particle: after a multi-character word or a reduplication, before a verb
    // (认真地学习, 逐步地推进, 历史性地解决, 慢慢地).
    const adverbial =
      (isHan(c.prevWord[0] ?? '') && c.prevWord.length >= 2) ||
      c.prev === '性' ||
      (c.prev !== '' && c.prev === c.prev2);
    return adverbial && (isHan(c.next) || c.prev === c.prev2) ? firm('de5') : '';
  },
  // 的确 "indeed" even where the segmenter cut 的/确是, but not 的 + 确定, 确认, 确立 ….
  的: (c) => (c.next === '确' && !AFTER_DI2_QUE.has(c.next2) ? firm('di2') : 'de5'),
  为: (c) => {
    if (WEI2_AFTER.has(c.prev) || DIGITS.has(c.next)) return firm('wei2');
    if (WEI2_BEFORE.has(c.next)) return 'wei2';
    // 以……为……: "take … as …", 以经济建设为中心.
    if (c.clauseBefore.includes('以')) return firm('wei2');
    if (BENEFACTIVE.test(c.clauseAfter)) return firm('wei4');
    if (WEI4_AFTER.has(c.prev) || CLAUSE_END(c.prev)) return 'wei4';
    return '';
  },
  还: (c) => {
    if (HUAN2_BEFORE.has(c.next) || HUAN2_AFTER.has(c.prev)) return firm('huan2');
    if (c.next === '了' && HUAN2_BEFORE.has(c.next2)) return firm('huan2');
    return 'hai2';
  },
  长: (c) => {
    if (ZHANG3_AFTER.has(c.prev)) return firm('zhang3');
    if (CHANG2_BEFORE.has(c.next)) return firm('chang2');
    return '';
  },
  重: (c) => {
    if (CHONG2_BEFORE.has(c.next)) return firm('chong2');
    if (CHONG2_AFTER.has(c.prev)) return 'chong2';
    return '';
  },
  处: (c) => {
    if (CHU3_BEFORE.has(c.next)) return firm('chu3');
    if (CHU4_AFTER.has(c.prev) || CLAUSE_END(c.next)) return 'chu4';
    return '';
  },
  相: (c) => {
    if (isHan(c.prev) && (XIANG4_BEFORE.has(c.next) || CLAUSE_END(c.next))) return 'xiang4';
    return isHan(c.next) ? 'xiang1' : '';
  },
  传: (c) => (c.next === '》' || c.next === '」' ? firm('zhuan4') : ''),
  种: (c) => {
    if (ZHONG3_AFTER.has(c.prev) || DIGITS.has(c.prev)) return 'zhong3';
    if (ZHONG4_BEFORE.has(c.next)) return firm('zhong4');
    return '';
  },
  量: (c) => {
    if (LIANG2_BEFORE.has(c.next)) return firm('liang2');
    if (LIANG4_AFTER.has(c.prev)) return 'liang4';
    return '';
  },
  便: (c) => (c.next === '宜' ? '' : 'bian4'),
  都: (c) => (isHan(c.next) ? 'dou1' : ''),
  会: (c) => (c.next === '计' ? '' : 'hui4'),
  参: (c) => (c.next === '差' ? '' : 'can1'),
  省: (c) => (isHan(c.prev) || isHan(c.next) ? 'sheng3' : ''),
  朝: (c) => (isHan(c.next) ? 'chao2' : ''),
};

/** The characters that have a rule; other characters never get a rule reading. */
export const RULE_CHARS: ReadonlySet<string> = new Set(Object.keys(RULES));

/** 为, the one rule that reads its whole clause. */
const WEI = '为'.charCodeAt(0);

/** The rules in a list, and each rule character's place in it + 1 by code unit (every rule
 * character is in the BMP): a typed index costs a page nothing to make. */
const RULE_LIST: readonly Rule[] = Object.values(RULES);
const RULE_INDEX = new Uint8Array(0x10000);
Object.keys(RULES).forEach((char, k) => (RULE_INDEX[char.charCodeAt(0)] = k + 1));

/** Whether the character with this BMP code unit has a rule. */
export function hasRule(unit: number): boolean {
  return (RULE_INDEX[unit] ?? 0) !== 0;
}

/**
 * Dictionary words the rules still read: CC-CEDICT's 性地 ("nature of the soil") makes the
 * segmenter cut 历史/性地/解决, where news means 历史性 + the particle 地.
 */
export const RULE_WORDS: ReadonlySet<string> = new Set(['性地']);

/** How far back `clauseBefore` looks: the 以 of 以……为 is rarely further away. */
const CLAUSE_REACH = 12;

/** A rule's reading and whether it is firm (final) or one witness among others. */
export interface RuleReading {
  readonly reading: string;
  readonly firm: boolean;
}

const NO_RULE: RuleReading = { reading: '', firm: false };

/**
 * The reading the rules give the character at code point `i` ('' when no rule applies: the
 * character is inside a multi-character word, or no rule speaks), and whether it is firm.
 */
export function ruleReading(text: FeatureText, i: number): RuleReading {
  const { codeAt, wordOf, wordStarts } = text;
  // By code unit: `RULES[char]` would make and hash a string of every character asked about.
  const code = codeAt(i);
  const place = code >= 0 && code < 0x10000 ? (RULE_INDEX[code] as number) : 0;
  const rule = place === 0 ? undefined : RULE_LIST[place - 1];
  if (!rule) return NO_RULE;
  const w = wordOf(i);
  const start = wordStarts[w] as number;
  const end = wordStarts[w + 1] as number;
  if (end - start > 1 && !RULE_WORDS.has(wordAt(text, w))) return NO_RULE;
  return interned(rule(new LazyContext(text, i, w, code === WEI ? CLAUSE_REACH : 0)));
}

/**
 * A rule's view of the text, each part made only when the rule reads it: most rules look at one
 * or two neighbours, and 的 alone is 2–3 % of news text.
 */
class LazyContext implements RuleContext {
  constructor(
    private readonly text: FeatureText,
    private readonly i: number,
    private readonly w: number,
    /** How far the clause strings reach (only 为 reads them). */
    private readonly reach: number,
  ) {}

  get prev(): string {
    return this.text.at(this.i - 1) ?? '';
  }

  get prev2(): string {
    return this.text.at(this.i - 2) ?? '';
  }

  get next(): string {
    return this.text.at(this.i + 1) ?? '';
  }

  get next2(): string {
    return this.text.at(this.i + 2) ?? '';
  }

  get prevWord(): string {
    return this.w > 0 ? wordAt(this.text, this.w - 1) : '';
  }

  get clauseBefore(): string {
    let clause = '';
    for (let k = this.i - 1; k >= 0 && k >= this.i - this.reach; k--) {
      const before = this.text.at(k) as string;
      if (!isHan(before)) break;
      clause = before + clause;
    }
    return clause;
  }

  get clauseAfter(): string {
    let clause = '';
    for (let k = this.i + 1; k < this.text.size && k <= this.i + this.reach; k++) {
      const after = this.text.at(k) as string;
      if (!isHan(after)) break;
      clause += after;
    }
    return clause;
  }
}

/** One RuleReading object per distinct rule result: rules give a handful of answers. */
const readingsByResult = new Map<string, RuleReading>();

function interned(result: string): RuleReading {
  let reading = readingsByResult.get(result);
  if (!reading) {
    reading = result.startsWith(FIRM)
      ? { reading: result.slice(FIRM.length), firm: true }
      : { reading: result, firm: false };
    readingsByResult.set(result, reading);
  }
  return reading;
}
