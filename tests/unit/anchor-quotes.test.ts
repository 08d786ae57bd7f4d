// Annotations are anchored in the background (`anchorQuotes`), where the conversion tables are, so
// the page's reader does not load them: the page sends its text and its annotations' quotes and
// gets back where each quote is now (null: orphaned), across scripts; oversized or malformed
// requests are refused.
import { describe, expect, it } from 'vitest';
import { handleMessage } from '../../entrypoints/background/handlers';
import { createQuoteSelector } from '../../utils/annotations/quote-capture';
import { ANNOTATION_LIMITS } from '../../utils/limits';
import type { ResponseMap } from '../../utils/messaging';

const PAGE = { tabId: 1, frameId: 0, url: 'https://news.example/article' };
const SIMPLIFIED = '会议强调，要因地制宜发展新质生产力，推动高质量发展。各地都在行动。';
const TRADITIONAL = '會議強調，要因地制宜發展新質生產力，推動高質量發展。各地都在行動。';

async function anchor(payload: unknown): Promise<ResponseMap['anchorQuotes']> {
  const reply = await handleMessage({ type: 'anchorQuotes', payload }, PAGE);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as ResponseMap['anchorQuotes'];
}

describe('anchorQuotes', () => {
  it('finds each quote in the text sent, across scripts, and null for one no longer there', async () => {
    const start = SIMPLIFIED.indexOf('新质生产力');
    const quote = createQuoteSelector(SIMPLIFIED, start, start + 5);
    const gone = createQuoteSelector('完全不同的一段文字，讲的是别的事情。', 2, 6);
    const { spans } = await anchor({ text: TRADITIONAL, selectors: [quote, gone] });
    expect(spans).toEqual([{ start, end: start + 5 }, null]);
    expect(TRADITIONAL.slice(start, start + 5)).toBe('新質生產力');
  });

  it('refuses oversized texts, too many selectors, none, and extra fields', async () => {
    const quote = createQuoteSelector(SIMPLIFIED, 0, 2);
    const refused = async (payload: unknown) =>
      (await handleMessage({ type: 'anchorQuotes', payload }, PAGE)).ok;
    expect(await refused({ text: SIMPLIFIED, selectors: [] })).toBe(false);
    expect(
      await refused({
        text: SIMPLIFIED,
        selectors: Array.from({ length: ANNOTATION_LIMITS.perPage + 1 }, () => quote),
      }),
    ).toBe(false);
    expect(
      await refused({ text: 'x'.repeat(ANNOTATION_LIMITS.pageChars + 1), selectors: [quote] }),
    ).toBe(false);
    expect(await refused({ text: SIMPLIFIED, selectors: [{ ...quote, note: 'x' }] })).toBe(false);
    expect(await refused({ text: SIMPLIFIED, selectors: [{ ...quote, exact: '' }] })).toBe(false);
    expect(await refused({ text: SIMPLIFIED, selectors: [quote], url: 'x' })).toBe(false);
    // A long page's text at the limit is accepted.
    const long = `${SIMPLIFIED}${'文'.repeat(ANNOTATION_LIMITS.pageChars - SIMPLIFIED.length)}`;
    expect((await anchor({ text: long, selectors: [quote] })).spans).toEqual([
      { start: 0, end: 2 },
    ]);
  });
});
