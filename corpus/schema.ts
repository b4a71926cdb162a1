/**
 * The corpus schema: the one boundary between what people write in `data/` and
 * everything the build derives from it. Strict objects, so a misspelt field is an
 * error rather than silently ignored data.
 */
import { z } from 'zod';
import { ENTITY_KINDS } from './kinds';

export { ENTITY_KINDS };
export const SOURCE_KINDS = ['news', 'analysis', 'opinion', 'blog'] as const;

/**
 * A date at the precision the source supports: `2025`, `2025-05`, `2025-05-07`,
 * or an ISO 8601 interval of two such dates, `2025-05-07/2025-05-10`.
 * Calendar validity (no 31 February) is checked in `corpus/validate.ts`.
 */
export const IsoDate = z
  .string()
  .regex(
    /^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/,
    'expected YYYY, YYYY-MM, YYYY-MM-DD, or START/END of those',
  );

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case kebab-case');
const Text = z.string().trim().min(1, 'must not be empty');

export const SourceSchema = z.strictObject({
  id: Id,
  title: Text,
  outlet: Text,
  /** null when the article does not name its author. */
  author: Text.nullable(),
  published: IsoDate,
  kind: z.enum(SOURCE_KINDS),
  /** The seed file the facts were read from, for traceability. */
  file: Text,
  note: Text.optional(),
});

/**
 * Where the precision of a cited item's date comes from. `article`: the cited article
 * gives it (or it is the article's own publication date, as for an opinion). `background`:
 * the claim is the article's, but the day (or month) is public record the article does
 * not state — the Trump–Munir lunch of 18 June 2025 that an article calls "last June".
 */
export const DATE_SOURCES = ['article', 'background'] as const;

/**
 * What kind of claim an attributed fact is. `opinion`: a writer's judgement, dated to
 * the article's publication and linked (`about`) to what it judges, so a card never
 * opens with a view because it happens to be the newest item. `contested`: a statement
 * of fact that others dispute (Saudi Arabia "suspended" accords it never joined).
 */
export const CLAIM_KINDS = ['opinion', 'contested'] as const;

/**
 * A dated fact. It cites at least one source, or is marked `background`: widely
 * documented public knowledge that the articles do not state (never a false citation).
 * `attribution` names who makes a claim that is an opinion or contested.
 */
export const FactSchema = z.strictObject({
  date: IsoDate,
  text: Text,
  sources: z.array(Id).default([]),
  background: z.boolean().optional(),
  attribution: Text.optional(),
  dateSource: z.enum(DATE_SOURCES).optional(),
  claim: z.enum(CLAIM_KINDS).optional(),
  /** The entity (usually an event) an opinion or contested claim is about. */
  about: Id.optional(),
});

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

export const RelationSchema = z.strictObject({
  type: z.enum(RELATION_TYPES),
  target: Id,
  date: IsoDate.optional(),
  dateSource: z.enum(DATE_SOURCES).optional(),
  note: Text.optional(),
  sources: z.array(Id).default([]),
});

/** Extra fields only an event carries, so the timeline can place it. */
export const EventDetailsSchema = z.strictObject({
  start: IsoDate,
  end: IsoDate.optional(),
  participants: z.array(Id).default([]),
  place: Id.optional(),
  sources: z.array(Id).min(1, 'an event cites at least one source'),
});

export const EntitySchema = z.strictObject({
  id: Id,
  kind: z.enum(ENTITY_KINDS),
  name: Text,
  /** Surface forms that name only this entity: detection links them on sight. */
  aliases: z.array(Text).default([]),
  /**
   * Short forms that also name other people or things (Khan, Sharif, Sindoor):
   * detection links them only when the document also has an unambiguous mention.
   */
  ambiguous: z.array(Text).default([]),
  role: Text,
  summary: Text,
  facts: z.array(FactSchema).default([]),
  related: z.array(RelationSchema).default([]),
  event: EventDetailsSchema.optional(),
  /** Why the card has fewer than two facts, when the sources and record allow no more. */
  fewFacts: Text.optional(),
});

/** One file in `data/entities/`: a list of entities. */
export const EntityFileSchema = z.array(EntitySchema);
export const SourcesFileSchema = z.array(SourceSchema);

export type EntityKind = (typeof ENTITY_KINDS)[number];
export type SourceKind = (typeof SOURCE_KINDS)[number];
export type RelationType = (typeof RELATION_TYPES)[number];
export type DateSource = (typeof DATE_SOURCES)[number];
export type ClaimKind = (typeof CLAIM_KINDS)[number];
export type Source = z.infer<typeof SourceSchema>;
export type Fact = z.infer<typeof FactSchema>;
export type Relation = z.infer<typeof RelationSchema>;
export type EventDetails = z.infer<typeof EventDetailsSchema>;
export type Entity = z.infer<typeof EntitySchema>;
