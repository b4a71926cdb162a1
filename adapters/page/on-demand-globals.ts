/**
 * Where the on-demand bundles (on-demand.ts) leave what they offer: globals of the
 * content script's isolated world, not the page's. Apart from the loader, so a bundle
 * that names its global does not carry the extension API with it.
 */
import type { createPageDetector } from '../../engine/detect';
import type { addedFolds, addFolds } from '../../engine/normalize';
import type { MatcherTable } from '../../engine/table-format';
import type { PageScanner } from './page-scanner';

export const PHRASES_GLOBAL = '__backstoryPhrases';
export const ARTICLE_GLOBAL = '__backstoryArticle';
export const NATIVE_TABLE_GLOBAL = '__backstoryNativeTable';
export const PAGE_TABLE_GLOBAL = '__backstoryPageTable';
export const SCANNING_GLOBAL = '__backstoryScanning';
/**
 * Left for event-phrases.js before it loads: the folds the page-scanning bundle's tables
 * have had added (engine/normalize.ts, `addedFolds`; on a page in Urdu, Persian or
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

/**
 * What reads the page (page-scanning.js): the engine and the scanner, loaded when
 * Backstory first reads a page, beside its table. They are most of the extension's code
 * that runs on a page; loaded on demand, the browser compiles them while it streams the
 * bundle, off the page's main thread (scripts/compile-hints.ts). `addFolds` is the
 * bundle's own: its tables are the ones the engine reads with.
 */
export interface PageScanning {
  createPageDetector: typeof createPageDetector;
  PageScanner: typeof PageScanner;
  addFolds: typeof addFolds;
  addedFolds: typeof addedFolds;
}
