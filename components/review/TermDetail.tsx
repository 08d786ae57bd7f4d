import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { weeklySeries, type TermSummary } from '../../utils/tracker/aggregate';
import { formatDate, MarkedSentence, PageLink } from './PageLink';
import { reviewDatabase } from './review-database';
import { TermTimeline } from './TermTimeline';

/** Sentences read at a time: a frequent term may have thousands. */
const SENTENCE_ROWS = 30;

/** Outlets listed before "show all". */
const OUTLET_ROWS = 12;

/** One term: its weekly timeline, outlets, first and last seen, and the sentences it was met in. */
export function TermDetail({ term, name }: { term: TermSummary; name: string }) {
  const [limit, setLimit] = useState(SENTENCE_ROWS);
  const [allOutlets, setAllOutlets] = useState(false);
  const series = useMemo(() => weeklySeries(term.stats), [term.stats]);
  const sightings = useLiveQuery(
    () =>
      reviewDatabase()
        .sightings.where('[termId+time]')
        .between([term.id, -Infinity], [term.id, Infinity])
        .reverse()
        .limit(limit)
        .toArray(),
    [term.id, limit],
  );
  const outlets = allOutlets ? term.outlets : term.outlets.slice(0, OUTLET_ROWS);

  return (
    <section className="term-detail" aria-labelledby="term-detail-heading">
      <h2 id="term-detail-heading">
        <span lang="zh-CN">{name}</span>
        {name !== term.id && <span className="term-id">{term.id}</span>}
      </h2>
      <p className="count">
        {term.mentions.toLocaleString()} mentions on {term.pages.toLocaleString()} pages · first
        seen {formatDate(term.firstSeen)} · last seen {formatDate(term.lastSeen)}
      </p>
      <TermTimeline series={series} label={name} />
      <h3>Outlets</h3>
      <ul className="outlet-counts">
        {outlets.map((o) => (
          <li key={o.outlet}>
            <span className="outlet">{o.outlet || '(unknown)'}</span>{' '}
            <span className="figure">
              {o.mentions.toLocaleString()} mentions, {o.pages.toLocaleString()} pages
            </span>
          </li>
        ))}
      </ul>
      {term.outlets.length > OUTLET_ROWS && (
        <button type="button" className="quiet" onClick={() => setAllOutlets(!allOutlets)}>
          {allOutlets ? 'Fewer outlets' : `All ${term.outlets.length} outlets`}
        </button>
      )}
      <h3>Sentences</h3>
      {sightings === undefined ? (
        <p className="loading">Loading the sentences…</p>
      ) : (
        <ol className="term-sentences">
          {sightings.map((s) => (
            <li key={s.id}>
              <MarkedSentence sentence={s.sentence} word={name} />
              <span className="source">
                {formatDate(s.time)} · {s.outlet} · <PageLink url={s.url} title={s.title} />
                {s.count > 1 && ` · ${s.count}×`}
              </span>
            </li>
          ))}
        </ol>
      )}
      {sightings !== undefined && term.pages > sightings.length && (
        <button type="button" className="more" onClick={() => setLimit(limit + SENTENCE_ROWS)}>
          Older sentences
        </button>
      )}
    </section>
  );
}
