/**
 * The scanner's work queue: FIFO, with a whole run of nodes put at the front at once.
 * Array `shift` and `unshift` move every element on large arrays, which made reading a
 * 12,500-child feed quadratic (one slice of the 100,000-node page took ~200 ms).
 */
export class NodeQueue {
  /** Nodes put at the front, last one first out. */
  #front: Node[] = [];
  #back: (Node | undefined)[] = [];
  #head = 0;

  get length(): number {
    return this.#front.length + this.#back.length - this.#head;
  }

  push(node: Node): void {
    this.#back.push(node);
  }

  /** Puts `nodes` at the front of the queue, in their order. */
  unshiftAll(nodes: readonly Node[]): void {
    for (let i = nodes.length - 1; i >= 0; i--) this.#front.push(nodes[i]!);
  }

  shift(): Node | undefined {
    if (this.#front.length) return this.#front.pop();
    if (this.#head >= this.#back.length) return undefined;
    const node = this.#back[this.#head];
    this.#back[this.#head++] = undefined;
    if (this.#head === this.#back.length) {
      this.#back = [];
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > this.#back.length) {
      this.#back = this.#back.slice(this.#head);
      this.#head = 0;
    }
    return node;
  }

  clear(): void {
    this.#front = [];
    this.#back = [];
    this.#head = 0;
  }
}
