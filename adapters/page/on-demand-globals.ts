/**
 * Where the on-demand bundles (on-demand.ts) leave what they offer: globals of the
 * content script's isolated world, not the page's. Apart from the loader, so a bundle
 * that names its global does not carry the extension API with it.
 */
import type { MatcherTable } from '../../engine/table-format';

export const PHRASES_GLOBAL = '__backstoryPhrases';
export const ARTICLE_GLOBAL = '__backstoryArticle';
export const NATIVE_TABLE_GLOBAL = '__backstoryNativeTable';
export const PAGE_TABLE_GLOBAL = '__backstoryPageTable';
/**
 * Left by the content script for event-phrases.js before it loads: the folds its own
 * tables have had added (engine/normalize.ts, `addedFolds`; on a page in Urdu, Persian or
 * Hindi, the regional ones). A bundle has tables of its own, and without them the
 * phrases would not read "شهادت" as the "شہادت" their rules are written with.
 */
export const PHRASE_FOLDS_GLOBAL = '__backstoryPhraseFolds';

/** What a page in the regional scripts is read with: the table with their names, and their folds. */
export interface NativeReading {
  table: MatcherTable;
  /** For `addFolds` (engine/normalize.ts): engine/regional-script.ts's `REGIONAL_FOLDS`. */
  folds: string;
}

/** Finds the page's main article (main-article.ts). */
export type ArticleFinder = (doc: Document) => Element | null;
