/**
 * Where a card admits doubt: the words on the page could mean someone else. A short
 * form the corpus marks ambiguous ("Sharif", "Khan") was resolved from the page's
 * context; other entities written the same way are the alternatives; a namesake listed
 * in the data (Imran Khan the actor) is someone Backstory does not know but a reader
 * should hear of. Pure: from the records and the words as printed.
 */
import { foldSpelling } from './search-key';
import type { EntityKind, EntityRecord } from './types';

export interface Doubt {
  /** The words on the page, as printed. */
  form: string;
  /** Read from the page's context rather than from an unambiguous name. */
  fromContext: boolean;
  /** Entities of the corpus written the same way. */
  others: { id: string; name: string; kind: EntityKind }[];
  /** People or things of that name that Backstory does not know, as the data describes them. */
  namesakes: string[];
}

/** The doubt a card opened on `form` should admit, or undefined when there is none. */
export function doubtFor(entities: readonly EntityRecord[], entityId: string, form: string): Doubt | undefined {
  const entity = entities.find((e) => e.id === entityId);
  const key = foldSpelling(form);
  if (!entity || !key) return undefined;
  const same = (forms: readonly string[]) => forms.some((f) => foldSpelling(f) === key);
  const fromContext = same(entity.ambiguous) && !same([entity.name, ...entity.aliases]);
  const others = entities
    .filter((e) => e.id !== entityId && same([e.name, ...e.aliases, ...e.ambiguous]))
    .map((e) => ({ id: e.id, name: e.name, kind: e.kind }));
  // A namesake shares a full name (`names`) or, read from context, the short form itself.
  const namesakes = (entity.namesakes ?? []).filter((n) => fromContext || same(n.names ?? [])).map((n) => n.who);
  if (!fromContext && !others.length && !namesakes.length) return undefined;
  return { form, fromContext, others, namesakes };
}
