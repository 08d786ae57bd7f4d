/**
 * The syllables of Standard Mandarin, toneless, with `v` for ü: what a reading in an inline-pinyin
 * artefact must spell. Collected from the readings in CC-CEDICT, without its letter names and
 * one-letter interjections (m, r), so that `(m)` or `(r)` in a text never count as a reading.
 */
const SYLLABLES =
  'a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bu ca cai ' +
  'can cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chuai chuan ' +
  'chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei deng di dian ' +
  'diao die ding diu dong dou du duan dui dun duo e ei en er fa fan fang fei fen feng fo fou fu ga ' +
  'gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao ' +
  'he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing ' +
  'jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang ' +
  'kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu long lou lu ' +
  'luan lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu ' +
  'na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv ' +
  'nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang ' +
  'qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru ruan rui run ' +
  'ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu ' +
  'shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te ' +
  'teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia ' +
  'xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong ' +
  'you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen ' +
  'zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo';

const syllableSet = new Set(SYLLABLES.split(' '));

/** True when `toneless` (lower case, ü written v) is a syllable of Standard Mandarin. */
export function isMandarinSyllable(toneless: string): boolean {
  return syllableSet.has(toneless);
}

const TONE_MARKS: Record<string, [string, number]> = {
  ā: ['a', 1],
  á: ['a', 2],
  ǎ: ['a', 3],
  à: ['a', 4],
  ē: ['e', 1],
  é: ['e', 2],
  ě: ['e', 3],
  è: ['e', 4],
  ī: ['i', 1],
  í: ['i', 2],
  ǐ: ['i', 3],
  ì: ['i', 4],
  ō: ['o', 1],
  ó: ['o', 2],
  ǒ: ['o', 3],
  ò: ['o', 4],
  ū: ['u', 1],
  ú: ['u', 2],
  ǔ: ['u', 3],
  ù: ['u', 4],
  ǖ: ['v', 1],
  ǘ: ['v', 2],
  ǚ: ['v', 3],
  ǜ: ['v', 4],
  ü: ['v', 0],
  ń: ['n', 2],
  ň: ['n', 3],
  ǹ: ['n', 4],
  ḿ: ['m', 2],
};

/** A pinyin syllable split into its letters and tone: 0 when unmarked, 5 for the neutral tone. */
export interface ParsedSyllable {
  readonly toneless: string;
  readonly tone: number;
}

/**
 * Parses one written syllable in any of the usual spellings: tone marks (`zhì`), a tone number
 * (`zhi4`, `lv4`, `lu:4`), or none (`hui`). Returns null for anything that is not one syllable.
 */
export function parseSyllable(written: string): ParsedSyllable | null {
  let letters = '';
  let tone = 0;
  const normalized = written.normalize('NFC').replace('u:', 'v');
  for (let i = 0; i < normalized.length; i++) {
    const ch = normalized[i] ?? '';
    const marked = TONE_MARKS[ch];
    if (marked) {
      if (marked[1] !== 0) {
        if (tone !== 0) return null;
        tone = marked[1];
      }
      letters += marked[0];
    } else if (ch >= 'a' && ch <= 'z') {
      letters += ch;
    } else if (ch >= '1' && ch <= '5' && i === normalized.length - 1 && tone === 0 && letters) {
      tone = Number(ch);
    } else {
      return null;
    }
  }
  return isMandarinSyllable(letters) ? { toneless: letters, tone } : null;
}
