import { useCallback, useState } from 'react';

/**
 * Tracks writes to browser storage: returns the last failure's message (null while all is well)
 * and a function that hands a write over. Storage rarely fails (quota, a disabled profile), but
 * a switch that silently does not stick is worse than a line saying why.
 */
export function useSaveError(): [string | null, (write: Promise<void>) => void] {
  const [error, setError] = useState<string | null>(null);
  const track = useCallback((write: Promise<void>) => {
    write.then(
      () => setError(null),
      (reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)),
    );
  }, []);
  return [error, track];
}
