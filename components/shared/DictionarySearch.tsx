import { useEffect, useId, useState } from 'react';
import type { CedictEntry } from '../../utils/dict/cedict-format';
import { formatCedictPinyin } from '../../utils/dict/format-pinyin';
import { t } from '../../utils/i18n';
import { sendToBackground } from '../../utils/send-message';
import './dictionary-search.css';

/** Wait after the last keystroke before searching, so typing pinyin doesn't flood the worker. */
const DEBOUNCE_MS = 150;
/** Results shown; the background returns more, but a popup has room for a screenful. */
const SHOWN = 12;

type SearchState =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; entries: CedictEntry[] }
  | { status: 'error'; message: string };

/**
 * The dictionary search box: hanzi (either script), pinyin with or without tones, or English.
 * Shared by the toolbar popup and the review page.
 */
export function DictionarySearch() {
  const [query, setQuery] = useState('');
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const inputId = useId();

  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed === '') return;
    let cancelled = false;
    const timer = setTimeout(() => {
      setState({ status: 'searching' });
      sendToBackground('searchDictionary', { query: trimmed.slice(0, 64) })
        .then((result) => !cancelled && setState({ status: 'done', entries: result.entries }))
        .catch(
          (error: unknown) =>
            !cancelled &&
            setState({
              status: 'error',
              message: error instanceof Error ? error.message : String(error),
            }),
        );
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <section className="dictionary-search" aria-label={t('searchLabel')}>
      <label htmlFor={inputId}>{t('searchLabel')}</label>
      <input
        id={inputId}
        type="search"
        value={query}
        placeholder={t('searchPlaceholder')}
        maxLength={64}
        onChange={(event) => setQuery(event.target.value)}
      />
      {/* An emptied box shows nothing, whatever the last search returned. */}
      <SearchResults state={query.trim() === '' ? { status: 'idle' } : state} />
    </section>
  );
}

function SearchResults({ state }: { state: SearchState }) {
  if (state.status === 'idle') return null;
  if (state.status === 'searching') return <p className="search-status">{t('searchSearching')}</p>;
  if (state.status === 'error') return <p className="search-status error">{state.message}</p>;
  if (state.entries.length === 0) return <p className="search-status">{t('searchNoResults')}</p>;
  return (
    <ol className="search-results">
      {state.entries.slice(0, SHOWN).map((entry) => (
        <li key={`${entry.traditional}|${entry.simplified}|${entry.pinyin}`}>
          <span className="hanzi" lang="zh-CN">
            {entry.simplified}
          </span>
          {entry.traditional !== entry.simplified && (
            <span className="trad" lang="zh-TW">
              {entry.traditional}
            </span>
          )}
          <span className="pinyin">{formatCedictPinyin(entry.pinyin)}</span>
          <span className="senses">
            {entry.senses.filter((s) => !s.startsWith('CL:')).join('; ')}
          </span>
        </li>
      ))}
    </ol>
  );
}
