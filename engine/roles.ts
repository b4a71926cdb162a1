/**
 * Roles change: Larijani was speaker of Iran's parliament in January 2020 and secretary
 * of the Supreme National Security Council from August 2025. A card opened on an
 * article says the role the person held at the article's date and, when it differs,
 * what it is now.
 */
import { parseDate, pointKey } from './dates';

export interface DatedRole {
  title: string;
  /** When the role began, at the precision known (`2025-08`); open when unknown. */
  from?: string;
  /** When it ended; absent while it is held. */
  to?: string;
}

export interface RoleLine {
  /** The role to show first: as of the article, or the current one. */
  role: string;
  /** The current role, when the article's differs from it. */
  now?: string;
}

function key(date: string | undefined, edge: 'start' | 'end'): number | null {
  if (!date) return null;
  const span = parseDate(date);
  if (!span) return null;
  return pointKey(edge === 'start' ? span.start : (span.end ?? span.start), edge);
}

/** The roles held on a date, in the order the corpus lists them. */
export function rolesAt(roles: readonly DatedRole[], date: string): DatedRole[] {
  const at = key(date, 'start');
  if (at === null) return [];
  return roles.filter((r) => {
    const from = key(r.from, 'start');
    const to = key(r.to, 'end');
    return (from === null || from <= at) && (to === null || at <= to);
  });
}

/**
 * The card's role line. `current` is the entity's role as written today; dated roles,
 * when the corpus has them, decide what the article's reader saw. With no article date,
 * no dated roles, or no role held at that date, the current role stands alone.
 */
export function roleLine(current: string, roles: readonly DatedRole[], articleDate?: string): RoleLine {
  if (!articleDate || roles.length === 0) return { role: current };
  const then = rolesAt(roles, articleDate);
  // No role held then, or only roles still held today: the current role line says it.
  if (then.every((r) => r.to === undefined)) return { role: current };
  return { role: then.map((r) => r.title).join(' · '), now: current };
}
