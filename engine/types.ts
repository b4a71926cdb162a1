/**
 * Types at the boundary between the corpus build and the detection engine.
 * The engine owns the matcher table's format; the build only hands it these inputs.
 */
export type EntityKind = 'person' | 'organisation' | 'event' | 'agreement' | 'place';

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
}
