/**
 * Searching the reader's annotations (the review page's Annotations view): a query matches the
 * quote, the note, a tag, the page title or the outlet, in either script. Both sides are keyed the
 * way the glossary matcher keys text (traditional → simplified with opencc, then the punctuation
 * fold), so 發展 finds a quote saved as 发展 and “十五五” finds "十五五".
 */
import type { AnnotationRecord } from '../db/schema';
import { foldForMatching } from '../glossary/normalize';
import { convertText } from '../zh/convert';

/** The form text is compared in: simplified, folded, lower case. */
export function searchKey(text: string): string {
  return foldForMatching(convertText(text, 't', 'cn')).toLowerCase();
}

export interface AnnotationFilter {
  readonly query: string;
  /** A tag the annotation must carry; '' for any. */
  readonly tag: string;
  /** The outlet the annotation was made on; '' for any. */
  readonly outlet: string;
  readonly state: 'all' | 'anchored' | 'orphaned';
}

export const NO_ANNOTATION_FILTER: AnnotationFilter = {
  query: '',
  tag: '',
  outlet: '',
  state: 'all',
};

/** An annotation with its search key, built once per row rather than per keystroke. */
export interface IndexedAnnotation {
  readonly record: AnnotationRecord;
  readonly key: string;
}

/** Keys every annotation for searching (a line per field, so a query never spans two fields). */
export function indexAnnotations(rows: readonly AnnotationRecord[]): IndexedAnnotation[] {
  return rows.map((record) => ({
    record,
    key: searchKey(
      [record.exact, record.note, record.tags.join('\n'), record.title, record.outlet].join('\n'),
    ),
  }));
}

/** The annotations that pass the filter, in the order given. Every term of the query (split on
 * spaces) must occur. */
export function filterAnnotations(
  rows: readonly IndexedAnnotation[],
  filter: AnnotationFilter,
): AnnotationRecord[] {
  const terms = searchKey(filter.query).split(/\s+/).filter(Boolean);
  const out: AnnotationRecord[] = [];
  for (const { record, key } of rows) {
    if (filter.tag && !record.tags.includes(filter.tag)) continue;
    if (filter.outlet && record.outlet !== filter.outlet) continue;
    if (filter.state === 'orphaned' && record.orphaned !== true) continue;
    if (filter.state === 'anchored' && record.orphaned === true) continue;
    if (terms.every((term) => key.includes(term))) out.push(record);
  }
  return out;
}

/** The tags and outlets in use, sorted, for the filter menus. */
export function annotationFacets(rows: readonly AnnotationRecord[]): {
  tags: string[];
  outlets: string[];
} {
  const tags = new Set<string>();
  const outlets = new Set<string>();
  for (const row of rows) {
    for (const tag of row.tags) tags.add(tag);
    if (row.outlet) outlets.add(row.outlet);
  }
  const sort = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b));
  return { tags: sort(tags), outlets: sort(outlets) };
}
