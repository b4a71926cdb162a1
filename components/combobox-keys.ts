/**
 * Moving through a combobox's options with ↑ and ↓ (the popup's search, the timeline's
 * name picker): one step, wrapping at both ends; from no option, ↓ goes to the first and
 * ↑ to the last.
 */
export function stepOption(at: number, count: number, delta: 1 | -1): number {
  if (count === 0) return -1;
  const from = at < 0 || at >= count ? (delta > 0 ? -1 : count) : at;
  return (from + delta + count) % count;
}
