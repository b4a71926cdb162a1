/**
 * Collects, from the page's DOM, the raw signals the engine reads an article's
 * publication date from (engine/article-date.ts). Reads only the head's meta tags,
 * JSON-LD blocks, `<time>` elements and a few short dateline texts: bounded work,
 * run once when a page's article context is first asked for, never per text node.
 */
import type { ArticleDateSignals } from '../../engine/article-date';

const DATE_META_KEY = /date|time|publish|issued|created/i;
const MAX_JSON_LD_CHARS = 200_000;
const MAX_TIMES = 40;
const MAX_DATELINES = 8;
const HEADER_AREA = 'article, main, [role="main"], header, [class*="byline"], [class*="dateline"], [class*="meta"]';
const DATELINE =
  '[class*="dateline"], [class*="byline"], [class*="timestamp"], [class*="publish"], [itemprop="dateline"]';

export function collectArticleSignals(doc: Document, location: string): ArticleDateSignals {
  const metas: Array<{ key: string; content: string; scope?: string }> = [];
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const itemprop = meta.getAttribute('itemprop');
    const key = meta.getAttribute('property') ?? meta.getAttribute('name') ?? itemprop ?? '';
    if (!DATE_META_KEY.test(key)) continue;
    const content = meta.getAttribute('content') ?? '';
    const scope = itemprop === null ? undefined : meta.closest('[itemscope]')?.getAttribute('itemtype');
    metas.push(scope ? { key, content, scope } : { key, content });
  }

  const jsonLd: string[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    if (text.length <= MAX_JSON_LD_CHARS) jsonLd.push(text);
  }

  const times: ArticleDateSignals['times'][number][] = [];
  for (const el of doc.querySelectorAll('time, [itemprop~="datePublished"]')) {
    if (times.length >= MAX_TIMES) break;
    const itemprop = el.getAttribute('itemprop') ?? '';
    const className = el.getAttribute('class') ?? '';
    const text = (el.textContent ?? '').trim().slice(0, 120);
    times.push({
      datetime: el.getAttribute('datetime') ?? el.getAttribute('content'),
      text,
      published: el.hasAttribute('pubdate') || /\bdatePublished\b/.test(itemprop) || /publish/i.test(className),
      modified:
        /\bdateModified\b/.test(itemprop) ||
        /updat|modif/i.test(className) ||
        /^(last )?(updated|modified)\b/i.test(text),
      inArticle: el.closest(HEADER_AREA) !== null,
    });
  }

  const urls = [
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
    location,
  ].filter((u): u is string => typeof u === 'string' && u.length > 0);

  const datelines: string[] = [];
  for (const el of doc.querySelectorAll(DATELINE)) {
    if (datelines.length >= MAX_DATELINES) break;
    const text = (el.textContent ?? '').trim();
    if (text && text.length <= 200) datelines.push(text);
  }

  return { metas, jsonLd, times, urls, datelines };
}
