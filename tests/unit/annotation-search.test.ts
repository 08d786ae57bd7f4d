// Searching annotations on the review page: quote, note, tags, title and outlet, in either
// script (a simplified query finds a traditional quote and the other way round), folded
// punctuation, every word of the query; tag, outlet and orphan filters.
import { describe, expect, it } from 'vitest';
import {
  annotationFacets,
  filterAnnotations,
  indexAnnotations,
  NO_ANNOTATION_FILTER,
} from '../../utils/annotations/search-annotations';
import type { AnnotationRecord } from '../../utils/db/schema';

function row(id: number, patch: Partial<AnnotationRecord>): AnnotationRecord {
  return {
    id,
    url: `https://news.example/${id}.html`,
    title: '',
    outlet: 'news.example',
    time: id,
    exact: '',
    prefix: '',
    suffix: '',
    position: 0,
    note: '',
    tags: [],
    ...patch,
  };
}

const rows = [
  row(1, {
    exact: '因地制宜發展新質生產力',
    note: 'Taiwan outlet wording',
    tags: ['nqpf'],
    outlet: 'udn.com',
  }),
  row(2, {
    exact: '全过程人民民主',
    note: 'whole-process',
    tags: ['democracy', 'nqpf'],
    outlet: 'people.com.cn',
  }),
  row(3, {
    exact: '“十五五”规划',
    note: '',
    tags: [],
    title: '规划纲要',
    orphaned: true,
    outlet: 'xinhuanet.com',
  }),
];
const indexed = indexAnnotations(rows);
const ids = (filter: Partial<typeof NO_ANNOTATION_FILTER>) =>
  filterAnnotations(indexed, { ...NO_ANNOTATION_FILTER, ...filter }).map((r) => r.id);

describe('filterAnnotations', () => {
  it('finds a traditional quote with a simplified query, and a simplified one with a traditional query', () => {
    expect(ids({ query: '发展新质' })).toEqual([1]);
    expect(ids({ query: '全過程' })).toEqual([2]);
  });

  it('searches notes, tags, titles and outlets, case-insensitively, every word of the query', () => {
    expect(ids({ query: 'WHOLE-process' })).toEqual([2]);
    expect(ids({ query: 'nqpf' })).toEqual([1, 2]);
    expect(ids({ query: 'nqpf 民主' })).toEqual([2]);
    expect(ids({ query: '纲要' })).toEqual([3]);
    expect(ids({ query: 'udn' })).toEqual([1]);
    expect(ids({ query: 'nothing like this' })).toEqual([]);
  });

  it('folds quotation marks as the glossary does', () => {
    expect(ids({ query: '"十五五"' })).toEqual([3]);
    expect(ids({ query: '「十五五」' })).toEqual([3]);
  });

  it('filters by tag, outlet and anchoring state', () => {
    expect(ids({ tag: 'democracy' })).toEqual([2]);
    expect(ids({ outlet: 'udn.com', query: 'nqpf' })).toEqual([1]);
    expect(ids({ state: 'orphaned' })).toEqual([3]);
    expect(ids({ state: 'anchored' })).toEqual([1, 2]);
    expect(ids({})).toEqual([1, 2, 3]);
  });

  it('lists the tags and outlets in use', () => {
    expect(annotationFacets(rows)).toEqual({
      tags: ['democracy', 'nqpf'],
      outlets: ['people.com.cn', 'udn.com', 'xinhuanet.com'],
    });
  });
});
