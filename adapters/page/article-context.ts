/**
 * The article a page carries, as the cards read it: its publication date. In the card
 * UI bundle: read only when a card or a report is asked for, once per document.
 */
import { findArticleDate } from '../../engine/article-date';
import { collectArticleSignals } from './article-signals';

const dates = new WeakMap<Document, string | null>();

/** The article's publication date (`YYYY-MM-DD` or `YYYY-MM`), null when the page gives none. */
export function articleDateOf(doc: Document): string | null {
  let date = dates.get(doc);
  if (date === undefined) {
    try {
      date = findArticleDate(collectArticleSignals(doc, doc.location.href))?.iso ?? null;
    } catch (error) {
      // A page's odd markup must not cost the card: no date reads as today's view.
      console.warn('Backstory: could not read the article date', error);
      date = null;
    }
    dates.set(doc, date);
  }
  return date;
}
