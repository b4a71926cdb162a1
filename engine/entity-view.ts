/**
 * What a card shows of one entity, built from the full records: sources resolved to
 * outlet and date, relations resolved to names in both directions ("leads" on one
 * card is "led by" on the other), facts newest first because a reader of today's news
 * wants the latest context before the history, and commentators' opinions after them.
 */
import { nativeDisplay } from './native-names';
import type {
  ClaimKind,
  CorpusRecords,
  DatedRole,
  DateSource,
  EntityKind,
  EntityRecord,
  NativeLanguage,
  RelationType,
  Source,
} from './types';
import type { ArticleFrame } from './article-view';
import type { Doubt } from './doubt';
import { compareSpans, eventIso, formatIsoDate, parseDate } from './dates';

export interface SourceRef {
  id: string;
  title: string;
  outlet: string;
  author: string | null;
  published: string;
  publishedLabel: string;
  kind: Source['kind'];
}

export interface FactView {
  date: string;
  dateLabel: string;
  text: string;
  sources: SourceRef[];
  background: boolean;
  attribution?: string;
  /** Set when a cited fact's date comes from the public record rather than its article. */
  dateSource?: DateSource;
  claim?: ClaimKind;
  /** What an opinion or contested claim is about, resolved to a name for a link. */
  about?: { id: string; name: string; kind: EntityKind };
  /** Other entities the fact names (for ordering by the page's subject). */
  involves: string[];
}

export interface RelatedView {
  id: string;
  name: string;
  kind: EntityKind;
  type: RelationType;
  /** 'out': this entity → other ("leads"); 'in': other → this entity ("led by"). */
  direction: 'out' | 'in';
  dateLabel?: string;
  /** Set when a cited relation's date comes from the public record rather than its article. */
  dateSource?: DateSource;
  note?: string;
  /** Set on a card opened from an article: the page names this entity too. */
  onPage?: boolean;
}

export interface EntityView {
  id: string;
  kind: EntityKind;
  name: string;
  role: string;
  summary: string;
  facts: FactView[];
  related: RelatedView[];
  /** Offices over time, for the role as of an article's date (engine/article-view.ts). */
  roles: DatedRole[];
  /** Set when the card is opened on an article (engine/article-view.ts). */
  article?: ArticleFrame;
  /** Set when the words it was opened on could mean someone else (engine/doubt.ts). */
  doubt?: Doubt;
  /** Its name in Urdu, Persian and Hindi, one line per spelling (engine/native-names.ts). */
  native?: { text: string; languages: NativeLanguage[] }[];
  event?: {
    dateLabel: string;
    place?: { id: string; name: string };
    participants: { id: string; name: string; kind: EntityKind }[];
  };
}

export interface CorpusIndex {
  records: CorpusRecords;
  byId: Map<string, EntityRecord>;
  sourcesById: Map<string, Source>;
  /** Relations pointing at an entity, from the entity that states them. */
  incoming: Map<string, { from: EntityRecord; relation: EntityRecord['related'][number] }[]>;
}

export function indexCorpus(records: CorpusRecords): CorpusIndex {
  const byId = new Map(records.entities.map((e) => [e.id, e]));
  const sourcesById = new Map(records.sources.map((s) => [s.id, s]));
  const incoming: CorpusIndex['incoming'] = new Map();
  for (const from of records.entities) {
    for (const relation of from.related) {
      const list = incoming.get(relation.target) ?? [];
      list.push({ from, relation });
      incoming.set(relation.target, list);
    }
  }
  return { records, byId, sourcesById, incoming };
}

export function sourceRef(source: Source): SourceRef {
  return {
    id: source.id,
    title: source.title,
    outlet: source.outlet,
    author: source.author,
    published: source.published,
    publishedLabel: formatIsoDate(source.published),
    kind: source.kind,
  };
}

function newestFirst(a: { date: string }, b: { date: string }): number {
  const sa = parseDate(a.date);
  const sb = parseDate(b.date);
  if (!sa || !sb) return 0;
  return compareSpans(sb, sa);
}

/**
 * What happened before what commentators made of it: opinions are dated to their
 * article, so by date alone they would often open the card.
 */
function factsBeforeOpinions(a: { claim?: ClaimKind }, b: { claim?: ClaimKind }): number {
  return Number(a.claim === 'opinion') - Number(b.claim === 'opinion');
}

/** Relation types that read the same from both ends. */
const SYMMETRIC: ReadonlySet<RelationType> = new Set(['met', 'allied-with', 'related-to']);

/**
 * What a relation says about the other entity, whichever card states it: "successor
 * of" stated here and "predecessor of" stated on the other card are one tie.
 */
export function relationMeaning(type: RelationType, direction: 'out' | 'in'): string {
  if (SYMMETRIC.has(type)) return type;
  if (type === 'predecessor-of') return `successor-of|${direction === 'out' ? 'in' : 'out'}`;
  return `${type}|${direction}`;
}

export function buildEntityView(index: CorpusIndex, id: string): EntityView | null {
  const entity = index.byId.get(id);
  if (!entity) return null;
  const refs = (ids: string[]) =>
    ids.flatMap((sid) => {
      const source = index.sourcesById.get(sid);
      return source ? [sourceRef(source)] : [];
    });

  const about = (aboutId: string | undefined) => {
    const target = aboutId === undefined ? undefined : index.byId.get(aboutId);
    return target ? { about: { id: target.id, name: target.name, kind: target.kind } } : {};
  };
  const facts: FactView[] = [...entity.facts]
    .sort((a, b) => factsBeforeOpinions(a, b) || newestFirst(a, b))
    .map((fact) => ({
      involves: fact.involves ?? [],
      date: fact.date,
      dateLabel: formatIsoDate(fact.date),
      text: fact.text,
      sources: refs(fact.sources),
      background: fact.background === true,
      ...(fact.attribution ? { attribution: fact.attribution } : {}),
      ...(fact.dateSource === 'background' ? { dateSource: fact.dateSource } : {}),
      ...(fact.claim ? { claim: fact.claim } : {}),
      ...about(fact.about),
    }));

  const related: RelatedView[] = [];
  const add = (other: EntityRecord | undefined, view: Omit<RelatedView, 'id' | 'name' | 'kind'>) => {
    if (!other || other.id === entity.id) return;
    // Both cards may state one tie ("met" on each, or "successor of" here and
    // "predecessor of" there): one line per tie, dated if either statement is.
    const meaning = relationMeaning(view.type, view.direction);
    const same = related.find(
      (r) =>
        r.id === other.id &&
        relationMeaning(r.type, r.direction) === meaning &&
        (r.dateLabel === undefined || view.dateLabel === undefined || r.dateLabel === view.dateLabel),
    );
    if (!same) {
      related.push({ id: other.id, name: other.name, kind: other.kind, ...view });
      return;
    }
    if (same.dateLabel === undefined && view.dateLabel !== undefined) {
      same.dateLabel = view.dateLabel;
      if (view.dateSource) same.dateSource = view.dateSource;
    }
    if (same.note === undefined && view.note !== undefined) same.note = view.note;
  };
  for (const relation of entity.related) {
    add(index.byId.get(relation.target), {
      type: relation.type,
      direction: 'out',
      ...(relation.date ? { dateLabel: formatIsoDate(relation.date) } : {}),
      ...(relation.dateSource === 'background' ? { dateSource: relation.dateSource } : {}),
      ...(relation.note ? { note: relation.note } : {}),
    });
  }
  for (const { from, relation } of index.incoming.get(entity.id) ?? []) {
    add(from, {
      type: relation.type,
      direction: 'in',
      ...(relation.date ? { dateLabel: formatIsoDate(relation.date) } : {}),
      ...(relation.dateSource === 'background' ? { dateSource: relation.dateSource } : {}),
      ...(relation.note ? { note: relation.note } : {}),
    });
  }

  const view: EntityView = {
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    role: entity.role,
    summary: entity.summary,
    facts,
    related,
    roles: entity.roles ?? [],
  };
  const native = nativeDisplay(entity);
  if (native.length) view.native = native;
  if (entity.event) {
    const ev = entity.event;
    const place = ev.place ? index.byId.get(ev.place) : undefined;
    view.event = {
      dateLabel: formatIsoDate(eventIso(ev.start, ev.end)),
      ...(place ? { place: { id: place.id, name: place.name } } : {}),
      participants: ev.participants.flatMap((pid) => {
        const p = index.byId.get(pid);
        return p ? [{ id: p.id, name: p.name, kind: p.kind }] : [];
      }),
    };
  }
  return view;
}
