/**
 * The counts behind "Terms on this page": how often each term id occurs. Pattern hits carry
 * their own ids (`pattern:plenum:20:4`), so every plenum, congress or plan period is one row.
 */

export interface TermCount {
  readonly id: string;
  readonly count: number;
}

/** Counts ids (in document order); most frequent first, ties in order of first occurrence. */
export function countTerms(ids: Iterable<string>): TermCount[] {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  // Map keeps insertion order and sort is stable, so ties stay in order of first occurrence.
  return [...counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count);
}

/** Index of the occurrence to show after `previous` (-1: none yet) among `total`, wrapping. */
export function nextOccurrence(previous: number, total: number): number {
  if (total <= 0) return -1;
  return previous + 1 >= total || previous < -1 ? 0 : previous + 1;
}
