/**
 * The authored glossary as data: every entry valid, ids and forms unique, traditional forms and
 * pinyin checked against the engine, links resolvable. These run over all entries, so a new or
 * edited entry is checked without writing a test for it.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  buildGlossary,
  describeTerm,
  formsOf,
  getGlossary,
  GLOSSARY_ENTRIES,
  glossaryWords,
  SHARED_FORMS,
} from '../../utils/glossary/entries';
import { foldForMatching } from '../../utils/glossary/normalize';
import { matchKey } from '../../utils/glossary/matcher';
import { explainPattern } from '../../utils/glossary/patterns';
import { CATEGORIES, GlossaryEntrySchema, type GlossaryEntry } from '../../utils/glossary/schema';
import { analyze } from '../../utils/zh/analyze';
import { convertText } from '../../utils/zh/convert';
import { isHanCodePoint } from '../../utils/zh/han';

const entries = GLOSSARY_ENTRIES;

/**
 * Entries whose pinyin differs from what `analyze` reads (without the polyphone model). The entry
 * is authoritative: each is a reading the engine gets wrong in this word. Value: `analyze`'s
 * reading, so the list fails loudly when either side changes.
 */
const KNOWN_PINYIN_DIFFERENCES: Record<string, string> = {
  // 以…为…: 为 is wéi ("take as"), not wèi ("for").
  'people-centred-development': 'yǐrénmínwèizhōngxīn',
  'central-committee-with-xi-at-core': 'yǐxíjìnpíngtóngzhìwèihéxīndedǎngzhōngyāng',
  // 内卷 is nèijuǎn ("roll inward").
  'involution-competition': 'nèijuànshìjìngzhēng',
  // 两重 "the two major (projects)": 重 as in 重大, zhòng.
  'two-major': 'liǎngchóng',
  // 一揽子 ends in a neutral-tone zi.
  'incremental-policies': 'yīlǎnzǐzēngliàngzhèngcè',
  'debt-package': 'yīlǎnzǐhuàzhàifāngàn',
  // 河长, 林长, 链长: the official in charge, zhǎng.
  'river-chief': 'héchángzhì',
  'forest-chief': 'línchángzhì',
  'chain-leader-system': 'liànchángzhì',
  // 亚投行 is a bank (银行): háng.
  aiib: 'yàtóuxíng',
  // 钉钉子: the verb dìng, then the noun dīngzi.
  'nail-hammering-spirit': 'dīngdīngzijīngshén',
  // 久久为功: 为 is wéi ("to achieve").
  'persistent-effort': 'jiǔjiǔwèigōng',
  // 袖子 xiùzi with a neutral tone; 加油干 gàn ("to work").
  'roll-up-sleeves': 'lūqǐxiùzǐjiāyóugān',
};

/** Every Chinese character's reading from `analyze`, digits and Latin letters as written. */
function engineReading(text: string): string {
  let out = '';
  for (const token of analyze(text, { pinyin: 'mark' }).tokens) {
    let k = 0;
    for (const char of token.simplified) {
      if (isHanCodePoint(char.codePointAt(0) ?? 0)) out += token.pinyin[k++] ?? '?';
      else if (/[0-9a-z]/i.test(char)) out += char.toLowerCase();
    }
  }
  return out;
}

const compactPinyin = (pinyin: string) => pinyin.toLowerCase().replace(/[\s'-]/g, '');

describe('glossary entries', () => {
  it('has at least 300 entries, in every category', () => {
    expect(entries.length).toBeGreaterThanOrEqual(300);
    const used = new Set(entries.map((e) => e.category));
    for (const category of CATEGORIES) expect(used, category).toContain(category);
  });

  it('validates every entry against the schema', () => {
    const problems: string[] = [];
    for (const entry of entries) {
      const result = v.safeParse(GlossaryEntrySchema, entry);
      if (!result.success) {
        for (const issue of result.issues) {
          const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
          problems.push(`${entry.id}: ${path}: ${issue.message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has unique ids', () => {
    const ids = entries.map((e) => e.id);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it('maps every surface form to one entry (shared forms only where declared)', () => {
    const owners = new Map<string, string[]>();
    for (const entry of entries) {
      for (const form of formsOf(entry)) owners.set(form, [...(owners.get(form) ?? []), entry.id]);
    }
    const shared = [...owners].filter(([, ids]) => ids.length > 1).map(([form]) => form);
    expect(shared.sort()).toEqual(Object.keys(SHARED_FORMS).sort());
    expect(() => buildGlossary(entries)).not.toThrow();
  });

  it('rejects a form claimed by two entries unless declared', () => {
    const [a, b] = entries as [GlossaryEntry, GlossaryEntry];
    const clash = { ...b, variants: [a.simplified] };
    expect(() => buildGlossary([a, clash], {})).toThrow(/is a form of both/);
    expect(buildGlossary([a, clash], { [a.simplified]: b.id }).forms.get(a.simplified)).toBe(b.id);
  });

  it('gives the traditional form opencc gives, unless an override says why not', () => {
    const problems: string[] = [];
    for (const entry of entries) {
      const generated = convertText(entry.simplified, 'cn', 'tw');
      if (entry.traditionalOverride === undefined && generated !== entry.traditional)
        problems.push(`${entry.id}: opencc gives ${generated}, entry has ${entry.traditional}`);
      if (entry.traditionalOverride !== undefined && generated === entry.traditional)
        problems.push(`${entry.id}: override is not needed`);
    }
    expect(problems).toEqual([]);
  });

  it('finds every form again after a round trip through traditional script', () => {
    // What the matcher sees on a traditional page is the page converted back to simplified.
    const problems: string[] = [];
    for (const entry of entries) {
      const forms = new Set(formsOf(entry));
      for (const form of [
        entry.traditional,
        ...formsOf(entry).map((f) => convertText(f, 'cn', 'tw')),
      ]) {
        const key = foldForMatching(convertText(form, 't', 'cn'));
        if (!forms.has(key)) problems.push(`${entry.id}: ${form} comes back as ${key}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('writes every form in simplified characters, without redundant quoted copies', () => {
    const problems: string[] = [];
    for (const entry of entries) {
      const forms = new Set(formsOf(entry));
      for (const form of [entry.simplified, ...(entry.variants ?? [])]) {
        if (convertText(form, 't', 'cn') !== form)
          problems.push(`${entry.id}: ${form} is not simplified`);
        // A bare quoted term is found inside its quotes anyway; quoted forms earn their place
        // only with the word after them (“十五五”规划).
        const quoted = /^"(.+)"$/.exec(foldForMatching(form));
        if (quoted?.[1] && forms.has(quoted[1])) problems.push(`${entry.id}: ${form} is redundant`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has pinyin that matches the engine, apart from the listed corrections', () => {
    const differences: Record<string, string> = {};
    for (const entry of entries) {
      const engine = engineReading(entry.simplified);
      if (engine !== compactPinyin(entry.pinyin)) differences[entry.id] = engine;
    }
    expect(differences).toEqual(KNOWN_PINYIN_DIFFERENCES);
  });

  it('links only to terms that exist, never to itself', () => {
    const glossary = getGlossary();
    const problems: string[] = [];
    for (const entry of entries) {
      for (const { id } of entry.related ?? []) {
        if (id === entry.id) problems.push(`${entry.id} relates to itself`);
        if (!glossary.entries.has(id) && !explainPattern(id)) problems.push(`${entry.id} → ${id}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('names a pattern only when the entry is a hit of that pattern', () => {
    const problems: string[] = [];
    for (const entry of entries.filter((e) => e.patternId)) {
      if (!explainPattern(entry.patternId ?? '')) problems.push(`${entry.id}: unknown pattern`);
      const hits = matchKey(entry.simplified);
      if (hits.length !== 1 || hits[0]?.id !== entry.id)
        problems.push(`${entry.id}: ${JSON.stringify(hits)}`);
    }
    expect(problems).toEqual([]);
  });

  it("excludes only longer words that contain one of the entry's forms", () => {
    for (const entry of entries) {
      for (const word of entry.exclude ?? []) {
        const contains = formsOf(entry).some((f) => word.length > f.length && word.includes(f));
        expect(contains, `${entry.id}: ${word}`).toBe(true);
      }
    }
  });

  it('lists the parts of every numbered formula', () => {
    // 十个明确's ten statements are long doctrinal paragraphs; the explanation summarizes them.
    const withoutParts = entries
      .filter((e) => e.category === 'numbered-formula' && !e.components)
      .map((e) => e.id);
    expect(withoutParts).toEqual(['ten-affirmations']);
  });

  it('gives each entry a card with its own fields', () => {
    for (const entry of entries) {
      const card = describeTerm(entry.id);
      expect(card?.kind).toBe('entry');
      expect(card?.simplified).toBe(entry.simplified);
      expect(card?.related).toEqual(entry.related ?? []);
    }
  });

  it.each([
    '两个确立',
    '两个维护',
    '四个意识',
    '四个自信',
    '五位一体',
    '四个全面',
    '三新一高',
    '两个一百年',
    '三个代表',
    '十四五',
    '十五五',
    '2035年远景目标',
    '二十大',
    '两会',
    '新质生产力',
    '高质量发展',
    '中国式现代化',
    '共同富裕',
    '新发展格局',
    '双循环',
    '营商环境',
    '放管服',
    '城市更新',
    '乡村振兴',
    '全国统一大市场',
    '政绩观',
    '作风建设',
    '八项规定',
    '党建引领',
    '全面从严治党',
    '反腐败',
    '债务化解',
    '安全生产',
    '底线思维',
    '稳中求进',
    '六稳六保',
    '人类命运共同体',
    '一带一路',
    '全球发展倡议',
    '全球安全倡议',
    '全球文明倡议',
    '全球治理倡议',
    '开门红',
    '开局之年',
    '挺膺在前',
    '挺膺争先',
    '走在前',
    '区域副中心城市',
    '十要十不准',
    '一二三产',
    '干事创业',
    '担当尽责',
  ])('covers %s', (term) => {
    expect(getGlossary().forms.has(term)).toBe(true);
  });
});

describe('glossaryWords', () => {
  it('gives Chinese-only words for the segmentation lexicon, pattern terms included', () => {
    const words = glossaryWords();
    expect(words).toEqual(
      expect.arrayContaining(['新质生产力', '二十大', '十五五', '二十届四中全会']),
    );
    for (const word of words) expect(word).toMatch(/^\p{Script=Han}+$/u);
    expect(new Set(words).size).toBe(words.length);
  });
});
