/**
 * Reading mode's text engine, in the background: pages send the paragraphs they are about to
 * draw (`analyzeParagraphs`) and get back their tokens, readings and term hits, packed
 * (utils/zh/packed-analysis.ts).
 *
 * Why here and not on the page: a page's reader is a fresh JavaScript world each time, so an
 * engine there compiled its code, decoded the lexicon, the reading table and the polyphone
 * model, and ran its first paragraphs in cold code on every page and in every frame (about 60 ms
 * of the sample article's 105), and held its own copy of the tables (megabytes per tab). Here
 * they are loaded once, the code stays warm across pages, and the page's main thread only walks,
 * sends and draws. A stopped worker loads them again on the next request.
 */
import { browser } from 'wxt/browser';
import { parseWordList } from '../../utils/dict/cedict-format';
import { glossaryWords } from '../../utils/glossary/entries';
import { matchAnalysis } from '../../utils/glossary/matcher';
import {
  buildPersonalGlossary,
  joinPersonalHits,
  type PersonalGlossary,
} from '../../utils/glossary/personal';
import { loadOnce } from '../../utils/load-once';
import { analyze, type ScriptTarget } from '../../utils/zh/analyze-core';
import { missingOpenccDictionaries, registerOpenccDictionaries } from '../../utils/zh/convert';
import { packParagraph, type ReadingRequest } from '../../utils/zh/pack-paragraph';
import type { PackedParagraph } from '../../utils/zh/packed-analysis';
import {
  fetchPolyphoneModel,
  POLYPHONE_MODEL_URL_PATH,
} from '../../utils/zh/polyphones/load-fetch';
import { checkAllWeights, type PolyphoneModel } from '../../utils/zh/polyphones/model-format';
import { readingTableFor, type ReadingTable } from '../../utils/zh/reading-table';
import { createLexicon, type Lexicon } from '../../utils/zh/segment';
import { loadOpenccDictionaries } from './opencc-dictionaries';
import { listPersonalTerms } from './personal-terms-store';
import { loadReadingFile, loadTonelessReadings } from './reading-file';
import { loadWordListText } from './word-list';

export interface ParagraphRequest {
  readonly texts: readonly string[];
  readonly to: ScriptTarget;
  readonly keepArtifacts: boolean;
  /** Readings to send, written in a style; null for none. */
  readonly readings: ReadingRequest | null;
  /** Match glossary and personal terms. */
  readonly terms: boolean;
}

interface Engine {
  readonly lexicon: Lexicon;
  readonly readingTable: ReadingTable;
  /** Dropped if its full check fails (see `checkModelSoon`). */
  polyphones: PolyphoneModel | undefined;
}

const loadEngine = loadOnce(async (): Promise<Engine> => {
  const [words, readings, , polyphones] = await Promise.all([
    loadWordListText(),
    loadReadingFile(),
    // Artefact removal checks syllables against these; the same readings as the table's.
    loadTonelessReadings(),
    loadPolyphones(),
  ]);
  const lexicon = createLexicon(parseWordList(words));
  // Glossary terms segment as one word (新质生产力, 二十大), as the popup and the marks expect.
  lexicon.addWords(glossaryWords());
  const readingTable = readingTableFor(readings, lexicon);
  const engine: Engine = { lexicon, readingTable, polyphones };
  checkModelSoon(engine);
  return engine;
});

/**
 * Checks every weight of the model once the engine has answered the request that built it: the
 * weights are otherwise parsed per character on first use, and checking them all first would
 * keep the page that woke the worker waiting about 30 ms more. A malformed model is reported and
 * dropped; a paragraph that met a malformed character before that fails, and is sent again.
 */
function checkModelSoon(engine: Engine): void {
  const model = engine.polyphones;
  if (!model) return;
  setTimeout(() => {
    try {
      checkAllWeights(model);
    } catch (error) {
      console.error(
        'tifa: the polyphone model is malformed; reading without it:',
        error instanceof Error ? error.message : '',
      );
      if (engine.polyphones === model) engine.polyphones = undefined;
    }
  }, 0);
}

/** The model, or none: without it pages are still read, with the reading table's readings and
 * the hand-checked word list. */
async function loadPolyphones(): Promise<PolyphoneModel | undefined> {
  try {
    return await fetchPolyphoneModel(browser.runtime.getURL(POLYPHONE_MODEL_URL_PATH));
  } catch (error) {
    console.warn('tifa: polyphone model unavailable:', error instanceof Error ? error.message : '');
    return undefined;
  }
}

/** The reader's personal terms, matched beside the glossary; rebuilt after they change. */
let personalGlossary: Promise<PersonalGlossary> | null = null;

/** Personal terms were added, changed or deleted: the next request reads them again. */
export function forgetPersonalTerms(): void {
  personalGlossary = null;
}

function loadPersonalGlossary(engine: Engine): Promise<PersonalGlossary> {
  personalGlossary ??= listPersonalTerms().then(
    (terms) => {
      const personal = buildPersonalGlossary(terms);
      // They segment as one word, like the glossary's, so a mark never splits a word. (A deleted
      // term stays a word of the lexicon until the worker restarts: harmless for segmentation.)
      engine.lexicon.addWords([...personal.words]);
      return personal;
    },
    (error: unknown) => {
      // Pages are still read with the built-in glossary; the next request tries again.
      personalGlossary = null;
      console.warn('tifa: personal terms unavailable:', error instanceof Error ? error.name : '');
      return buildPersonalGlossary([]);
    },
  );
  return personalGlossary;
}

/** Each paragraph's analysis, packed, in the order asked. */
export async function analyzeParagraphs(request: ParagraphRequest): Promise<PackedParagraph[]> {
  const engine = await loadEngine();
  const [personal] = await Promise.all([
    request.terms ? loadPersonalGlossary(engine) : null,
    loadDisplayDictionaries(request.to),
  ]);
  const options = {
    to: request.to,
    keepArtifacts: request.keepArtifacts,
    pinyin: request.readings ? ('num' as const) : ('none' as const),
    lexicon: engine.lexicon,
    readingTable: engine.readingTable,
    polyphones: engine.polyphones,
  };
  const personalForms = personal && personal.glossary.forms.size > 0 ? personal.glossary : null;
  return request.texts.map((text) => {
    const analysis = analyze(text, options);
    const hits = request.terms
      ? joinPersonalHits(
          matchAnalysis(text, analysis),
          personalForms ? matchAnalysis(text, analysis, personalForms) : [],
        )
      : [];
    return packParagraph(analysis.tokens, hits, request.readings);
  });
}

/** The simplified → traditional tables a display needs, registered once (~1.1 MB for all). */
async function loadDisplayDictionaries(to: ScriptTarget): Promise<void> {
  if (to === 'keep' || to === 'cn') return;
  const missing = missingOpenccDictionaries('cn', to);
  if (missing.length > 0) registerOpenccDictionaries(await loadOpenccDictionaries(missing));
}
