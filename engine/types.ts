/**
 * The corpus as the engine and everything above it see it: the kinds of entity, the
 * compiled records, and the matcher's inputs. Declared here, once, without zod:
 * `corpus/schema.ts` validates what people write in `data/` against these shapes (and
 * fails to compile if the two part), and the extension pages import them without
 * loading the schema (zod probes for `new Function` as it loads, which the pages' CSP
 * refuses). The engine owns the matcher table's format; the build only hands it
 * `MatcherSource`s.
 */

/** The kinds of entity, in the order the UI lists them. */
export const ENTITY_KINDS = ['person', 'organisation', 'event', 'agreement', 'place'] as const;

/** The region's languages whose press names the corpus's entities in its own script. */
export const NATIVE_LANGUAGES = ['ur', 'fa', 'hi'] as const;
export type NativeLanguage = (typeof NATIVE_LANGUAGES)[number];

/**
 * An entity's names as one language's press prints them, in its own script: `names`
 * name only this entity (the first is the one a card shows), `ambiguous` short forms
 * also name others, as `EntityFields.ambiguous`.
 */
export interface NativeNames {
  names: string[];
  ambiguous?: string[] | undefined;
  /** How that language's press describes the event (words in its script; see EventDescription). */
  describedAs?: EventDescription[] | undefined;
  /** Names of other things that hold one of its names (سیستان و بلوچستان): never its mention. */
  longerNames?: string[] | undefined;
}
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const SOURCE_KINDS = ['news', 'analysis', 'opinion', 'blog'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const RELATION_TYPES = [
  'met',
  'leads',
  'led',
  'member-of',
  'part-of',
  'successor-of',
  'predecessor-of',
  'party-to',
  'took-part-in',
  'targeted',
  'ordered',
  'opposed',
  'allied-with',
  'located-in',
  'related-to',
  'criticised',
  'negotiated',
  'killed-in',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/**
 * Where the precision of a cited item's date comes from. `article`: the cited article
 * gives it (or it is the article's own publication date, as for an opinion). `background`:
 * the claim is the article's, but the day (or month) is public record the article does
 * not state — the Trump–Munir lunch of 18 June 2025 that an article calls "last June".
 */
export const DATE_SOURCES = ['article', 'background'] as const;
export type DateSource = (typeof DATE_SOURCES)[number];

/**
 * What kind of claim an attributed fact is. `opinion`: a writer's judgement, dated to
 * the article's publication and linked (`about`) to what it judges, so a card never
 * opens with a view because it happens to be the newest item. `contested`: a statement
 * of fact that others dispute (Saudi Arabia "suspended" accords it never joined).
 */
export const CLAIM_KINDS = ['opinion', 'contested'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/**
 * Dates are ISO text at the precision a source supports: `2025`, `2025-05`,
 * `2025-05-07`, or `START/END` of those (`engine/dates.ts` reads them).
 */
export type IsoDateText = string;

export interface Source {
  id: string;
  title: string;
  outlet: string;
  /** null when the article does not name its author. */
  author: string | null;
  published: IsoDateText;
  kind: SourceKind;
  /** The seed file the facts were read from, for traceability. */
  file: string;
  note?: string | undefined;
}

/**
 * A dated fact. It cites at least one source, or is marked `background`: widely
 * documented public knowledge that the articles do not state (never a false citation).
 * `attribution` names who makes a claim that is an opinion or contested.
 */
export interface Fact {
  date: IsoDateText;
  text: string;
  sources: string[];
  background?: boolean | undefined;
  attribution?: string | undefined;
  dateSource?: DateSource | undefined;
  claim?: ClaimKind | undefined;
  /** The entity (usually an event) an opinion or contested claim is about. */
  about?: string | undefined;
}

export interface Relation {
  type: RelationType;
  target: string;
  date?: IsoDateText | undefined;
  dateSource?: DateSource | undefined;
  note?: string | undefined;
  sources: string[];
}

/**
 * An office or title a person held, with when: the card says the role at an article's
 * date. Cited like a fact, or `background` (public record the articles do not state).
 */
export interface DatedRole {
  title: string;
  /** When the role began, at the precision known (`2025-08`); open when unknown. */
  from?: IsoDateText | undefined;
  /** When it ended; absent while it is held. */
  to?: IsoDateText | undefined;
  sources: string[];
  background?: boolean | undefined;
}

/** Extra fields only an event carries, so the timeline can place it. */
export interface EventDetails {
  start: IsoDateText;
  end?: IsoDateText | undefined;
  participants: string[];
  place?: string | undefined;
  sources: string[];
}

/**
 * Someone or something else called by some of an entity's names (the actor Imran Khan),
 * with the words that reveal it on a page ("Bollywood").
 */
export interface Namesake {
  /** Who the namesake is, for people reading the data. */
  who: string;
  /** The entity's full names the namesake shares (its short forms are in `ambiguous`). */
  names: string[];
  cues: string[];
}

/**
 * How news describes an event or agreement without naming it: a trigger word ("killing",
 * "war", "pact") near the participants that make it unique. Each group of `with` must be
 * named in the phrase around the trigger, each group of `onPage` anywhere on the page. A
 * group lists alternatives: a word or words as printed ("India", "Indian", "four-day";
 * case-sensitive when capitalised) or `@id`, a mention of that entity.
 */
export interface EventDescription {
  triggers: string[];
  with: string[][];
  onPage?: string[][] | undefined;
  /** Words that show the phrase means something else ("Israeli" for the US strikes). */
  unless?: string[] | undefined;
}

/**
 * A fact as the build ships it: as written, plus the other entities its text names
 * (found by detection at build time), so a card can put first the facts that involve
 * what the page is about.
 */
export interface FactRecord extends Fact {
  involves?: string[] | undefined;
}

/**
 * One entity: as written in `data/` (`EntityFields<Fact>`, what the schema validates) and
 * as the extension pages and `corpus:export` see it (`EntityRecord`: ids resolved and
 * checked, facts with what they involve). The content script never loads these (it
 * carries only the matcher table), so the shape can be as rich as the pages need.
 */
export interface EntityFields<F extends Fact = Fact> {
  id: string;
  kind: EntityKind;
  name: string;
  /** Surface forms that name only this entity: detection links them on sight. */
  aliases: string[];
  /** Short forms that also name others: linked only beside an unambiguous mention. */
  ambiguous: string[];
  /** Longer names of other things that contain one of its names: never its mention. */
  longerNames?: string[] | undefined;
  namesakes?: Namesake[] | undefined;
  role: string;
  summary: string;
  facts: F[];
  related: Relation[];
  event?: EventDetails | undefined;
  /** Why the card has fewer than two facts, when the sources and record allow no more. */
  fewFacts?: string | undefined;
  /** Offices held over time, oldest first; `role` above says the current one in words. */
  roles?: DatedRole[] | undefined;
  /** Events and agreements: the phrases that describe it (see EventDescription). */
  describedAs?: EventDescription[] | undefined;
  /** Its names in Urdu, Persian and Hindi, from data/native-names.json. */
  native?: Partial<Record<NativeLanguage, NativeNames>> | undefined;
}

export type EntityRecord = EntityFields<FactRecord>;

/** An event as the timeline and the export list it: the entity's event block plus its name. */
export interface EventRecord extends EventDetails {
  id: string;
  name: string;
  summary: string;
}

/** The compiled corpus (generated/records.json). */
export interface CorpusRecords {
  entities: EntityRecord[];
  events: EventRecord[];
  sources: Source[];
}

/** What the matcher needs to know of one entity, and nothing more. */
export interface MatcherSource {
  id: string;
  name: string;
  kind: EntityKind;
  /** Forms that name only this entity. */
  aliases: string[];
  /** Forms that need an unambiguous mention of the entity elsewhere in the document. */
  ambiguous: string[];
  /** Longer names of other things that contain one of its names: never its mention. */
  longerNames?: string[];
  /**
   * Other people or things called by some of its names: the forms they share (linked
   * unless a cue for the namesake is nearer) and the cues that reveal them.
   */
  namesakes?: { names: string[]; cues: string[] }[];
  /** Entities whose mention beside a namesake cue shows the page means this one (ids). */
  related?: string[];
  describedAs?: EventDescription[];
  /** An event's years, first and last: a phrase that names another year is not it. */
  years?: [number, number];
}
