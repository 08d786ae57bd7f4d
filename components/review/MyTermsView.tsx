import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { PersonalTermRecord } from '../../utils/db/schema';
import type { PersonalTermInput } from '../../utils/glossary/pack';
import { sendToBackground } from '../../utils/send-message';
import { PackTools } from './PackTools';
import { formatDate } from './PageLink';
import { PersonalTermForm } from './PersonalTermForm';
import { reviewDatabase } from './review-database';
import { StatusLine } from './StatusLine';
import { useAction } from './use-action';
import './terms.css';

/** The reader's own terms: add, edit, delete, and share them as glossary packs. */
export function MyTermsView() {
  const terms = useLiveQuery(
    () => reviewDatabase().personalTerms.orderBy('updatedAt').reverse().toArray(),
    [],
  );
  const [editing, setEditing] = useState<PersonalTermRecord | null>(null);
  const [status, run] = useAction();

  const submit = (input: PersonalTermInput) =>
    run(editing ? 'Saving…' : 'Adding…', async () => {
      if (editing) {
        await sendToBackground('updatePersonalTerm', { id: editing.id, term: input });
        setEditing(null);
        return `Saved ${input.simplified}.`;
      }
      const { term } = await sendToBackground('addPersonalTerm', input);
      return `Added ${term.simplified} (${term.id}).`;
    });

  return (
    <section className="my-terms-view" aria-label="My terms">
      <h2>{editing ? `Edit ${editing.simplified}` : 'Add a term'}</h2>
      <PersonalTermForm
        key={editing?.id ?? 'new'}
        editing={editing}
        onSubmit={submit}
        onCancel={() => setEditing(null)}
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
