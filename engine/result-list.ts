/**
 * What the popup's result list shows besides the ranking itself: hits grouped by kind,
 * a long field cut to an excerpt around its match, and, before any query, the latest
 * events as starting points. Pure: no DOM, no browser API.
 */
import { ENTITY_KINDS, type CorpusRecords, type EntityKind } from './types';
import type { Range } from './search';
import { compareSpans, eventIso, formatIsoDate, parseDate } from './dates';

/**
 * Hits grouped by kind, hits in the order given. Groups follow their best hit (`'rank'`:
 * search results, where the best match leads), or the kinds' one fixed order (`'fixed'`:
 * a page's names, so People, Organisations… sit in the same place on every page).
 */
export function groupByKind<T extends { kind: EntityKind }>(
  hits: readonly T[],
  order: 'rank' | 'fixed' = 'rank',
): { kind: EntityKind; hits: T[] }[] {
  const groups = new Map<EntityKind, T[]>();
  if (order === 'fixed') for (const kind of ENTITY_KINDS) groups.set(kind, []);
  for (const hit of hits) {
    const list = groups.get(hit.kind);
    if (list) list.push(hit);
    else groups.set(hit.kind, [hit]);
  }
  return [...groups].filter(([, list]) => list.length > 0).map(([kind, list]) => ({ kind, hits: list }));
}

export interface Excerpt {
  text: string;
  ranges: Range[];
}

/**
 * A window of a long text around its first matched range, cut at word boundaries and
 * marked with an ellipsis where it was cut; ranges are shifted to the excerpt.
 */
export function excerpt(text: string, ranges: readonly Range[], before = 40, length = 140): Excerpt {
  if (text.length <= length) return { text, ranges: [...ranges] };
  const first = ranges[0];
  let start = first ? Math.max(0, first[0] - before) : 0;
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && first && space < first[0] ? space + 1 : start;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + length / 2) end = space;
  }
  const lead = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  const shifted: Range[] = [];
  for (const [a, b] of ranges) {
    const s = Math.max(a, start);
    const e = Math.min(b, end);
    if (s < e) shifted.push([s - start + lead.length, e - start + lead.length]);
  }
  return { text: lead + text.slice(start, end) + tail, ranges: shifted };
}

export interface RecentEvent {
  id: string;
  name: string;
  dateLabel: string;
}

/** The latest events of the corpus, newest first: starting points for an empty search. */
export function recentEvents(records: CorpusRecords, count = 5): RecentEvent[] {
  const dated = records.events.flatMap((ev) => {
    const span = parseDate(eventIso(ev.start, ev.end));
    return span ? [{ ev, span }] : [];
  });
  dated.sort((a, b) => compareSpans(b.span, a.span));
  return dated.slice(0, count).map(({ ev }) => ({
    id: ev.id,
    name: ev.name,
    dateLabel: formatIsoDate(eventIso(ev.start, ev.end)),
  }));
}
