/**
 * A load kept for the life of the service worker: the first call starts it, later calls share
 * it, and a failed load is forgotten so the next call tries again (a missing file or a stopped
 * fetch must not break every later request until the worker restarts).
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}
