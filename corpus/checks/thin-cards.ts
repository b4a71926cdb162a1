/**
 * A card should tell a reader who or what this is and why it matters here; one fact
 * rarely does. A card may stay thin only if it says why (`fewFacts`), and a reason
 * left behind after the card grew is removed, so every reason in the corpus is current.
 */
import type { CheckInput } from './types';
import type { Problem } from '../validate';

/** Fewer facts than this make a thin card. */
export const MIN_FACTS = 2;

export function checkThinCards({ entities }: CheckInput): Problem[] {
  const problems: Problem[] = [];
  for (const { file, index, entity } of entities) {
    const at = `entities[${index}]`;
    const count = entity.facts.length;
    if (count < MIN_FACTS && entity.fewFacts === undefined) {
      problems.push({
        file,
        path: `${at}.facts`,
        check: 'thin-cards',
        message: `"${entity.id}" has ${count} fact${count === 1 ? '' : 's'}; give it at least ${MIN_FACTS}, or say why not in "fewFacts"`,
      });
    }
    if (count >= MIN_FACTS && entity.fewFacts !== undefined) {
      problems.push({
        file,
        path: `${at}.fewFacts`,
        check: 'thin-cards',
        message: `"${entity.id}" has ${count} facts; "fewFacts" no longer applies`,
      });
    }
  }
  return problems;
}
