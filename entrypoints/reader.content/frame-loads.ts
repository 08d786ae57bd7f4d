/**
 * Frames that load after the tab did (an embed added on scroll, a frame navigating to another
 * article) fire no tabs.onUpdated, which is what makes the background look for Chinese in a tab's
 * frames (entrypoints/background/inject-reader.ts). The reader in a page hears their `load`
 * events and tells the background, which probes the tab's frames again.
 */

/** A burst of frame loads (a page adding several embeds) is reported once. */
const REPORT_DELAY_MS = 250;

/**
 * Calls `report` (debounced) after a frame inside `doc` loads. One capturing listener on the
 * document: `load` does not bubble, but it is captured there for every frame element. Returns
 * the function that stops listening.
 */
export function watchFrameLoads(doc: Document, report: () => void): () => void {
  const view = doc.defaultView;
  let timer: number | undefined;
  const onLoad = (event: Event) => {
    const target = event.target;
    if (
      !(target instanceof Element) ||
      (target.localName !== 'iframe' && target.localName !== 'frame')
    )
      return;
    if (timer !== undefined) view?.clearTimeout(timer);
    timer = view?.setTimeout(() => {
      timer = undefined;
      report();
    }, REPORT_DELAY_MS);
  };
  doc.addEventListener('load', onLoad, true);
  return () => {
    doc.removeEventListener('load', onLoad, true);
    if (timer !== undefined) view?.clearTimeout(timer);
  };
}
