import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { PersonalTermRecord } from '../../utils/db/schema';
import type { PersonalTermInput } from '../../utils/glossary/pack';
import { MY_TERMS_ROUTE, prefillFromHash } from '../../utils/glossary/term-prefill';
import { sendToBackground } from '../../utils/send-message';
import { PackTools } from './PackTools';
import { formatDate } from './PageLink';
import { PersonalTermForm, type TermStart } from './PersonalTermForm';
import { reviewDatabase } from './review-database';
import { StatusLine } from './StatusLine';
import { useAction } from './use-action';
import './terms.css';

/**
 * A term to start from in the address (`#my-terms?term=…`: "Add as my term" on a page where the
 * reader is off). Read once, then dropped from the address, so the selection is not kept in the
 * tab's history and a reload shows an empty form.
 */
function takePrefill(): TermStart | null {
  const prefill = prefillFromHash(location.hash);
  if (location.hash.startsWith(`#${MY_TERMS_ROUTE}?`)) {
    history.replaceState(null, '', `#${MY_TERMS_ROUTE}`);
  }
  return prefill;
}

/** The reader's own terms: add, edit, delete, and share them as glossary packs. */
export function MyTermsView() {
  const terms = useLiveQuery(
    () => reviewDatabase().personalTerms.orderBy('updatedAt').reverse().toArray(),
    [],
  );
  const [editing, setEditing] = useState<PersonalTermRecord | null>(null);
  const [start, setStart] = useState<TermStart | null>(takePrefill);
  // Each start gets a fresh form (its fields are the form's own state).
  const [startCount, setStartCount] = useState(0);
  const [status, run] = useAction();

  useEffect(() => {
    // Another selection sent here while the page is open.
    const onHash = () => {
      const next = takePrefill();
      if (!next) return;
      setEditing(null);
      setStart(next);
      setStartCount((n) => n + 1);
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const submit = (input: PersonalTermInput) =>
    run(editing ? 'Saving…' : 'Adding…', async () => {
      if (editing) {
        await sendToBackground('updatePersonalTerm', { id: editing.id, term: input });
        setEditing(null);
        return `Saved ${input.simplified}.`;
      }
      const { term } = await sendToBackground('addPersonalTerm', input);
      setStart(null);
      return `Added ${term.simplified} (${term.id}).`;
    });

  return (
    <section className="my-terms-view" aria-label="My terms">
      <h2>{editing ? `Edit ${editing.simplified}` : 'Add a term'}</h2>
      <PersonalTermForm
        key={editing?.id ?? `new-${startCount}`}
        editing={editing}
        start={start ?? undefined}
        onSubmit={submit}
        onCancel={editing ? () => setEditing(null) : undefined}
      />
      <StatusLine status={status} />
      <h2>My terms</h2>
      {terms === undefined ? (
        <p className="loading">Loading your terms…</p>
      ) : terms.length === 0 ? (
        <p className="empty">No terms of your own yet.</p>
      ) : (
        <table className="my-terms">
          <thead>
            <tr>
              <th scope="col">Term</th>
              <th scope="col">My translation</th>
              <th scope="col">Notes</th>
              <th scope="col">Tags</th>
              <th scope="col">Changed</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {terms.map((term) => (
              <tr key={term.id}>
                <td className="hanzi" lang="zh-CN">
                  {term.simplified}
                  {term.traditional && term.traditional !== term.simplified && (
                    <span className="traditional" lang="zh-TW">
                      {term.traditional}
                    </span>
                  )}
                  {term.pinyin && <span className="pinyin">{term.pinyin}</span>}
                </td>
                <td>{term.english.gloss}</td>
                <td className="notes">{term.notes ?? ''}</td>
                <td>{(term.tags ?? []).join(', ')}</td>
                <td className="date">{formatDate(term.updatedAt)}</td>
                <td className="actions">
                  <button type="button" onClick={() => setEditing(term)}>
                    Edit
                  </button>
                  <button
                    type="button"
                    className="quiet"
                    aria-label={`Delete ${term.simplified}`}
                    onClick={() => {
                      // Notes are the reader's own writing: ask before they go.
                      if (term.notes && !confirm(`Delete ${term.simplified} and its notes?`))
                        return;
                      void run('Deleting…', async () => {
                        await sendToBackground('deletePersonalTerms', { ids: [term.id] });
                        if (editing?.id === term.id) setEditing(null);
                        return `Deleted ${term.simplified}.`;
                      });
                    }}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PackTools terms={terms ?? []} />
    </section>
  );
}
