// The background checks the whole polyphone model after the first request it answers (so a
// worker that has just started answers the page sooner): a malformed model is reported and
// dropped, and pages are read without it from then on. Its own file: the engine is built once
// per module instance.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '../../entrypoints/background/handlers';
import { useDatabase } from '../../entrypoints/background/store';
import { TifaDatabase } from '../../utils/db/schema';
import { unpackParagraph, type PackedParagraph } from '../../utils/zh/packed-analysis';
import { servePackagedFiles } from './support/packaged-files';

const HEADER = '# format: tifa-polyphones\n# format-version: 1\n# features: 1\n# scale: 100\n';
/** 长's weights are well-formed, 行's are not (deep in the file, parsed only when checked). */
const MALFORMED = `${HEADER}@chars\n长\tchang2 zhang3\n行\txing2 hang2\n@weights\n长\tb\t1,2\n行\tb\t1.5,2\n`;

beforeEach(() => {
  fakeBrowser.reset();
  useDatabase(new TifaDatabase('polyphone-model-check-test'));
});

async function analyzeInBackground(text: string) {
  const reply = await handleMessage({
    type: 'analyzeParagraphs',
    payload: {
      texts: [text],
      to: 'keep',
      keepArtifacts: false,
      readings: { style: 'num', tones: false },
      terms: false,
    },
  });
  if (!reply.ok) throw new Error(reply.error);
  const [packed] = (reply.value as { paragraphs: PackedParagraph[] }).paragraphs;
  return unpackParagraph(text, packed as PackedParagraph);
}

describe('the polyphone model, checked after the first answer', () => {
  it('is reported and dropped when malformed, and pages are read without it', async () => {
    const files = servePackagedFiles();
    const real = files.getMockImplementation();
    files.mockImplementation((input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.endsWith('/polyphones/model.u8'))
        return Promise.resolve(new Response(MALFORMED, { status: 200 }));
      return real ? real(input, init) : Promise.reject(new Error('no files'));
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // The first request builds the engine and is answered before the whole model is checked.
    const first = await analyzeInBackground('今天很好。');
    expect(first.tokens.map((t) => t.display).join('')).toBe('今天很好。');
    expect(errors).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(errors).toHaveBeenCalledWith(
      'tifa: the polyphone model is malformed; reading without it:',
      expect.stringMatching(/bad weight "1.5"/),
    );
    // 行 alone is read from its context, which would parse its malformed weights and throw;
    // without the model it is read from the table.
    const after = await analyzeInBackground('这样行不行？');
    expect(after.tokens.some((t) => t.ruby.length > 0)).toBe(true);
  });
});
