/**
 * Building blocks of the reader's own widgets (word popup, terms panel, annotation editor, the
 * "Add as my term" form): each lives in one labelled shadow host, outside the page's <body>.
 */
import { MARK, TIFA_ATTR } from './annotate/markers';

type Mark = (typeof MARK)[keyof typeof MARK];

/**
 * Puts `children` in an open shadow root behind the widget's reset styles (a news site's CSS
 * cannot reach inside), on a `tagName` host labelled with its mark (switching the reader off
 * removes exactly what carries one), appended to <html>. Returns the host.
 */
export function mountShadowHost(
  doc: Document,
  tagName: string,
  mark: Mark,
  css: string,
  ...children: Node[]
): HTMLElement {
  const host = doc.createElement(tagName);
  host.setAttribute(TIFA_ATTR, mark);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.append(style, ...children);
  // Outside <body>, so the page's body markup stays exactly its own.
  doc.documentElement.append(host);
  return host;
}

/** A form's Cancel and submit buttons, in a `.row`. */
export function formButtons(
  doc: Document,
  submitLabel: string,
  onCancel: () => void,
): HTMLDivElement {
  const row = doc.createElement('div');
  row.className = 'row';
  const cancel = doc.createElement('button');
  cancel.type = 'button';
  cancel.textContent = 'Cancel';
  cancel.addEventListener('click', onCancel);
  const save = doc.createElement('button');
  save.type = 'submit';
  save.textContent = submitLabel;
  row.append(cancel, save);
  return row;
}
