/**
 * Editorial checks: slips a careful reader of the corpus would catch and a machine can
 * too (a fact repeated, a claim credited to an article the fact does not cite, a day
 * whose provenance is unsaid, a card too thin to tell a reader anything). They run on
 * the entities that passed the schema, after the structural checks in `validate.ts`,
 * and report every problem at once like those.
 */
import type { Problem } from '../validate';
import { checkCitations } from './citations';
import { checkDateProvenance } from './date-provenance';
import { checkDuplicates } from './duplicates';
import { checkOpinions } from './opinions';
import { checkThinCards } from './thin-cards';
import type { CheckInput, EditorialCheck } from './types';

export type { CheckInput, EditorialCheck };

export const EDITORIAL_CHECKS: readonly EditorialCheck[] = [
  checkDuplicates,
  checkCitations,
  checkDateProvenance,
  checkOpinions,
  checkThinCards,
];

export function runEditorialChecks(input: CheckInput, checks: readonly EditorialCheck[] = EDITORIAL_CHECKS): Problem[] {
  return checks.flatMap((check) => check(input));
}
