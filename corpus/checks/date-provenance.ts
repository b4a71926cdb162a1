/**
 * A cited item dated to the day says where its day comes from. Articles often give a
 * month or "last June" while the corpus knows the day from the public record (the
 * Trump–Munir lunch of 18 June 2025); the card must then show the claim as the
 * article's and the day as background. `dateSource` says which: `article` (the article
 * gives the day) or `background`. An item that cites nothing is background through and
 * through, so there it would say nothing and is refused.
 */
import type { Problem } from '../validate';
import type { CheckInput } from './types';

/** True when either end of `2025-06-18` or `2025-06-18/2025-06-20` is a day. */
export function isDayPrecise(iso: string): boolean {
  return iso.split('/').some((point) => /^\d{4}-\d{2}-\d{2}$/.test(point));
}

interface Dated {
  date?: string;
  dateSource?: string;
  sources: string[];
}

function check(item: Dated, what: string, file: string, path: string, problems: Problem[]): void {
  const cited = item.sources.length > 0;
  if (cited && item.date !== undefined && isDayPrecise(item.date) && item.dateSource === undefined) {
    problems.push({
      file,
      path: `${path}.date`,
      check: 'date-provenance',
      message: `a cited ${what} dated to the day (${item.date}) says where the day comes from: "dateSource": "article" if the article gives it, "background" if the public record does`,
    });
  }
  if (!cited && item.dateSource !== undefined) {
    problems.push({
      file,
      path: `${path}.dateSource`,
      check: 'date-provenance',
      message: `"dateSource" says where a cited ${what}'s date comes from; this ${what} cites no article`,
    });
  }
  if (item.date === undefined && item.dateSource !== undefined) {
    problems.push({
      file,
      path: `${path}.dateSource`,
      check: 'date-provenance',
      message: `the ${what} has no date to source`,
    });
  }
}

export function checkDateProvenance({ entities }: CheckInput): Problem[] {
  const problems: Problem[] = [];
  for (const { file, index, entity } of entities) {
    entity.facts.forEach((fact, k) => check(fact, 'fact', file, `entities[${index}].facts[${k}]`, problems));
    entity.related.forEach((relation, k) =>
      check(relation, 'relation', file, `entities[${index}].related[${k}]`, problems),
    );
  }
  return problems;
}
