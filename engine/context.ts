/**
 * Document context for ambiguous short forms: where on the page each entity is
 * mentioned unambiguously, and where competing names sharing a short form appear.
 *
 * Rule: a short form takes the nearest *preceding* anchor among the entities that
 * list it and the competing names for it; if none precedes, the nearest following
 * one; with no anchor at all it stays unlinked. A competing name wins as "no link".
 * A one-word surname the corpus calls unambiguous links by default and only defers
 * to a competing name that precedes it more closely than its own entity does.
 *
 * Positions are (block key, offset) pairs, compared key first: keys follow document order.
 */

export interface Position {
  key: number;
  start: number;
}

const before = (a: Position, key: number, start: number): boolean => a.key < key || (a.key === key && a.start < start);

/** Sorted positions per id (entity index or form state), with removal by block. */
export class AnchorIndex {
  private readonly lists = new Map<number, Position[]>();

  add(id: number, key: number, start: number): void {
    let list = this.lists.get(id);
    if (!list) this.lists.set(id, (list = []));
    const p = { key, start };
    // Blocks usually arrive in document order, so appending is the common case.
    const last = list[list.length - 1];
    if (!last || before(last, key, start)) list.push(p);
    else list.splice(this.upperBound(list, key, start), 0, p);
  }

  removeBlock(id: number, key: number): void {
    const list = this.lists.get(id);
    if (!list) return;
    const kept = list.filter((p) => p.key !== key);
    if (kept.length === 0) this.lists.delete(id);
    else this.lists.set(id, kept);
  }

  /** Nearest anchor strictly before (key, start) and the nearest one after it. */
  around(id: number, key: number, start: number): { prev: Position | undefined; next: Position | undefined } {
    const list = this.lists.get(id);
    if (!list) return { prev: undefined, next: undefined };
    const i = this.upperBound(list, key, start - 1);
    // i = first position not before (key, start); anchors never share a start with a candidate.
    return { prev: list[i - 1], next: list[i] };
  }

  /** Index of the first position that is not before-or-at (key, start). */
  private upperBound(list: Position[], key: number, start: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const p = list[mid]!;
      if (p.key < key || (p.key === key && p.start <= start)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export interface ContextQuery {
  key: number;
  start: number;
  /** Forms whose competing names count against this candidate (the form and its suffix forms). */
  competitorForms: number[];
  entities: number[];
  surname: boolean;
}

const isBefore = (a: Position, b: Position): boolean => a.key < b.key || (a.key === b.key && a.start < b.start);

/** The entity a contextual candidate links to, or -1. */
export function resolve(q: ContextQuery, entityAnchors: AnchorIndex, competitors: AnchorIndex): number {
  let prev: Position | undefined;
  let prevValue = -1;
  let next: Position | undefined;
  let nextValue = -1;
  const consider = (around: { prev: Position | undefined; next: Position | undefined }, value: number) => {
    if (around.prev && (!prev || isBefore(prev, around.prev))) {
      prev = around.prev;
      prevValue = value;
    }
    if (around.next && (!next || isBefore(around.next, next))) {
      next = around.next;
      nextValue = value;
    }
  };
  for (const e of q.entities) consider(entityAnchors.around(e, q.key, q.start), e);
  for (const form of q.competitorForms) consider(competitors.around(form, q.key, q.start), -1);
  if (prev) return prevValue;
  if (q.surname) return q.entities[0]!;
  return next ? nextValue : -1;
}
