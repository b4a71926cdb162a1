/**
 * The compiled corpus as the extension pages and `corpus:export` see it: full records,
 * ids resolved and checked. The content script never imports this (it carries only
 * the matcher table), so the shape can be as rich as the pages need.
 */
import type { EntityKind, EventDetails, Fact, Namesake, Relation, Source } from './schema';

export interface EntityRecord {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  ambiguous: string[];
  longerNames?: string[];
  namesakes?: Namesake[];
  role: string;
  summary: string;
  facts: Fact[];
  related: Relation[];
  event?: EventDetails;
}

/** An event as the timeline and the export list it: the entity's event block plus its name. */
export interface EventRecord extends EventDetails {
  id: string;
  name: string;
  summary: string;
}

export interface CorpusRecords {
  entities: EntityRecord[];
  events: EventRecord[];
  sources: Source[];
}
