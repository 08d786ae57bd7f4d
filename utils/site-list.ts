/**
 * The "reader on these sites" list as the popup, the options page and the toolbar shortcut edit
 * it: which site a tab is on, what a typed entry means, and switching a site on or off. Pure
 * functions over the list that `enabledSites` (utils/settings.ts) stores.
 */
import { isSiteEnabled, siteKey, withSite } from './settings';

/**
 * Pages where browsers never run extension content scripts even on http(s): the extension
 * stores. Switching the reader on there would look broken, so the UI says it cannot run.
 */
const RESTRICTED_PAGES: readonly { host: string; path: string }[] = [
  { host: 'chromewebstore.google.com', path: '/' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'addons.mozilla.org', path: '/' },
];

/** The site a tab's URL belongs to, or null where the reader cannot run (chrome://, file:, …). */
export function siteOfUrl(url: string | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (!parsed.hostname) return null;
  const restricted = RESTRICTED_PAGES.some(
    ({ host, path }) => parsed.hostname === host && parsed.pathname.startsWith(path),
  );
  return restricted ? null : siteKey(parsed.hostname);
}

/**
 * Returns the list with the reader on or off for `hostname`. Switching off also removes a listed
 * parent domain that covers it (switching off news.example.cn while example.cn is listed), since
 * otherwise the switch would do nothing the user could see.
 */
export function setSiteEnabled(
  sites: readonly string[],
  hostname: string,
  enabled: boolean,
): string[] {
  if (enabled) return withSite(sites, hostname, true);
  return sites
    .filter((site) => isSiteEnabled([site], hostname))
    .reduce<string[]>((rest, site) => withSite(rest, site, false), [...sites]);
}

/** The listed entry that switches the reader on for `hostname` (itself or a parent), if any. */
export function coveringSite(sites: readonly string[], hostname: string): string | undefined {
  return sites.find((site) => isSiteEnabled([site], hostname));
}

/** Why a typed site was refused; the UI turns each into a message. */
export type SiteInputError = 'empty' | 'scheme' | 'invalid';

export type SiteInputResult = { ok: true; site: string } | { ok: false; error: SiteInputError };

// One DNS label: letters, digits, hyphens (not at either end), at most 63 characters. Underscores
// are tolerated because some real hosts use them and browsers load them.
const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
/** DNS's limit on a whole name. */
const MAX_HOSTNAME_LENGTH = 253;

/**
 * Reads what the user typed into the site list: a hostname (`news.example.cn`), a pasted URL
 * (`https://www.example.cn/a/1.html`, whose hostname is taken) or a host with a path. Returns the
 * list key (lower case, no `www.`; international names in their ASCII form, as tabs report them)
 * or why it is not a site.
 */
export function parseSiteInput(input: string): SiteInputResult {
  const text = input.trim();
  if (!text) return { ok: false, error: 'empty' };
  const schemeMatch = /^([a-z][a-z0-9+.-]*):/i.exec(text);
  const hasScheme = schemeMatch !== null && text.slice(schemeMatch[0].length).startsWith('//');
  if (hasScheme && !/^https?:$/i.test(schemeMatch[0])) return { ok: false, error: 'scheme' };
  // Without a scheme, "example.cn:8080" would parse as a URL with scheme "example.cn".
  if (!hasScheme && schemeMatch && !/^[^:]+:\d+(?:[/?#]|$)/.test(text)) {
    return { ok: false, error: 'scheme' };
  }
  if (/\s/.test(text)) return { ok: false, error: 'invalid' };
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `http://${text}`);
  } catch {
    return { ok: false, error: 'invalid' };
  }
  const hostname = url.hostname.replace(/\.$/, '');
  return isValidHostname(hostname, rawHostOf(text, hasScheme))
    ? { ok: true, site: siteKey(hostname) }
    : { ok: false, error: 'invalid' };
}

/** The host as typed, before the URL parser normalised it (it turns "123" into "0.0.0.123"). */
function rawHostOf(text: string, hasScheme: boolean): string {
  const afterScheme = hasScheme ? text.slice(text.indexOf('//') + 2) : text;
  const authority = afterScheme.split(/[/?#]/)[0] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  return host.replace(/:\d*$/, '').toLowerCase();
}

function isValidHostname(hostname: string, typed: string): boolean {
  if (!hostname || hostname.length > MAX_HOSTNAME_LENGTH) return false;
  if (hostname.startsWith('[')) return true; // an IPv6 literal the URL parser accepted
  const ipv4 = IPV4.exec(hostname);
  if (ipv4) {
    // Accept an address only if it was typed as one, not a number the parser reinterpreted.
    const octetsValid = ipv4.slice(1).every((octet) => Number(octet) <= 255);
    return octetsValid && typed.replace(/\.$/, '') === hostname;
  }
  if (hostname === 'localhost') return true;
  const labels = hostname.split('.');
  // A single word ("hello") is almost always a typo, not an intranet host; the top-level domain
  // is never all digits.
  if (labels.length < 2 || /^\d+$/.test(labels.at(-1) ?? '')) return false;
  return labels.every((label) => LABEL.test(label));
}

/**
 * A textarea of sites, one per line (the exclusion lists): the distinct list keys of the lines
 * that are sites, and the lines that are not (blank lines are skipped).
 */
export function parseSiteLines(text: string): { sites: string[]; bad: string[] } {
  const sites = new Set<string>();
  const bad: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const parsed = parseSiteInput(line);
    if (parsed.ok) sites.add(parsed.site);
    else bad.push(line);
  }
  return { sites: [...sites], bad };
}
