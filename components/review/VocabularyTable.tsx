import { memo, useCallback, useEffect, useState } from 'react';
import type { VocabularyRecord } from '../../utils/db/schema';
import { formatCedictPinyin } from '../../utils/dict/format-pinyin';
import type { SortKey, SortOrder } from '../../utils/study/search';
import { formatDate } from './PageLink';
import { WordDetails } from './WordDetails';

/** Rows drawn at once: a few screens, few enough that a keystroke redraws within a frame or two. */
export const PAGE_ROWS = 50;

const COLUMNS: { key: SortKey | null; label: string }[] = [
  { key: 'word', label: 'Word' },
  { key: 'pinyin', label: 'Pinyin' },
  { key: null, label: 'Definition' },
  { key: null, label: 'Status' },
  { key: 'timesSaved', label: 'Saved' },
  { key: 'lastSeen', label: 'Last seen' },
  { key: 'due', label: 'Due' },
];

interface Props {
  rows: VocabularyRecord[];
  /** Every saved word; null while they are still being read (`rows` is then a first screen). */
  total: number | null;
  sort: SortOrder;
  onSort: (sort: SortOrder) => void;
}

/** The matching words, a page at a time; a row opens its details (contexts, history, notes). */
export function VocabularyTable({ rows, total, sort, onSort }: Props) {
  const [shown, setShown] = useState(PAGE_ROWS);
  const [open, setOpen] = useState<string | null>(null);
  const visible = rows.slice(0, shown);
  const toggle = useCallback(
    (key: string) => setOpen((current) => (current === key ? null : key)),
    [],
  );

  useEffect(() => {
    // Marks for the benchmark: rows first on screen, and all of them read and searchable.
    const mark = (name: string) => {
      if (performance.getEntriesByName(name).length === 0) {
        requestAnimationFrame(() => performance.mark(name));
      }
    };
    if (rows.length > 0) mark('tifa:review-rows');
    if (total !== null) mark('tifa:review-all-rows');
  }, [rows, total]);

  return (
    <>
      <p className="count" aria-live="polite">
        {total === null
          ? 'Latest words; reading the rest…'
          : rows.length === total
            ? `${total.toLocaleString()} words`
            : `${rows.length.toLocaleString()} of ${total.toLocaleString()} words`}
      </p>
      <table className="words">
        <thead>
          <tr>
            {COLUMNS.map(({ key, label }) => (
              <th
                key={label}
                scope="col"
                aria-sort={
                  key && sort.key === key
                    ? sort.descending
                      ? 'descending'
                      : 'ascending'
                    : undefined
                }
              >
                {key ? (
                  <button
                    type="button"
                    className="sort"
                    onClick={() =>
                      onSort({
                        key,
                        descending:
                          sort.key === key
                            ? !sort.descending
                            : key !== 'word' && key !== 'pinyin' && key !== 'due',
                      })
                    }
                  >
                    {label}
                    {sort.key === key ? (sort.descending ? ' ↓' : ' ↑') : ''}
                  </button>
                ) : (
                  label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {visible.map((row) => (
            <WordRow key={row.key} row={row} open={open === row.key} onToggle={toggle} />
          ))}
        </tbody>
      </table>
      {total !== null && rows.length > shown && (
        <button type="button" className="more" onClick={() => setShown(shown + PAGE_ROWS)}>
          Show {Math.min(PAGE_ROWS, rows.length - shown)} more
        </button>
      )}
    </>
  );
}

interface WordRowProps {
  row: VocabularyRecord;
  open: boolean;
  onToggle: (key: string) => void;
}

/** One word; memoised, so a keystroke redraws only the rows that changed. */
const WordRow = memo(function WordRow({ row, open, onToggle }: WordRowProps) {
  return (
    <>
      <tr
        className={`word-row status-${row.status}`}
        aria-expanded={open}
        onClick={() => onToggle(row.key)}
      >
        <td className="hanzi" lang="zh-CN">
          <button type="button" className="row-toggle" aria-label={`Details of ${row.word}`}>
            {row.word}
          </button>
          {row.traditional && row.traditional !== row.word && (
            <span className="traditional" lang="zh-TW">
              {row.traditional}
            </span>
          )}
        </td>
        <td className="pinyin">{formatCedictPinyin(row.pinyin)}</td>
        <td className="definition">{firstLine(row.definition)}</td>
        <td className="status">{row.status}</td>
        <td className="times">{row.timesSaved}</td>
        <td className="date">{formatDate(row.lastSeen)}</td>
        <td className="date">{row.status === 'known' ? '–' : formatDate(row.card.due)}</td>
      </tr>
      {open && (
        <tr className="details-row">
          <td colSpan={COLUMNS.length}>
            <WordDetails row={row} />
          </td>
        </tr>
      )}
    </>
  );
});

/** The first sense line, without its pinyin prefix (the pinyin column shows it). */
function firstLine(definition: string): string {
  const line = definition.split('\n')[0] ?? '';
  return line.replace(/^[^:]{1,60}: /, '');
}
