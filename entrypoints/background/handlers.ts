/**
 * The background's message handlers, one per message type of the protocol. Requests arrive
 * already validated (see `parseRequest`); handlers never trust anything else about the sender.
 */
import { browser } from 'wxt/browser';
import {
  EXTENSION_PAGE_MESSAGES,
  parseRequest,
  type MessageType,
  type Reply,
  type RequestOf,
  type ResponseMap,
} from '../../utils/messaging';
import {
  lookupInDictionary,
  lookupShownText,
  lookupShownTextBatch,
  searchInDictionary,
} from './dictionary';
import { probeSenderTab } from './inject-reader';
import {
  sanitizeStudySettings,
  sanitizeTrackerSettings,
  shouldRecordLookup,
  shouldTrackSite,
  studySettings,
  studyWordsVersion,
  personalTermsVersion,
  trackerSettings,
} from '../../utils/settings';
import { formatCedictPinyin } from '../../utils/dict/format-pinyin';
import { updateDueBadge } from './badge';
import {
  deleteLookups,
  deleteWords,
  importBackupRows,
  readStudyWords,
  recordLookup,
  reviewCard,
  saveLookup,
  saveWord,
  updateWord,
} from './store';
import { analyzeParagraphs, forgetPersonalTerms } from './paragraph-analysis';
import {
  addPersonalTerm,
  deletePersonalTerms,
  importPack,
  listPersonalTerms,
  updatePersonalTerm,
} from './personal-terms-store';
import { clearSightings, recordSightings } from './tracker-store';
import { describePageTerms, personalTermCards, prefillTerm } from './term-cards';
import { anchorQuotes } from '../../utils/annotations/quote-selector';
import {
  deleteAnnotations,
  listAnnotations,
  markAnchoring,
  pageUrl,
  saveAnnotation,
  updateAnnotation,
} from './annotation-store';

/** Who sent a message, as the browser (not the sender) reports it. */
export interface MessageSender {
  readonly tabId?: number;
  readonly frameId?: number;
  /** The sending document's URL: a web page for content scripts, ours for extension pages. */
  readonly url?: string;
}

type Handler<T extends MessageType> = (
  payload: RequestOf<T>,
  sender: MessageSender,
) => Promise<ResponseMap[T]> | ResponseMap[T];

/** When this worker instance started: lets tests and benchmarks tell a cold start from a warm one. */
const startedAt = Date.now();

const handlers: { [T in MessageType]: Handler<T> } = {
  ping: () => ({ version: browser.runtime.getManifest().version, startedAt }),
  analyzeParagraphs: async (request) => ({ paragraphs: await analyzeParagraphs(request) }),
  probeFrames: (_payload, sender) => probeSenderTab(sender),
  searchDictionary: ({ query }) => searchInDictionary(query),
  lookupWord: async (lookup) => ({ matches: await lookupShownText(lookup) }),
  lookupWordBatch: async ({ requests }) => ({ results: await lookupShownTextBatch(requests) }),
  saveWord: async (input) => {
    const record = await saveWord(input);
    await studyDataChanged();
    return { key: record.key, timesSaved: record.timesSaved };
  },
  recordLookup: async (input) => {
    const settings = sanitizeStudySettings(await studySettings.getValue());
    if (!shouldRecordLookup(settings, hostnameOf(input.url))) return { recorded: false };
    return { recorded: await recordLookup(input) };
  },
  saveLookup: async ({ id }) => {
    const record = await saveLookup(id, describeLookup);
    await studyDataChanged();
    return { key: record.key, timesSaved: record.timesSaved };
  },
  updateWord: async ({ key, ...changes }) => {
    const record = await updateWord(key, changes);
    if (changes.status !== undefined) await studyDataChanged();
    return { key: record.key };
  },
  reviewCard: async ({ key, rating }) => {
    const record = await reviewCard(key, rating);
    await studyDataChanged();
    return { key: record.key, due: record.card.due, status: record.status };
  },
  deleteWords: async ({ keys }) => {
    const deleted = await deleteWords(keys);
    await studyDataChanged();
    return { deleted };
  },
  deleteLookups: async ({ ids }) => ({ deleted: await deleteLookups(ids) }),
  importBackupRows: async (rows) => {
    const summary = await importBackupRows(rows);
    // Only words carry the cards and statuses the badge and reading mode show; a big backup's
    // dozens of history chunks need not recount the badge each.
    if (summary.wordsAdded + summary.wordsMerged > 0) await studyDataChanged();
    return summary;
  },
  getStudyWords: () => {
    // Every frame of every page in reading mode asks; the answer changes only on writes.
    studyWordsCache ??= readStudyWords().catch((error: unknown) => {
      studyWordsCache = null;
      throw error;
    });
    return studyWordsCache;
  },
  recordSightings: async (input) => {
    // Opt-in: checked here as well as in the reader, so no sender can record while it is off.
    const settings = sanitizeTrackerSettings(await trackerSettings.getValue());
    if (!shouldTrackSite(settings, hostnameOf(input.url))) return { recorded: false, terms: 0 };
    return { recorded: true, terms: await recordSightings(input) };
  },
  clearSightings: async () => ({ deleted: await clearSightings() }),
  addPersonalTerm: async (input) => {
    const term = await addPersonalTerm(input);
    await personalTermsChanged();
    return { term };
  },
  updatePersonalTerm: async ({ id, term }) => {
    const updated = await updatePersonalTerm(id, term);
    await personalTermsChanged();
    return { term: updated };
  },
  deletePersonalTerms: async ({ ids }) => {
    const deleted = await deletePersonalTerms(ids);
    await personalTermsChanged();
    return { deleted };
  },
  listPersonalTerms: async () => ({ terms: await listPersonalTerms() }),
  describeTerms: ({ ids }) => ({ cards: describePageTerms(ids) }),
  personalTermCards: async () => ({ cards: await personalTermCards() }),
  prefillTerm: ({ text }) => ({ prefill: prefillTerm(text) }),
  importPack: async ({ text, choices }) => {
    const result = await importPack(text, Date.now(), choices);
    if (result.imported) await personalTermsChanged();
    return result;
  },
  saveAnnotation: async (input, sender) => {
    if (!isOwnPage(sender, input.url)) throw new Error('annotations are saved for the page itself');
    return { annotation: await saveAnnotation(input) };
  },
  listAnnotations: async ({ url }, sender) => {
    // A web page may read only its own annotations, never another page's.
    if (!isOwnPage(sender, url)) throw new Error('annotations are listed for the page itself');
    return { annotations: await listAnnotations(url) };
  },
  reportAnchoring: async ({ url, anchored, orphaned }, sender) => {
    if (!isOwnPage(sender, url)) throw new Error('annotations are anchored for the page itself');
    return { changed: await markAnchoring(url, anchored, orphaned) };
  },
  anchorQuotes: ({ text, selectors }) => ({ spans: anchorQuotes(text, selectors) }),
  updateAnnotation: async ({ id, note, tags }) => ({
    annotation: await updateAnnotation(id, { note, tags }),
  }),
  deleteAnnotations: async ({ ids }) => ({ deleted: await deleteAnnotations(ids) }),
};

/** Whether `url` is the sender's own page (fragments aside), or the sender is our own page. */
function isOwnPage(sender: MessageSender, url: string): boolean {
  if (isExtensionPage(sender)) return true;
  return sender.url !== undefined && pageUrl(sender.url) === pageUrl(url);
}

/** The last answer to getStudyWords, dropped by every write that can change it. */
let studyWordsCache: Promise<{ known: string[]; learning: string[] }> | null = null;

/** After a write that changes which words are saved, due or known: the badge and reading mode. */
/** Tells pages in reading mode to fetch the personal terms again. */
async function personalTermsChanged(): Promise<void> {
  forgetPersonalTerms();
  // The write itself succeeded; failing to notify pages must not turn it into an error.
  await personalTermsVersion.setValue(Date.now()).catch((error: unknown) => {
    console.warn(
      'tifa: personal term marks not refreshed',
      error instanceof Error ? error.name : '',
    );
  });
}

async function studyDataChanged(): Promise<void> {
  studyWordsCache = null;
  await updateDueBadge();
  // The write itself succeeded; failing to notify reading mode must not turn it into an error.
  await studyWordsVersion.setValue(Date.now()).catch((error: unknown) => {
    console.warn('tifa: saved-word marks not refreshed', error instanceof Error ? error.name : '');
  });
}

/** The traditional form and definition of a history entry's word, from the dictionary now. */
async function describeLookup(lookup: {
  word: string;
  kind: string;
}): Promise<{ traditional: string; definition: string }> {
  if (lookup.kind !== 'dictionary') return { traditional: lookup.word, definition: '' };
  const match = (await lookupInDictionary(lookup.word)).find((m) => m.word === lookup.word);
  return {
    traditional: match?.entries[0]?.traditional ?? lookup.word,
    definition: (match?.entries ?? [])
      .map((e) => `${formatCedictPinyin(e.pinyin)}: ${e.senses.join('; ')}`)
      .join('\n')
      .slice(0, 4000),
  };
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Whether the sender is one of our own pages (review, options, popup), not a web page. */
function isExtensionPage(sender: MessageSender): boolean {
  return sender.url !== undefined && sender.url.startsWith(browser.runtime.getURL('/'));
}

/** Validates a raw message and runs its handler; every failure becomes an error reply. */
export async function handleMessage(
  raw: unknown,
  sender: MessageSender = {},
): Promise<Reply<unknown>> {
  const request = parseRequest(raw);
  if (!request.ok) return { ok: false, error: request.error };
  if (EXTENSION_PAGE_MESSAGES.has(request.type) && !isExtensionPage(sender)) {
    return { ok: false, error: `${request.type} is accepted only from the extension's own pages` };
  }
  try {
    const handler = handlers[request.type] as Handler<MessageType>;
    return { ok: true, value: await handler(request.payload as RequestOf<MessageType>, sender) };
  } catch (error) {
    // Report the failure to the sender; log only its kind, never data it may contain.
    console.error(`tifa: ${request.type} failed`, error instanceof Error ? error.name : 'error');
    return { ok: false, error: error instanceof Error ? error.message : 'internal error' };
  }
}
