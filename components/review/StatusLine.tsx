import type { ActionStatus } from './use-action';

/** What became of the last action: announced politely, errors assertively. */
export function StatusLine({ status }: { status: ActionStatus | null }) {
  if (!status) return <p className="status-line" role="status" />;
  return (
    <p
      className={`status-line status-${status.kind}`}
      role={status.kind === 'error' ? 'alert' : 'status'}
    >
      {status.text}
    </p>
  );
}
