/**
 * Document context for ambiguous short forms: where on the page each entity is
 * mentioned unambiguously, and where competing names sharing a short form appear.
 *
 * Rule: a short form takes the nearest *preceding* anchor among the entities that
 * list it and the competing names for it; if none precedes, the nearest following
 * one; with no anchor at all it stays unlinked. A competing name wins as "no link".
 * A one-word surname the corpus calls unambiguous links by default and only defers
 * to a competing name that precedes it more closely than its own entity does; once
 * linked, it anchors the entity's ambiguous forms too.
 *
 * Positions are (block key, offset) pairs, compared key first: keys follow document order.
 */

export interface Position {
  key: number;
  start: number;
}

const before = (a: Position, key: number, start: number): boolean => a.key < key || (a.key === key && a.start < start);

/**
 * Sorted positions per id (entity index or form state), with removal by block. The
 * mutators return where the list changed, so a caller can tell which positions may
 * now have other nearest anchors: those between the changed place's neighbours.
 * Holds anchors, or anything else with a position (the session's waiting candidates).
 */
export class AnchorIndex<T extends Position = Position> {
  private readonly lists = new Map<number, T[]>();

  /** Adds an anchor; returns its index (its neighbours are at index - 1 and index + 1). */
  add(id: number, key: number, start: number): number {
    return this.insert(id, { key, start } as T);
  }

  insert(id: number, p: T): number {
    let list = this.lists.get(id);
    if (!list) this.lists.set(id, (list = []));
    // Blocks usually arrive in document order, so appending is the common case.
    const last = list[list.length - 1];
    if (!last || before(last, p.key, p.start)) return list.push(p) - 1;
    const i = AnchorIndex.firstNotBefore(list, p.key, p.start, true);
    list.splice(i, 0, p);
    return i;
  }

  /**
   * Removes one anchor; returns the index it had (its former neighbours are now at
   * index - 1 and index), or -1 if absent.
   */
  remove(id: number, key: number, start: number): number {
    const list = this.lists.get(id);
    if (!list) return -1;
    const i = AnchorIndex.firstNotBefore(list, key, start);
    const p = list[i];
    if (!p || p.key !== key || p.start !== start) return -1;
    list.splice(i, 1);
    if (list.length === 0) this.lists.delete(id);
    return i;
  }

  /** Removes the anchors of block `key`; returns the index of the first, or -1 if none. */
  removeBlock(id: number, key: number): number {
    const list = this.lists.get(id);
    if (!list) return -1;
    const i = AnchorIndex.firstNotBefore(list, key, -Infinity);
    let j = i;
    while (j < list.length && list[j]!.key === key) j++;
    if (j === i) return -1;
    if (j - i === list.length) this.lists.delete(id);
    else list.splice(i, j - i);
    return i;
  }

  /** Anchors of `id`, sorted, or undefined. */
  list(id: number): readonly T[] | undefined {
    return this.lists.get(id);
  }

  /**
   * Index of the first anchor of `list` at or after (key, start); with `orAt`, of the
   * first one after it (anchors at (key, start) are passed over too).
   */
  static firstNotBefore(list: readonly Position[], key: number, start: number, orAt = false): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const p = list[mid]!;
      if (p.key < key || (p.key === key && (p.start < start || (orAt && p.start === start)))) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export interface ContextQuery {
  start: number;
  /** Forms whose competing names count against this candidate (the form and its suffix forms). */
  competitorForms: number[];
  entities: number[];
  surname: boolean;
}

const isBefore = (a: Position, b: Position): boolean => a.key < b.key || (a.key === b.key && a.start < b.start);

/** Scratch for `resolve`: the nearest anchors seen so far (no allocation per query). */
class Nearest {
  prev: Position | undefined = undefined;
  prevValue = -1;
  next: Position | undefined = undefined;
  nextValue = -1;

  reset(): void {
    this.prev = this.next = undefined;
    this.prevValue = this.nextValue = -1;
  }

  consider(list: readonly Position[] | undefined, key: number, start: number, value: number): void {
    if (!list) return;
    const i = AnchorIndex.firstNotBefore(list, key, start);
    const prev = list[i - 1];
    const next = list[i];
    if (prev && (!this.prev || isBefore(this.prev, prev))) {
      this.prev = prev;
      this.prevValue = value;
    }
    if (next && (!this.next || isBefore(next, this.next))) {
      this.next = next;
      this.nextValue = value;
    }
  }
}

const nearest = new Nearest();

/**
 * The entity a contextual candidate in block `key` links to, or -1. `linkedSurnames`
 * holds surnames already linked ("Khamenei"), which anchor ambiguous forms ("Supreme
 * Leader") as well as full names do; surnames themselves are resolved without it.
 */
export function resolve(
  key: number,
  q: ContextQuery,
  entityAnchors: AnchorIndex,
  linkedSurnames: AnchorIndex | null,
  competitors: AnchorIndex,
): number {
  nearest.reset();
  // Indexed: a `for…of` step allocates until the code is optimised (see detect.ts, `add`).
  for (let i = 0; i < q.entities.length; i++) {
    const e = q.entities[i]!;
    nearest.consider(entityAnchors.list(e), key, q.start, e);
    if (linkedSurnames) nearest.consider(linkedSurnames.list(e), key, q.start, e);
  }
  for (let i = 0; i < q.competitorForms.length; i++) {
    const form = q.competitorForms[i]!;
    nearest.consider(competitors.list(form), key, q.start, -1);
  }
  if (nearest.prev) return nearest.prevValue;
  if (q.surname) return q.entities[0]!;
  return nearest.next ? nearest.nextValue : -1;
}
