import { useEffect, useState } from 'react';
import { ExportImport } from '../../components/review/ExportImport';
import { Flashcards } from '../../components/review/Flashcards';
import { HistoryView } from '../../components/review/HistoryView';
import { LazyView } from '../../components/review/LazyView';
import { StudySettingsPanel } from '../../components/review/StudySettingsPanel';
import { useVocabulary } from '../../components/review/use-vocabulary';
import { VocabularyView } from '../../components/review/VocabularyView';

// The term views bring the glossary and the chart library: loaded only when opened.
const loadTermsView = () => import('../../components/review/TermsView').then((m) => m.TermsView);
const loadMyTermsView = () =>
  import('../../components/review/MyTermsView').then((m) => m.MyTermsView);
// The annotation search brings opencc (either-script search): loaded only when opened.
const loadAnnotationsView = () =>
  import('../../components/review/AnnotationsView').then((m) => m.AnnotationsView);

const TABS = [
  { id: 'words', label: 'Vocabulary' },
  { id: 'history', label: 'History' },
  { id: 'cards', label: 'Flashcards' },
  { id: 'terms', label: 'Terms' },
  { id: 'my-terms', label: 'My terms' },
  { id: 'annotations', label: 'Annotations' },
  { id: 'data', label: 'Export and import' },
  { id: 'settings', label: 'Settings' },
] as const;

type TabId = (typeof TABS)[number]['id'];

/** The tab named in the address (`review.html#cards`), so a tab can be linked and reloaded; a
 * view may take parameters after `?` (`#my-terms?term=…`, read by MyTermsView). */
function tabFromHash(): TabId {
  const id = location.hash.slice(1).split('?')[0] ?? '';
  return TABS.some((t) => t.id === id) ? (id as TabId) : 'words';
}

/** The review page: vocabulary, history, flashcards, export and import, study settings. */
export function App() {
  const [tab, setTab] = useState<TabId>(tabFromHash);
  // Every word is read once a view that shows words is opened, and kept from then on: a page
  // opened on export, cards or settings does not read 10,000 rows it never shows (on the export
  // view that read competed with the backup's own).
  const [wordsWanted, setWordsWanted] = useState(false);
  if (!wordsWanted && (tab === 'words' || tab === 'history')) setWordsWanted(true);
  const vocabulary = useVocabulary(wordsWanted);

  useEffect(() => {
    const onHash = () => setTab(tabFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  return (
    <main className="app review">
      <header className="review-header">
        <h1>Tifa Reader</h1>
        <nav aria-label="Review page sections">
          {TABS.map(({ id, label }) => (
            <a
              key={id}
              href={`#${id}`}
              className="tab"
              aria-current={tab === id ? 'page' : undefined}
            >
              {label}
            </a>
          ))}
        </nav>
      </header>
      {tab === 'words' && <VocabularyView rows={vocabulary} />}
      {tab === 'history' && <HistoryView vocabulary={vocabulary} />}
      {tab === 'cards' && <Flashcards />}
      {tab === 'terms' && <LazyView load={loadTermsView} />}
      {tab === 'my-terms' && <LazyView load={loadMyTermsView} />}
      {tab === 'annotations' && <LazyView load={loadAnnotationsView} />}
      {tab === 'data' && <ExportImport />}
      {tab === 'settings' && <StudySettingsPanel />}
    </main>
  );
}
