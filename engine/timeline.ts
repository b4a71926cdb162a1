/**
 * The side panel's timeline, as a pure model: every dated event and fact in the corpus,
 * oldest first, each with the entities it involves and the sources it cites, plus the
 * filters the panel applies to it. No DOM, no browser: the panel renders what this
 * returns, and the unit tests read it directly.
 *
 * Items come from two places:
 * - events: one item per event entity, dated by its start (and end), involving the
 *   event, its participants and its place;
 * - facts: one item per dated fact of any entity, involving that entity, every other
 *   entity whose name or alias the fact's text spells out, and every entity it has a
 *   relation with on that same date.
 * A fact that restates an event (the event's own fact on the event's date, or a fact on
 * the event's date involving exactly the event's entities) folds into the event's item
 * as a note, so the timeline does not show the same thing twice.
 */
import type { CorpusRecords, EntityKind, EntityRecord, Fact } from './types';
import { compareSpans, eventIso, formatSpan, parseDate, pointKey, type DateSpan } from './dates';
import { sourceRef, type SourceRef } from './entity-view';
import { foldForSearch, foldSpelling } from './search-key';
import { editDistance, typosFor } from './edit-distance';
import { firstSentence } from './summary-lead';
import { foldRegionalScripts } from './regional-script';
import { searchForms } from './native-names';

// Text here is read with the regional scripts' folds (engine/regional-script.ts).
foldRegionalScripts();

export interface TimelineEntity {
  id: string;
  name: string;
  kind: EntityKind;
}

export interface TimelineItem {
  /** Stable across rebuilds of the same corpus, and safe as an HTML id. */
  id: string;
  /** Where the item comes from: an event entity, or one entity's dated fact. */
  origin: 'event' | 'fact';
  /** The ISO date (or interval) as the corpus writes it, for `<time datetime>`. */
  date: string;
  span: DateSpan;
  /** The date at its real precision: "2025", "May 2025", "7 May 2025", "13–24 June 2025". */
  dateLabel: string;
  /** The year the item is listed under: the year it starts. */
  year: number;
  /** The entity the item is about: the event itself, or the entity whose fact it is. */
  subject: TimelineEntity;
  /** The kind the item is filtered and coloured by: its subject's. */
  kind: EntityKind;
  title: string;
  text: string;
  /** Texts of facts that restated this event and were folded into it. */
  notes: string[];
  /** Everyone and everything involved, the subject first, no duplicates. */
  entities: TimelineEntity[];
  sources: SourceRef[];
  /** Widely documented background rather than a cited article. */
  background: boolean;
  attribution?: string;
}

/** One entity that can be filtered by, with its names and how many items involve it. */
export interface TimelineEntityOption extends TimelineEntity {
  /** Every form the popup's search finds it by (`searchForms`): short forms and native scripts too. */
  aliases: string[];
  count: number;
}

export interface TimelineModel {
  items: TimelineItem[];
  /** Entities involved in at least one item, by name. */
  entities: TimelineEntityOption[];
  byId: Map<string, TimelineEntityOption>;
}

// ---------------------------------------------------------------------------------
// Building

export function buildTimeline(records: CorpusRecords): TimelineModel {
  const byId = new Map(records.entities.map((e) => [e.id, e]));
  const sourcesById = new Map(records.sources.map((s) => [s.id, s]));
  const refs = (ids: readonly string[]): SourceRef[] => {
    const out: SourceRef[] = [];
    for (const id of new Set(ids)) {
      const source = sourcesById.get(id);
      if (source) out.push(sourceRef(source));
    }
    return out;
  };
  const mentions = mentionFinder(records.entities);
  const relationsOn = relationsByDate(records.entities);

  const items: TimelineItem[] = [];
  const eventItems = new Map<string, TimelineItem>();

  for (const entity of records.entities) {
    const ev = entity.event;
    if (!ev) continue;
    const iso = eventIso(ev.start, ev.end);
    const span = parseDate(iso);
    if (!span) continue;
    const involved = uniqueEntities([entity.id, ...ev.participants, ...(ev.place ? [ev.place] : [])], byId);
    const item: TimelineItem = {
      id: `event-${entity.id}`,
      origin: 'event',
      ...datedItemOf(entity, iso, span),
      text: firstSentence(entity.summary) || entity.role,
      notes: [],
      entities: involved,
      sources: refs(ev.sources),
      background: false,
    };
    eventItems.set(entity.id, item);
    items.push(item);
  }

  const usedIds = new Set(items.map((i) => i.id));
  for (const entity of records.entities) {
    for (const fact of entity.facts) {
      const span = parseDate(fact.date);
      if (!span) continue;
      const involvedIds = [
        entity.id,
        ...mentions(fact.text, entity.id),
        ...(relationsOn.get(`${entity.id}|${fact.date}`) ?? []),
      ];
      const involved = uniqueEntities(involvedIds, byId);

      const event = restatedEvent(entity, fact, involved, eventItems);
      if (event) {
        if (fact.text !== event.text && !event.notes.includes(fact.text)) event.notes.push(fact.text);
        event.sources = mergeSources(event.sources, refs(fact.sources));
        continue;
      }

      const base = `fact-${entity.id}-${fact.date.replace('/', '--')}-${hash(fact.text)}`;
      let id = base;
      for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
      usedIds.add(id);
      items.push({
        id,
        origin: 'fact',
        ...datedItemOf(entity, fact.date, span),
        text: fact.text,
        notes: [],
        entities: involved,
        sources: refs(fact.sources),
        background: fact.background === true,
        ...(fact.attribution ? { attribution: fact.attribution } : {}),
      });
    }
  }

  items.sort(compareItems);

  const counts = new Map<string, number>();
  for (const item of items) for (const e of item.entities) counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
  const entities: TimelineEntityOption[] = records.entities
    .filter((e) => counts.has(e.id))
    .map((e) => ({ ...ref(e), aliases: searchForms(e), count: counts.get(e.id)! }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id));

  return { items, entities, byId: new Map(entities.map((e) => [e.id, e])) };
}

/** Chronological; at the same date events before facts, then by title and id, so the order never wobbles. */
export function compareItems(a: TimelineItem, b: TimelineItem): number {
  return (
    compareSpans(a.span, b.span) ||
    (a.origin === b.origin ? 0 : a.origin === 'event' ? -1 : 1) ||
    a.title.localeCompare(b.title, 'en') ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function ref(e: EntityRecord): TimelineEntity {
  return { id: e.id, name: e.name, kind: e.kind };
}

function uniqueEntities(ids: readonly string[], byId: Map<string, EntityRecord>): TimelineEntity[] {
  const seen = new Set<string>();
  const out: TimelineEntity[] = [];
  for (const id of ids) {
    const e = byId.get(id);
    if (!e || seen.has(id)) continue;
    seen.add(id);
    out.push(ref(e));
  }
  return out;
}

function mergeSources(a: SourceRef[], b: SourceRef[]): SourceRef[] {
  const ids = new Set(a.map((s) => s.id));
  return [...a, ...b.filter((s) => !ids.has(s.id))];
}

/** What every item says of its date and its subject, from an entity and its dated event or fact. */
function datedItemOf(
  entity: EntityRecord,
  iso: string,
  span: DateSpan,
): Pick<TimelineItem, 'date' | 'span' | 'dateLabel' | 'year' | 'subject' | 'kind' | 'title'> {
  return {
    date: iso,
    span,
    dateLabel: formatSpan(span),
    year: span.start.year,
    subject: ref(entity),
    kind: entity.kind,
    title: entity.name,
  };
}

/** The event item a fact restates, if any: same date, and either the event's own fact or the same entities. */
function restatedEvent(
  entity: EntityRecord,
  fact: Fact,
  involved: TimelineEntity[],
  events: Map<string, TimelineItem>,
): TimelineItem | undefined {
  // A contested claim keeps its own item, with its attribution.
  if (fact.attribution) return undefined;
  const own = events.get(entity.id);
  if (own && own.date === fact.date) return own;
  const ids = new Set(involved.map((e) => e.id));
  for (const e of involved) {
    const event = events.get(e.id);
    if (!event || event.date !== fact.date || event.entities.length !== ids.size) continue;
    if (event.entities.every((x) => ids.has(x.id))) return event;
  }
  return undefined;
}

/** A short, stable hash (FNV-1a, base 36) for item ids. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * Finds the entities a text names by their name or one of their unambiguous aliases,
 * as whole words and with their capitals (names are proper nouns; "Chair" is not "chair").
 * Ambiguous short forms are left out: this is linking, not detection.
 */
function mentionFinder(entities: readonly EntityRecord[]): (text: string, self: string) => string[] {
  const forms: { form: string; id: string }[] = [];
  for (const e of entities) {
    for (const form of new Set([e.name, ...e.aliases])) {
      if (form.trim().length >= 2) forms.push({ form: form.trim(), id: e.id });
    }
  }
  // Longest first, so "Islamabad High Court" claims its words before "Islamabad" does.
  forms.sort((a, b) => b.form.length - a.form.length || (a.id < b.id ? -1 : 1));
  const patterns = forms.map(({ form, id }) => ({
    id,
    re: new RegExp(`(?<![\\p{L}\\p{N}])${firstLetterEitherCase(form)}(?![\\p{L}\\p{N}])`, 'gu'),
  }));
  return (text, self) => {
    const taken: [number, number][] = [];
    const found: { id: string; at: number }[] = [];
    for (const { id, re } of patterns) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        if (taken.some(([s, e]) => start < e && end > s)) continue;
        taken.push([start, end]);
        if (id !== self) found.push({ id, at: start });
      }
    }
    // In reading order, so the chips follow the sentence.
    return found.sort((a, b) => a.at - b.at).map((f) => f.id);
  };
}

/** A form as a pattern whose first letter may be either case: "the Council" opens a sentence as "The Council". */
function firstLetterEitherCase(form: string): string {
  const first = form[0]!;
  const rest = escapeRegExp(form.slice(1));
  const lower = first.toLowerCase();
  const upper = first.toUpperCase();
  return lower === upper ? escapeRegExp(first) + rest : `[${lower}${upper}]${rest}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** For each `entity|date`, the entities it has a relation with on that date, in both directions. */
function relationsByDate(entities: readonly EntityRecord[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (key: string, id: string) => {
    const list = map.get(key) ?? [];
    if (!list.includes(id)) list.push(id);
    map.set(key, list);
  };
  for (const from of entities) {
    for (const relation of from.related) {
      if (!relation.date || relation.target === from.id) continue;
      add(`${from.id}|${relation.date}`, relation.target);
      add(`${relation.target}|${relation.date}`, from.id);
    }
  }
  return map;
}

// ---------------------------------------------------------------------------------
// Filtering

export interface TimelineFilter {
  /** Entity ids chosen by the reader; empty for no entity filter. */
  entities: readonly string[];
  /** With several entities: items involving any of them, or all of them. */
  match: 'any' | 'all';
  /** Kinds of item subject to keep; empty for every kind. */
  kinds: readonly EntityKind[];
  /** Start of the range, `YYYY` or `YYYY-MM`, inclusive; empty for no bound. */
  from: string;
  /** End of the range, `YYYY` or `YYYY-MM`, inclusive (the whole month or year). */
  to: string;
  /** Entity ids found on the page being read, when "This page" is on; null when it is off. */
  page: readonly string[] | null;
}

export const EMPTY_FILTER: Readonly<TimelineFilter> = Object.freeze({
  entities: [],
  match: 'any',
  kinds: [],
  from: '',
  to: '',
  page: null,
});

export function isFiltering(filter: TimelineFilter): boolean {
  return (
    filter.entities.length > 0 ||
    filter.kinds.length > 0 ||
    filter.from !== '' ||
    filter.to !== '' ||
    filter.page !== null
  );
}

/** The items that pass every filter: each filter narrows, and an empty one lets everything through. */
export function filterTimeline(items: readonly TimelineItem[], filter: TimelineFilter): TimelineItem[] {
  const kinds = new Set(filter.kinds);
  const chosen = filter.entities;
  const page = filter.page ? new Set(filter.page) : null;
  const fromPoint = filter.from ? parseDate(filter.from.split('/')[0]!) : null;
  const toPoint = filter.to ? parseDate(filter.to.split('/').pop()!) : null;
  const fromKey = fromPoint ? pointKey(fromPoint.start, 'start') : -Infinity;
  const toKey = toPoint ? pointKey(toPoint.start, 'end') : Infinity;

  return items.filter((item) => {
    if (kinds.size && !kinds.has(item.kind)) return false;
    const ids = item.entities.map((e) => e.id);
    if (chosen.length) {
      const hit =
        filter.match === 'all' ? chosen.every((id) => ids.includes(id)) : chosen.some((id) => ids.includes(id));
      if (!hit) return false;
    }
    if (page && !ids.some((id) => page.has(id))) return false;
    if (fromPoint || toPoint) {
      // Overlap: an item spanning the range's edge is still "in" it.
      const start = pointKey(item.span.start, 'start');
      const end = pointKey(item.span.end ?? item.span.start, 'end');
      if (end < fromKey || start > toKey) return false;
    }
    return true;
  });
}

export interface YearGroup {
  year: number;
  items: TimelineItem[];
}

/** Items (already in order) grouped under the year they start. */
export function groupByYear(items: readonly TimelineItem[]): YearGroup[] {
  const groups: YearGroup[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.year === item.year) last.items.push(item);
    else groups.push({ year: item.year, items: [item] });
  }
  return groups;
}

/**
 * Type-ahead suggestions: entities whose name or alias starts with the query (at a word),
 * then those that merely contain it, then those it names with a typo or another
 * romanisation; within each, the most involved first. Forms and query are compared by
 * the search key the popup uses (`engine/search-key.ts`), so what finds an entity there
 * finds it here ("larijni", "twelve day"), and by their spelling, so each letter typed
 * keeps what the last one found ("Afg" is a start of "Afghan", whose key is "afkan").
 * `exclude` holds ids already chosen.
 */
export function suggestEntities(
  entities: readonly TimelineEntityOption[],
  query: string,
  exclude: readonly string[] = [],
  limit = 8,
): TimelineEntityOption[] {
  const q = { key: foldForSearch(query), spelling: foldSpelling(query) };
  if (!q.key && !q.spelling) return [];
  const qWords = q.key.split(' ').filter(Boolean);
  const skip = new Set(exclude);
  const scored: { e: TimelineEntityOption; score: number }[] = [];
  for (const e of entities) {
    if (skip.has(e.id)) continue;
    let score = 0;
    for (const form of formKeys(e)) {
      // Inside a word only by spelling: folded vowels meet too often ("bor" is in "harbur").
      const byKey = containsAt(form.key, q.key);
      score = Math.max(score, containsAt(form.spelling, q.spelling), byKey > 1 ? byKey : 0);
      if (score === 0 && holdsWithTypos(form.key, qWords)) score = TYPO_MATCH;
    }
    if (score) scored.push({ e, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || b.e.count - a.e.count || a.e.name.localeCompare(b.e.name, 'en'))
    .slice(0, limit)
    .map((s) => s.e);
}

/** Below every exact containment: a typo or a romanisation found the entity. */
const TYPO_MATCH = 0.5;

/** Keys of an option's name and aliases, folded once per option, not per keystroke. */
const keysOf = new WeakMap<TimelineEntityOption, { key: string; spelling: string }[]>();
function formKeys(e: TimelineEntityOption): { key: string; spelling: string }[] {
  let keys = keysOf.get(e);
  if (!keys) {
    keys = [e.name, ...e.aliases].map((form) => ({ key: foldForSearch(form), spelling: foldSpelling(form) }));
    keysOf.set(e, keys);
  }
  return keys;
}

/** 3 when `key` starts with `q`, 2 when a word of it does, 1 when it holds `q` inside a word, else 0. */
function containsAt(key: string, q: string): number {
  if (!q) return 0;
  const at = key.indexOf(q);
  if (at < 0) return 0;
  if (at === 0) return 3;
  return key.charCodeAt(at - 1) === 32 ? 2 : 1;
}

/** Whether every query word is a word of `key` give or take its typos (the last one, being typed, may be a word's start). */
function holdsWithTypos(key: string, qWords: readonly string[]): boolean {
  if (qWords.length === 0) return false;
  const words = key.split(' ');
  return qWords.every((q, i) => {
    const typos = typosFor(q.length);
    if (typos === 0) return words.includes(q) || (i === qWords.length - 1 && words.some((w) => w.startsWith(q)));
    const typing = i === qWords.length - 1;
    return words.some(
      (w) =>
        editDistance(q, w, typos) !== Infinity ||
        (typing && w[0] === q[0] && editDistance(q, w, typos, true) !== Infinity),
    );
  });
}

/** Years with at least one item (begun or ended in it), newest first: what a date picker offers. */
export function yearsWithItems(items: readonly TimelineItem[]): number[] {
  const years = new Set<number>();
  for (const item of items) {
    years.add(item.year);
    years.add((item.span.end ?? item.span.start).year);
  }
  return [...years].sort((a, b) => b - a);
}

/**
 * Where the timeline opens. With an article's date: the last item begun by the end of
 * that date, so what led up to the article sits above and what followed below (the
 * first item when all came later). Without one: the most recent item.
 */
export function anchorItem(items: readonly TimelineItem[], articleDate?: string): TimelineItem | undefined {
  const span = articleDate ? parseDate(articleDate) : null;
  if (!span) return items.at(-1);
  const end = pointKey(span.start, 'end');
  let anchor: TimelineItem | undefined;
  for (const item of items) {
    if (pointKey(item.span.start) > end) break;
    anchor = item;
  }
  return anchor ?? items[0];
}

/** The first item (in timeline order) that involves an entity, if any. */
export function firstItemFor(items: readonly TimelineItem[], entityId: string): TimelineItem | undefined {
  return items.find((item) => item.entities.some((e) => e.id === entityId));
}
