/**
 * Personal terms and glossary pack imports: the background's writes to the `personalTerms`
 * table, each one transaction (see store.ts). Inputs arrive validated by the protocol schemas.
 */
import type { PersonalTermRecord } from '../../utils/db/schema';
import {
  entryFromInput,
  parsePack,
  personalTermId,
  planPackImport,
  type PackConflictChoices,
  type PackImportSummary,
  type PackProblem,
  type PersonalTermInput,
} from '../../utils/glossary/pack';
import { deleteExisting, getDatabase, write } from './store';

/** Adds a personal term under a new id (from its pinyin, or its characters). */
export async function addPersonalTerm(
  input: PersonalTermInput,
  now = Date.now(),
): Promise<PersonalTermRecord> {
  const db = getDatabase();
  return write('add the term', () =>
    db.transaction('rw', db.personalTerms, async () => {
      const taken = new Set(await db.personalTerms.toCollection().primaryKeys());
      const id = personalTermId(input, (candidate) => taken.has(candidate));
      const record: PersonalTermRecord = {
        ...entryFromInput(id, input),
        createdAt: now,
        updatedAt: now,
      };
      await db.personalTerms.add(record);
      return record;
    }),
  );
}

/** Replaces a personal term's editable fields; fields it got from a pack (explanation, sources…)
 * stay as they were. */
export async function updatePersonalTerm(
  id: string,
  input: PersonalTermInput,
  now = Date.now(),
): Promise<PersonalTermRecord> {
  const db = getDatabase();
  return write('update the term', () =>
    db.transaction('rw', db.personalTerms, async () => {
      const previous = await db.personalTerms.get(id);
      if (!previous) throw new Error('That term is no longer in your list.');
      const record: PersonalTermRecord = {
        ...entryFromInput(id, input, previous),
        createdAt: previous.createdAt,
        updatedAt: now,
      };
      await db.personalTerms.put(record);
      return record;
    }),
  );
}

/** Deletes personal terms by id; returns how many there were. */
export async function deletePersonalTerms(ids: readonly string[]): Promise<number> {
  const db = getDatabase();
  return write('delete the terms', () =>
    db.transaction('rw', db.personalTerms, () => deleteExisting(db.personalTerms, ids)),
  );
}

/** Every personal term, by id. */
export async function listPersonalTerms(): Promise<PersonalTermRecord[]> {
  return getDatabase().personalTerms.toArray();
}

export type ImportPackResult =
  { imported: true; summary: PackImportSummary } | { imported: false; problems: PackProblem[] };

/**
 * Imports a glossary pack file. A file with any problem (not JSON, not a pack, a newer format, an
 * invalid entry) changes nothing and comes back with every problem by entry and field. A valid
 * pack is merged in one transaction (`planPackImport`): a conflict keeps both unless `choices`
 * say to keep mine or take theirs for it.
 */
export async function importPack(
  text: string,
  now = Date.now(),
  choices: PackConflictChoices = {},
): Promise<ImportPackResult> {
  const parsed = parsePack(text);
  if (!parsed.ok) return { imported: false, problems: [...parsed.problems] };
  const db = getDatabase();
  return write('import the glossary pack', () =>
    db.transaction('rw', db.personalTerms, async () => {
      const plan = planPackImport(parsed.pack, await db.personalTerms.toArray(), now, choices);
      await db.personalTerms.bulkAdd(plan.rows);
      // "Take theirs": the reader chose to replace these terms, in the same transaction.
      if (plan.replacements.length > 0) await db.personalTerms.bulkPut(plan.replacements);
      return { imported: true as const, summary: plan.summary };
    }),
  );
}
