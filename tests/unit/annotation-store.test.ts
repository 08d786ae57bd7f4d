// Annotations in the background: saved through the validated message, listed by page (fragment
// aside), and a web page may neither save nor read another page's annotations.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '../../entrypoints/background/handlers';
import { useDatabase } from '../../entrypoints/background/store';
import { TifaDatabase } from '../../utils/db/schema';

let counter = 0;
beforeEach(() => {
  fakeBrowser.reset();
  useDatabase(new TifaDatabase(`annotation-test-${++counter}`));
});

const PAGE = 'https://news.example.cn/2025/a.html';
const input = {
  url: `${PAGE}#top`,
  title: '标题',
  outlet: 'news.example.cn',
  exact: '新质生产力',
  prefix: '因地制宜发展',
  suffix: '，推动',
  position: 42,
  note: 'first use in this outlet',
  tags: ['nqpf', 'nqpf'],
};

describe('annotation messages', () => {
  it('saves an annotation from its own page and lists it for the page', async () => {
    const saved = await handleMessage({ type: 'saveAnnotation', payload: input }, { url: PAGE });
    expect(saved.ok).toBe(true);
    const listed = await handleMessage(
      { type: 'listAnnotations', payload: { url: `${PAGE}#other` } },
      { url: `${PAGE}#x` },
    );
    expect(listed).toMatchObject({
      ok: true,
      value: {
        annotations: [{ url: PAGE, exact: '新质生产力', note: input.note, tags: ['nqpf'] }],
      },
    });
  });

  it('refuses a web page saving or reading another page’s annotations', async () => {
    await handleMessage({ type: 'saveAnnotation', payload: input }, { url: PAGE });
    const save = await handleMessage(
      { type: 'saveAnnotation', payload: input },
      { url: 'https://evil.example/' },
    );
    expect(save.ok).toBe(false);
    const read = await handleMessage(
      { type: 'listAnnotations', payload: { url: PAGE } },
      { url: 'https://evil.example/' },
    );
    expect(read.ok).toBe(false);
  });

  it('validates the selector: empty quote and overlong context are refused', async () => {
    for (const payload of [
      { ...input, exact: '' },
      { ...input, prefix: 'x'.repeat(65) },
      { ...input, position: -1 },
    ]) {
      expect((await handleMessage({ type: 'saveAnnotation', payload }, { url: PAGE })).ok).toBe(
        false,
      );
    }
  });
});
