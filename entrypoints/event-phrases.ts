import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PHRASE_FOLDS_GLOBAL, PHRASES_GLOBAL } from '../adapters/page/on-demand-globals';
import { createPhraseFinder } from '../engine/event-phrases';
import { addFolds } from '../engine/normalize';
import bundle from '../generated/phrases.json';
import type { MatcherTable } from '../engine/table-format';

// Loaded by the content script once a page mentions something (see adapters/page/on-demand.ts).
export default defineUnlistedScript(() => {
  const { phrases, variants } = bundle as Required<Pick<MatcherTable, 'phrases' | 'variants'>>;
  // Fold as the content script's tables do (the regional folds, on a page in Urdu, Persian
  // or Hindi), before the phrases fold their words with this bundle's own tables.
  const folds = (globalThis as Record<string, unknown>)[PHRASE_FOLDS_GLOBAL];
  if (typeof folds === 'string') addFolds(folds);
  (globalThis as Record<string, unknown>)[PHRASES_GLOBAL] = createPhraseFinder(phrases, variants);
});
