/**
 * A cheap first look at a page: does it contain Chinese at all? Pages without Chinese must cost
 * under 2 ms and see no change, so this reads the title and a bounded number of text nodes only.
 */
import { containsHan } from '../../utils/zh/han';

/** How much of the page the first look reads; enough to find Chinese in any real article. */
const MAX_TEXT_NODES = 400;
const MAX_CHARACTERS = 20_000;

/** True when the title or the first stretch of the body's text contains Chinese characters. */
export function pageHasChinese(doc: Document): boolean {
  if (containsHan(doc.title)) return true;
  const body = doc.body;
  if (!body) return false;
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let characters = 0;
  let nodes = 0;
  for (let node = walker.nextNode(); node && nodes < MAX_TEXT_NODES; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (containsHan(data)) return true;
    nodes++;
    characters += data.length;
    if (characters > MAX_CHARACTERS) break;
  }
  return false;
}
