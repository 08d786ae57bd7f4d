/**
 * The reader's annotations: the background's writes and reads of the `annotations` table, each
 * one transaction (see store.ts). Inputs arrive validated by the protocol schemas.
 */
import type { AnnotationRecord } from '../../utils/db/schema';
import { ANNOTATION_LIMITS } from '../../utils/limits';
import { deleteExisting, getDatabase, write } from './store';

export type AnnotationInput = Omit<AnnotationRecord, 'id' | 'time'>;

/** A URL without its `#fragment`: one page, however it was scrolled to. */
export function pageUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** Saves an annotation; its time is now. */
export async function saveAnnotation(
  input: AnnotationInput,
  now = Date.now(),
): Promise<AnnotationRecord> {
  const db = getDatabase();
  const record: AnnotationRecord = {
    ...input,
    url: pageUrl(input.url),
    tags: [...new Set(input.tags)],
    time: now,
  };
  return write('save the annotation', async () => {
    const id = await db.annotations.add(record);
    return { ...record, id };
  });
}

/** A page's annotations, oldest first, at most ANNOTATION_LIMITS.perPage. */
export async function listAnnotations(url: string): Promise<AnnotationRecord[]> {
  const rows = await getDatabase().annotations.where('url').equals(pageUrl(url)).toArray();
  return rows.sort((a, b) => a.time - b.time).slice(0, ANNOTATION_LIMITS.perPage);
}

/** Changes an annotation's note and tags; its quote, page and time stay. */
export async function updateAnnotation(
  id: number,
  changes: Pick<AnnotationRecord, 'note' | 'tags'>,
): Promise<AnnotationRecord> {
  const db = getDatabase();
  return write('update the annotation', () =>
    db.transaction('rw', db.annotations, async () => {
      const row = await db.annotations.get(id);
      if (!row) throw new Error('this annotation no longer exists');
      const next = { ...row, note: changes.note, tags: [...new Set(changes.tags)] };
      await db.annotations.put(next);
      return next;
    }),
  );
}

/** Deletes annotations; ids that are gone already are skipped. */
export async function deleteAnnotations(ids: readonly number[]): Promise<number> {
  const db = getDatabase();
  return write('delete the annotations', () =>
    db.transaction('rw', db.annotations, () => deleteExisting(db.annotations, ids)),
  );
}

/**
 * Records where the reader of `url` found its annotations: `orphaned` ones could not be anchored,
 * `anchored` ones were. Only annotations of that page change (ids of other pages are ignored), and
 * only those whose state differs; returns how many changed.
 */
export async function markAnchoring(
  url: string,
  anchored: readonly number[],
  orphaned: readonly number[],
): Promise<number> {
  const db = getDatabase();
  const page = pageUrl(url);
  const lost = new Set(orphaned);
  const found = new Set(anchored);
  return write('record where annotations were found', () =>
    db.transaction('rw', db.annotations, async () => {
      const rows = await db.annotations.where('url').equals(page).toArray();
      const changed = rows.filter(
        (row) =>
          row.id !== undefined &&
          (lost.has(row.id) ? row.orphaned !== true : found.has(row.id) && row.orphaned === true),
      );
      await db.annotations.bulkPut(
        changed.map((row) => ({ ...row, orphaned: row.id !== undefined && lost.has(row.id) })),
      );
      return changed.length;
    }),
  );
}
