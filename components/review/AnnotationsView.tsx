import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useState } from 'react';
import {
  annotationFacets,
  filterAnnotations,
  indexAnnotations,
  NO_ANNOTATION_FILTER,
  type AnnotationFilter,
} from '../../utils/annotations/search-annotations';
import type { AnnotationRecord } from '../../utils/db/schema';
import { STUDY_LIMITS } from '../../utils/limits';
import { sendToBackground } from '../../utils/send-message';
import { ChoiceSelect } from '../shared/ChoiceSelect';
import { FacetSelect, SearchField } from './FilterControls';
import { formatDate, PageLink } from './PageLink';
import { reviewDatabase } from './review-database';
import { StatusLine } from './StatusLine';
import { useAction } from './use-action';
import './terms.css';

/** Tags typed as `a, b，c` (either comma), trimmed, without repeats, within the limits. */
function parseTags(text: string): string[] {
  const tags = text
    .split(/[,，]/)
    .map((tag) => tag.trim().slice(0, STUDY_LIMITS.tag))
    .filter(Boolean);
  return [...new Set(tags)].slice(0, STUDY_LIMITS.tags);
}

const STATE_OPTIONS: readonly { value: AnnotationFilter['state']; label: string }[] = [
  { value: 'all', label: 'all' },
  { value: 'anchored', label: 'found' },
  { value: 'orphaned', label: 'orphaned' },
];

/**
 * Every annotation the reader has made, newest first: search over quote, note, tags, title and
 * outlet in either script; filters by tag, outlet and whether the passage was found on the last
 * visit (orphaned ones are listed, marked as such). Edits and deletes go through the background.
 */
export function AnnotationsView() {
  const rows = useLiveQuery(
    () => reviewDatabase().annotations.orderBy('time').reverse().toArray(),
    [],
  );
  const [filter, setFilter] = useState<AnnotationFilter>(NO_ANNOTATION_FILTER);
  const deferred = useDeferredValue(filter);
  const [editing, setEditing] = useState<number | null>(null);
  const [status, run] = useAction();
  const indexed = useMemo(() => indexAnnotations(rows ?? []), [rows]);
  const facets = useMemo(() => annotationFacets(rows ?? []), [rows]);
  const shown = useMemo(() => filterAnnotations(indexed, deferred), [indexed, deferred]);
  const set = (patch: Partial<AnnotationFilter>) => setFilter({ ...filter, ...patch });

  const remove = (record: AnnotationRecord) => {
    if (record.id === undefined) return;
    if (!confirm(`Delete the annotation on “${record.exact.slice(0, 40)}”?`)) return;
    const id = record.id;
    void run('Deleting…', async () => {
      await sendToBackground('deleteAnnotations', { ids: [id] });
      return 'Annotation deleted.';
    });
  };

  if (rows === undefined) return <p className="loading">Loading your annotations…</p>;
  return (
    <section className="annotations-view" aria-label="Annotations">
      <div className="filters" role="search">
        <SearchField
          value={filter.query}
          placeholder="Quote, note, tag, title or site (简体 or 繁體)"
          onChange={(query) => set({ query })}
        />
        <FacetSelect
          label="Tag"
          value={filter.tag}
          values={facets.tags}
          onChange={(tag) => set({ tag })}
        />
        <FacetSelect
          label="Site"
          value={filter.outlet}
          values={facets.outlets}
          onChange={(outlet) => set({ outlet })}
        />
        <label>
          <span>Found on the page</span>
          <ChoiceSelect
            value={filter.state}
            options={STATE_OPTIONS}
            onChange={(state) => set({ state })}
          />
        </label>
      </div>
      <StatusLine status={status} />
      <p className="hint" aria-live="polite">
        {rows.length === 0
          ? 'No annotations yet. Select text on a page in reading mode, then Annotate (button, context menu or shortcut).'
          : `${shown.length} of ${rows.length} annotations`}
      </p>
      <ol className="annotation-list">
        {shown.map((record) => (
          <li key={record.id} className="annotation" data-orphaned={record.orphaned === true}>
            <blockquote lang="zh">{record.exact}</blockquote>
            {record.orphaned === true && (
              <p className="orphaned">
                Orphaned: the passage was not found on the page at the last visit.
              </p>
            )}
            {editing === record.id ? (
              <AnnotationEditor
                record={record}
                onDone={() => setEditing(null)}
                onSave={(note, tags) =>
                  run('Saving…', async () => {
                    if (record.id === undefined) throw new Error('no such annotation');
                    await sendToBackground('updateAnnotation', { id: record.id, note, tags });
                    setEditing(null);
                    return 'Annotation saved.';
                  })
                }
              />
            ) : (
              <>
                {record.note && <p className="note">{record.note}</p>}
                {record.tags.length > 0 && (
                  <p className="tags">
                    {record.tags.map((tag) => (
                      <span key={tag} className="tag">
                        {tag}
                      </span>
                    ))}
                  </p>
                )}
              </>
            )}
            <p className="source">
              <PageLink url={record.url} title={record.title} />
              {' · '}
              <span className="outlet">{record.outlet}</span>
              {' · '}
              <span className="date">{formatDate(record.time)}</span>
            </p>
            {editing !== record.id && (
              <div className="button-row">
                <button type="button" onClick={() => setEditing(record.id ?? null)}>
                  Edit
                </button>
                <button type="button" onClick={() => remove(record)}>
                  Delete
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function AnnotationEditor({
  record,
  onSave,
  onDone,
}: {
  record: AnnotationRecord;
  onSave: (note: string, tags: string[]) => Promise<boolean>;
  onDone: () => void;
}) {
  const [note, setNote] = useState(record.note);
  const [tags, setTags] = useState(record.tags.join(', '));
  return (
    <form
      className="annotation-editor"
      aria-label="Edit the annotation"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(note, parseTags(tags));
      }}
    >
      <label className="block">
        <span>Note</span>
        <textarea
          value={note}
          maxLength={STUDY_LIMITS.notes}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <label className="block">
        <span>Tags</span>
        <input value={tags} onChange={(e) => setTags(e.target.value)} />
      </label>
      <div className="button-row">
        <button type="submit">Save</button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
