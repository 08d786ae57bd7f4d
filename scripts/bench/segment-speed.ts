/**
 * Segmenter speed and lexicon cost with the full CC-CEDICT word list.
 *
 * Budget: `analyze` must keep ≥ 0.7× pinyin-pro's throughput, so segmentation, one of its steps,
 * aims at ≥ 5,000,000 chars/s. Also prints the lexicon's build time and heap, which decide
 * whether a content script can afford to hold it.
 *
 * Usage: node --expose-gc --import tsx scripts/bench/segment-speed.ts
 * (`npx tsx scripts/bench/segment-speed.ts` works too, without the memory figures.)
 */
import { pinyin } from 'pinyin-pro';
import { loadWordListFromDisk } from '../../utils/dict/load-node';
import { createLexicon, segmentHanRun, type Lexicon } from '../../utils/zh/segment';

/** Written for this benchmark in the register of state news reports; not quoted from any. */
const SAMPLE = `
新华社北京电 中共中央政治局常务委员会近日召开会议，听取关于今年以来经济形势的汇报，研究部署下一阶段经济工作。
会议指出，今年以来，面对复杂严峻的国际环境和艰巨繁重的国内改革发展稳定任务，各地区各部门坚持稳中求进工作总基调，
完整、准确、全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展，经济运行总体平稳、稳中有进。
会议强调，要全面贯彻党的二十大精神，坚持以人民为中心的发展思想，统筹发展和安全，进一步全面深化改革，扩大高水平对外开放。
要加大宏观政策调控力度，实施更加积极的财政政策和适度宽松的货币政策，着力扩大国内需求，推动消费和投资良性循环。
要坚持把实体经济作为着力点，加快建设现代化产业体系，因地制宜发展新质生产力，推进科技自立自强。
会议指出，要扎实推进乡村全面振兴，确保国家粮食安全，守住不发生规模性返贫的底线。要持续改善生态环境质量，
积极稳妥推进碳达峰碳中和。要切实保障和改善民生，稳定和扩大就业，完善社会保障体系，办好人民满意的教育，推进健康中国建设。
国务院总理在会见外国代表团时表示，中方愿同各方一道，坚持真正的多边主义，维护以联合国为核心的国际体系，推动构建人类命运共同体。
中国将继续坚定不移地走和平发展道路，在和平共处五项原则基础上同各国发展友好合作，为世界和平与发展作出新的更大贡献。
外交部发言人在例行记者会上回答提问时说，台湾是中国领土不可分割的一部分，台湾问题纯属中国内政，不容任何外部势力干涉。
我们敦促有关国家恪守一个中国原则，停止向台湾出售武器，以实际行动维护台海和平稳定。
全国人民代表大会常务委员会第十次会议在北京人民大会堂闭幕。会议表决通过了关于修改部分法律的决定，
审议了国务院关于金融工作情况的报告。委员长主持会议并发表讲话，他指出，要坚持党的领导、人民当家作主、依法治国有机统一，
发展全过程人民民主，不断提高立法质量和效率。据国家统计局发布的数据，前三季度国内生产总值同比增长百分之五，
社会消费品零售总额稳步回升，规模以上工业增加值增速加快，城镇调查失业率保持总体稳定，居民消费价格温和上涨。
专家认为，随着一揽子增量政策落地见效，市场预期和社会信心进一步增强，经济回升向好的基础不断巩固。
`;

const TARGET_MS = 1500;

function main(): void {
  const memoryBefore = measureMemory();
  let started = performance.now();
  const words = loadWordListFromDisk();
  const loadMs = performance.now() - started;
  const memoryWithWords = measureMemory();

  started = performance.now();
  const lexicon = createLexicon(words);
  const buildMs = performance.now() - started;
  const memoryWithLexicon = measureMemory();

  const runs = SAMPLE.match(/\p{Script=Han}+/gu) ?? [];
  const hanChars = runs.reduce((sum, run) => sum + run.length, 0);
  const segmentRate = measureRate(() => segmentRuns(runs, lexicon), hanChars);
  const pinyinRate = measureRate(() => pinyin(SAMPLE), SAMPLE.length);
  // The same text with its punctuation removed, repeated to a million code units: one run,
  // segmented chunk by chunk.
  const longRun = runs
    .join('')
    .repeat(Math.ceil(1_000_000 / hanChars))
    .slice(0, 1_000_000);
  const longRunRate = measureRate(() => segmentHanRun(longRun, lexicon), longRun.length, 3);

  console.log(`node ${process.version}, ${words.length} words`);
  console.log(`word list read + parse: ${loadMs.toFixed(0)} ms`);
  console.log(`lexicon build: ${buildMs.toFixed(0)} ms, ${lexicon.size} words`);
  if (memoryBefore && memoryWithWords && memoryWithLexicon) {
    console.log(`word list strings: ${mib(memoryWithWords - memoryBefore)} MiB`);
    console.log(`lexicon (heap + typed arrays): ${mib(memoryWithLexicon - memoryWithWords)} MiB`);
  } else {
    console.log('memory: run with `node --expose-gc --import tsx` to measure');
  }
  console.log(
    `segmentHanRun: ${format(segmentRate)} Han chars/s (${runs.length} runs of the sample)`,
  );
  console.log(`segmentHanRun, one 1,000,000-unit run: ${format(longRunRate)} chars/s`);
  console.log(`pinyin-pro pinyin(): ${format(pinyinRate)} chars/s on the same sample, for scale`);
  // Keep the lexicon alive until after the last memory reading.
  if (lexicon.size === 0) console.log('empty lexicon');
}

function segmentRuns(runs: readonly string[], lexicon: Lexicon): number {
  let words = 0;
  for (const run of runs) words += segmentHanRun(run, lexicon).length;
  return words;
}

/** Warms up, then repeats for about TARGET_MS and returns characters per second. */
function measureRate(work: () => unknown, chars: number, batch = 50): number {
  for (let i = 0; i < batch * 4; i++) work();
  let iterations = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < TARGET_MS) {
    for (let i = 0; i < batch; i++) work();
    iterations += batch;
    elapsed = performance.now() - started;
  }
  return (chars * iterations * 1000) / elapsed;
}

/** Heap plus ArrayBuffer bytes after a full GC; undefined when GC is not exposed. */
function measureMemory(): number | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

function format(rate: number): string {
  return Math.round(rate).toLocaleString('en-US');
}

main();
