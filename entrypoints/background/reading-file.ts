/**
 * The build-time reading table (`public/dict/readings.u8`, utils/zh/reading-table.ts), read on
 * first use and kept for the life of the worker: the text engine's readings, and the readings
 * artefact removal checks a written syllable against (`新質(zhì)`), which dictionary lookups need
 * too, before any page was analysed.
 */
import { loadOnce } from '../../utils/load-once';
import { setTonelessReadings } from '../../utils/zh/artifacts';
import {
  parseReadingFile,
  READINGS_FILE_NAME,
  tonelessReadingsOf,
  type ReadingFile,
} from '../../utils/zh/reading-table';
import { fetchPackagedText } from './packaged-file';

export const loadReadingFile = loadOnce(async (): Promise<ReadingFile> =>
  parseReadingFile(await fetchPackagedText(`/dict/${READINGS_FILE_NAME}`, 'reading table')),
);

/** Gives artefact removal the characters' readings (once; the engine's table replaces them with
 * the same readings when it is built). */
export const loadTonelessReadings = loadOnce(async (): Promise<void> => {
  setTonelessReadings(tonelessReadingsOf(await loadReadingFile()));
});
