/**
 * The event phrases (engine/event-phrases.ts and the corpus's descriptions) are a bundle
 * of their own, `event-phrases.js`: a page that mentions nothing the corpus knows never
 * needs them, and they would take the content script past its size budget. Loaded like
 * the card UI (card-ui-loader.ts): `import()` of the extension's URL runs it in the
 * content script's isolated world.
 */
import type { PhraseFinder } from '../../engine/detect';
import { browser } from '../extension/browser-api';

export const PHRASES_PATH = '/event-phrases.js';
/** Where the bundle leaves its finder (the content script's global, not the page's). */
export const PHRASES_GLOBAL = '__backstoryPhrases';

let loading: Promise<PhraseFinder> | null = null;

/** The phrase finder, loaded once (again after a failed load). */
export function loadPhrases(): Promise<PhraseFinder> {
  loading ??= import(/* @vite-ignore */ browser.runtime.getURL(PHRASES_PATH)).then(() => {
    const finder = (globalThis as Record<string, unknown>)[PHRASES_GLOBAL] as PhraseFinder | undefined;
    if (!finder) throw new Error(`${PHRASES_PATH} loaded but installed no phrases`);
    return finder;
  });
  loading.catch(() => (loading = null));
  return loading;
}
