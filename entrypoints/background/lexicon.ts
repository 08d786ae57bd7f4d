/**
 * The segmentation lexicon and pinyin-pro's readings of its words, prepared here once and handed
 * to each page ready to use: the lexicon packed (`Lexicon.pack`, base64 for the message), which a
 * page decodes in a few milliseconds of its main thread instead of building it (about fifty), and
 * the build-time reading table (`readings.u8`, utils/zh/reading-table.ts) by the lexicon's word
 * numbers, so a page never runs pinyin-pro. Kept for the life of the worker; a stopped worker
 * rebuilds them on the next request.
 */
import { bytesToBase64 } from '../../utils/base64';
import { loadOnce } from '../../utils/load-once';
import { parseWordList } from '../../utils/dict/cedict-format';
import { glossaryWords } from '../../utils/glossary/entries';
import {
  parseReadingFile,
  READINGS_FILE_NAME,
  transferableReadingTable,
  type ReadingTableTransfer,
} from '../../utils/zh/reading-table';
import { createLexicon } from '../../utils/zh/segment';
import { fetchPackagedText } from './packaged-file';
import { loadWordListText } from './word-list';

export interface PreparedLexicon {
  readonly packed: string;
  readonly readings: ReadingTableTransfer;
}

/** The lexicon of the compiled word list and the glossary's words, with its readings. */
export const loadPreparedLexicon = loadOnce(prepare);

async function prepare(): Promise<PreparedLexicon> {
  const [words, readings] = await Promise.all([
    loadWordListText(),
    fetchPackagedText(`/dict/${READINGS_FILE_NAME}` as const, 'reading table'),
  ]);
  const lexicon = createLexicon(parseWordList(words));
  // Glossary terms segment as one word (新质生产力, 二十大), as the popup and the marks expect.
  lexicon.addWords(glossaryWords());
  return {
    packed: bytesToBase64(lexicon.pack()),
    readings: transferableReadingTable(parseReadingFile(readings), lexicon),
  };
}
