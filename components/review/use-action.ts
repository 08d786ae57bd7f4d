import { useCallback, useState } from 'react';

export interface ActionStatus {
  readonly kind: 'busy' | 'done' | 'error';
  readonly text: string;
}

/**
 * Runs an action (a message to the background, an export) and keeps what became of it for a
 * StatusLine: busy while it runs, then its result or its error message. Errors are never lost.
 */
export function useAction(): [
  ActionStatus | null,
  (busyText: string, work: () => Promise<string>) => Promise<boolean>,
] {
  const [status, setStatus] = useState<ActionStatus | null>(null);
  const run = useCallback(async (busyText: string, work: () => Promise<string>) => {
    setStatus({ kind: 'busy', text: busyText });
    try {
      setStatus({ kind: 'done', text: await work() });
      return true;
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
      return false;
    }
  }, []);
  return [status, run];
}
