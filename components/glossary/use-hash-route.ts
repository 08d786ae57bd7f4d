import { useSyncExternalStore } from 'react';

/** What the page shows: the list alone, or the list and one term's entry. */
export type GlossaryRoute =
  { readonly page: 'list' } | { readonly page: 'term'; readonly id: string };

/** The link to a term's entry (ids may hold `:`, as pattern ids do). */
export function termHref(id: string): string {
  return `#/term/${encodeURIComponent(id)}`;
}

/** Reads a route from a location hash (`#/term/<id>`); anything else is the list. */
export function parseRoute(hash: string): GlossaryRoute {
  const match = /^#\/term\/(.+)$/.exec(hash);
  if (!match?.[1]) return { page: 'list' };
  try {
    return { page: 'term', id: decodeURIComponent(match[1]) };
  } catch {
    return { page: 'list' };
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The location hash, kept in sync: links and the back button move between entries. */
export function useHashRoute(): GlossaryRoute {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  return parseRoute(hash);
}
