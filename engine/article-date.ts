/**
 * The publication date of the article a page carries, from the signals news sites
 * publish it in. Pure: the page adapter collects the raw signals (meta tags, JSON-LD,
 * `<time>` elements, the page's URLs, dateline texts); this decides.
 *
 * Order of trust, strongest first, each tried only when the ones before found nothing:
 * 1. JSON-LD `datePublished` of an article-like item (`@graph` and arrays included).
 *    It is the field sites fill for search engines, and it survives where the Open Graph
 *    tag was overwritten with the modification time.
 * 2. Open Graph and similar publication meta tags (`article:published_time` …), then
 *    the looser ones (`datePublished`, Dublin Core, `pdate`, `publishdate` …).
 * 3. A `<time>` marked as the publication time (`pubdate`, `itemprop=datePublished`),
 *    else the first `<time datetime>` in the article's header area.
 * 4. A date in the URL path (`/2020/01/13/`).
 * 5. A dateline or byline text ("13 January 2020", "Jan. 13, 2020").
 * Modification times are never used: a card "as of the article" must not move with an edit.
 * A date is read as the calendar date written in the string, in the publisher's own
 * offset, as the page shows it to its readers; no time-zone conversion.
 */
import { monthName, parseDate } from './dates';

export interface ArticleDateSignals {
  /**
   * `<meta>` tags: key is the property, name or itemprop attribute; for microdata, scope
   * is the `itemtype` of the item the tag belongs to (a video's date is not the article's).
   */
  metas: ReadonlyArray<{ key: string; content: string; scope?: string }>;
  /** The text of each `<script type="application/ld+json">`. */
  jsonLd: readonly string[];
  /** `<time>` and `[itemprop=datePublished]` elements, in document order. */
  times: ReadonlyArray<{
    datetime: string | null;
    text: string;
    /** Marked as the publication time: `pubdate`, `itemprop=datePublished`, a class naming it. */
    published: boolean;
    /** Marked as a modification time: `itemprop=dateModified`, "Updated …", a class naming it. */
    modified: boolean;
    /** Inside the article's header area (`<article>`, `<main>`, a header or byline block). */
    inArticle: boolean;
  }>;
  /** The canonical URL, `og:url` and the page's own address. */
  urls: readonly string[];
  /** Short texts of elements whose class or itemprop names a dateline, byline or date. */
  datelines: readonly string[];
}

export type ArticleDateSource = 'json-ld' | 'meta' | 'time' | 'url' | 'dateline';

export interface ArticleDate {
  /** `YYYY-MM-DD`, or `YYYY-MM` when only the month is known (a URL like `/2020/01/`). */
  iso: string;
  from: ArticleDateSource;
}

/** Publication tags, strongest first; all compared lower-cased. */
const PUBLISHED_META = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'og:published_time',
  'parsely-pub-date',
  'datepublished',
  'dc.date.issued',
  'dcterms.issued',
  'dcterms.created',
  'dcsext.articlefirstpublished',
  'article:publicationdate',
  'publishdate',
  'publish_date',
  'publish-date',
  'published_at',
  'pubdate',
  'pdate',
  'sailthru.date',
  'dc.date',
  'date',
] as const;
// sailthru.date is an update time on some sites (Vox), so it sits below every tag that
// can only mean publication.

const ARTICLE_TYPE =
  /(^|[^a-z])(article|newsarticle|reportage|blogposting|report|analysis|opinion|review|liveblogposting|posting)/i;

const MONTH_WORDS: ReadonlyMap<string, number> = new Map(
  Array.from({ length: 12 }, (_, i) => {
    const name = monthName(i + 1).toLowerCase();
    return [
      [name, i + 1],
      [name.slice(0, 3), i + 1],
    ] as const;
  })
    .flat()
    .concat([['sept', 9]]),
);

const YEAR_MIN = 1900;
const YEAR_MAX = 2100;

function isoOf(year: number, month: number, day?: number): string | null {
  if (year < YEAR_MIN || year > YEAR_MAX) return null;
  const text = day === undefined ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
  return parseDate(text) ? text : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date in one of the forms publishers write in machine-readable fields and datelines:
 * ISO 8601 with any time and offset (`2015-07-10 09:53:00 -0400`), `20170113`,
 * US `05/29/2007`, `Fri Mar 13 21:30:09 EST 2015`, "13 January 2020", "Jan. 13, 2020".
 * Returns `YYYY-MM-DD`, or null for anything else.
 */
export function parsePublishedDate(raw: string): string | null {
  const text = raw.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?=$|[T\s])/.exec(text);
  if (m) return isoOf(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})(\d{2})(\d{2})(?:\d{4,6})?$/.exec(text);
  if (m) return isoOf(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?=$|\s)/.exec(text);
  if (m) return isoOf(+m[3]!, +m[1]!, +m[2]!);
  return parseWrittenDate(text);
}

/** "13 January 2020", "January 13, 2020", "Jan. 13 2020", "Fri Mar 13 21:30:09 EST 2015". */
function parseWrittenDate(text: string): string | null {
  const words = text.toLowerCase().match(/[a-z]+|\d+/g);
  if (!words) return null;
  for (let i = 0; i < words.length; i++) {
    const month = MONTH_WORDS.get(words[i]!);
    if (month === undefined) continue;
    const before = words[i - 1];
    const after = words[i + 1];
    // The year is the first four-digit number after the month ("Mar 13 21:30:09 EST 2015").
    const year = words.slice(i + 1).find((w) => /^\d{4}$/.test(w));
    if (!year) continue;
    const day = after && /^\d{1,2}$/.test(after) ? after : before && /^\d{1,2}$/.test(before) ? before : undefined;
    if (day === undefined) continue;
    const iso = isoOf(+year, month, +day);
    if (iso) return iso;
  }
  return null;
}

interface LdItem {
  types: string[];
  datePublished: string;
  depth: number;
}

/** Every object in a JSON-LD document that carries a publication date, with its depth. */
function ldItems(value: unknown, out: LdItem[], depth = 0): void {
  if (depth > 12 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) ldItems(v, out, depth);
    return;
  }
  const obj = value as Record<string, unknown>;
  const type = obj['@type'];
  const types = (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
  if (typeof obj.datePublished === 'string') out.push({ types, datePublished: obj.datePublished, depth });
  for (const v of Object.values(obj)) ldItems(v, out, depth + 1);
}

/** Some CMSs wrap JSON-LD in a (commented) CDATA section, which JSON.parse refuses. */
function unwrapCdata(text: string): string {
  return text.replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[/, '').replace(/(?:\/\/\s*)?\]\]>\s*$/, '');
}

/**
 * The article's own date: an article-typed item first, then the shallowest item (a
 * video or a review nested inside the page has a date of its own).
 */
function fromJsonLd(scripts: readonly string[]): string | null {
  const items: LdItem[] = [];
  for (const script of scripts) {
    try {
      ldItems(JSON.parse(unwrapCdata(script)), items);
    } catch {
      // A broken JSON-LD block is common; the other signals still count.
    }
  }
  const rank = (i: LdItem) => (i.types.some((t) => ARTICLE_TYPE.test(t)) ? 0 : 100) + i.depth;
  for (const item of [...items].sort((a, b) => rank(a) - rank(b))) {
    const iso = parsePublishedDate(item.datePublished);
    if (iso) return iso;
  }
  return null;
}

function fromMeta(metas: ArticleDateSignals['metas']): string | null {
  // Microdata of an article first, then plain tags, then tags of other items.
  const rank = (scope: string | undefined) => (scope === undefined ? 1 : ARTICLE_TYPE.test(scope) ? 0 : 2);
  const ordered = [...metas].sort((a, b) => rank(a.scope) - rank(b.scope));
  for (const key of PUBLISHED_META) {
    for (const meta of ordered) {
      if (meta.key.trim().toLowerCase() !== key) continue;
      const iso = parsePublishedDate(meta.content);
      if (iso) return iso;
    }
  }
  return null;
}

function fromTimes(times: ArticleDateSignals['times']): string | null {
  const read = (t: ArticleDateSignals['times'][number]) =>
    (t.datetime && parsePublishedDate(t.datetime)) || parsePublishedDate(t.text);
  const unmodified = times.filter((t) => !t.modified);
  for (const t of unmodified) {
    const iso = t.published ? read(t) : null;
    if (iso) return iso;
  }
  const first = unmodified.find((t) => t.inArticle && t.datetime);
  return first ? read(first) : null;
}

function fromUrls(urls: readonly string[]): string | null {
  for (const url of urls) {
    // The path of an absolute URL; no URL parser, so the engine needs no DOM or Node types.
    const path = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(\/[^?#]*)/i.exec(url)?.[1];
    if (!path) continue;
    let m = /\/((?:19|20)\d{2})[/-]([01]?\d)[/-]([0-3]?\d)(?=[/-]|$)/.exec(path);
    if (m) {
      const iso = isoOf(+m[1]!, +m[2]!, +m[3]!);
      if (iso) return iso;
    }
    m = /\/((?:19|20)\d{2})([01]\d)([0-3]\d)(?=\/|$)/.exec(path);
    if (m) {
      const iso = isoOf(+m[1]!, +m[2]!, +m[3]!);
      if (iso) return iso;
    }
    m = /\/((?:19|20)\d{2})\/([01]\d)\//.exec(path);
    if (m) {
      const iso = isoOf(+m[1]!, +m[2]!);
      if (iso) return iso;
    }
  }
  return null;
}

function fromDatelines(texts: readonly string[]): string | null {
  for (const text of texts) {
    const iso = parseWrittenDate(text.slice(0, 200));
    if (iso) return iso;
  }
  return null;
}

/** The article's publication date, or null when the page does not say it plainly. */
export function findArticleDate(signals: ArticleDateSignals): ArticleDate | null {
  const tries: Array<[ArticleDateSource, () => string | null]> = [
    ['json-ld', () => fromJsonLd(signals.jsonLd)],
    ['meta', () => fromMeta(signals.metas)],
    ['time', () => fromTimes(signals.times)],
    ['url', () => fromUrls(signals.urls)],
    ['dateline', () => fromDatelines(signals.datelines)],
  ];
  for (const [from, find] of tries) {
    const iso = find();
    if (iso) return { iso, from };
  }
  return null;
}
