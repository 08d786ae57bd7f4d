import { useCallback, useEffect, useState } from 'react';
import type { PersonalTermRecord } from '../../utils/db/schema';
import type { GlossaryEntry } from '../../utils/glossary/schema';
import type { PersonalTermInput } from '../../utils/glossary/pack';
import { sendToBackground } from '../../utils/send-message';
import { PersonalTermForm, type TermStart } from '../review/PersonalTermForm';
import { StatusLine } from '../review/StatusLine';
import { useAction } from '../review/use-action';

/** The review page's list of personal terms. */
const MY_TERMS_HREF = '/review.html#my-terms';

/** Whether a personal term shares a form with the built-in entry (so it annotates its marks). */
function sharesForm(term: PersonalTermRecord, entry: GlossaryEntry): boolean {
  const forms = new Set([entry.simplified, ...(entry.variants ?? [])]);
  return [term.simplified, ...(term.variants ?? [])].some((form) => forms.has(form));
}

/**
 * "Add to my terms" on a built-in entry: a personal term prefilled with the entry's forms and
 * pinyin, for the reader's own translation, notes and tags. The built-in entry is never changed:
 * on pages the personal term's marks join the built-in ones, and the card shows both
 * (utils/glossary/personal.ts). The reader's terms for this entry are listed under the button.
 */
export function AddToMyTerms({ entry }: { entry: GlossaryEntry }) {
  const [open, setOpen] = useState(false);
  const [mine, setMine] = useState<PersonalTermRecord[] | null>(null);
  const [status, run] = useAction();

  // The reader's terms for this entry; without them (an error) the button still works.
  const loadMine = useCallback(
    () =>
      sendToBackground('listPersonalTerms', {}).then(
        ({ terms }) => terms.filter((term) => sharesForm(term, entry)),
        () => [],
      ),
    [entry],
  );
  // Rendered with the entry's id as key: another entry gets a fresh, closed form.
  useEffect(() => {
    let live = true;
    void loadMine().then((list) => {
      if (live) setMine(list);
    });
    return () => {
      live = false;
    };
  }, [loadMine]);

  const start: TermStart = {
    simplified: entry.simplified,
    traditional: entry.traditional,
    pinyin: entry.pinyin,
    variants: entry.variants,
  };
  const submit = (input: PersonalTermInput) =>
    run('Adding…', async () => {
      const { term } = await sendToBackground('addPersonalTerm', input);
      setOpen(false);
      setMine(await loadMine());
      return `Added ${term.simplified} to My terms.`;
    });

  return (
    <section className="add-to-my-terms" aria-label="My terms">
      {mine && mine.length > 0 && (
        <ul className="my-entries">
          {mine.map((term) => (
            <li key={term.id}>
              <span className="muted">My translation:</span> {term.english.gloss}
              {term.notes && <span className="muted"> — {term.notes}</span>}
            </li>
          ))}
        </ul>
      )}
      {open ? (
        <PersonalTermForm
          editing={null}
          start={start}
          label="Add to my terms"
          onSubmit={submit}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          Add to my terms
        </button>
      )}
      <StatusLine status={status} />
      {status?.kind === 'done' && <a href={MY_TERMS_HREF}>Open My terms</a>}
    </section>
  );
}
