/**
 * Credit where the corpus says it is due. The convention (README, "Writing the corpus"):
 * an article's own claims are credited to its outlet — "The National Interest", never
 * its writer — and a claim an article relays is credited to the claimant as reported by
 * the outlet ("Indian government, as reported by The Strategic Brief"). So:
 * - an attribution names the outlet of an article the fact cites;
 * - no attribution credits the writer of an article whose outlet is another name, nor
 *   does a text ("Eldar Mamedov argues", "according to Khurram Khan"); naming the writer
 *   otherwise (the European Parliament employs Eldar Mamedov) is no credit;
 * - a fact, relation note or summary that names an outlet or writer from `sources.json`
 *   cites that article (a card's summary: somewhere on the card), so no claim is
 *   credited to an article the card does not cite;
 * - no item lists the same article twice.
 * Citations of ids missing from `sources.json` are reported by `validate.ts`.
 */
import type { Source } from '../../engine/types';
import type { Entity } from '../schema';
import type { Problem } from '../validate';
import type { CheckInput } from './types';

/** How text names an article: its outlet without a parenthesis ("The National (UAE)" → "The National"), and its writer. */
export interface SourceNames {
  id: string;
  outlet: string;
  /** The writer, when the outlet is another name (a personal blog's writer is its outlet). */
  author?: string;
}

export function sourceNames(source: Source): SourceNames {
  const outlet = source.outlet.replace(/\s*\([^)]*\)\s*$/, '').trim();
  const author = source.author !== null && !outlet.includes(source.author) ? source.author : undefined;
  return { id: source.id, outlet, ...(author ? { author } : {}) };
}

interface Mention {
  id: string;
  name: string;
  by: 'outlet' | 'author';
  start: number;
  end: number;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Outlets and writers named in `text`, whole words only, the longest name winning where
 * names overlap ("The National Interest" is not also "The National").
 */
export function mentions(text: string, names: SourceNames[]): Mention[] {
  const found: Mention[] = [];
  for (const n of names) {
    for (const [name, by] of [
      [n.outlet, 'outlet'],
      [n.author, 'author'],
    ] as const) {
      if (!name) continue;
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
        const end = at + name.length;
        if (!isWordChar(text[at - 1]) && !isWordChar(text[end])) found.push({ id: n.id, name, by, start: at, end });
      }
    }
  }
  return found.filter(
    (m) => !found.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start),
  );
}

/** Verbs of crediting a claim; "Mamedov argues", "according to Khurram Khan". */
const CREDIT_VERB =
  /^(?:'s view|,? (?:argues|argued|says|said|writes|wrote|notes|noted|contends|claims|claimed|asserts|calls|describes|sees|judges|warns|believes))\b/;

function creditsWriter(text: string, m: Mention): boolean {
  return CREDIT_VERB.test(text.slice(m.end)) || /according to $/i.test(text.slice(0, m.start));
}

/** Every article an entity cites anywhere: facts, relations, event block. */
function citedOnCard(entity: Entity): Set<string> {
  return new Set([
    ...entity.facts.flatMap((f) => f.sources),
    ...entity.related.flatMap((r) => r.sources),
    ...(entity.event?.sources ?? []),
  ]);
}

export function checkCitations({ sources, entities }: CheckInput): Problem[] {
  const problems: Problem[] = [];
  const names = sources.map(sourceNames);
  const byId = new Map(names.map((n) => [n.id, n]));
  const report = (file: string, path: string, message: string) =>
    problems.push({ file, path, check: 'citations', message });

  for (const { file, index, entity } of entities) {
    const at = `entities[${index}]`;
    // The writer's own card may credit the writer.
    const writerCredited = (m: Mention, text: string, isAttribution: boolean) =>
      m.by === 'author' && m.name !== entity.name && (isAttribution || creditsWriter(text, m));

    /** Named articles must be among `cited`; writers of other-named outlets are not credited. */
    const checkText = (text: string | undefined, cited: Set<string>, path: string, where: string) => {
      if (text === undefined) return;
      const isAttribution = where === 'the attribution';
      for (const m of mentions(text, names)) {
        if (!cited.has(m.id)) report(file, path, `${where} names ${m.name} but does not cite its article "${m.id}"`);
        else if (writerCredited(m, text, isAttribution)) {
          report(file, path, `${where} credits ${m.name}; credit the outlet, ${byId.get(m.id)!.outlet}`);
        }
      }
    };
    const checkList = (ids: string[], path: string) => {
      const seen = new Set<string>();
      ids.forEach((id, k) => {
        if (seen.has(id)) report(file, `${path}.sources[${k}]`, `cites "${id}" twice`);
        seen.add(id);
      });
    };

    entity.facts.forEach((fact, k) => {
      const path = `${at}.facts[${k}]`;
      const cited = new Set(fact.sources);
      checkList(fact.sources, path);
      checkText(fact.text, cited, `${path}.text`, 'the fact');
      checkText(fact.attribution, cited, `${path}.attribution`, 'the attribution');
      if (fact.attribution !== undefined && fact.sources.length > 0) {
        const outlets = fact.sources.flatMap((id) => byId.get(id)?.outlet ?? []);
        const credited = mentions(fact.attribution, names).some((m) => m.by === 'outlet' && cited.has(m.id));
        if (!credited) {
          report(
            file,
            `${path}.attribution`,
            `"${fact.attribution}" names none of the outlets the fact cites (${outlets.join(', ')}): credit the outlet, or write "${fact.attribution}, as reported by ${outlets[0]}"`,
          );
        }
      }
    });
    entity.related.forEach((relation, k) => {
      const path = `${at}.related[${k}]`;
      checkList(relation.sources, path);
      checkText(relation.note, new Set(relation.sources), `${path}.note`, 'the note');
    });
    if (entity.event) checkList(entity.event.sources, `${at}.event`);
    const onCard = citedOnCard(entity);
    checkText(entity.summary, onCard, `${at}.summary`, 'the summary');
    checkText(entity.role, onCard, `${at}.role`, 'the role');
  }
  return problems;
}
