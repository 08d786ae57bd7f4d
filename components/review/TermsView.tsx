import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { summarizeStats, type TrackerOverview } from '../../utils/tracker/aggregate';
import { termNamer } from '../../utils/tracker/term-names';
import { formatDate } from './PageLink';
import { reviewDatabase } from './review-database';
import { TermDetail } from './TermDetail';
import { TrackerPanel } from './TrackerPanel';
import './terms.css';

/** Rows of the term and outlet tables before "show all": the first screen stays light. */
const TERM_ROWS = 100;
const OUTLET_ROWS = 30;

/** Performance marks for the dashboard benchmark: the first render with data committed, and the
 * frame after it (the dashboard on screen). */
export const TERMS_READY_MARK = 'tifa:terms-ready';
export const TERMS_PAINTED_MARK = 'tifa:terms-painted';

/**
 * The term tracker's dashboard: the switch and exports, every term with its totals, one term in
 * detail (timeline, outlets, sentences), and each outlet's most frequent terms. Reads the
 * per-term totals (a few hundred rows however many sightings there are), live.
 */
export function TermsView() {
  const stats = useLiveQuery(() => reviewDatabase().termStats.toArray(), []);
  const personal = useLiveQuery(() => reviewDatabase().personalTerms.toArray(), []);
  const overview = useMemo(() => (stats ? summarizeStats(stats, 5) : undefined), [stats]);
  const nameOf = useMemo(
    () => termNamer(new Map((personal ?? []).map((t) => [t.id, t.simplified]))),
    [personal],
  );
  const marked = useRef(false);
  useEffect(() => {
    if (overview && !marked.current) {
      marked.current = true;
      performance.mark(TERMS_READY_MARK, { detail: { terms: overview.terms.length } });
      requestAnimationFrame(() => setTimeout(() => performance.mark(TERMS_PAINTED_MARK)));
    }
  }, [overview]);

  return (
    <section className="terms-view" aria-label="Terms">
      <TrackerPanel nameOf={nameOf} sightings={overview?.sightings ?? 0} />
      {overview === undefined ? (
        <p className="loading">Loading the term history…</p>
      ) : overview.terms.length === 0 ? (
        <p className="empty">
          No terms recorded yet. With the tracker on, pages you read with the reader on add their
          glossary terms here.
        </p>
      ) : (
        <Dashboard overview={overview} nameOf={nameOf} />
      )}
    </section>
  );
}

function Dashboard({
  overview,
  nameOf,
}: {
  overview: TrackerOverview;
  nameOf: (termId: string) => string;
}) {
  const [selected, setSelected] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query.trim().toLowerCase());
  const [allTerms, setAllTerms] = useState(false);
  const [allOutlets, setAllOutlets] = useState(false);
  const matching = useMemo(
    () =>
      deferredQuery
        ? overview.terms.filter(
            (t) => t.id.includes(deferredQuery) || nameOf(t.id).includes(deferredQuery),
          )
        : overview.terms,
    [overview, deferredQuery, nameOf],
  );
  const shown = allTerms ? matching : matching.slice(0, TERM_ROWS);
  const current = overview.terms.find((t) => t.id === selected) ?? matching[0] ?? overview.terms[0];
  const outlets = allOutlets ? overview.outlets : overview.outlets.slice(0, OUTLET_ROWS);
  const select = (id: string) => {
    setSelected(id);
    document.getElementById('term-detail-heading')?.scrollIntoView({ block: 'nearest' });
  };

  return (
    <>
      <p className="count">
        {overview.mentions.toLocaleString()} mentions of {overview.terms.length.toLocaleString()}{' '}
        terms in {overview.sightings.toLocaleString()} sightings, from{' '}
        {overview.outlets.length.toLocaleString()} outlets.
      </p>
      <div className="terms-layout">
        <div className="terms-list">
          <label className="block">
            <span>Find a term</span>
            <input
              type="search"
              value={query}
              placeholder="新质生产力, pattern:plenum…"
              onChange={(e) => setQuery(e.target.value)}
            />
          </label>
          <table className="terms">
            <thead>
              <tr>
                <th scope="col">Term</th>
                <th scope="col" className="figure">
                  Mentions
                </th>
                <th scope="col" className="figure">
                  Pages
                </th>
                <th scope="col" className="figure">
                  Outlets
                </th>
                <th scope="col">Last seen</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((t) => (
                <tr key={t.id} className={t.id === current?.id ? 'selected' : undefined}>
                  <td>
                    <button
                      type="button"
                      className="term-button"
                      aria-pressed={t.id === current?.id}
                      onClick={() => select(t.id)}
                      lang="zh-CN"
                    >
                      {nameOf(t.id)}
                    </button>
                  </td>
                  <td className="figure">{t.mentions.toLocaleString()}</td>
                  <td className="figure">{t.pages.toLocaleString()}</td>
                  <td className="figure">{t.outlets.length.toLocaleString()}</td>
                  <td className="date">{formatDate(t.lastSeen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {matching.length > TERM_ROWS && (
            <button type="button" className="more" onClick={() => setAllTerms(!allTerms)}>
              {allTerms ? 'Fewer terms' : `All ${matching.length.toLocaleString()} terms`}
            </button>
          )}
        </div>
        {current && <TermDetail key={current.id} term={current} name={nameOf(current.id)} />}
      </div>
      <section className="outlets" aria-labelledby="outlets-heading">
        <h2 id="outlets-heading">Outlets and their most frequent terms</h2>
        <table className="outlet-table">
          <thead>
            <tr>
              <th scope="col">Outlet</th>
              <th scope="col" className="figure">
                Mentions
              </th>
              <th scope="col" className="figure">
                Sightings
              </th>
              <th scope="col">Most frequent terms</th>
            </tr>
          </thead>
          <tbody>
            {outlets.map((o) => (
              <tr key={o.outlet}>
                <th scope="row" className="outlet">
                  {o.outlet || '(unknown)'}
                </th>
                <td className="figure">{o.mentions.toLocaleString()}</td>
                <td className="figure">{o.pages.toLocaleString()}</td>
                <td>
                  <ul className="top-terms">
                    {o.terms.map((t) => (
                      <li key={t.id}>
                        <button
                          type="button"
                          className="term-button"
                          lang="zh-CN"
                          onClick={() => select(t.id)}
                        >
                          {nameOf(t.id)}
                        </button>{' '}
                        <span className="figure">{t.mentions.toLocaleString()}</span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {overview.outlets.length > OUTLET_ROWS && (
          <button type="button" className="more" onClick={() => setAllOutlets(!allOutlets)}>
            {allOutlets
              ? 'Fewer outlets'
              : `All ${overview.outlets.length.toLocaleString()} outlets`}
          </button>
        )}
      </section>
    </>
  );
}
