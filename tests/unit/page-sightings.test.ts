// The reader's side of the term tracker: the hits the annotator already matched, per text node,
// become one recordSightings summary (id, count, one sentence), the same as `tifa track` counts.
import { describe, expect, it } from 'vitest';
import { PageSightings } from '../../entrypoints/reader.content/terms/page-sightings';
import { matchTerms } from '../../utils/glossary/matcher';
import { sentenceAround, summarizeSightings } from '../../utils/tracker/summarize';

const NODES = [
  '会议强调，要因地制宜发展新质生产力。推动高质量发展。',
  '加快发展新质生产力，',
  '坚持稳中求进工作总基调。',
];

describe('PageSightings', () => {
  it('counts each term over all text nodes, with the sentence of its first hit', () => {
    const page = new PageSightings();
    for (const text of NODES) page.add(text, matchTerms(text));
    const summary = page.summarize();
    const nqpf = summary.find((t) => t.id === 'new-quality-productive-forces');
    expect(nqpf).toEqual({
      id: 'new-quality-productive-forces',
      count: 2,
      sentence: '会议强调，要因地制宜发展新质生产力。',
    });
    expect(summary.find((t) => t.id === 'high-quality-development')?.sentence).toBe(
      '推动高质量发展。',
    );
    // Same result as counting every hit with its own sentence (the CLI's way).
    const reference = summarizeSightings(
      NODES.flatMap((text) =>
        matchTerms(text).map((h) => ({ id: h.id, sentence: sentenceAround(text, h.start, h.end) })),
      ),
    );
    expect(summary).toEqual(reference);
  });

  it('keeps nothing of the page but ids, counts and one sentence per term', () => {
    const page = new PageSightings();
    for (const text of NODES) page.add(text, matchTerms(text));
    for (const term of page.summarize()) {
      expect(Object.keys(term).sort()).toEqual(['count', 'id', 'sentence']);
    }
  });

  it('says whether hits arrived since the last summary (new content is reported again)', () => {
    const page = new PageSightings();
    expect(page.changed).toBe(false);
    page.add(NODES[0] ?? '', matchTerms(NODES[0] ?? ''));
    expect(page.changed).toBe(true);
    page.summarize();
    expect(page.changed).toBe(false);
    page.add('无术语的文字', []);
    expect(page.changed).toBe(false);
    page.add(NODES[1] ?? '', matchTerms(NODES[1] ?? ''));
    expect(page.changed).toBe(true);
    expect(page.summarize().find((t) => t.id === 'new-quality-productive-forces')?.count).toBe(2);
  });
});
