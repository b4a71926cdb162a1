/**
 * Bundles the content script loads when first needed: the engine and the scanner
 * (page-scanning.js) and the matcher table, when Backstory first reads a page (on a page
 * in Urdu, Persian or Hindi, the table with the names in those scripts instead); the card
 * UI (card-ui-loader.ts); once a page mentions something, the event phrases
 * (engine/event-phrases.ts and the corpus's descriptions) and the main-article finder
 * (main-article.ts). A page where Backstory is off loads none of them, and they would
 * take the content script past its size budget. `import()` of the extension's URL runs a
 * bundle in the content script's isolated world, under the extension's CSP, where it
 * leaves what it offers on a global.
 */
import type { PhraseFinder } from '../../engine/detect';
import { browser } from '../extension/browser-api';
import type { MatcherTable } from '../../engine/table-format';
import {
  ARTICLE_GLOBAL,
  NATIVE_TABLE_GLOBAL,
  PAGE_TABLE_GLOBAL,
  PHRASE_FOLDS_GLOBAL,
  PHRASES_GLOBAL,
  SCANNING_GLOBAL,
  type ArticleFinder,
  type NativeReading,
  type PageScanning,
} from './on-demand-globals';

const PHRASES_PATH: BundlePath = '/event-phrases.js';
const ARTICLE_PATH: BundlePath = '/main-article.js';
const NATIVE_TABLE_PATH: BundlePath = '/native-table.js';
const PAGE_TABLE_PATH: BundlePath = '/page-table.js';
const SCANNING_PATH: BundlePath = '/page-scanning.js';

export type BundlePath = Parameters<typeof browser.runtime.getURL>[0];

/** A bundle's offering, loaded once (again after a failed load). */
export function onDemand<T>(path: BundlePath, global: string): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= import(/* @vite-ignore */ browser.runtime.getURL(path)).then(() => {
      const offered = (globalThis as Record<string, unknown>)[global] as T | undefined;
      if (!offered) throw new Error(`${path} loaded but offered nothing`);
      return offered;
    });
    loading.catch(() => (loading = null));
    return loading;
  };
}

export const loadScanning = onDemand<PageScanning>(SCANNING_PATH, SCANNING_GLOBAL);
const importPhrases = onDemand<PhraseFinder>(PHRASES_PATH, PHRASES_GLOBAL);
/** The event phrases, folding text as the scanner's engine does by the time they load (after the page's table). */
export const loadPhrases = async (): Promise<PhraseFinder> => {
  const scanning = await loadScanning();
  (globalThis as Record<string, unknown>)[PHRASE_FOLDS_GLOBAL] = scanning.addedFolds();
  return importPhrases();
};
export const loadArticleFinder = onDemand<ArticleFinder>(ARTICLE_PATH, ARTICLE_GLOBAL);
export const loadNativeReading = onDemand<NativeReading>(NATIVE_TABLE_PATH, NATIVE_TABLE_GLOBAL);
export const loadPageTable = onDemand<MatcherTable>(PAGE_TABLE_PATH, PAGE_TABLE_GLOBAL);
