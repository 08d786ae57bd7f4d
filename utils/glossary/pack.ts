/**
 * Glossary packs: a versioned JSON file of terms that a research group can share, in the same
 * schema as the built-in entries (utils/glossary/schema.ts). Every field a pack entry has is a
 * field of `GlossaryEntry` with the same rules, so every built-in entry is a valid pack entry; a
 * personal term may leave out what only an authored entry needs (explanation, category, first
 * use, date checked, traditional form, pinyin) and adds the reader's `notes` and `tags`.
 *
 * Pure functions: parsing with a problem list by entry and field, building a pack from stored
 * personal terms, and planning an import that loses nothing. The background runs the plan in
 * one transaction (entrypoints/background/personal-terms-store.ts).
 */
import * as v from 'valibot';
import type { PersonalTermRecord } from '../db/schema';
import { MAX_PACK_CHARS, PACK_LIMITS, STUDY_LIMITS } from '../limits';
import { GlossaryEntrySchema } from './schema';

/** Marks a file as a Tifa Reader glossary pack. */
export const PACK_FORMAT = 'tifa-glossary-pack';

/** Version of the pack layout; a newer file is refused with a message, never half-read. */
export const PACK_FORMAT_VERSION = 1;

const entry = GlossaryEntrySchema.entries;

const tagsSchema = v.pipe(
  v.array(v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(STUDY_LIMITS.tag))),
  v.maxLength(STUDY_LIMITS.tags),
);

const notesSchema = v.pipe(v.string(), v.maxLength(STUDY_LIMITS.notes));

/** One term of a pack: a glossary entry's fields (same names, same rules) plus notes and tags. */
export const PackEntrySchema = v.strictObject({
  id: entry.id,
  simplified: entry.simplified,
  traditional: v.optional(entry.traditional),
  traditionalOverride: entry.traditionalOverride,
  variants: entry.variants,
  exclude: entry.exclude,
  patternId: entry.patternId,
  pinyin: v.optional(entry.pinyin),
  /** `gloss` is the reader's own translation of a personal term. */
  english: entry.english,
  explanation: v.optional(entry.explanation),
  category: v.optional(entry.category),
  firstUse: v.optional(entry.firstUse),
  components: entry.components,
  related: entry.related,
  sources: entry.sources,
  lastChecked: v.optional(entry.lastChecked),
  /** The reader's notes: left out of a pack exported without notes. */
  notes: v.optional(notesSchema),
  tags: v.optional(tagsSchema),
});

export type PackEntry = v.InferOutput<typeof PackEntrySchema>;

/** What a reader types to add or edit a personal term; the background gives it an id. */
export const PersonalTermInputSchema = v.strictObject({
  simplified: entry.simplified,
  traditional: v.optional(entry.traditional),
  pinyin: v.optional(entry.pinyin),
  /** Other forms to match (a built-in entry's variants, when the term starts from it). */
  variants: entry.variants,
  /** The reader's own translation (`english.gloss` of the entry). */
  translation: entry.english.entries.gloss,
  notes: v.optional(notesSchema),
  tags: v.optional(tagsSchema),
});

export type PersonalTermInput = v.InferOutput<typeof PersonalTermInputSchema>;

/** A pack file. */
export interface GlossaryPack {
  format: typeof PACK_FORMAT;
  formatVersion: typeof PACK_FORMAT_VERSION;
  name?: string;
  description?: string;
  /** ISO 8601. */
  exportedAt: string;
  /** Whether the entries carry the reader's notes. */
  includesNotes: boolean;
  entries: PackEntry[];
}

const headerSchema = v.strictObject({
  format: v.literal(PACK_FORMAT),
  formatVersion: v.literal(PACK_FORMAT_VERSION),
  name: v.optional(v.pipe(v.string(), v.maxLength(PACK_LIMITS.name))),
  description: v.optional(v.pipe(v.string(), v.maxLength(PACK_LIMITS.description))),
  exportedAt: v.pipe(v.string(), v.isoTimestamp()),
  includesNotes: v.boolean(),
  entries: v.pipe(v.array(v.unknown()), v.maxLength(PACK_LIMITS.entries)),
});

/** One thing wrong with a pack: which entry (null for the file itself), which field, what. */
export interface PackProblem {
  /** 0-based index in `entries`; null for a problem with the file as a whole. */
  readonly entry: number | null;
  /** The entry's id when it has a readable one, to find it in the file. */
  readonly id?: string;
  /** Dotted path inside the entry (`english.gloss`, `tags[2]`), or of the file's field. */
  readonly field: string;
  readonly message: string;
}

export type ParsedPack =
  | { readonly ok: true; readonly pack: GlossaryPack }
  | { readonly ok: false; readonly problems: readonly PackProblem[] };

/**
 * Reads a pack file's text. Every entry is checked, and every problem is reported by entry and
 * field (up to PACK_LIMITS.problemsReported), together with ids or forms that two entries share.
 * A file with any problem is refused as a whole: importing part of a shared pack would leave
 * colleagues with different lists without anyone noticing.
 */
export function parsePack(text: string): ParsedPack {
  const fileProblem = (field: string, message: string): ParsedPack => ({
    ok: false,
    problems: [{ entry: null, field, message }],
  });
  if (text.length > MAX_PACK_CHARS) {
    return fileProblem(
      '',
      `The file is too large for a glossary pack (${text.length.toLocaleString('en-US')} characters; the limit is ${MAX_PACK_CHARS.toLocaleString('en-US')}).`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'syntax error';
    return fileProblem('', `The file is not JSON (${detail}).`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fileProblem('', 'The file is JSON but not a glossary pack: it is not an object.');
  }
  const raw = json as Record<string, unknown>;
  if (raw.format !== PACK_FORMAT) {
    return fileProblem(
      'format',
      `Not a Tifa Reader glossary pack (no "format": "${PACK_FORMAT}").`,
    );
  }
  if (typeof raw.formatVersion === 'number' && raw.formatVersion > PACK_FORMAT_VERSION) {
    return fileProblem(
      'formatVersion',
      `The pack has format version ${raw.formatVersion}; this version of Tifa Reader reads ${PACK_FORMAT_VERSION}. Update the extension first.`,
    );
  }
  const header = v.safeParse(headerSchema, json);
  if (!header.success) {
    return {
      ok: false,
      problems: header.issues
        .slice(0, PACK_LIMITS.problemsReported)
        .map((issue) => ({ entry: null, field: formatPath(issue.path), message: issue.message })),
    };
  }
  const problems: PackProblem[] = [];
  const entries: PackEntry[] = [];
  const ids = new Map<string, number>();
  const forms = new Map<string, number>();
  header.output.entries.forEach((item, index) => {
    const id =
      typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string'
        ? (item as { id: string }).id.slice(0, 80)
        : undefined;
    const at = (field: string, message: string): PackProblem => ({
      entry: index,
      ...(id !== undefined && { id }),
      field,
      message,
    });
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(at('', 'An entry must be an object.'));
      return;
    }
    const checked = v.safeParse(PackEntrySchema, item);
    if (!checked.success) {
      for (const issue of checked.issues) problems.push(at(formatPath(issue.path), issue.message));
      return;
    }
    const term = checked.output;
    const sameId = ids.get(term.id);
    if (sameId !== undefined) problems.push(at('id', `The same id as entry ${sameId}.`));
    else ids.set(term.id, index);
    // As in the built-in glossary, one form belongs to one entry, or the matcher must guess.
    for (const form of new Set([term.simplified, ...(term.variants ?? [])])) {
      const owner = forms.get(form);
      if (owner !== undefined && owner !== index)
        problems.push(at('simplified', `The form ${form} is also a form of entry ${owner}.`));
      else forms.set(form, index);
    }
    entries.push(term);
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, PACK_LIMITS.problemsReported);
    if (problems.length > shown.length) {
      shown.push({
        entry: null,
        field: '',
        message: `…and ${problems.length - shown.length} more problems.`,
      });
    }
    return { ok: false, problems: shown };
  }
  const { name, description, exportedAt, includesNotes } = header.output;
  return {
    ok: true,
    pack: {
      format: PACK_FORMAT,
      formatVersion: PACK_FORMAT_VERSION,
      ...(name !== undefined && { name }),
      ...(description !== undefined && { description }),
      exportedAt,
      includesNotes,
      entries,
    },
  };
}

/** A problem as one line a reader can act on: `entry 3 (my-term), english.gloss: …`. */
export function describePackProblem(problem: PackProblem): string {
  const where =
    problem.entry === null
      ? problem.field
        ? `field ${problem.field}`
        : 'file'
      : `entry ${problem.entry}${problem.id ? ` (${problem.id})` : ''}${problem.field ? `, ${problem.field}` : ''}`;
  return `${where}: ${problem.message}`;
}

function formatPath(path: readonly { key: unknown }[] | undefined): string {
  let out = '';
  for (const { key } of path ?? []) {
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out;
}

export interface BuildPackOptions {
  /** Keep the reader's notes; without them, the pack is safe to share as a plain term list. */
  includeNotes: boolean;
  name?: string;
  description?: string;
  now?: number;
}

/** A pack of personal terms, in id order (so two exports of the same terms diff cleanly). */
export function buildPack(
  rows: readonly PersonalTermRecord[],
  options: BuildPackOptions,
): GlossaryPack {
  const entries = [...rows]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((row) => {
      const term: PackEntry & Partial<Pick<PersonalTermRecord, 'createdAt' | 'updatedAt'>> = {
        ...row,
      };
      delete term.createdAt;
      delete term.updatedAt;
      if (!options.includeNotes) delete term.notes;
      return term;
    });
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    ...(options.name && { name: options.name.slice(0, PACK_LIMITS.name) }),
    ...(options.description && {
      description: options.description.slice(0, PACK_LIMITS.description),
    }),
    exportedAt: new Date(options.now ?? Date.now()).toISOString(),
    includesNotes: options.includeNotes,
    entries,
  };
}

/** What an import did. */
export interface PackImportSummary {
  /** Entries added under their own id. */
  added: number;
  /** Entries already present with the same content (under their id or an earlier renamed copy). */
  unchanged: number;
  /** Entries whose id was taken by a different term here: both kept, the new one renamed. */
  renamed: { from: string; to: string }[];
  /** Conflicting entries not imported because the reader chose to keep their own term. */
  keptMine: string[];
  /** Terms here replaced by the pack's entry of the same id, as the reader chose. */
  replaced: string[];
  /** Added entries whose form is also a form of another personal term (both kept). */
  sharedForms: { id: string; otherId: string; form: string }[];
}

export interface PackImportPlan {
  /** New rows (ids not used here). */
  readonly rows: PersonalTermRecord[];
  /** Rows that replace a term here under the same id ("take theirs"). */
  readonly replacements: PersonalTermRecord[];
  readonly summary: PackImportSummary;
}

/**
 * What to do with a pack entry whose id is used here by a different term: keep both (the pack's
 * is added under a suffixed id), keep mine (the pack's is skipped), or take theirs (mine is
 * replaced, keeping its creation date).
 */
export type PackConflictChoice = 'both' | 'mine' | 'theirs';

export const PACK_CONFLICT_CHOICES: readonly PackConflictChoice[] = ['both', 'mine', 'theirs'];

const choiceSchema = v.picklist(
  PACK_CONFLICT_CHOICES as [PackConflictChoice, ...PackConflictChoice[]],
);

/** The reader's choices: per entry id, and one for every other conflict (default 'both':
 * nothing is lost unless the reader says so). Checked by the background (importPack). */
export const PackConflictChoicesSchema = v.strictObject({
  byId: v.optional(
    v.pipe(
      v.record(v.pipe(v.string(), v.maxLength(64)), choiceSchema),
      v.check((r) => Object.keys(r).length <= PACK_LIMITS.entries, 'too many choices'),
    ),
  ),
  otherwise: v.optional(choiceSchema),
});

export type PackConflictChoices = v.InferOutput<typeof PackConflictChoicesSchema>;

/** A conflict as the review page shows it: the pack's entry beside the term here. */
export interface PackConflict {
  readonly id: string;
  readonly mine: PersonalTermRecord;
  readonly theirs: PackEntry;
}

/** The entries of `pack` whose id is taken here by a different term (identical ones, and ones
 * identical to an earlier kept-both copy, are not conflicts). */
export function findPackConflicts(
  pack: GlossaryPack,
  existing: readonly PersonalTermRecord[],
): PackConflict[] {
  const byId = new Map(existing.map((row) => [row.id, row]));
  const conflicts: PackConflict[] = [];
  for (const term of pack.entries) {
    const mine = byId.get(term.id);
    if (mine && firstFreeOrIdentical(term, byId).identical === false) {
      conflicts.push({ id: term.id, mine, theirs: term });
    }
  }
  return conflicts;
}

/** Walks `id`, `id-2`, `id-3`…: the first id not used here, or whether one holds the same term. */
function firstFreeOrIdentical(
  term: PackEntry,
  byId: ReadonlyMap<string, PackEntry & Partial<PersonalTermRecord>>,
): { identical: boolean; id: string } {
  const content = comparable(term);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? term.id : withSuffix(term.id, n);
    const present = byId.get(candidate);
    if (!present) return { identical: false, id: candidate };
    if (comparable(present) === content) return { identical: true, id: candidate };
  }
}

/**
 * Plans the import of a checked pack into the personal terms there are. An entry with a new id is
 * added; one identical to a term here (same id, or an earlier import's renamed copy) is skipped;
 * one whose id is taken by a different term is a conflict, settled by `choices` (default: keep
 * both, the pack's under the id with the first free suffix, `my-term-2`, reported). Without a
 * "mine" or "theirs" choice nothing here is changed or lost.
 */
export function planPackImport(
  pack: GlossaryPack,
  existing: readonly PersonalTermRecord[],
  now = Date.now(),
  choices: PackConflictChoices = {},
): PackImportPlan {
  const byId = new Map(existing.map((row) => [row.id, row]));
  const formOwner = new Map<string, string>();
  for (const row of existing) {
    for (const form of formsOfEntry(row)) if (!formOwner.has(form)) formOwner.set(form, row.id);
  }
  const summary: PackImportSummary = {
    added: 0,
    unchanged: 0,
    renamed: [],
    keptMine: [],
    replaced: [],
    sharedForms: [],
  };
  const rows: PersonalTermRecord[] = [];
  const replacements: PersonalTermRecord[] = [];
  for (const term of pack.entries) {
    const found = firstFreeOrIdentical(term, byId);
    if (found.identical) {
      summary.unchanged++;
      continue;
    }
    const mine = byId.get(term.id);
    const choice = mine ? (choices.byId?.[term.id] ?? choices.otherwise ?? 'both') : 'both';
    if (mine && choice === 'mine') {
      summary.keptMine.push(term.id);
      continue;
    }
    if (mine && choice === 'theirs') {
      const row: PersonalTermRecord = {
        ...term,
        id: term.id,
        createdAt: mine.createdAt,
        updatedAt: now,
      };
      summary.replaced.push(term.id);
      byId.set(term.id, row);
      replacements.push(row);
      continue;
    }
    const id = found.id;
    const row: PersonalTermRecord = { ...term, id, createdAt: now, updatedAt: now };
    if (id === term.id) summary.added++;
    else summary.renamed.push({ from: term.id, to: id });
    for (const form of formsOfEntry(row)) {
      const other = formOwner.get(form);
      if (other !== undefined && other !== id)
        summary.sharedForms.push({ id, otherId: other, form });
      else formOwner.set(form, id);
    }
    byId.set(id, row);
    rows.push(row);
  }
  return { rows, replacements, summary };
}

/** The simplified form and the variants: what the matcher would look for. */
export function formsOfEntry(term: Pick<PackEntry, 'simplified' | 'variants'>): string[] {
  return [...new Set([term.simplified, ...(term.variants ?? [])])];
}

/** `base-n`, kept within the id length limit. */
export function withSuffix(base: string, n: number): string {
  const suffix = `-${n}`;
  return `${base.slice(0, 64 - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** An entry's content without id and timestamps, with keys sorted, for equality. */
function comparable(term: PackEntry & Partial<PersonalTermRecord>): string {
  const copy: Record<string, unknown> = { ...term };
  delete copy.id;
  delete copy.createdAt;
  delete copy.updatedAt;
  return stableJson(copy);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * An id for a new personal term: from its pinyin when it has one (`xin-zhi-sheng-chan-li`,
 * readable in a shared pack), else from the characters' code points; `taken` decides suffixes.
 */
export function personalTermId(
  term: Pick<PersonalTermInput, 'simplified' | 'pinyin'>,
  taken: (id: string) => boolean,
): string {
  const fromPinyin = (term.pinyin ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  const base =
    fromPinyin ||
    `term-${[...term.simplified]
      .slice(0, 6)
      .map((c) => c.codePointAt(0)?.toString(36) ?? '')
      .join('-')}`;
  const id = `my-${base}`;
  if (!taken(id)) return id;
  for (let n = 2; ; n++) {
    const candidate = withSuffix(id, n);
    if (!taken(candidate)) return candidate;
  }
}

/** The pack entry for a reader's input, keeping the other fields of `previous` (an edit). */
export function entryFromInput(
  id: string,
  input: PersonalTermInput,
  previous?: PackEntry,
): PackEntry {
  const next: PackEntry = {
    ...previous,
    id,
    simplified: input.simplified,
    english: { ...previous?.english, gloss: input.translation },
  };
  const setOptional = <K extends 'traditional' | 'pinyin' | 'notes'>(key: K): void => {
    const value = input[key];
    if (value) next[key] = value;
    else delete next[key];
  };
  setOptional('traditional');
  setOptional('pinyin');
  setOptional('notes');
  const variants = [...new Set(input.variants ?? [])].filter((form) => form !== input.simplified);
  if (variants.length > 0) next.variants = variants;
  else delete next.variants;
  const tags = [...new Set(input.tags ?? [])];
  if (tags.length > 0) next.tags = tags;
  else delete next.tags;
  return next;
}
