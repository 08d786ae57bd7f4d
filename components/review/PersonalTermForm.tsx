import { useState, type FormEvent } from 'react';
import type { PersonalTermRecord } from '../../utils/db/schema';
import type { PersonalTermInput } from '../../utils/glossary/pack';
import { STUDY_LIMITS } from '../../utils/limits';

interface Fields {
  simplified: string;
  traditional: string;
  pinyin: string;
  translation: string;
  notes: string;
  tags: string;
}

const EMPTY: Fields = {
  simplified: '',
  traditional: '',
  pinyin: '',
  translation: '',
  notes: '',
  tags: '',
};

function fieldsOf(term: PersonalTermRecord | null): Fields {
  if (!term) return EMPTY;
  return {
    simplified: term.simplified,
    traditional: term.traditional ?? '',
    pinyin: term.pinyin ?? '',
    translation: term.english.gloss,
    notes: term.notes ?? '',
    tags: (term.tags ?? []).join(', '),
  };
}

/** The message payload for these fields: empty optional fields are left out. */
function inputOf(fields: Fields): PersonalTermInput {
  const optional = (value: string) => value.trim() || undefined;
  const tags = fields.tags
    .split(/[,，、\n]/)
    .map((t) => t.trim())
    .filter(Boolean);
  const input: PersonalTermInput = {
    simplified: fields.simplified.trim(),
    translation: fields.translation.trim(),
  };
  const traditional = optional(fields.traditional);
  const pinyin = optional(fields.pinyin);
  const notes = optional(fields.notes);
  if (traditional) input.traditional = traditional;
  if (pinyin) input.pinyin = pinyin;
  if (notes) input.notes = notes;
  if (tags.length > 0) input.tags = tags;
  return input;
}

/**
 * Adding or editing a personal term: the term, the reader's translation, notes and tags (and
 * the traditional form and pinyin if they want them). The background checks every field with
 * the glossary's rules and says what is wrong.
 */
export function PersonalTermForm({
  editing,
  onSubmit,
  onCancel,
}: {
  editing: PersonalTermRecord | null;
  onSubmit: (input: PersonalTermInput) => Promise<boolean>;
  onCancel: () => void;
}) {
  const [fields, setFields] = useState<Fields>(() => fieldsOf(editing));
  const set = (key: keyof Fields) => (event: { target: { value: string } }) =>
    setFields({ ...fields, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit(inputOf(fields)).then((done) => {
      if (done && !editing) setFields(EMPTY);
    });
  };

  return (
    <form
      className="term-form"
      aria-label={editing ? `Edit ${editing.simplified}` : 'Add a term'}
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
        {editing && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
