/**
 * Opinions and contested claims say whose they are, and opinions are dated the same
 * way everywhere: to the publication of the article that gives them (a view of June's
 * war written in January is January's), linked to what they judge by `about`. The card
 * lists them after the facts, so the date no longer decides whether a card opens with a view.
 */
import type { Problem } from '../validate';
import type { CheckInput } from './types';

export function checkOpinions({ sources, entities }: CheckInput): Problem[] {
  const problems: Problem[] = [];
  const published = new Map(sources.map((s) => [s.id, s.published]));
  const ids = new Set(entities.map((e) => e.entity.id));
  const report = (file: string, path: string, message: string) =>
    problems.push({ file, path, check: 'opinions', message });

  for (const { file, index, entity } of entities) {
    entity.facts.forEach((fact, k) => {
      const at = `entities[${index}].facts[${k}]`;
      if (fact.claim !== undefined && fact.attribution === undefined) {
        report(file, `${at}.attribution`, `a claim marked "${fact.claim}" says whose it is in "attribution"`);
      }
      if (fact.claim !== undefined && fact.sources.length === 0) {
        report(file, `${at}.sources`, `a claim marked "${fact.claim}" cites the article that makes or reports it`);
      }
      if (fact.claim === 'opinion') {
        const dates = fact.sources.flatMap((id) => published.get(id) ?? []);
        if (dates.length > 0 && !dates.includes(fact.date)) {
          report(
            file,
            `${at}.date`,
            `an opinion is dated to its article's publication (${[...new Set(dates)].join(' or ')}), not ${fact.date}; link what it is about with "about"`,
          );
        }
      }
      if (fact.about !== undefined && !ids.has(fact.about))
        report(file, `${at}.about`, `unknown entity "${fact.about}"`);
      if (fact.about === entity.id)
        report(file, `${at}.about`, 'an opinion on its own subject\'s card needs no "about"');
      if (fact.about !== undefined && fact.claim === undefined) {
        report(
          file,
          `${at}.about`,
          '"about" links an opinion or contested claim to its subject; this fact is marked neither',
        );
      }
    });
  }
  return problems;
}
