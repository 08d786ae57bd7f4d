/**
 * A cheap first look at a frame: does it contain Chinese at all? Pages without Chinese must cost
 * under 2 ms and see no change, so this reads the title and a bounded number of text nodes only.
 *
 * The background runs it inside pages (entrypoints/background/inject-reader.ts) through
 * `scripting.executeScript({ func })`, which sends only the function's source text. So it must
 * stay self-contained: no imports, no module constants, no nested functions (a bundler may wrap
 * those in helpers that would not exist in the page).
 */

/**
 * True when `doc` is a web page (http or https) whose title or first stretch of body text
 * contains a Chinese character (a CJK unified or compatibility ideograph, the astral extensions
 * included: the ranges of utils/zh/han.ts `isHanCodePoint`). Other frames (about:blank, srcdoc),
 * which executeScript also reaches, answer false: the reader runs on web pages only.
 * `skipTopFrame`: the top frame answers false at once (the background probed it already, and
 * asks every frame again once the tab has loaded).
 */
export function pageHasChinese(skipTopFrame = false, doc: Document = document): boolean {
  const view = doc.defaultView;
  if (skipTopFrame && view && view.top === view) return false;
  // The URL string rather than `location`: no Location object to create in a page world that
  // has run no script yet (a few tenths of a millisecond in bench:page's trace).
  const url = doc.URL;
  if (!url.startsWith('http:') && !url.startsWith('https:')) return false;
  // Enough to find Chinese in any real article while keeping a page without it cheap.
  const maxTextNodes = 400;
  const maxCharacters = 20_000;
  // One regular expression for the ranges (u flag: astral code points are one character).
  const han = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{323af}]/u;
  if (han.test(doc.title)) return true;
  const body = doc.body;
  if (!body) return false;
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let characters = 0;
  let nodes = 0;
  for (let node = walker.nextNode(); node && nodes < maxTextNodes; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (han.test(data)) return true;
    nodes++;
    characters += data.length;
    if (characters > maxCharacters) break;
  }
  return false;
}
