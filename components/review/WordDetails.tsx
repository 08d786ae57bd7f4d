import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { VocabularyRecord, VocabularyStatus } from '../../utils/db/schema';
import { STUDY_LIMITS } from '../../utils/limits';
import { sendToBackground } from '../../utils/send-message';
import { ChoiceSelect } from '../shared/ChoiceSelect';
import { STATUS_OPTIONS } from './FilterControls';
import { formatTime, MarkedSentence, PageLink } from './PageLink';
import { reviewDatabase } from './review-database';
import { StatusLine } from './StatusLine';
import { useAction } from './use-action';

/** History rows shown per word; the history view has them all. */
const HISTORY_ROWS = 50;

/** One word: every context it was met in, its lookup history, and its editable status, tags
 * and notes (saved through the background). */
export function WordDetails({ row }: { row: VocabularyRecord }) {
  const [status, run] = useAction();
  const [notes, setNotes] = useState(row.notes);
  const [tags, setTags] = useState(row.tags.join(', '));
  const history = useLiveQuery(
    () =>
      reviewDatabase()
        .lookups.where('[kind+word]')
        .equals([row.kind, row.word])
        .reverse()
        .limit(HISTORY_ROWS)
        .toArray(),
    [row.kind, row.word],
  );

  const update = (changes: { status?: VocabularyStatus; tags?: string[]; notes?: string }) =>
    run('Saving…', async () => {
      await sendToBackground('updateWord', { key: row.key, ...changes });
      return 'Saved.';
    });

  const parsedTags = tags
    .split(/[,，]/)
    .map((t) => t.trim())
    .filter(Boolean);

  return (
    <div className="word-details" onClick={(e) => e.stopPropagation()}>
      <div className="edit-fields">
        <label>
          <span>Status</span>
          <ChoiceSelect
            value={row.status}
            options={STATUS_OPTIONS}
            onChange={(status) => void update({ status })}
          />
        </label>
        <label>
          <span>Tags (comma-separated)</span>
          <input
            value={tags}
            maxLength={STUDY_LIMITS.tags * (STUDY_LIMITS.tag + 2)}
            onChange={(e) => setTags(e.target.value)}
            onBlur={() => {
              if (parsedTags.join(',') !== row.tags.join(',')) void update({ tags: parsedTags });
            }}
          />
        </label>
        <label className="notes">
          <span>Notes</span>
          <textarea
            value={notes}
            maxLength={STUDY_LIMITS.notes}
            rows={3}
            onChange={(e) => setNotes(e.target.value)}
            onBlur={() => {
              if (notes !== row.notes) void update({ notes });
            }}
          />
        </label>
        <button
          type="button"
          className="danger"
          onClick={() => {
            if (!confirm(`Delete ${row.word} from your vocabulary, with its review history?`))
              return;
            void run('Deleting…', async () => {
              await sendToBackground('deleteWords', { keys: [row.key] });
              return 'Deleted.';
            });
          }}
        >
          Delete word
        </button>
        <StatusLine status={status} />
      </div>
      {row.definition && <p className="full-definition">{row.definition}</p>}
      <h3>Met in ({row.contexts.length})</h3>
      <ul className="contexts">
        {row.contexts.map((context) => (
          <li key={`${context.url}\u0000${context.sentence}`}>
            <MarkedSentence sentence={context.sentence} word={row.word} />
            <span className="source">
              <PageLink url={context.url} title={context.title} /> · {formatTime(context.time)}
            </span>
          </li>
        ))}
      </ul>
      <h3>Looked up</h3>
      {history === undefined ? null : history.length === 0 ? (
        <p className="empty">No lookups in the history.</p>
      ) : (
        <ul className="word-history">
          {history.map((lookup) => (
            <li key={lookup.id}>
              {formatTime(lookup.time)} · <PageLink url={lookup.url} title={lookup.title} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
