// Starting a personal term from a selection or a review-page address: the term's key is the
// matcher's (artefacts removed, simplified), the payload the forms send, and the tab message that
// asks the reader to open its form.

import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { buildPersonalGlossary } from '../../utils/glossary/personal';
import { entryFromInput, PersonalTermInputSchema } from '../../utils/glossary/pack';
import { inputFromFields } from '../../utils/glossary/term-fields';
import {
  addTermHash,
  MAX_SELECTION_CHARS,
  prefillFromHash,
  termFromSelection,
} from '../../utils/glossary/term-prefill';
import { matchTerms } from '../../utils/glossary/matcher';
import { parseTabMessage } from '../../utils/tab-messages';

describe('termFromSelection', () => {
  it('keeps a simplified selection as it is', () => {
    expect(termFromSelection('常务会议')).toEqual({ simplified: '常务会议' });
  });

  it('keys a traditional selection by its simplified form and keeps the traditional one', () => {
    expect(termFromSelection('縣域經濟')).toEqual({
      simplified: '县域经济',
      traditional: '縣域經濟',
    });
  });

  it('removes inline pinyin artefacts before converting', () => {
    expect(termFromSelection('縣域經(jīng)濟')).toEqual({
      simplified: '县域经济',
      traditional: '縣域經濟',
    });
    expect(termFromSelection('新质(zhì)生产(chǎn)力')).toEqual({ simplified: '新质生产力' });
  });

  it('drops the punctuation and spaces a drag catches at either end, and line breaks inside', () => {
    expect(termFromSelection(' “十五五”规划。\n')).toEqual({ simplified: '"十五五"规划' });
    expect(termFromSelection('产业转型\n  升级，')).toEqual({ simplified: '产业转型升级' });
  });

  it('gives a term the matcher finds on the page it came from, in either script', () => {
    const term = termFromSelection('「十五五」規劃');
    expect(term).toEqual({ simplified: '"十五五"规划', traditional: '「十五五」規劃' });
    const personal = buildPersonalGlossary([
      { id: 'my-plan', simplified: term?.simplified ?? '', english: { gloss: 'x' } },
    ]);
    for (const text of ['制定「十五五」規劃建議', '制定“十五五”规划建议']) {
      expect(matchTerms(text, personal.glossary)).toHaveLength(1);
    }
    expect(matchTerms('十五五规划', personal.glossary)).toEqual([]);
    const fromArtefacts = termFromSelection('縣域經(jīng)濟');
    const county = buildPersonalGlossary([
      { id: 'my-county', simplified: fromArtefacts?.simplified ?? '', english: { gloss: 'x' } },
    ]);
    const page = '加快實現(xiàn)縣域經(jīng)濟高質量發展';
    const [hit] = matchTerms(page, county.glossary);
    expect(hit && page.slice(hit.start, hit.end)).toBe('縣域經(jīng)濟');
  });

  it('refuses a selection without Chinese, and looks at no more than the first characters', () => {
    expect(termFromSelection('GDP (2025)')).toBeNull();
    expect(termFromSelection('  ，。 ')).toBeNull();
    const long = '发展'.repeat(MAX_SELECTION_CHARS);
    expect(termFromSelection(long)?.simplified.length).toBe(MAX_SELECTION_CHARS);
  });
});

describe('the review page address with a term to add', () => {
  it('carries a selection there and back, tidied on arrival', () => {
    const hash = addTermHash('縣域經(jīng)濟 & more?#');
    expect(hash.startsWith('#my-terms?term=')).toBe(true);
    expect(prefillFromHash(hash)).toEqual({
      simplified: '县域经济 & more',
      traditional: '縣域經濟 & more',
    });
  });

  it('ignores other hashes and empty or oversized terms', () => {
    expect(prefillFromHash('#my-terms')).toBeNull();
    expect(prefillFromHash('#words?term=常务会议')).toBeNull();
    expect(prefillFromHash('#my-terms?term=')).toBeNull();
    expect(prefillFromHash('#my-terms?other=常务会议')).toBeNull();
    const tooLong = `#my-terms?term=${encodeURIComponent('会'.repeat(MAX_SELECTION_CHARS + 1))}`;
    expect(prefillFromHash(tooLong)).toBeNull();
    expect(prefillFromHash(`#my-terms?term=${encodeURIComponent('常务会议')}`)).toEqual({
      simplified: '常务会议',
    });
  });
});

describe('inputFromFields', () => {
  it('trims, leaves out empty optional fields, splits and dedupes lists', () => {
    expect(
      inputFromFields({
        simplified: ' 新质生产力 ',
        traditional: ' ',
        pinyin: '',
        variants: '新质生产力、新质 生产力,，',
        translation: ' my rendering ',
        notes: '\n',
        tags: 'econ, econ，plenum、\nnqpf',
      }),
    ).toEqual({
      simplified: '新质生产力',
      variants: ['新质生产力', '新质 生产力'],
      translation: 'my rendering',
      tags: ['econ', 'plenum', 'nqpf'],
    });
  });

  it('makes payloads the background accepts, and the background names a bad field', () => {
    const ok = inputFromFields({
      simplified: '县域经济',
      traditional: '縣域經濟',
      translation: 'county economy',
    });
    expect(v.safeParse(PersonalTermInputSchema, ok).success).toBe(true);
    const noTranslation = v.safeParse(
      PersonalTermInputSchema,
      inputFromFields({ simplified: '县域经济', translation: ' ' }),
    );
    expect(noTranslation.success).toBe(false);
    expect(noTranslation.issues?.[0]?.path?.[0]?.key).toBe('translation');
  });
});

describe('personal term variants', () => {
  it('accepts glossary-shaped variants and refuses a one-character or Latin one', () => {
    const base = { simplified: '新质生产力', translation: 'x' };
    expect(
      v.safeParse(PersonalTermInputSchema, { ...base, variants: ['新质生产力量'] }).success,
    ).toBe(true);
    expect(v.safeParse(PersonalTermInputSchema, { ...base, variants: ['新'] }).success).toBe(false);
    expect(v.safeParse(PersonalTermInputSchema, { ...base, variants: ['NQPF'] }).success).toBe(
      false,
    );
  });

  it('stores them without the simplified form, and an edit without them removes them', () => {
    const first = entryFromInput('my-a', {
      simplified: '新质生产力',
      variants: ['新质生产力', '新质生产力量'],
      translation: 'x',
    });
    expect(first.variants).toEqual(['新质生产力量']);
    const edited = entryFromInput('my-a', { simplified: '新质生产力', translation: 'y' }, first);
    expect(edited.variants).toBeUndefined();
    expect(edited.english.gloss).toBe('y');
  });
});

describe('openTermForm tab message', () => {
  it('is accepted with an empty payload and nothing else', () => {
    expect(parseTabMessage({ type: 'openTermForm', payload: {} })).toEqual({
      type: 'openTermForm',
      payload: {},
    });
    expect(parseTabMessage({ type: 'openTermForm', payload: { text: '常务会议' } })).toBeNull();
    expect(parseTabMessage({ type: 'openTermForm' })).toBeNull();
  });
});
