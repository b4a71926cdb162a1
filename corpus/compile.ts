/**
 * Turns validated corpus data into what the build ships: the full records the
 * extension pages read, and the slim per-entity inputs of the engine's matcher table.
 * Pure functions, so the build script, the export and tests share one definition.
 */
import { nativeDescriptions, nativeForms } from '../engine/native-names';
import {
  type CorpusRecords,
  type EntityRecord,
  type EventRecord,
  type MatcherSource,
  type Source,
} from '../engine/types';
import type { Entity } from './schema';
import type { NativeNameMap } from './validate';
import { parseDate, pointKey } from '../engine/dates';
import { createDetector } from '../engine/detect';
import { compileMatcherTable } from '../engine/table';

/** Sort key of an ISO date or interval: its first day (valid input assumed). */
function firstDay(iso: string): number {
  const span = parseDate(iso);
  return span ? pointKey(span.start, 'start') : 0;
}

function toRecord(entity: Entity): EntityRecord {
  const record: EntityRecord = {
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    aliases: entity.aliases,
    ambiguous: entity.ambiguous,
    role: entity.role,
    summary: entity.summary,
    facts: entity.facts.map((fact) => ({ ...fact, involves: [] })),
    related: entity.related,
  };
  if (entity.event) record.event = entity.event;
  if (entity.roles) record.roles = entity.roles;
  if (entity.fewFacts) record.fewFacts = entity.fewFacts;
  if (entity.longerNames?.length) record.longerNames = entity.longerNames;
  if (entity.namesakes?.length) record.namesakes = entity.namesakes;
  if (entity.describedAs?.length) record.describedAs = entity.describedAs;
  return record;
}

/**
 * What each fact involves: the other entities its text names, as detection finds them
 * (the corpus read like a page), and the entity an opinion is about.
 */
function linkFacts(records: EntityRecord[], matcher: MatcherSource[]): void {
  const detector = createDetector(compileMatcherTable(matcher));
  for (const record of records) {
    for (const fact of record.facts) {
      const ids = detector.detect(fact.text).map((m) => matcher[m.entity]!.id);
      if (fact.about) ids.push(fact.about);
      fact.involves = [...new Set(ids)].filter((id) => id !== record.id);
    }
  }
}

/** Entities sorted by id; events in chronological order (ties by id) for the timeline. */
export function compileRecords(sources: Source[], entities: Entity[], native: NativeNameMap = {}): CorpusRecords {
  const records = entities.map(toRecord).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const r of records) if (native[r.id]) r.native = native[r.id];
  linkFacts(records, matcherSources(records));
  const events: EventRecord[] = records
    .flatMap((r) => (r.event ? [{ id: r.id, name: r.name, summary: r.summary, ...r.event }] : []))
    .sort((a, b) => firstDay(a.start) - firstDay(b.start) || (a.id < b.id ? -1 : 1));
  return { entities: records, events, sources };
}

/** The matcher's view of each entity: its canonical name is one of its aliases. */
export function toMatcherSources(records: CorpusRecords, { native = true } = {}): MatcherSource[] {
  return matcherSources(records.entities, native);
}

/** The matcher's sources; with `native`, names in the regional scripts too (`nativeForms`). */
function matcherSources(entities: readonly EntityRecord[], native = true): MatcherSource[] {
  return entities.map((e) => {
    const forms = native ? nativeForms(e) : { names: [], ambiguous: [], longerNames: [] };
    const source: MatcherSource = {
      id: e.id,
      name: e.name,
      kind: e.kind,
      aliases: [...new Set([e.name, ...e.aliases, ...forms.names])],
      ambiguous: [...e.ambiguous, ...forms.ambiguous],
      longerNames: [...(e.longerNames ?? []), ...forms.longerNames],
      namesakes: e.namesakes,
      related: e.related.map((r) => r.target),
    };
    // How the regional press describes it comes with its names in those scripts.
    const described = [...(e.describedAs ?? []), ...(native ? nativeDescriptions(e) : [])];
    if (described.length) source.describedAs = described;
    const years = e.event && yearsOf(e.event.start, e.event.end);
    if (years) source.years = years;
    return source;
  });
}

/** The first and last year an event's dates cover. */
function yearsOf(start: string, end: string | undefined): [number, number] | undefined {
  const first = parseDate(start);
  const last = parseDate(end ?? start);
  if (!first || !last) return undefined;
  return [first.start.year, (last.end ?? last.start).year];
}

/** Counts for the build summary: dated items are facts plus events (what the timeline can show). */
export function corpusStats(records: CorpusRecords): {
  entities: number;
  aliases: number;
  datedItems: number;
  sources: number;
} {
  const matcher = toMatcherSources(records);
  return {
    entities: records.entities.length,
    aliases: matcher.reduce((n, s) => n + s.aliases.length + s.ambiguous.length, 0),
    datedItems: records.entities.reduce((n, e) => n + e.facts.length, 0) + records.events.length,
    sources: records.sources.length,
  };
}
