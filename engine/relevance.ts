/**
 * How much a card's facts bear on the article being read. A small, explainable score,
 * so a reader (and a test) can tell why a fact comes first:
 * - a fact that involves other entities the page names is about this article's subject
 *   (ON_PAGE_POINTS for each such entity, counted up to ON_PAGE_CAP);
 * - of the facts up to the article's date, the closer one is the backstory the writer
 *   assumed (CLOSENESS_POINTS by distance);
 * - facts after the article's date are not part of its backstory: they are set apart
 *   ("Since this article") and keep their own newest-first order.
 * With no article date, the reader is reading today's news: newest first, on-page
 * involvement first among them.
 */
import { parseDate, pointKey, type DateSpan } from './dates';

export interface ArticleContext {
  /** The article's publication date (`YYYY-MM-DD` or `YYYY-MM`), when the page gives one. */
  date?: string;
  /** Ids of the entities found on the page. */
  onPage: ReadonlySet<string>;
}

export interface Weighable {
  /** The fact's date as the corpus writes it (`2025`, `2025-05-07`, `START/END`). */
  date: string;
  /** Ids of the other entities the fact involves. */
  involves: readonly string[];
}

export const ON_PAGE_POINTS = 4;
export const ON_PAGE_CAP = 2;
/** Points by how long before the article a fact is dated: within a year, five, or earlier. */
export const CLOSENESS_POINTS = { year: 3, fiveYears: 2, older: 1 } as const;

export interface Relevance {
  score: number;
  /** Entities on the page that the fact involves. */
  onPage: string[];
  /** After the article's date: not part of its backstory. */
  since: boolean;
}

function startKey(span: DateSpan): number {
  return pointKey(span.start, 'start');
}

/** Whole years from one yyyymmdd key to a later one (for the closeness bands). */
function yearsBetween(earlier: number, later: number): number {
  return Math.floor(later / 10000) - Math.floor(earlier / 10000) + (later % 10000 < earlier % 10000 ? -1 : 0);
}

export function relevanceOf(fact: Weighable, context: ArticleContext): Relevance {
  const onPage = fact.involves.filter((id) => context.onPage.has(id));
  let score = Math.min(onPage.length, ON_PAGE_CAP) * ON_PAGE_POINTS;
  const span = parseDate(fact.date);
  const article = context.date ? parseDate(context.date) : null;
  if (!span || !article) return { score, onPage, since: false };
  // A fact belongs to the article's backstory if it had begun by the end of the
  // article's date (a month-precise article date covers the whole month).
  const articleEnd = pointKey(article.start, 'end');
  const since = startKey(span) > articleEnd;
  if (!since) {
    const years = yearsBetween(pointKey(span.end ?? span.start, 'end'), articleEnd);
    score += years < 1 ? CLOSENESS_POINTS.year : years < 5 ? CLOSENESS_POINTS.fiveYears : CLOSENESS_POINTS.older;
  }
  return { score, onPage, since };
}

/** Newest first by start, then by end: a reader of today's news wants the latest first. */
function newestFirst(a: Weighable, b: Weighable): number {
  const sa = parseDate(a.date);
  const sb = parseDate(b.date);
  if (!sa || !sb) return 0;
  return startKey(sb) - startKey(sa) || pointKey(sb.end ?? sb.start, 'end') - pointKey(sa.end ?? sa.start, 'end');
}

export interface Ordered<T> {
  /** The article's backstory, most relevant first (everything, without an article date). */
  backstory: Array<{ item: T; relevance: Relevance }>;
  /** Facts after the article's date, newest first. */
  since: Array<{ item: T; relevance: Relevance }>;
}

/** Orders facts for a card opened on this article. Stable: ties keep newest-first order. */
export function orderForArticle<T extends Weighable>(items: readonly T[], context: ArticleContext): Ordered<T> {
  const scored = [...items].sort(newestFirst).map((item) => ({ item, relevance: relevanceOf(item, context) }));
  const backstory = scored.filter((s) => !s.relevance.since).sort((a, b) => b.relevance.score - a.relevance.score);
  const since = scored.filter((s) => s.relevance.since);
  return { backstory, since };
}

/** Related entities: those on the page first, each marked; the rest keep their order. */
export function onPageFirst<T extends { id: string }>(
  related: readonly T[],
  onPage: ReadonlySet<string>,
): Array<T & { onPage: boolean }> {
  const marked = related.map((r) => ({ ...r, onPage: onPage.has(r.id) }));
  return [...marked.filter((r) => r.onPage), ...marked.filter((r) => !r.onPage)];
}
