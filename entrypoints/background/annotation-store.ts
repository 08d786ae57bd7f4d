/**
 * The reader's annotations: the background's writes and reads of the `annotations` table, each
 * one transaction (see store.ts). Inputs arrive validated by the protocol schemas.
 */
import type { AnnotationRecord } from '../../utils/db/schema';
import { ANNOTATION_LIMITS } from '../../utils/limits';
import { getDatabase, write } from './store';

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
