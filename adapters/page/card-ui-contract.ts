/**
 * The boundary between the content script and the card UI bundle. The card (its host
 * element, placement, Preact and the card components, their CSS) is what a hover needs
 * and none of what reading a page needs, so it ships as its own file, loaded on the
 * first hover intent: the content script that runs on every page stays small. Types
 * and constants only here, so the content script bundles none of the UI.
 */
import type { EntityView } from '../../engine/entity-view';
import type { TableRef, TabRequest } from '../extension/messages';
import type { PageReport } from '../extension/page-report';
import type { NavigablePage } from './page-navigation';

/**
 * An entity as the card is asked for it: an id from a card, a table index from the page,
 * with the mention's range when opened on one (its words: engine/doubt.ts).
 */
export type CardRef = string | TableRef | (TableRef & { range: AbstractRange });

/** The one element Backstory adds to a page. */
export const CARD_HOST_TAG = 'backstory-card';

/** Taking a mark back, offered on the card opened on that mention. */
export interface Correction {
  /** The mention's words, as printed. */
  form: string;
  host: string;
  /** "Not this one": unmark this mention on this page. */
  unlink(): void;
  /** Never mark these words again, on this site or everywhere. */
  mute(everywhere: boolean): void;
}

export interface CardActions {
  /** The correction a card opened on `ref` offers (none for a card opened by id). */
  correction?(ref: CardRef): Correction | undefined;
  /** A view at hand is returned directly, so the card shows it in its first paint. */
  loadView(ref: CardRef): EntityView | Promise<EntityView | null>;
  showTimeline(id: string): void;
  search(query: string): void;
}

export interface CardHooks {
  onPointerEnter(): void;
  onPointerLeave(): void;
  onClose(): void;
}

export interface OpenOptions {
  /** The mention's text: re-measured on scroll and resize, so the card follows it. */
  range: AbstractRange;
  /** Move focus into the card (keyboard and touch openings), and back on close. */
  focus: boolean;
}

/** What the content script asks of the card host (components/card-host/card-host.tsx). */
export interface CardHostApi {
  readonly isOpen: boolean;
  contains(node: EventTarget | null): boolean;
  open(entity: CardRef, options: OpenOptions): void;
  /** Fetches the entity's view ahead of need (hover intent has begun). */
  prefetch(entity: CardRef): void;
  close(): void;
  destroy(): void;
}

export interface CardUi {
  /** The card host of `page`; its cards are read with the page (article-context.ts). */
  createHost(page: NavigablePage, hooks: CardHooks): CardHostApi;
  /** Keyboard stepping (page-navigation.ts). */
  step(page: NavigablePage, direction: 1 | -1): boolean;
  /** A tab request from the popup, the side panel or the background. */
  answer(page: NavigablePage, request: TabRequest): PageReport | boolean;
}

/**
 * Where the loaded bundle leaves its API: the content script's own global, shared by
 * every script of the extension in the page's isolated world, and invisible to the page.
 */
export const CARD_UI_GLOBAL = '__backstoryCardUi';
/** The bundle's path in the extension (entrypoints/card-ui.ts). */
export const CARD_UI_PATH = '/card-ui.js';
