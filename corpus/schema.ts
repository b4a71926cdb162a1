/**
 * The corpus schema: the one boundary between what people write in `data/` and
 * everything the build derives from it. Strict objects, so a misspelt field is an
 * error rather than silently ignored data.
 */
import { z } from 'zod';
import {
  CLAIM_KINDS,
  DATE_SOURCES,
  ENTITY_KINDS,
  NATIVE_LANGUAGES,
  RELATION_TYPES,
  SOURCE_KINDS,
  type EntityFields,
  type DatedRole,
  type EventDescription,
  type EventDetails,
  type Fact,
  type Namesake,
  type NativeLanguage,
  type NativeNames,
  type Relation,
  type Source,
} from '../engine/types';

/**
 * A date at the precision the source supports: `2025`, `2025-05`, `2025-05-07`,
 * or an ISO 8601 interval of two such dates, `2025-05-07/2025-05-10`.
 * Calendar validity (no 31 February) is checked in `corpus/validate.ts`, by `engine/dates.ts`.
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

export const RelationSchema = z.strictObject({
  type: z.enum(RELATION_TYPES),
  target: Id,
  date: IsoDate.optional(),
  dateSource: z.enum(DATE_SOURCES).optional(),
  note: Text.optional(),
  sources: z.array(Id).default([]),
});

export const DatedRoleSchema = z.strictObject({
  title: Text,
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  sources: z.array(Id).default([]),
  background: z.boolean().optional(),
});

/** Extra fields only an event carries, so the timeline can place it. */
export const EventDetailsSchema = z.strictObject({
  start: IsoDate,
  end: IsoDate.optional(),
  participants: z.array(Id).default([]),
  place: Id.optional(),
  sources: z.array(Id).min(1, 'an event cites at least one source'),
});

/**
 * Someone or something else called by some of an entity's names (the actor Imran Khan),
 * with the words that reveal it on a page ("Bollywood"). A block with a cue and no
 * mention of the entity or of an entity related to it links those names to nothing.
 */
export const NamesakeSchema = z.strictObject({
  /** Who the namesake is, for people reading the data. */
  who: Text,
  /** The entity's full names the namesake shares (its short forms are in `ambiguous`). */
  names: z.array(Text).default([]),
  cues: z.array(Text).min(1, 'a namesake needs at least one cue'),
});

/** A group of alternatives: words as printed, or `@id` for a mention of that entity. */
const Group = z.array(Text).min(1, 'a group lists at least one word or @id');

/**
 * How news describes an event without naming it (engine/event-phrases.ts): a trigger
 * near participants. A trigger alone never links: `with` or `onPage` must name one.
 */
export const EventDescriptionSchema = z
  .strictObject({
    triggers: z.array(Text).min(1, 'a description needs at least one trigger'),
    with: z.array(Group).default([]),
    onPage: z.array(Group).optional(),
    unless: z.array(Text).optional(),
  })
  .refine((d) => d.with.length + (d.onPage?.length ?? 0) > 0, {
    message: 'a trigger with no participant links nothing: give "with" or "onPage"',
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
  /**
   * Longer names of other things that contain one of its names ("Sistan and Baluchistan",
   * "Balochistan Liberation Army"), and phrases where a name is a common word with a capital
   * (the tarot's "Trump cards"): detection never links them, or the name inside, to it.
   */
  longerNames: z.array(Text).optional(),
  namesakes: z.array(NamesakeSchema).optional(),
  role: Text,
  summary: Text,
  facts: z.array(FactSchema).default([]),
  related: z.array(RelationSchema).default([]),
  event: EventDetailsSchema.optional(),
  /** Why the card has fewer than two facts, when the sources and record allow no more. */
  fewFacts: Text.optional(),
  roles: z.array(DatedRoleSchema).optional(),
  describedAs: z.array(EventDescriptionSchema).optional(),
});

/** An entity as written in `data/`: what the build compiles into an `EntityRecord`. */
export type Entity = z.infer<typeof EntitySchema>;

/** One language's names of an entity, in its own script (see `NativeNames`). */
export const NativeNamesSchema = z
  .strictObject({
    names: z.array(Text).default([]),
    ambiguous: z.array(Text).optional(),
    longerNames: z.array(Text).optional(),
    describedAs: z.array(EventDescriptionSchema).optional(),
  })
  .refine((n) => n.names.length + (n.ambiguous?.length ?? 0) + (n.describedAs?.length ?? 0) > 0, {
    message: 'give the names, or how the press describes it',
  });

/**
 * data/native-names.json: entity id → language → names. Kept apart from the English
 * records: other people write and check it, and only pages in these scripts load it.
 */
export const NativeNamesFileSchema = z.record(
  Id,
  z.strictObject(
    Object.fromEntries(NATIVE_LANGUAGES.map((l) => [l, NativeNamesSchema.optional()])) as {
      [L in NativeLanguage]: z.ZodOptional<typeof NativeNamesSchema>;
    },
  ),
);

/**
 * The shapes are declared once, in engine/types.ts; these fail to compile when the
 * schema's output and those types part (a field added to one and not the other).
 */
// Identical types only: mutual assignability would let an optional field through.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const shapesAgree: [
  Same<z.infer<typeof SourceSchema>, Source>,
  Same<z.infer<typeof FactSchema>, Fact>,
  Same<z.infer<typeof RelationSchema>, Relation>,
  Same<z.infer<typeof EventDetailsSchema>, EventDetails>,
  Same<z.infer<typeof NamesakeSchema>, Namesake>,
  Same<z.infer<typeof DatedRoleSchema>, DatedRole>,
  Same<z.infer<typeof EventDescriptionSchema>, EventDescription>,
  // Native names are written apart, in data/native-names.json, and joined at compile time.
  Same<Entity, Omit<EntityFields, 'native'>>,
  Same<z.infer<typeof NativeNamesSchema>, NativeNames>,
] = [true, true, true, true, true, true, true, true, true];
void shapesAgree;
