/**
 * Bundles the content script loads when first needed: the card UI (card-ui-loader.ts);
 * once a page mentions something, the event phrases (engine/event-phrases.ts and the
 * corpus's descriptions) and the main-article finder (main-article.ts); on a page in
 * Urdu, Persian or Hindi, the matcher table with the names in those scripts. A page
 * that needs none of them never loads them, and they would take the content script past
 * its size budget. `import()` of the extension's URL runs a bundle in the content script's
 * isolated world, under the extension's CSP, where it leaves what it offers on a global.
 */
import type { PhraseFinder } from '../../engine/detect';
import { browser } from '../extension/browser-api';
import {
  ARTICLE_GLOBAL,
  NATIVE_TABLE_GLOBAL,
  PHRASES_GLOBAL,
  type ArticleFinder,
  type NativeReading,
} from './on-demand-globals';

const PHRASES_PATH: BundlePath = '/event-phrases.js';
const ARTICLE_PATH: BundlePath = '/main-article.js';
const NATIVE_TABLE_PATH: BundlePath = '/native-table.js';

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

export const loadPhrases = onDemand<PhraseFinder>(PHRASES_PATH, PHRASES_GLOBAL);
export const loadArticleFinder = onDemand<ArticleFinder>(ARTICLE_PATH, ARTICLE_GLOBAL);
export const loadNativeReading = onDemand<NativeReading>(NATIVE_TABLE_PATH, NATIVE_TABLE_GLOBAL);
