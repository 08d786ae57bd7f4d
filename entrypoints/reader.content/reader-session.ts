/**
 * The reader in one frame: loads the word list once, follows the settings and the site switch,
 * and starts or restores the page annotation accordingly.
 */
import { parseWordList } from '../../utils/dict/cedict-format';
import { sendToBackground } from '../../utils/send-message';
import {
  enabledSites,
  isSiteEnabled,
  readerSettings,
  sanitizeSettings,
  type ReaderSettings,
} from '../../utils/settings';
import { TONE_COLORS } from '../../utils/tone-colors';
import { formatReading } from '../../utils/zh/pinyin';
import { createLexicon, type Lexicon } from '../../utils/zh/segment';
import { toZhuyin } from '../../utils/zh/zhuyin';
import { PageAnnotator, type AnnotatorConfig } from './annotate/page-annotator';
import type { ReadingFormatter } from './annotate/render-tokens';
import { PopupController } from './popup/popup-controller';
import { readerHostname } from './reader-site';

/** Starts the reader session for this frame. Safe to call twice: the second call does nothing. */
export async function startReaderSession(): Promise<void> {
  const hostname = readerHostname();
  const lexicon = await loadLexicon();
  let annotator: PageAnnotator | null = null;
  let popup: PopupController | null = null;
  let settings = sanitizeSettings(await readerSettings.getValue());
  let on = isSiteEnabled(await enabledSites.getValue(), hostname);

  const apply = () => {
    annotator?.stop();
    popup?.stop();
    annotator = null;
    popup = null;
    if (!on) return;
    annotator = new PageAnnotator(document, annotatorConfig(settings, lexicon));
    annotator.start();
    popup = new PopupController(document, settings.popupTrigger);
    popup.start();
  };
  readerSettings.watch((value) => {
    settings = sanitizeSettings(value);
    apply();
  });
  enabledSites.watch((sites) => {
    const next = isSiteEnabled(sites, hostname);
    if (next === on) return;
    on = next;
    apply();
  });
  apply();
}

async function loadLexicon(): Promise<Lexicon> {
  const { words } = await sendToBackground('getWordList', {});
  return createLexicon(parseWordList(words));
}

function annotatorConfig(settings: ReaderSettings, lexicon: Lexicon): AnnotatorConfig {
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  return {
    analyze: { to: settings.script, keepArtifacts: !settings.removeArtifacts, lexicon },
    render: { pinyin: settings.pinyin, formatReading: readingFormatter(settings) },
    style: {
      rubySize: settings.rubySize,
      toneColors: settings.toneColors ? (dark ? TONE_COLORS.dark : TONE_COLORS.light) : null,
    },
  };
}

function readingFormatter(settings: ReaderSettings): ReadingFormatter {
  switch (settings.rubyStyle) {
    case 'num':
      return (n) => n;
    case 'zhuyin':
      return toZhuyin;
    default:
      return (n) => formatReading(n, 'mark');
  }
}
