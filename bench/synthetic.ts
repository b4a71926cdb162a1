/**
 * Synthetic data for the benchmark, on top of the engine's deterministic synthetic
 * corpus (`bench/synthetic-corpus.ts`, shared with the engine's scale test):
 * - the large corpus: the bundled entities plus synthetic ones, 10,000 in all;
 * - full records for those entities (role, summary, dated facts), for the popup search;
 * - names the article generator writes as people and organisations Backstory does not
 *   know (from a corpus with another seed, so no corpus here contains them).
 */
import type { CorpusRecords, EntityRecord } from '../engine/types';
import { seededRandom, syntheticCorpus } from './synthetic-corpus';
import type { MatcherSource } from '../engine/types';

export const rng = seededRandom;
export const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

/** Seed of the large corpus (the engine's default) and of the page's unknown names. */
const CORPUS_SEED = 1;
const UNKNOWN_SEED = 99;

/** The bundled sources plus synthetic entities up to `total`. */
export function largeCorpus(bundled: readonly MatcherSource[], total: number): MatcherSource[] {
  return [...bundled, ...syntheticCorpus({ entities: total - bundled.length, seed: CORPUS_SEED })];
}

/** Names of `count` people and organisations in no corpus here, as running text names them. */
export function unknownNames(count: number): string[] {
  return syntheticCorpus({ entities: count * 2, seed: UNKNOWN_SEED })
    .filter((s) => s.kind === 'person' || s.kind === 'organisation')
    .slice(0, count)
    .map((s) => s.name);
}

/** Names of `count` entities of the large corpus's synthetic part (the "10k knows more" variant). */
export function knownToLargeCorpus(bundledCount: number, total: number, count: number): string[] {
  return syntheticCorpus({ entities: total - bundledCount, seed: CORPUS_SEED })
    .filter((s) => s.kind === 'person' || s.kind === 'organisation')
    .slice(0, count)
    .map((s) => s.name);
}

const ROLES = [
  'former minister',
  'party leader',
  'army officer',
  'diplomat',
  'provincial governor',
  'activist',
  'economist',
];
const EVENT_WORDS = ['crisis', 'talks', 'floods', 'summit', 'clashes', 'protests', 'ceasefire', 'election'];
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Full records for synthetic sources: what the popup search indexes. Deterministic. */
export function syntheticRecords(sources: readonly MatcherSource[], seed = 11): EntityRecord[] {
  const r = rng(seed);
  return sources.map((s, i) => {
    const other = sources[(i * 7 + 3) % sources.length]!;
    const third = sources[(i * 11 + 1) % sources.length]!;
    const year = 1990 + Math.floor(r() * 36);
    const month = `0${1 + (i % 9)}`;
    const role = s.kind === 'person' ? `${cap(pick(r, ROLES))}, ${other.name}` : `${cap(s.kind)} in ${other.name}`;
    const record: EntityRecord = {
      id: s.id,
      kind: s.kind,
      name: s.name,
      aliases: s.aliases,
      ambiguous: s.ambiguous,
      role,
      summary: `${s.name} is linked to ${other.name}. It came to wide notice in ${year}, when reports tied it to ${third.name}.`,
      facts: [
        {
          date: `${year}-${month}`,
          text: `Met ${other.name} during talks on the border dispute.`,
          sources: [],
          background: true,
        },
        {
          date: `${year + 1}`,
          text: `Named in a report on the ${pick(r, EVENT_WORDS)} that followed.`,
          sources: [],
          background: true,
        },
      ],
      related: [{ type: 'related-to', target: other.id, sources: [] }],
    };
    if (s.kind === 'event')
      record.event = { start: `${year}-${month}`, participants: [other.id], sources: ['synthetic'] };
    return record;
  });
}

/** The bundled records plus records for the large corpus's synthetic entities. */
export function largeRecords(bundled: CorpusRecords, total: number): CorpusRecords {
  const synthetic = syntheticCorpus({ entities: total - bundled.entities.length, seed: CORPUS_SEED });
  return { ...bundled, entities: [...bundled.entities, ...syntheticRecords(synthetic)] };
}

/** Number of surface forms (name + aliases + ambiguous) in a corpus. */
export const formCount = (sources: readonly MatcherSource[]) =>
  sources.reduce((n, s) => n + 1 + s.aliases.length + s.ambiguous.length, 0);
