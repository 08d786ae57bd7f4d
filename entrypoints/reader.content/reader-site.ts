/**
 * Which site a frame belongs to, for the per-site switch. Frames take the setting of the page
 * they are in: an article's embedded frames follow the article's site.
 */

/** The top-level page's hostname where the browser tells it, else this frame's own. */
export function readerHostname(win: Window = window): string {
  try {
    // Same-origin frames can read the top window directly.
    if (win.top && win.top !== win) return win.top.location.hostname;
  } catch {
    // Cross-origin top: fall through to ancestorOrigins.
  }
  const origins = win.location.ancestorOrigins;
  const topOrigin = origins && origins.length > 0 ? origins[origins.length - 1] : undefined;
  if (topOrigin) {
    try {
      return new URL(topOrigin).hostname;
    } catch {
      // An opaque origin ("null"): use our own.
    }
  }
  return win.location.hostname;
}
