/**
 * Two queues of text nodes waiting for annotation: what is on screen goes first, the rest follows
 * in document order when the browser is idle. Both are arrays with a read cursor, so taking the
 * next node costs O(1) even with hundreds of thousands queued.
 */
export class WorkQueue<T> {
  private items: T[] = [];
  private head = 0;

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head++];
    // Drop the consumed prefix now and then so memory does not grow with the page.
    if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** The next item, left in the queue. */
  peek(): T | undefined {
    return this.items[this.head];
  }

  get size(): number {
    return this.items.length - this.head;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}
