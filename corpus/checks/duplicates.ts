/**
 * Near-duplicate facts. Within a card, two facts that say nearly the same thing waste
 * the reader's three lines (Trump's card listed the Munir meeting twice). Across cards
 * the same fact may be told from both ends only when the cards are connected (a
 * relation either way, an event's participant or place, an opinion's subject), so a
 * reader can see why; otherwise one card should hold it and the other link to it.
 *
 * "Nearly the same" is measured on content words (function words dropped, case,
 * diacritics and a plural -s folded) of the fact together with its card's name, which
 * is the fact's unwritten subject ("Talked with Bajwa" on Esper's card and on Pompeo's
 * are two facts), leaving out the outlets that are credited: the share of the shorter fact's words that the
 * other also has, over a minimum of shared words so short facts do not match by chance,
 * between facts whose dates overlap (the same thing told twice happened at the same
 * time; two facts naming the same three people years apart are not one).
 */
import type { Entity } from '../schema';
import { sourceNames } from './citations';
import type { Problem } from '../validate';
import type { CheckInput } from './types';

/** Share of the shorter fact's content words found in the other: at or above, a near-duplicate. */
export const NEAR_DUPLICATE = 0.6;
/** Fewer shared content words than this never make a near-duplicate. */
export const MIN_SHARED = 4;

const FUNCTION_WORDS = new Set(
  (
    'a an the and or but nor of in on at to for from by with without into onto over under after before during ' +
    'as than that this these those it its is are was were be been being has have had do does did not no ' +
    'he she his her him they them their we our you your i who whom whose which what when where why how ' +
    'also only still then there here so such very more most much many some any all both each other another ' +
    'would could should will can may might must shall about against between through while until since ' +
    'according says said say'
  ).split(' '),
);

/** Content words of a text, folded. */
export function contentWords(text: string): Set<string> {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !FUNCTION_WORDS.has(w))
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
  return new Set(words);
}

/** Shared content words over the shorter set's size, and how many were shared. */
export function similarity(a: Set<string>, b: Set<string>): { score: number; shared: number } {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const smaller = Math.min(a.size, b.size);
  return { score: smaller === 0 ? 0 : shared / smaller, shared };
}

export function nearDuplicate(a: Set<string>, b: Set<string>): boolean {
  const { score, shared } = similarity(a, b);
  return shared >= MIN_SHARED && score >= NEAR_DUPLICATE;
}

/** First and last day of a schema-valid date or interval, as comparable `YYYY-MM-DD` strings. */
function span(iso: string): [string, string] {
  const [start, end = start] = iso.split('/') as [string, string?];
  const last = end!.length === 4 ? `${end}-12-31` : end!.length === 7 ? `${end}-31` : end!;
  return [`${start}-01-01`.slice(0, 10), last];
}

export function datesOverlap(a: string, b: string): boolean {
  const [a1, a2] = span(a);
  const [b1, b2] = span(b);
  return a1 <= b2 && b1 <= a2;
}

/** Pairs of entity ids a reader can travel between on the cards. */
function connections(entities: Entity[]): Set<string> {
  const pairs = new Set<string>();
  const link = (a: string, b: string) => {
    pairs.add(`${a}|${b}`);
    pairs.add(`${b}|${a}`);
  };
  for (const e of entities) {
    for (const r of e.related) link(e.id, r.target);
    for (const p of e.event?.participants ?? []) link(e.id, p);
    if (e.event?.place) link(e.id, e.event.place);
    for (const f of e.facts) if (f.about) link(e.id, f.about);
  }
  return pairs;
}

export function checkDuplicates({ sources, entities }: CheckInput): Problem[] {
  const problems: Problem[] = [];
  const connected = connections(entities.map((e) => e.entity));
  const credits = sources.map(sourceNames).flatMap((n) => (n.author ? [n.outlet, n.author] : [n.outlet]));
  const uncredited = (text: string) => credits.reduce((rest, name) => rest.split(name).join(' '), text);
  const facts = entities.flatMap(({ file, index, entity }) =>
    entity.facts.map((fact, k) => ({
      file,
      path: `entities[${index}].facts[${k}]`,
      id: entity.id,
      date: fact.date,
      text: fact.text,
      words: contentWords(uncredited(fact.text)),
      withSubject: contentWords(`${entity.name} ${uncredited(fact.text)}`),
    })),
  );
  for (let i = 0; i < facts.length; i++) {
    const a = facts[i]!;
    for (let j = i + 1; j < facts.length; j++) {
      const b = facts[j]!;
      const sameCard = a.id === b.id;
      if (!sameCard && connected.has(`${a.id}|${b.id}`)) continue;
      if (!datesOverlap(a.date, b.date)) continue;
      if (!(sameCard ? nearDuplicate(a.words, b.words) : nearDuplicate(a.withSubject, b.withSubject))) continue;
      const where = sameCard
        ? `${a.path} on the same card`
        : `${a.file} ${a.path} ("${a.id}"), and the cards are not connected`;
      problems.push({
        file: b.file,
        path: b.path,
        check: 'duplicates',
        message: `near-duplicate of ${where}: "${b.text}" / "${a.text}"`,
      });
    }
  }
  return problems;
}
