/**
 * How the per-site switch matches a hostname. Kept apart from utils/settings.ts (which re-exports
 * it) so code that must stay small can use it without pulling in the storage items and their
 * start-up reads.
 */

/** Normalises a hostname the way the site list stores it (lower case, no leading www.). */
export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

/** Whether a hostname is on the list; a listed site covers its subdomains (news.example.cn). */
export function isSiteEnabled(sites: readonly string[], hostname: string): boolean {
  const key = siteKey(hostname);
  return sites.some((site) => key === site || key.endsWith(`.${site}`));
}
