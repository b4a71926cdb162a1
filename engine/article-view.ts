/**
 * A card read with the article: the same entity view, framed by the page it is opened
 * on. The role is the one held at the article's date (with today's when it differs),
 * the facts that bear on the page come first (engine/relevance.ts), facts after the
 * article's date stand apart ("Since this article"), and connections the page also
 * names lead, marked. Without an article date, today's view with on-page facts first.
 */
import { formatIsoDate } from './dates';
import type { EntityView, FactView } from './entity-view';
import { onPageFirst, orderForArticle, relevanceOf, type ArticleContext } from './relevance';
import { roleLine } from './roles';

/** What the card tells of the article it is read with. */
export interface ArticleFrame {
  /** "13 January 2020": the article's date, when the page gives one. */
  dateLabel?: string;
  /** The role now, when it differs from the one held at the article's date. */
  nowRole?: string;
  /** Facts dated after the article, newest first. */
  since: FactView[];
}

/** The page as a card's request carries it: plain data, so it can cross a message. */
export interface PageContext {
  /** The article's publication date (`YYYY-MM-DD` or `YYYY-MM`). */
  date?: string;
  /** Ids of the entities found on the page. */
  onPage: string[];
  /**
   * The page's declared language (primary subtag; '' when none), for a hover card: on a
   * page in Urdu, Persian or Hindi the card shows the name in that script first; on other
   * pages it leaves the native names out, as a line the reader has no use for. Unset (the
   * popup, the side panel): the card shows them all.
   */
  lang?: string;
}

export function viewForArticle(view: EntityView, page: PageContext): EntityView {
  const context: ArticleContext = { onPage: new Set(page.onPage), ...(page.date ? { date: page.date } : {}) };
  // Commentators' views stay after the facts, as on every card.
  const opinions = view.facts.filter((f) => f.claim === 'opinion');
  const opinionsSince = new Set(opinions.filter((f) => relevanceOf(f, context).since));
  const ordered = orderForArticle(
    view.facts.filter((f) => f.claim !== 'opinion'),
    context,
  );
  const line = roleLine(view.role, view.roles, page.date);
  const article: ArticleFrame = {
    since: [...ordered.since.map((o) => o.item), ...opinionsSince],
    ...(page.date ? { dateLabel: formatIsoDate(page.date) } : {}),
    ...(line.now ? { nowRole: line.now } : {}),
  };
  const read: EntityView = {
    ...view,
    role: line.role,
    facts: [...ordered.backstory.map((o) => o.item), ...opinions.filter((f) => !opinionsSince.has(f))],
    related: onPageFirst(view.related, context.onPage),
    article,
  };
  if (page.lang !== undefined && read.native) {
    const lang = page.lang;
    const own = read.native.filter((n) => (n.languages as string[]).includes(lang));
    if (own.length) read.native = [...own, ...read.native.filter((n) => !own.includes(n))];
    else delete read.native;
  }
  return read;
}
