import { useState, type FormEvent } from 'react';
import type { PersonalTermRecord } from '../../utils/db/schema';
import type { PackEntry, PersonalTermInput } from '../../utils/glossary/pack';
import { inputFromFields } from '../../utils/glossary/term-fields';
import { STUDY_LIMITS } from '../../utils/limits';

interface Fields {
  simplified: string;
  traditional: string;
  pinyin: string;
  variants: string;
  translation: string;
  notes: string;
  tags: string;
}

const EMPTY: Fields = {
  simplified: '',
  traditional: '',
  pinyin: '',
  variants: '',
  translation: '',
  notes: '',
  tags: '',
};

/** What a new term starts from: a selection (`review.html#my-terms?term=…`) or a built-in
 * glossary entry (its forms and pinyin). */
export type TermStart = Partial<
  Pick<PackEntry, 'simplified' | 'traditional' | 'pinyin' | 'variants'>
>;

function fieldsOf(term: PersonalTermRecord | null, start?: TermStart): Fields {
  if (!term) {
    return {
      ...EMPTY,
      simplified: start?.simplified ?? '',
      traditional: start?.traditional ?? '',
      pinyin: start?.pinyin ?? '',
      variants: (start?.variants ?? []).join('、'),
    };
  }
  return {
    simplified: term.simplified,
    traditional: term.traditional ?? '',
    pinyin: term.pinyin ?? '',
    variants: (term.variants ?? []).join('、'),
    translation: term.english.gloss,
    notes: term.notes ?? '',
    tags: (term.tags ?? []).join(', '),
  };
}

/**
 * Adding or editing a personal term: the term, the reader's translation, notes and tags (and
 * the traditional form and pinyin if they want them). The background checks every field with
 * the glossary's rules and says what is wrong.
 */
export function PersonalTermForm({
  editing,
  start,
  label,
  onSubmit,
  onCancel,
}: {
  editing: PersonalTermRecord | null;
  /** Prefills a new term (ignored when editing). */
  start?: TermStart;
  /** The form's accessible name when adding (default "Add a term"). */
  label?: string;
  onSubmit: (input: PersonalTermInput) => Promise<boolean>;
  /** Shows a Cancel button (always when editing). */
  onCancel?: () => void;
}) {
  const [fields, setFields] = useState<Fields>(() => fieldsOf(editing, start));
  const set = (key: keyof Fields) => (event: { target: { value: string } }) =>
    setFields({ ...fields, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit(inputFromFields(fields)).then((done) => {
      if (done && !editing) setFields(EMPTY);
    });
  };

  return (
    <form
      className="term-form"
      aria-label={editing ? `Edit ${editing.simplified}` : (label ?? 'Add a term')}
      onSubmit={submit}
    >
      <label>
        <span>Term (simplified)</span>
        <input required lang="zh-CN" value={fields.simplified} onChange={set('simplified')} />
      </label>
      <label>
        <span>My translation</span>
        <input required value={fields.translation} onChange={set('translation')} />
      </label>
      <label>
        <span>Traditional (optional)</span>
        <input lang="zh-TW" value={fields.traditional} onChange={set('traditional')} />
      </label>
      <label>
        <span>Pinyin with tone marks (optional)</span>
        <input value={fields.pinyin} onChange={set('pinyin')} />
      </label>
      <label>
        <span>Other forms (optional, separated by 、)</span>
        <input lang="zh-CN" value={fields.variants} onChange={set('variants')} />
      </label>
      <label className="wide">
        <span>Notes</span>
        <textarea
          rows={3}
          maxLength={STUDY_LIMITS.notes}
          value={fields.notes}
          onChange={set('notes')}
        />
      </label>
      <label>
        <span>Tags (comma-separated)</span>
        <input value={fields.tags} onChange={set('tags')} />
      </label>
      <div className="button-row">
        <button type="submit">{editing ? 'Save changes' : 'Add term'}</button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
