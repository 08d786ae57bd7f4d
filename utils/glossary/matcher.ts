/**
 * Finds glossary terms in text: one pass over the matching key (simplified, artefact-free,
 * folded; see normalize.ts) with a trie of every surface form plus the pattern families, then a
 * choice among overlapping candidates, then offsets mapped back to the ORIGINAL text.
 *
 * Overlaps: the longest candidate wins, then an authored entry over a pattern, then the leftmost;
 * the others that overlap it are dropped, so marks never overlap. Exclusion forms (走在前面)
 * compete like terms and, when they win, hide the shorter term inside them.
 *
 * Two entry points: `matchTerms(text)` for any string (the CLI, per line), and
 * `matchAnalysis(text, analysis)` for a paragraph `analyze` has already read (the content
 * script), which reuses its conversion instead of converting again.
 */
import type { Analysis } from '../zh/analyze';
import { EXCLUDED, getGlossary, type Glossary } from './entries';
import { normalizeAnalysis, normalizeForMatching, type NormalizedText } from './normalize';
import { followsNumber, isNumeral, isPatternStart, matchPatternAt } from './patterns';

/** One term found in a text. */
export interface TermHit {
  /** Entry id, or a pattern id (`pattern:plenum:20:4`); `describeTerm(id)` gives the card. */
  readonly id: string;
  /** Span of the ORIGINAL text, artefacts and quotes of a quoted form included. */
  readonly start: number;
  readonly end: number;
  /** The text as written: `text.slice(start, end)`. */
  readonly surface: string;
  /** The simplified, folded form that matched. */
  readonly key: string;
}

/** A hit in matching-key coordinates. */
export interface KeyHit {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/** Finds every term in a string: a text node, a paragraph or a line. Never throws. */
export function matchTerms(text: string, glossary: Glossary = getGlossary()): TermHit[] {
  if (!mayContainTerms(text)) return [];
  return hitsFrom(text, normalizeForMatching(text), glossary);
}

/**
 * Finds every term in a paragraph that `analyze` has read, from its tokens: the same hits as
 * `matchTerms(text)` (given the same artefact setting), without converting the text again.
 */
export function matchAnalysis(
  text: string,
  analysis: Pick<Analysis, 'tokens' | 'artifacts' | 'alignedSimplified'>,
  glossary: Glossary = getGlossary(),
): TermHit[] {
  if (!mayContainTerms(text)) return [];
  return hitsFrom(text, normalizeAnalysis(text, analysis), glossary);
}

/** Finds terms in text that is already a matching key (benchmarks, tests, custom pipelines). */
export function matchKey(key: string, glossary: Glossary = getGlossary()): KeyHit[] {
  const automaton = automatonFor(glossary);
  const candidates = collectCandidates(key, automaton, glossary.patterns !== false);
  return chooseHits(candidates, glossary);
}

function hitsFrom(text: string, normalized: NormalizedText, glossary: Glossary): TermHit[] {
  const { key } = normalized;
  const hits: TermHit[] = [];
  let lastEnd = 0;
  for (const hit of matchKey(key, glossary)) {
    const [start, end] = normalized.toOriginal(hit.start, hit.end);
    // Two key spans inside one replacement that changed length can widen onto the same
    // original characters; keep the first rather than overlap.
    if (start < lastEnd || end <= start) continue;
    hits.push({
      id: hit.id,
      start,
      end,
      surface: text.slice(start, end),
      key: key.slice(hit.start, hit.end),
    });
    lastEnd = end;
  }
  return hits;
}

/** Every form and pattern contains a CJK character; text without one cannot match. */
function mayContainTerms(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x2e80) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// The automaton: a trie over UTF-16 units, flattened into typed arrays

interface Automaton {
  /** First unit → node + 1 (0: no form starts with it). One lookup per character of text. */
  readonly root: Int32Array;
  /** Children of node n: units and nodes in [childStart[n], childStart[n + 1]). */
  readonly childStart: Int32Array;
  readonly childUnit: Uint16Array;
  readonly childNode: Int32Array;
  /** Index into `ids` + 1 for a node that ends a form, else 0. */
  readonly terminal: Int32Array;
  readonly ids: readonly string[];
}

const automata = new WeakMap<Glossary, Automaton>();

function automatonFor(glossary: Glossary): Automaton {
  let automaton = automata.get(glossary);
  if (!automaton) {
    automaton = buildAutomaton(glossary.forms);
    automata.set(glossary, automaton);
  }
  return automaton;
}

/**
 * Builds the trie's edges in one Map keyed by parent node and unit, then lays them out in typed
 * arrays: those are compact, hold no objects for the garbage collector, and a node's few
 * children are scanned faster than a Map is hashed. (A Map for every node, leaves included,
 * cost a page's first paragraph thousands of allocations.)
 */
function buildAutomaton(forms: ReadonlyMap<string, string>): Automaton {
  /** parent × 65,536 + unit → child. */
  const edges = new Map<number, number>();
  const terminalOf: number[] = [0];
  const ids: string[] = [];
  const idIndex = new Map<string, number>();
  for (const [form, id] of forms) {
    let node = 0;
    for (let i = 0; i < form.length; i++) {
      const key = node * 65536 + form.charCodeAt(i);
      let next = edges.get(key);
      if (next === undefined) {
        next = terminalOf.length;
        edges.set(key, next);
        terminalOf.push(0);
      }
      node = next;
    }
    let index = idIndex.get(id);
    if (index === undefined) {
      index = ids.length;
      ids.push(id);
      idIndex.set(id, index);
    }
    terminalOf[node] = index + 1;
  }
  const nodeCount = terminalOf.length;
  const root = new Int32Array(65536);
  // Children of node n go to [childStart[n], childStart[n + 1]): count them, then place them.
  const childStart = new Int32Array(nodeCount + 1);
  for (const key of edges.keys()) {
    const parent = Math.floor(key / 65536);
    if (parent !== 0) childStart[parent + 1] = (childStart[parent + 1] ?? 0) + 1;
  }
  for (let n = 1; n <= nodeCount; n++)
    childStart[n] = (childStart[n] ?? 0) + (childStart[n - 1] ?? 0);
  const edgeCount = childStart[nodeCount] ?? 0;
  const childUnit = new Uint16Array(edgeCount);
  const childNode = new Int32Array(edgeCount);
  const filled = childStart.slice(0, nodeCount);
  for (const [key, child] of edges) {
    const parent = Math.floor(key / 65536);
    const unit = key - parent * 65536;
    if (parent === 0) {
      root[unit] = child + 1;
      continue;
    }
    const at = filled[parent] ?? 0;
    childUnit[at] = unit;
    childNode[at] = child;
    filled[parent] = at + 1;
  }
  return { root, childStart, childUnit, childNode, terminal: Int32Array.from(terminalOf), ids };
}

// ---------------------------------------------------------------------------------------------
// Candidates and the choice among them

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly id: string;
  /** 0 for authored forms (and exclusions), 1 for patterns: entries win ties. */
  readonly rank: number;
}

/** Every form and pattern occurrence, ordered by start. */
function collectCandidates(key: string, automaton: Automaton, patterns: boolean): Candidate[] {
  const { root, childStart, childUnit, childNode, terminal, ids } = automaton;
  const candidates: Candidate[] = [];
  const length = key.length;
  for (let i = 0; i < length; i++) {
    const unit = key.charCodeAt(i);
    let node = root[unit] ?? 0;
    // A form that starts with a numeral (十五五, 二十大, 三个代表) is not read inside a larger
    // number or after 第.
    if (node !== 0 && isNumeral(unit) && followsNumber(key, i)) node = 0;
    if (node !== 0) {
      node--;
      let j = i + 1;
      for (;;) {
        const terminalIndex = terminal[node] ?? 0;
        if (terminalIndex !== 0)
          candidates.push({ start: i, end: j, id: ids[terminalIndex - 1] ?? '', rank: 0 });
        if (j >= length) break;
        const next = key.charCodeAt(j);
        const to = childStart[node + 1] ?? 0;
        let child = -1;
        for (let e = childStart[node] ?? 0; e < to; e++) {
          if (childUnit[e] === next) {
            child = childNode[e] ?? -1;
            break;
          }
        }
        if (child < 0) break;
        node = child;
        j++;
      }
    }
    if (patterns && isPatternStart(unit)) {
      const match = matchPatternAt(key, i);
      if (match) candidates.push({ start: i, end: match.end, id: match.id, rank: 1 });
    }
  }
  return candidates;
}

/**
 * Picks non-overlapping hits. Candidates that do not overlap any other (nearly all) are kept as
 * they are; within a cluster of overlapping ones the longest is taken first, then the next
 * longest that fits, and so on.
 */
function chooseHits(candidates: readonly Candidate[], glossary: Glossary): KeyHit[] {
  const hits: KeyHit[] = [];
  const emit = (c: Candidate) => {
    if (c.id === EXCLUDED) return;
    hits.push({ id: glossary.patternEntries.get(c.id) ?? c.id, start: c.start, end: c.end });
  };
  let i = 0;
  while (i < candidates.length) {
    const first = candidates[i];
    if (!first) break;
    let maxEnd = first.end;
    let j = i + 1;
    for (; j < candidates.length; j++) {
      const next = candidates[j];
      if (!next || next.start >= maxEnd) break;
      if (next.end > maxEnd) maxEnd = next.end;
    }
    if (j === i + 1) emit(first);
    else for (const c of chooseInCluster(candidates.slice(i, j))) emit(c);
    i = j;
  }
  return hits;
}

function chooseInCluster(cluster: Candidate[]): Candidate[] {
  cluster.sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank || a.start - b.start,
  );
  const chosen: Candidate[] = [];
  for (const c of cluster) {
    if (chosen.every((x) => x.end <= c.start || c.end <= x.start)) chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
