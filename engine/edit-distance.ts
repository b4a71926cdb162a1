/**
 * Typo tolerance: a bounded edit distance between search keys, and how many typos a
 * word of a given length may carry. Shared by the popup's search and the timeline's
 * entity picker, so a typo that finds a name in one finds it in the other.
 */

/**
 * Optimal-string-alignment distance between `a` and `b` (transpositions count one),
 * or, with `prefix`, between `a` and the closest prefix of `b`; Infinity beyond `max`.
 */
export function editDistance(a: string, b: string, max: number, prefix = false): number {
  return osa(a, b, max, prefix).distance;
}

/** How long the prefix of `b` that `a` is closest to is, or -1 when it is more than `max` away. */
export function closestPrefix(a: string, b: string, max: number): number {
  const { distance, end } = osa(a, b, max, true);
  return distance === Infinity ? -1 : end;
}

function osa(a: string, b: string, max: number, prefix: boolean): { distance: number; end: number } {
  const none = { distance: Infinity, end: -1 };
  const m = a.length;
  const n = prefix ? Math.min(b.length, m + max) : b.length;
  if (!prefix && Math.abs(m - n) > max) return none;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return none;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  let distance = prev[n]!;
  let end = n;
  if (prefix) {
    // The longest prefix at the least distance: "larijni" ends after "larijani", not "larijan".
    for (let j = Math.max(0, m - max); j <= n; j++) {
      if (prev[j]! <= distance) {
        distance = prev[j]!;
        end = j;
      }
    }
  }
  return distance <= max ? { distance, end } : none;
}

/** Typos tolerated in a query word of this length. */
export function typosFor(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}
