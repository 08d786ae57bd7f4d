/**
 * The record of every change the reader made to a page, so switching off restores it exactly:
 * the page gets back its own Text node objects (references its scripts hold stay valid), and
 * `document.body.innerHTML` is byte for byte what it was.
 */

interface Replacement {
  kind: 'replace';
  original: Text;
  inserted: Node[];
}

interface Split {
  kind: 'split';
  original: Text;
  data: string;
  parts: Text[];
}

export class ReplacementLog {
  private entries: (Replacement | Split | null)[] = [];
  /** Where each replaced text node's entry is, to undo just that one when the page edits it. */
  private readonly byOriginal = new Map<Text, number>();
  /**
   * Pages (React among them) keep references to their text nodes and update them in place. A
   * replaced node is out of the document, so the page's change would be invisible: we watch the
   * originals themselves (observers work on detached nodes) and hand edited ones back.
   */
  private readonly edits: MutationObserver;

  constructor(onOriginalEdited: (original: Text) => void) {
    this.edits = new MutationObserver((records) => {
      const edited = new Set<Text>();
      for (const record of records) if (record.target instanceof Text) edited.add(record.target);
      for (const original of edited) {
        if (this.restoreOne(original)) onOriginalEdited(original);
      }
    });
  }
  /** Every node we inserted or split off, so observers can ignore our own changes. */
  readonly ours = new WeakSet<Node>();
  /** Nodes that are our rendering (not pieces of page text still to annotate). */
  private readonly rendered = new WeakSet<Node>();

  /** True for a node of our rendering, which must never be annotated again. */
  isRendered(node: Node): boolean {
    return this.rendered.has(node);
  }

  /** Replaces a text node with new nodes and remembers how to undo it. */
  replace(original: Text, inserted: Node[]): void {
    for (const node of inserted) {
      this.ours.add(node);
      this.rendered.add(node);
    }
    original.replaceWith(...inserted);
    this.byOriginal.set(original, this.entries.length);
    this.entries.push({ kind: 'replace', original, inserted });
    this.edits.observe(original, { characterData: true });
  }

  /** Puts one replaced text node back in place of our rendering; false if it cannot. */
  private restoreOne(original: Text): boolean {
    const index = this.byOriginal.get(original);
    const entry = index === undefined ? undefined : this.entries[index];
    if (index === undefined || !entry || entry.kind !== 'replace') return false;
    this.byOriginal.delete(original);
    this.entries[index] = null;
    return putBack(entry);
  }

  /** Splits a long text node at the given offsets (ascending) and remembers how to join it. */
  split(original: Text, offsets: readonly number[]): Text[] {
    const data = original.data;
    const parts: Text[] = [original];
    let current = original;
    let consumed = 0;
    for (const offset of offsets) {
      current = current.splitText(offset - consumed);
      consumed = offset;
      parts.push(current);
    }
    for (const part of parts.slice(1)) this.ours.add(part);
    this.entries.push({ kind: 'split', original, data, parts });
    return parts;
  }

  /** Undoes every change, newest first. Changes the page removed meanwhile are skipped. */
  restoreAll(): void {
    this.edits.disconnect();
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i];
      if (!entry) continue;
      if (entry.kind === 'replace') {
        putBack(entry);
      } else if (entry.original.parentNode) {
        for (const part of entry.parts.slice(1)) part.parentNode?.removeChild(part);
        entry.original.data = entry.data;
      }
    }
    this.entries = [];
    this.byOriginal.clear();
  }
}

/** Puts a replaced node back where our rendering of it is, and removes the rendering. */
function putBack(entry: Replacement): boolean {
  const anchor = entry.inserted.find((node) => node.parentNode);
  if (!anchor?.parentNode) return false;
  anchor.parentNode.insertBefore(entry.original, anchor);
  for (const node of entry.inserted) node.parentNode?.removeChild(node);
  return true;
}
