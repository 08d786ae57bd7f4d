/**
 * Which tokens of a text node a glossary term covers. Term hits come in offsets of the original
 * text and may start or end inside a token (a hit on 开好局 in a token 开好局工作, or a quoted form
 * whose quote is a token of its own); a mark never splits a word's ruby, so each hit is widened
 * to the whole tokens it touches.
 */

/** A span of the original text: a token or a term hit. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Tokens [from, to), inside one term (`termId`) or outside any (null). */
export interface TokenRun {
  readonly termId: string | null;
  readonly from: number;
  readonly to: number;
}

/**
 * Cuts `tokens` (ascending, tiling the text) into runs: one per hit, holding every token the hit
 * overlaps, and plain runs between them. Hits are ascending and do not overlap (the matcher's
 * rule); when two of them touch the same token, the first takes it and the second keeps the
 * tokens left to it, or is dropped if none are. Every token is in exactly one run, in order.
 */
export function groupTokensByTerms(
  tokens: readonly Span[],
  hits: readonly (Span & { readonly id: string })[],
): TokenRun[] {
  const runs: TokenRun[] = [];
  let next = 0;
  for (const hit of hits) {
    if (hit.end <= hit.start) continue;
    let first = next;
    while (first < tokens.length && (tokens[first]?.end ?? 0) <= hit.start) first++;
    let last = first;
    while (last < tokens.length && (tokens[last]?.start ?? Infinity) < hit.end) last++;
    if (last === first) continue;
    if (first > next) runs.push({ termId: null, from: next, to: first });
    runs.push({ termId: hit.id, from: first, to: last });
    next = last;
  }
  if (next < tokens.length) runs.push({ termId: null, from: next, to: tokens.length });
  return runs;
}
