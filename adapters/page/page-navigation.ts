/**
 * What the content script does only when the reader (or the popup) asks: step the
 * keyboard's current mention through the page, reveal an entity's next mention, report
 * the page's entities. It ships in the card UI bundle (card-ui.ts), loaded on the first
 * such request, so the script that runs on every page carries none of it.
 */
import type { PageRef, TableRef, TabRequest } from '../extension/messages';
import type { PageReport } from '../extension/page-report';
import { articleDateOf } from './article-context';
import { liveRange, type MentionIndex, type PageMention } from './mention-index';
import { TIMING } from './timing';

/** The page reader as navigation sees it. */
export interface NavigablePage {
  readonly doc: Document;
  /** The scanner's mentions; null while Backstory is off here. */
  readonly index: MentionIndex | null;
  readonly active: boolean;
  /** `MatcherTable.corpus` of the page's table. */
  readonly corpus: string;
  /** The mention the keyboard stepped to (or the popup revealed). */
  readonly current: PageMention | null;
  /** Makes `m` current (the focus ring); with `flashMs`, only for that long. */
  setCurrent(m: PageMention | null, flashMs?: number): void;
  closeCard(): void;
  /** The page's main article (main-article.ts); null until found, or when the page has none apart. */
  readonly article: Element | null;
  /** Mentions the reader unlinked on this page ("Not this one"), and taking them all back. */
  readonly unlinkedCount: number;
  unlink(range: AbstractRange): void;
  relinkAll(): void;
}

const ordered = new WeakMap<MentionIndex, { version: number; mentions: PageMention[] }>();

/** Every mention whose range is still in the document, in reading order (kept until the index changes). */
export function inReadingOrder(index: MentionIndex): PageMention[] {
  const known = ordered.get(index);
  if (known?.version === index.version) return known.mentions;
  const mentions = [...index.lists()].flat().filter((m) => m.range.startContainer.isConnected);
  mentions.sort(compareRanges);
  ordered.set(index, { version: index.version, mentions });
  return mentions;
}

/**
 * Mentions per entity in the article (the whole page when `article` is null), and per
 * entity found only outside it ("Elsewhere on the page": rails, menus, footers).
 */
export function countsByEntity(
  index: MentionIndex,
  article: Element | null = null,
): { inArticle: Map<number, number>; elsewhere: Map<number, number> } {
  const inArticle = new Map<number, number>();
  const outside = new Map<number, number>();
  for (const list of index.lists())
    for (const m of list) {
      const counts = !article || article.contains(m.range.startContainer) ? inArticle : outside;
      counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    }
  const elsewhere = new Map([...outside].filter(([entity]) => !inArticle.has(entity)));
  return { inArticle, elsewhere };
}

function compareRanges(a: PageMention, b: PageMention): number {
  if (a.range.startContainer === b.range.startContainer) return a.range.startOffset - b.range.startOffset;
  const position = a.range.startContainer.compareDocumentPosition(b.range.startContainer);
  return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : position & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 0;
}

/** Moves the keyboard's current mention forward or back, in reading order. */
export function step(page: NavigablePage, direction: 1 | -1): boolean {
  const all = page.index ? inReadingOrder(page.index) : [];
  if (!all.length) return false;
  const at = page.current ? all.indexOf(page.current) : -1;
  const next = at < 0 ? (direction > 0 ? 0 : all.length - 1) : (at + direction + all.length) % all.length;
  page.closeCard();
  page.setCurrent(all[next]!);
  scrollTo(page.doc, all[next]!);
  return true;
}

/** From the popup: the entity's next mention after the one shown last, flashed. */
export function reveal(page: NavigablePage, ref: TableRef): boolean {
  if (ref.corpus !== page.corpus || !page.index) return false;
  const all = inReadingOrder(page.index).filter((m) => m.entity === ref.entity);
  if (!all.length) return false;
  const at = page.current ? all.indexOf(page.current) : -1;
  const m = all[(at + 1) % all.length]!;
  page.setCurrent(m, TIMING.flashMs);
  scrollTo(page.doc, m);
  return true;
}

export function answer(page: NavigablePage, request: TabRequest): PageReport | boolean {
  switch (request.type) {
    case 'page-digest':
      return report(page);
    case 'reveal':
      return reveal(page, request.id);
    case 'next-mention':
      return step(page, 1);
    case 'relink':
      page.relinkAll();
      return true;
  }
}

/** What the popup and the side panel are told of the page (see page-report.ts). */
export function report(page: NavigablePage): PageReport {
  const counts: number[] = [];
  const elsewhere: number[] = [];
  if (page.index) {
    const found = countsByEntity(page.index, page.article);
    for (const [entity, count] of found.inArticle) counts.push(entity, count);
    for (const [entity, count] of found.elsewhere) elsewhere.push(entity, count);
  }
  const { href: url, hostname: host } = page.doc.location;
  const date = articleDateOf(page.doc);
  return {
    url,
    host,
    active: page.active,
    corpus: page.corpus,
    counts,
    ...(elsewhere.length ? { elsewhere } : {}),
    ...(date ? { date } : {}),
    ...(page.unlinkedCount ? { unlinked: page.unlinkedCount } : {}),
  };
}

/** The page a card is read with: the article's date and the entities found so far. */
export function pageRefOf(page: NavigablePage): PageRef {
  const onPage = page.index ? [...countsByEntity(page.index, page.article).inArticle.keys()] : [];
  const date = articleDateOf(page.doc);
  const lang = page.doc.documentElement.lang.split('-')[0]!.toLowerCase();
  return date ? { date, corpus: page.corpus, onPage, lang } : { corpus: page.corpus, onPage, lang };
}

function scrollTo(doc: Document, m: PageMention): void {
  const win = doc.defaultView ?? window;
  const rect = liveRange(doc, m.range)?.getBoundingClientRect();
  if (!rect) return;
  if (rect.top < 0 || rect.bottom > win.innerHeight) {
    const smooth = !win.matchMedia('(prefers-reduced-motion: reduce)').matches;
    win.scrollBy({ top: rect.top - win.innerHeight / 3, behavior: smooth ? 'smooth' : 'auto' });
  }
}
