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
  private entries: (Replacement | Split)[] = [];
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
    this.entries.push({ kind: 'replace', original, inserted });
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

  get size(): number {
    return this.entries.length;
  }

  /** Undoes every change, newest first. Changes the page removed meanwhile are skipped. */
  restoreAll(): void {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i];
      if (!entry) continue;
      if (entry.kind === 'replace') {
        const anchor = entry.inserted.find((node) => node.parentNode);
        if (anchor?.parentNode) {
          anchor.parentNode.insertBefore(entry.original, anchor);
          for (const node of entry.inserted) node.parentNode?.removeChild(node);
        }
      } else if (entry.original.parentNode) {
        for (const part of entry.parts.slice(1)) part.parentNode?.removeChild(part);
        entry.original.data = entry.data;
      }
    }
    this.entries = [];
  }
}
