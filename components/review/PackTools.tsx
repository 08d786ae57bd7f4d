import { useRef, useState } from 'react';
import type { PersonalTermRecord } from '../../utils/db/schema';
import {
  buildPack,
  describePackProblem,
  findPackConflicts,
  parsePack,
  type PackConflict,
  type PackConflictChoice,
  type PackImportSummary,
} from '../../utils/glossary/pack';
import { MAX_PACK_CHARS } from '../../utils/limits';
import { sendToBackground } from '../../utils/send-message';
import { ChoiceSelect } from '../shared/ChoiceSelect';
import { downloadText, today } from './download';
import { StatusLine } from './StatusLine';
import { useAction } from './use-action';

function describeImport(fileName: string, summary: PackImportSummary): string {
  const parts = [`${summary.added} added`, `${summary.unchanged} already here`];
  if (summary.renamed.length > 0) {
    parts.push(
      `${summary.renamed.length} kept beside a different term with the same id, renamed ` +
        summary.renamed.map((r) => `${r.from} → ${r.to}`).join(', '),
    );
  }
  if (summary.replaced.length > 0) {
    parts.push(`${summary.replaced.length} of yours replaced: ${summary.replaced.join(', ')}`);
  }
  if (summary.keptMine.length > 0) {
    parts.push(`${summary.keptMine.length} kept as yours: ${summary.keptMine.join(', ')}`);
  }
  if (summary.sharedForms.length > 0) {
    parts.push(
      `${summary.sharedForms.length} with the same form as another of your terms (both kept: ` +
        summary.sharedForms.map((s) => `${s.form}: ${s.id}, ${s.otherId}`).join('; ') +
        ')',
    );
  }
  return `Imported ${fileName}: ${parts.join('; ')}.`;
}

/** A pack waiting for the reader's choices on its conflicts. */
interface PendingImport {
  readonly fileName: string;
  readonly text: string;
  readonly conflicts: readonly PackConflict[];
}

const CHOICE_OPTIONS: readonly { value: PackConflictChoice; label: string }[] = [
  { value: 'both', label: 'Keep both' },
  { value: 'mine', label: 'Keep mine' },
  { value: 'theirs', label: 'Take theirs' },
];

/** Exporting personal terms as a glossary pack (with or without notes) and importing one. */
export function PackTools({ terms }: { terms: readonly PersonalTermRecord[] }) {
  const [exportStatus, runExport] = useAction();
  const [importStatus, runImport] = useAction();
  const [includeNotes, setIncludeNotes] = useState(false);
  const [name, setName] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [choices, setChoices] = useState<Record<string, PackConflictChoice>>({});
  const fileInput = useRef<HTMLInputElement>(null);

  /** Sends the pack to the background, which checks it again and writes it in one go. */
  const importText = async (
    fileName: string,
    text: string,
    byId?: Record<string, PackConflictChoice>,
  ): Promise<string> => {
    const result = await sendToBackground('importPack', {
      text,
      ...(byId && { choices: { byId } }),
    });
    if (!result.imported) {
      setProblems(result.problems.map(describePackProblem));
      throw new Error(
        `${fileName} was not imported; nothing changed. ${result.problems.length} problem(s):`,
      );
    }
    return describeImport(fileName, result.summary);
  };

  return (
    <section className="pack-tools" aria-labelledby="pack-heading">
      <h2 id="pack-heading">Share as a glossary pack</h2>
      <p className="hint">
        A pack is a JSON file in the glossary’s own entry format. When a term in the pack has the id
        of a different term of yours, you choose: keep both (theirs is added with a suffix, -2),
        keep mine, or take theirs. A file with any problem changes nothing and lists each problem.
      </p>
      <div className="button-row">
        <label className="inline">
          Pack name
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={includeNotes}
            onChange={(e) => setIncludeNotes(e.target.checked)}
          />
          Include my notes
        </label>
        <button
          type="button"
          disabled={terms.length === 0}
          onClick={() =>
            void runExport('Preparing the pack…', () => {
              const pack = buildPack(terms, { includeNotes, name: name.trim() || undefined });
              downloadText(
                `tifa-glossary-pack-${today()}.json`,
                `${JSON.stringify(pack, null, 2)}\n`,
                'application/json',
              );
              return Promise.resolve(
                `Pack with ${pack.entries.length} terms saved${includeNotes ? ', with notes' : ', without notes'}.`,
              );
            })
          }
        >
          Export pack (.json)
        </button>
      </div>
      <StatusLine status={exportStatus} />
      <label className="block">
        <span>Import a pack</span>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (!file) return;
            setProblems([]);
            setPending(null);
            void runImport(`Reading ${file.name}…`, async () => {
              const text = await file.text();
              if (fileInput.current) fileInput.current.value = '';
              if (text.length > MAX_PACK_CHARS) {
                throw new Error(
                  `${file.name} is too large for a glossary pack (${text.length.toLocaleString()} characters; the limit is ${MAX_PACK_CHARS.toLocaleString()}).`,
                );
              }
              // Conflicts are found here so the reader can choose before anything is written; a
              // pack that does not parse goes to the background, which lists its problems.
              const parsed = parsePack(text);
              const conflicts = parsed.ok ? findPackConflicts(parsed.pack, terms) : [];
              if (conflicts.length > 0) {
                setChoices(Object.fromEntries(conflicts.map((c) => [c.id, 'both' as const])));
                setPending({ fileName: file.name, text, conflicts });
                return `${file.name}: ${conflicts.length} term(s) have the id of a different term of yours. Choose below, then import.`;
              }
              return importText(file.name, text);
            });
          }}
        />
      </label>
      <StatusLine status={importStatus} />
      {pending && (
        <div className="pack-conflicts" role="group" aria-label="Conflicts in the pack">
          <div className="button-row">
            <span>For all:</span>
            {CHOICE_OPTIONS.map(({ value: choice, label }) => (
              <button
                key={choice}
                type="button"
                onClick={() =>
                  setChoices(Object.fromEntries(pending.conflicts.map((c) => [c.id, choice])))
                }
              >
                {label}
              </button>
            ))}
          </div>
          <table className="pack-conflict-table">
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Mine</th>
                <th scope="col">Theirs</th>
                <th scope="col">Choice</th>
              </tr>
            </thead>
            <tbody>
              {pending.conflicts.map(({ id, mine, theirs }) => (
                <tr key={id}>
                  <td>{id}</td>
                  <td>
                    <span lang="zh-CN">{mine.simplified}</span> {mine.english.gloss}
                    {mine.notes && <div className="notes">{mine.notes}</div>}
                  </td>
                  <td>
                    <span lang="zh-CN">{theirs.simplified}</span> {theirs.english.gloss}
                    {theirs.notes && <div className="notes">{theirs.notes}</div>}
                  </td>
                  <td>
                    <ChoiceSelect
                      aria-label={`Choice for ${id}`}
                      value={choices[id] ?? 'both'}
                      options={CHOICE_OPTIONS}
                      onChange={(choice) => setChoices({ ...choices, [id]: choice })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="button-row">
            <button
              type="button"
              onClick={() => {
                const { fileName, text } = pending;
                void runImport(`Importing ${fileName}…`, async () => {
                  const message = await importText(fileName, text, choices);
                  setPending(null);
                  return message;
                });
              }}
            >
              Import with these choices
            </button>
            <button
              type="button"
              onClick={() => {
                setPending(null);
                void runImport('', () => Promise.resolve('Import cancelled; nothing changed.'));
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
      {problems.length > 0 && (
        <ul className="pack-problems" aria-label="Problems in the pack">
          {problems.map((problem, i) => (
            <li key={i}>{problem}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
