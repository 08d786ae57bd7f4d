/** A link to the page a word was met on; only http(s) addresses become links (an imported
 * backup could carry a `javascript:` URL). */
export function PageLink({ url, title }: { url: string; title: string }) {
  const label = title || url;
  if (!/^https?:\/\//i.test(url)) return <span className="page-title">{label}</span>;
  return (
    <a className="page-title" href={url} target="_blank" rel="noreferrer noopener">
      {label}
    </a>
  );
}

/** The sentence with every occurrence of the word marked, built from text nodes only. */
export function MarkedSentence({ sentence, word }: { sentence: string; word: string }) {
  if (!word || !sentence.includes(word)) return <span className="sentence">{sentence}</span>;
  const parts = sentence.split(word);
  return (
    <span className="sentence">
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 && <mark>{word}</mark>}
        </span>
      ))}
    </span>
  );
}

// One formatter each: toLocaleString builds a new one per call, which shows when a table redraws.
const TIME_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** A date and time in the reader's locale. */
export function formatTime(ms: number): string {
  return TIME_FORMAT.format(ms);
}

/** A date in the reader's locale. */
export function formatDate(ms: number): string {
  return DATE_FORMAT.format(ms);
}
