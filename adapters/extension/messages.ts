/**
 * Every message that crosses a context boundary, typed at the boundary. Runtime
 * messages go to the background; tab messages go from an extension page (popup, side
 * panel) or the background to the content script of one tab.
 */
import type { EntityView } from '../../engine/entity-view';
import { browser } from './browser-api';
import type { PageReport } from './page-report';

export type { PageDigest, PageEntity, PageReport } from './page-report';

/**
 * An entity as the content script names it: its index in the matcher table of `corpus`
 * (the table has no ids; see engine/table-format.ts). Extension pages name entities by id.
 */
export interface TableRef {
  entity: number;
  corpus: string;
}

/**
 * The page a card is opened on, as the content script knows it: the article's date and
 * the table indices of the entities found on it (`contextOfRef` in page-report.ts names them).
 */
export interface PageRef {
  /** The article's publication date (`YYYY-MM-DD` or `YYYY-MM`), when the page gives one. */
  date?: string;
  corpus: string;
  onPage: number[];
  /** The page's declared language, its primary subtag (`ur`, `en`), or '' when it declares none. */
  lang?: string;
}

export type RuntimeRequest =
  /**
   * The card for one entity, built from the full records the background holds; read
   * with the article it is opened on when `page` is given (engine/article-view.ts), and
   * admitting doubt about `form`, the words on the page it was opened on (engine/doubt.ts).
   */
  | { type: 'card'; id: string | TableRef; page?: PageRef; form?: string }
  /** Open the timeline side panel, focused on an entity when one is given. */
  | { type: 'open-timeline'; entityId?: string }
  /** Open the search popup with a query filled in. */
  | { type: 'open-search'; query?: string };

export interface RuntimeResponses {
  card: EntityView | null;
  'open-timeline': boolean;
  'open-search': boolean;
}

export type TabRequest =
  | { type: 'page-digest' }
  /** Scroll to the entity's next mention after the last one revealed, and flash it. */
  | { type: 'reveal'; id: TableRef }
  /** Step the keyboard focus ring to the next mention (the keyboard command). */
  | { type: 'next-mention' }
  /** Take back every "Not this one" on the page. */
  | { type: 'relink' };

export interface TabResponses {
  'page-digest': PageReport;
  reveal: boolean;
  'next-mention': boolean;
  relink: boolean;
}

export function sendToBackground<R extends RuntimeRequest>(request: R): Promise<RuntimeResponses[R['type']]> {
  return browser.runtime.sendMessage(request) as Promise<RuntimeResponses[R['type']]>;
}

export function sendToTab<R extends TabRequest>(tabId: number, request: R): Promise<TabResponses[R['type']]> {
  return browser.tabs.sendMessage(tabId, request) as Promise<TabResponses[R['type']]>;
}

/** Narrows an unknown message to a request of ours, so stray messages are ignored. */
export function isRuntimeRequest(message: unknown): message is RuntimeRequest {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'card' || type === 'open-timeline' || type === 'open-search';
}

export function isTabRequest(message: unknown): message is TabRequest {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'page-digest' || type === 'reveal' || type === 'next-mention' || type === 'relink';
}
