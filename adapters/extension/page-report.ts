/**
 * What a tab's content script reports of its page, and the digest extension pages read.
 * The content script's matcher table has no entity ids (to stay small on every page):
 * it reports entity indices with the key of the corpus they index, and the pages that
 * hold the records, built from the same corpus, name them. No extension API here, so
 * tests and the e2e harness read reports the way the pages do.
 */
import type { PageContext } from '../../engine/article-view';
import type { EntityKind } from '../../engine/types';
import { checkCorpusKey, corpusKey } from '../../engine/table-format';

/** A tab that did not answer may have just loaded (or be reading still): it is asked once more after this long. */
export const DIGEST_RETRY_MS = 700;

/** What an extension page knows of the tab being read: the popup's and the side panel's one shape. */
export type PageState<D = PageDigest, Extra = object> =
  | { status: 'loading' }
  /** No tab, or no content script answering in it (a browser page, a store, a PDF). */
  | { status: 'unavailable' }
  | ({ status: 'ready'; digest: D } & Extra);

/** What the content script answers to `page-digest`. */
export interface PageReport {
  url: string;
  host: string;
  /** False when Backstory is switched off for this site or everywhere. */
  active: boolean;
  /** `MatcherTable.corpus` of the table the indices come from. */
  corpus: string;
  /** Pairs [entity index, mentions in the article], flat; the whole page's when no article stands apart. */
  counts: number[];
  /** Pairs as `counts` for entities mentioned only outside the article (rails, menus, footers). */
  elsewhere?: number[];
  /** The article's publication date (`YYYY-MM-DD` or `YYYY-MM`), when the page gives one. */
  date?: string;
  /** Mentions the reader unlinked here ("Not this one"). */
  unlinked?: number;
}

/**
 * One entity as detected on a page. No display name: the pages that list entities name
 * and order them from their records.
 */
export interface PageEntity {
  id: string;
  kind: EntityKind;
  count: number;
}

export interface PageDigest {
  url: string;
  host: string;
  /** False when Backstory is switched off for this site or everywhere. */
  active: boolean;
  /** What the article mentions (the whole page's mentions when no article stands apart). */
  entities: PageEntity[];
  /** Entities mentioned only in the page's furniture: "Elsewhere on the page". */
  elsewhere?: PageEntity[];
  /** The article's publication date, when the page gives one. */
  date?: string;
  /** Mentions the reader unlinked here ("Not this one"). */
  unlinked?: number;
}

/** The digest of a report, named from `entities` (the records, in corpus order); throws on another corpus. */
export function digestOfReport(report: PageReport, entities: readonly { id: string; kind: EntityKind }[]): PageDigest {
  if (!report || !Array.isArray(report.counts)) throw new Error('Backstory: no page report from the tab');
  const ids = entities.map((e) => e.id);
  checkCorpusKey(report.corpus, ids);
  const named = (pairs: number[]): PageEntity[] => {
    const found: PageEntity[] = [];
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const e = entities[pairs[i]!];
      if (e) found.push({ id: e.id, kind: e.kind, count: pairs[i + 1]! });
    }
    return found;
  };
  const digest: PageDigest = {
    url: report.url,
    host: report.host,
    active: report.active,
    entities: named(report.counts),
  };
  const elsewhere = Array.isArray(report.elsewhere) ? named(report.elsewhere) : [];
  if (elsewhere.length) digest.elsewhere = elsewhere;
  if (typeof report.date === 'string') digest.date = report.date;
  if (typeof report.unlinked === 'number' && report.unlinked > 0) digest.unlinked = report.unlinked;
  return digest;
}

/** The page a card is read with, named from the content script's indices; throws on another corpus. */
export function contextOfRef(
  ref: { date?: string; corpus: string; onPage: readonly number[]; lang?: string },
  ids: readonly string[],
): PageContext {
  checkCorpusKey(ref.corpus, ids);
  const onPage = ref.onPage.map((i) => ids[i]).filter((id): id is string => id !== undefined);
  const context: PageContext = typeof ref.date === 'string' ? { date: ref.date, onPage } : { onPage };
  if (typeof ref.lang === 'string') context.lang = ref.lang;
  return context;
}

/** The page a card opened from the popup or the side panel is read with. */
export function contextOfDigest(digest: Pick<PageDigest, 'date' | 'entities'>): PageContext {
  const onPage = digest.entities.map((e) => e.id);
  return digest.date ? { date: digest.date, onPage } : { onPage };
}

/** How a content script is told of the entity with `id` (see `TableRef` in messages.ts); null for an id not in `entities`. */
export function tableRefOf(id: string, entities: readonly { id: string }[]): { entity: number; corpus: string } | null {
  const ids = entities.map((e) => e.id);
  const entity = ids.indexOf(id);
  return entity < 0 ? null : { entity, corpus: corpusKey(ids) };
}
