/**
 * The reader in one frame: loads the word list once, follows the settings and the site switch,
 * and starts or restores the page annotation accordingly.
 */
import { base64ToBytes } from '../../utils/base64';
import type { Glossary } from '../../utils/glossary/entries';
import { buildPersonalGlossary, type PersonalGlossary } from '../../utils/glossary/personal';
import { FIELD_LIMITS, TRACKER_LIMITS } from '../../utils/limits';
import { sendToBackground } from '../../utils/send-message';
import {
  enabledSites,
  isSiteEnabled,
  readerSettings,
  sanitizeSettings,
  siteKey,
  sanitizeStudySettings,
  sanitizeTrackerSettings,
  shouldTrackSite,
  studySettings,
  trackerSettings,
  studyWordsVersion,
  personalTermsVersion,
  type ReaderSettings,
} from '../../utils/settings';
import { TONE_COLORS } from '../../utils/tone-colors';
import { formatReading } from '../../utils/zh/pinyin';
import {
  polyphoneModelFromTransfer,
  type PolyphoneModel,
} from '../../utils/zh/polyphones/model-format';
import { setTonelessReadings } from '../../utils/zh/artifacts';
import type { ScriptTarget } from '../../utils/zh/analyze-core';
import { missingOpenccDictionaries, registerOpenccDictionaries } from '../../utils/zh/convert';
import type { OpenccDictionaryName } from '../../utils/zh/opencc-dictionaries';
import { readingTableFromTransfer, type ReadingTable } from '../../utils/zh/reading-table';
import { Lexicon } from '../../utils/zh/segment';
import { toZhuyin } from '../../utils/zh/zhuyin';
import { PageAnnotator, type AnnotatorConfig } from './annotate/page-annotator';
import type { ReadingFormatter, StudyWords } from './annotate/render-tokens';
import { PopupController } from './popup/popup-controller';
import { TermsPanel } from './terms/terms-panel';
import { PageSightings } from './terms/page-sightings';
import { AnnotationController } from './annotations/annotation-controller';
import { AddTermForm } from './personal-terms/add-term-form';
import type { TermHit } from '../../utils/glossary/matcher';
import { readerHostname } from './reader-site';
import { watchFrameLoads } from './frame-loads';

/** Starts the reader session for this frame. Safe to call twice: the second call does nothing. */
export async function startReaderSession(): Promise<void> {
  const hostname = readerHostname();
  // eslint-disable-next-line prefer-const -- `personal` is fetched again when the terms change.
  let [{ lexicon, readingTable }, polyphones, personal] = await Promise.all([
    loadLexicon(),
    loadPolyphoneModel(),
    loadPersonalTerms(),
  ]);
  // Personal terms segment as one word, like the glossary's, so a mark never splits a word.
  lexicon.addWords([...personal.words]);
  let annotator: PageAnnotator | null = null;
  let popup: PopupController | null = null;
  let terms: TermsPanel | null = null;
  let notes: AnnotationController | null = null;
  let termForm: AddTermForm | null = null;
  let settings = sanitizeSettings(await readerSettings.getValue());
  let on = isSiteEnabled(await enabledSites.getValue(), hostname);
  let markSaved = sanitizeStudySettings(await studySettings.getValue()).markSavedWords;
  let study = markSaved ? await loadStudyWords() : null;
  let tracking = shouldTrackSite(
    sanitizeTrackerSettings(await trackerSettings.getValue()),
    hostname,
  );
  // One record of the page's terms per annotator: a redraw counts the page afresh.
  let reportTimer = 0;
  const newAnnotator = () => {
    clearTimeout(reportTimer);
    const page = tracking ? new PageSightings() : null;
    return new PageAnnotator(
      document,
      annotatorConfig(
        settings,
        { lexicon, readingTable },
        study,
        polyphones,
        terms,
        personal.glossary,
        {
          ...(page && {
            onTermsMatched: (text: string, hits: readonly TermHit[]) => page.add(text, hits),
          }),
          onIdle: () => {
            // Annotations anchor on the text as drawn (the annotator replaced its nodes).
            notes?.anchor();
            // The words on screen are drawn: the popup asks for their entries ahead of hovers.
            popup?.prefetchVisible();
            if (!page) return;
            // Debounced: a page that keeps adding content is reported once it settles.
            clearTimeout(reportTimer);
            reportTimer = window.setTimeout(() => reportSightings(page), REPORT_DELAY_MS);
          },
        },
      ),
    );
  };

  const apply = (): void => {
    annotator?.stop();
    popup?.stop();
    terms?.stop();
    notes?.stop();
    notes = null;
    termForm?.stop();
    termForm = null;
    annotator = null;
    popup = null;
    terms = null;
    clearTimeout(reportTimer);
    if (!on) return;
    // A traditional display needs conversion tables the reader does not bundle: fetched first
    // (once per frame), then everything starts. Without them the page keeps its own script.
    const missing = displayDictionariesMissing(settings.script);
    if (missing.length > 0) {
      loadOpenccDictionaries(missing).then(apply, (error: unknown) => {
        console.warn(
          'tifa: conversion tables unavailable:',
          error instanceof Error ? error.message : error,
        );
        settings = { ...settings, script: 'keep' };
        apply();
      });
      return;
    }
    // Also with the glossary off: the panel lists the page's annotations (it appears only once
    // it has terms or annotations to show).
    terms = new TermsPanel(document, (id) => {
      const term = personal.termsByHit.get(id)?.[0];
      return term ? { simplified: term.simplified, gloss: term.english.gloss } : null;
    });
    terms.start();
    notes = new AnnotationController(document, (list) => terms?.setAnnotations(list));
    notes.start();
    // "Add as my term" from the context menu (personal-terms/add-term-form.ts).
    termForm = new AddTermForm(document);
    termForm.start();
    annotator = newAnnotator();
    annotator.start();
    popup = new PopupController(document, settings.popupTrigger, personal.termsByHit);
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
  // Saved words change on the review page or through the popup: fetch them again and redraw.
  // Only the annotation is redrawn: the word popup stays open (it may show "Saved").
  const reloadStudy = async () => {
    study = markSaved ? await loadStudyWords() : null;
    if (!annotator) return;
    annotator.stop();
    // Redrawing marks every term again: the panel starts its count afresh.
    terms?.stop();
    terms?.start();
    annotator = newAnnotator();
    annotator.start();
  };
  studySettings.watch((value) => {
    const next = sanitizeStudySettings(value).markSavedWords;
    if (next === markSaved) return;
    markSaved = next;
    void reloadStudy();
  });
  studyWordsVersion.watch(() => {
    if (markSaved) void reloadStudy();
  });
  // Personal terms changed (review page, pack import): fetch them and draw the page again.
  personalTermsVersion.watch(() => {
    void loadPersonalTerms().then((next) => {
      personal = next;
      lexicon.addWords([...next.words]);
      if (annotator) apply();
    });
  });
  trackerSettings.watch((value) => {
    const next = shouldTrackSite(sanitizeTrackerSettings(value), hostname);
    if (next === tracking) return;
    tracking = next;
    // Switched on: count the page from a fresh drawing; switched off: stop counting.
    if (annotator) apply();
  });
  apply();
  // Frames that load later get the reader too, once the background has looked at them (it checks
  // the site; a probe of a tab whose site is off does nothing).
  watchFrameLoads(document, () => {
    sendToBackground('probeFrames', {}).catch((error: unknown) => {
      console.warn('tifa: frames not probed:', error instanceof Error ? error.message : error);
    });
  });
}

/** The opencc dictionaries the display script needs that this frame has not loaded yet. */
function displayDictionariesMissing(script: ScriptTarget): OpenccDictionaryName[] {
  // Simplified display uses the matching key itself (traditional → simplified, bundled).
  return script === 'keep' || script === 'cn' ? [] : missingOpenccDictionaries('cn', script);
}

/** Fetches dictionaries from the background and makes them available to conversion. */
async function loadOpenccDictionaries(names: OpenccDictionaryName[]): Promise<void> {
  const { dictionaries } = await sendToBackground('getOpenccDictionaries', { names });
  // Every one asked for, or the reader would ask again for ever.
  for (const name of names)
    if (typeof dictionaries[name] !== 'string') throw new Error(`no dictionary ${name}`);
  registerOpenccDictionaries(dictionaries);
}

/** Quiet time after annotation goes idle before the page's terms are reported: content that
 * arrives in bursts (infinite scroll, live blogs) is then sent once, not per burst. */
const REPORT_DELAY_MS = 1500;

/** Sends the page's term counts to the tracker if terms were added since the last report. Only
 * ids, counts and one sentence per term leave the page, with its URL, title and site. */
function reportSightings(page: PageSightings): void {
  if (!page.changed) return;
  const terms = page.summarize();
  sendToBackground('recordSightings', {
    url: location.href.split('#')[0]?.slice(0, FIELD_LIMITS.url) ?? '',
    title: document.title.slice(0, FIELD_LIMITS.title),
    outlet: siteKey(location.hostname).slice(0, TRACKER_LIMITS.outlet),
    date: Date.now(),
    terms,
  }).catch((error: unknown) => {
    console.warn('tifa: sightings not recorded:', error instanceof Error ? error.message : error);
  });
}

/** The reader's personal terms from the background, matched on the page beside the glossary.
 * Without them the page is still annotated with the built-in glossary. */
async function loadPersonalTerms(): Promise<PersonalGlossary> {
  try {
    const { terms } = await sendToBackground('listPersonalTerms', {});
    return buildPersonalGlossary(terms);
  } catch (error) {
    console.warn(
      'tifa: personal terms unavailable:',
      error instanceof Error ? error.message : error,
    );
    return buildPersonalGlossary([]);
  }
}

/** The saved words by status from the background (the content script never opens IndexedDB).
 * Without them the page is still annotated, just without marks. */
async function loadStudyWords(): Promise<StudyWords | null> {
  try {
    const { known, learning } = await sendToBackground('getStudyWords', {});
    return { known: new Set(known), learning: new Set(learning) };
  } catch (error) {
    console.warn('tifa: saved words unavailable:', error instanceof Error ? error.message : error);
    return null;
  }
}

/** The lexicon (glossary words included) and pinyin-pro's readings of its words, prepared once
 * by the background: decoding them here costs a few ms, building them would cost far more. */
async function loadLexicon(): Promise<LexiconWithReadings> {
  const { packed, readings } = await sendToBackground('getLexicon', {});
  const started = performance.now();
  const lexicon = Lexicon.unpack(base64ToBytes(packed));
  const readingTable = readingTableFromTransfer(readings, lexicon);
  // Artefact removal checks a syllable against the character's readings: from the table here.
  setTonelessReadings(readingTable.toneless);
  // Main-thread cost of the lexicon, for the page benchmark (scripts/bench/page.ts).
  performance.measure('tifa:lexicon', { start: started });
  return { lexicon, readingTable };
}

interface LexiconWithReadings {
  readonly lexicon: Lexicon;
  readonly readingTable: ReadingTable;
}

/** The polyphone model from the background (parsed here, once per frame). Without it the page is
 * still annotated, with pinyin-pro's readings and the hand-checked word list. */
async function loadPolyphoneModel(): Promise<PolyphoneModel | undefined> {
  try {
    const { model } = await sendToBackground('getPolyphoneModel', {});
    const started = performance.now();
    const parsed = polyphoneModelFromTransfer(model);
    performance.measure('tifa:polyphones', { start: started });
    return parsed;
  } catch (error) {
    console.warn(
      'tifa: polyphone model unavailable:',
      error instanceof Error ? error.message : error,
    );
    return undefined;
  }
}

function annotatorConfig(
  settings: ReaderSettings,
  { lexicon, readingTable }: LexiconWithReadings,
  study: StudyWords | null,
  polyphones: PolyphoneModel | undefined,
  terms: TermsPanel | null,
  personal: Glossary,
  tracker: Pick<AnnotatorConfig, 'onTermsMatched' | 'onIdle'> | null = null,
): AnnotatorConfig {
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  return {
    analyze: {
      to: settings.script,
      keepArtifacts: !settings.removeArtifacts,
      lexicon,
      readingTable,
      polyphones,
    },
    render: {
      pinyin: settings.pinyin,
      formatReading: readingFormatter(settings),
      // Tone marks on readings only when they are coloured (the stylesheet's only use of them).
      tones: settings.toneColors,
      study,
    },
    style: {
      rubySize: settings.rubySize,
      toneColors: settings.toneColors ? (dark ? TONE_COLORS.dark : TONE_COLORS.light) : null,
    },
    markTerms: settings.glossary,
    personal,
    onTermsDrawn: terms && settings.glossary ? (ids) => terms.addTerms(ids) : undefined,
    ...tracker,
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
