import { useRef, useState } from 'react';
import type { PersonalTermRecord } from '../../utils/db/schema';
import { buildPack, describePackProblem, type PackImportSummary } from '../../utils/glossary/pack';
import { MAX_PACK_CHARS } from '../../utils/limits';
import { sendToBackground } from '../../utils/send-message';
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
  if (summary.sharedForms.length > 0) {
    parts.push(
      `${summary.sharedForms.length} with the same form as another of your terms (both kept: ` +
        summary.sharedForms.map((s) => `${s.form}: ${s.id}, ${s.otherId}`).join('; ') +
        ')',
    );
  }
  return `Imported ${fileName}: ${parts.join('; ')}.`;
}

/** Exporting personal terms as a glossary pack (with or without notes) and importing one. */
export function PackTools({ terms }: { terms: readonly PersonalTermRecord[] }) {
  const [exportStatus, runExport] = useAction();
  const [importStatus, runImport] = useAction();
  const [includeNotes, setIncludeNotes] = useState(false);
  const [name, setName] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);

  return (
    <section className="pack-tools" aria-labelledby="pack-heading">
      <h2 id="pack-heading">Share as a glossary pack</h2>
      <p className="hint">
        A pack is a JSON file in the glossary’s own entry format. Importing one keeps everything you
        have: a term whose id is already used by a different term is added beside it with a suffix
        (-2). A file with any problem changes nothing and lists each problem.
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
            void runImport(`Reading ${file.name}…`, async () => {
              const text = await file.text();
              if (fileInput.current) fileInput.current.value = '';
              if (text.length > MAX_PACK_CHARS) {
                throw new Error(
                  `${file.name} is too large for a glossary pack (${text.length.toLocaleString()} characters; the limit is ${MAX_PACK_CHARS.toLocaleString()}).`,
                );
              }
              const result = await sendToBackground('importPack', { text });
              if (!result.imported) {
                setProblems(result.problems.map(describePackProblem));
                throw new Error(
                  `${file.name} was not imported; nothing changed. ${result.problems.length} problem(s):`,
                );
              }
              return describeImport(file.name, result.summary);
            });
          }}
        />
      </label>
      <StatusLine status={importStatus} />
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
