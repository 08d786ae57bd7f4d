// Anchoring annotations by quote (W3C text-quote selector plus a position hint): creating the
// selector, exact matches, choosing among repeats by prefix and suffix, edited quotes, other
// scripts and artefacts, and orphans.
import { describe, expect, it } from 'vitest';
import { createQuoteSelector, QUOTE_CONTEXT_CHARS } from '../../utils/annotations/quote-capture';
import { anchorQuote } from '../../utils/annotations/quote-selector';

const PAGE =
  '会议指出，要坚持以高质量发展为首要任务。会议强调，要因地制宜发展新质生产力，' +
  '推动经济实现质的有效提升和量的合理增长。会议要求，各地要因地制宜发展新质生产力，防止一哄而上。';

function quoteOf(text: string, span: { start: number; end: number } | null): string | null {
  return span && text.slice(span.start, span.end);
}

describe('createQuoteSelector', () => {
  it('keeps the quote, up to 32 characters each side, and its offset', () => {
    const start = PAGE.indexOf('推动经济');
    const selector = createQuoteSelector(PAGE, start, start + 6);
    expect(selector.exact).toBe('推动经济实现');
    expect(selector.position).toBe(start);
    expect(selector.prefix.length).toBe(QUOTE_CONTEXT_CHARS);
    expect(PAGE.slice(0, start).endsWith(selector.prefix)).toBe(true);
    expect(selector.suffix.length).toBe(QUOTE_CONTEXT_CHARS);
    expect(PAGE.slice(start + 6).startsWith(selector.suffix)).toBe(true);
  });

  it('keeps shorter context at the edges of the text, and never half a surrogate pair', () => {
    const at = createQuoteSelector('会议指出', 0, 2);
    expect(at).toEqual({ exact: '会议', prefix: '', suffix: '指出', position: 0 });
    const astral = `${'𠀀'.repeat(20)}目标${'𠀀'.repeat(20)}`;
    const start = astral.indexOf('目标');
    const s = createQuoteSelector(astral, start, start + 2);
    expect(s.prefix.length).toBeLessThanOrEqual(QUOTE_CONTEXT_CHARS);
    expect(s.prefix.charCodeAt(0)).toBeGreaterThanOrEqual(0xd800);
    expect(s.prefix.charCodeAt(0)).toBeLessThanOrEqual(0xdbff);
    expect(s.suffix.length % 2).toBe(0);
  });
});

describe('anchorQuote', () => {
  it('finds an exact quote again', () => {
    const start = PAGE.indexOf('推动经济');
    const selector = createQuoteSelector(PAGE, start, start + 6);
    expect(anchorQuote(PAGE, selector)).toEqual({ start, end: start + 6 });
  });

  it('chooses among repeated quotes by prefix and suffix, not by the hint alone', () => {
    const second = PAGE.lastIndexOf('因地制宜发展新质生产力');
    const selector = createQuoteSelector(PAGE, second, second + 11);
    // A misleading hint: the context still picks the second occurrence.
    expect(anchorQuote(PAGE, { ...selector, position: 0 })?.start).toBe(second);
    // Text added before the quote moves it; context finds it at its new place.
    const edited = `新增的导语一段。${PAGE}`;
    expect(anchorQuote(edited, selector)?.start).toBe(second + 8);
  });

  it('uses the position hint when context cannot tell occurrences apart', () => {
    const text = '发展。发展。发展。';
    expect(anchorQuote(text, { exact: '发展', prefix: '', suffix: '', position: 6 })?.start).toBe(
      6,
    );
  });

  it('anchors a quote made on traditional text in simplified text, and the other way round', () => {
    const traditional = '會議強調，要因地制宜發展新質生產力，推動經濟實現質的有效提升。';
    const simplified = '会议强调，要因地制宜发展新质生产力，推动经济实现质的有效提升。';
    const start = traditional.indexOf('發展新質生產力');
    const fromTraditional = createQuoteSelector(traditional, start, start + 7);
    expect(quoteOf(simplified, anchorQuote(simplified, fromTraditional))).toBe('发展新质生产力');
    const fromSimplified = createQuoteSelector(simplified, start, start + 7);
    expect(quoteOf(traditional, anchorQuote(traditional, fromSimplified))).toBe('發展新質生產力');
  });

  it('anchors across inline-pinyin artefacts, keeping them inside the span', () => {
    const selector = createQuoteSelector(
      PAGE,
      PAGE.indexOf('新质生产力'),
      PAGE.indexOf('新质生产力') + 5,
    );
    const withArtefacts = PAGE.replace('新质生产力', '新质(zhì)生产力');
    const span = anchorQuote(withArtefacts, selector);
    expect(quoteOf(withArtefacts, span)).toBe('新质(zhì)生产力');
  });

  it('anchors an edited quote between its prefix and suffix', () => {
    const start = PAGE.indexOf('推动经济实现');
    const selector = createQuoteSelector(PAGE, start, start + 6);
    const edited = PAGE.replace('推动经济实现', '推进经济实现');
    expect(quoteOf(edited, anchorQuote(edited, selector))).toBe('推进经济实现');
  });

  it('returns null for a quote whose text was removed: the annotation is orphaned', () => {
    const start = PAGE.indexOf('推动经济');
    const selector = createQuoteSelector(PAGE, start, start + 6);
    const removed = PAGE.replace(/推动经济实现质的有效提升和量的合理增长。/, '');
    expect(anchorQuote(removed, selector)).toBeNull();
    expect(anchorQuote('', selector)).toBeNull();
    expect(anchorQuote(PAGE, { ...selector, exact: '' })).toBeNull();
  });
});
