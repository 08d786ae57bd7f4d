import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { vocabularyKey, type VocabularyRecord } from '../../utils/db/schema';
import { formatCedictPinyin } from '../../utils/dict/format-pinyin';
import { sendToBackground } from '../../utils/send-message';
import { formatTime, MarkedSentence, PageLink } from './PageLink';
import { reviewDatabase } from './review-database';
import { StatusLine } from './StatusLine';
import { useAction } from './use-action';

/** History rows read at a time: the table may hold 100,000. */
const PAGE_ROWS = 200;

/** What was looked up, when and where, newest first; one click adds a word to the vocabulary. */
export function HistoryView({ vocabulary }: { vocabulary: VocabularyRecord[] | undefined }) {
  const [limit, setLimit] = useState(PAGE_ROWS);
  const [status, run] = useAction();
  const lookups = useLiveQuery(
    () => reviewDatabase().lookups.orderBy('time').reverse().limit(limit).toArray(),
    [limit],
  );
  const total = useLiveQuery(() => reviewDatabase().lookups.count(), []);
  const saved = useMemo(() => new Set((vocabulary ?? []).map((row) => row.key)), [vocabulary]);

  if (lookups === undefined) return <p className="loading">Loading the history…</p>;
  return (
    <section className="history" aria-label="History">
      <p className="count">
        {total === undefined ? '' : `${total.toLocaleString()} lookups`}
        {' · '}
        Recording can be switched off, or off for some sites, under Settings.
      </p>
      <StatusLine status={status} />
      {lookups.length === 0 ? (
        <p className="empty">Nothing looked up yet.</p>
      ) : (
        <table className="lookups">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Word</th>
              <th scope="col">Sentence and page</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lookups.map((lookup) => {
              const isSaved = saved.has(vocabularyKey(lookup.kind, lookup.word));
              return (
                <tr key={lookup.id}>
                  <td className="date">{formatTime(lookup.time)}</td>
                  <td className="hanzi" lang="zh-CN">
                    {lookup.word}
                    <span className="pinyin">{formatCedictPinyin(lookup.reading)}</span>
                  </td>
                  <td>
                    <MarkedSentence sentence={lookup.sentence} word={lookup.word} />
                    <span className="source">
                      <PageLink url={lookup.url} title={lookup.title} />
                    </span>
                  </td>
                  <td className="actions">
                    <button
                      type="button"
                      disabled={isSaved || lookup.id === undefined}
                      onClick={() =>
                        void run('Adding…', async () => {
                          await sendToBackground('saveLookup', { id: lookup.id ?? 0 });
                          return `Added ${lookup.word} to the vocabulary.`;
                        })
                      }
                    >
                      {isSaved ? 'In vocabulary' : 'Add to vocabulary'}
                    </button>
                    <button
                      type="button"
                      className="quiet"
                      aria-label={`Delete this lookup of ${lookup.word}`}
                      onClick={() =>
                        void run('Deleting…', async () => {
                          await sendToBackground('deleteLookups', { ids: [lookup.id ?? 0] });
                          return 'Deleted from the history.';
                        })
                      }
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {total !== undefined && total > lookups.length && (
        <button type="button" className="more" onClick={() => setLimit(limit + PAGE_ROWS)}>
          Show older lookups
        </button>
      )}
    </section>
  );
}
