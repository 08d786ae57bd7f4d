/**
 * The reader in one frame: follows the settings and the site switch, and starts or restores the
 * page annotation accordingly. The text engine runs in the background (`analyzeParagraphs`).
 */
import { FIELD_LIMITS, TRACKER_LIMITS } from '../../utils/limits';
import { sendToBackground } from '../../utils/send-message';
import {
  isSiteEnabled,
  siteKey,
  shouldTrackSite,
  type ReaderSettings,
} from '../../utils/settings-values';
import { readReaderState, watchReaderState } from './reader-storage';
import { TONE_COLORS } from '../../utils/tone-colors';
import { PageAnnotator, type AnnotatorConfig } from './annotate/page-annotator';
import type { StudyWords } from './annotate/render-tokens';
import { PopupController } from './popup/popup-controller';
import { TermsPanel } from './terms/terms-panel';
import { TermCards } from './terms/term-cards';
import { PageSightings } from './terms/page-sightings';
import { AnnotationController } from './annotations/annotation-controller';
import { AddTermForm } from './personal-terms/add-term-form';
import type { TermHit } from '../../utils/glossary/matcher';
import { readerHostname } from './reader-site';
import { watchFrameLoads } from './frame-loads';

/** Starts the reader session for this frame. Safe to call twice: the second call does nothing. */
export async function startReaderSession(): Promise<void> {
  const hostname = readerHostname();
  // The terms' cards, for the popup and the terms panel, from the background (which also matches
  // the terms on the page); the reader's own terms are asked for while the settings are read.
  const cards = new TermCards();
  const personalLoaded = cards.loadPersonal();
  let annotator: PageAnnotator | null = null;
  let popup: PopupController | null = null;
  let terms: TermsPanel | null = null;
  let notes: AnnotationController | null = null;
  let termForm: AddTermForm | null = null;
  const state = await readReaderState();
  let settings = state.settings;
  let on = isSiteEnabled(state.sites, hostname);
  let markSaved = state.study.markSavedWords;
  let tracking = shouldTrackSite(state.tracker, hostname);
  let [study] = await Promise.all([markSaved ? loadStudyWords() : null, personalLoaded]);
  // One record of the page's terms per annotator: a redraw counts the page afresh.
  let reportTimer = 0;
  const newAnnotator = () => {
    clearTimeout(reportTimer);
    const page = tracking ? new PageSightings() : null;
    return new PageAnnotator(
      document,
      annotatorConfig(settings, study, terms, cards, {
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
      }),
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
    if (!on) {
      cards.clear();
      return;
    }
    // Also with the glossary off: the panel lists the page's annotations (it appears only once
    // it has terms or annotations to show).
    terms = new TermsPanel(document, cards);
    terms.start();
    notes = new AnnotationController(document, (list) => terms?.setAnnotations(list));
    notes.start();
    // "Add as my term" from the context menu (personal-terms/add-term-form.ts).
    termForm = new AddTermForm(document);
    termForm.start();
    annotator = newAnnotator();
    annotator.start();
    popup = new PopupController(document, settings.popupTrigger, cards);
    popup.start();
  };
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
  watchReaderState({
    settings: (next) => {
      settings = next;
      apply();
    },
    sites: (sites) => {
      const next = isSiteEnabled(sites, hostname);
      if (next === on) return;
      on = next;
      apply();
    },
    study: (next) => {
      if (next.markSavedWords === markSaved) return;
      markSaved = next.markSavedWords;
      void reloadStudy();
    },
    studyWords: () => {
      if (markSaved) void reloadStudy();
    },
    // Personal terms changed (review page, pack import): fetch them and draw the page again.
    personalTerms: () => {
      void cards.loadPersonal().then(() => {
        if (annotator) apply();
      });
    },
    tracker: (next) => {
      const track = shouldTrackSite(next, hostname);
      if (track === tracking) return;
      tracking = track;
      // Switched on: count the page from a fresh drawing; switched off: stop counting.
      if (annotator) apply();
    },
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

function annotatorConfig(
  settings: ReaderSettings,
  study: StudyWords | null,
  terms: TermsPanel | null,
  cards: TermCards,
  tracker: Pick<AnnotatorConfig, 'onTermsMatched' | 'onIdle'> | null = null,
): AnnotatorConfig {
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  const request = {
    to: settings.script,
    keepArtifacts: !settings.removeArtifacts,
    readings: settings.pinyin ? { style: settings.rubyStyle, tones: settings.toneColors } : null,
    terms: settings.glossary || Boolean(tracker?.onTermsMatched),
  };
  return {
    analyzeParagraphs: async (texts) =>
      (await sendToBackground('analyzeParagraphs', { texts, ...request })).paragraphs,
    render: {
      pinyin: settings.pinyin,
      study,
    },
    style: {
      rubySize: settings.rubySize,
      toneColors: settings.toneColors ? (dark ? TONE_COLORS.dark : TONE_COLORS.light) : null,
    },
    markTerms: settings.glossary,
    onTermsDrawn:
      terms && settings.glossary
        ? (ids) => {
            // Asked for now, so a hover over the term finds its card on the page.
            cards.prefetch(ids);
            terms.addTerms(ids);
          }
        : undefined,
    ...tracker,
  };
}
