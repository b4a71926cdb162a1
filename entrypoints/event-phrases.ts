import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PHRASES_GLOBAL } from '../adapters/page/on-demand-globals';
import { createPhraseFinder } from '../engine/event-phrases';
import bundle from '../generated/phrases.json';
import type { MatcherTable } from '../engine/table-format';

// Loaded by the content script once a page mentions something (see adapters/page/on-demand.ts).
export default defineUnlistedScript(() => {
  const { phrases, variants } = bundle as Required<Pick<MatcherTable, 'phrases' | 'variants'>>;
  (globalThis as Record<string, unknown>)[PHRASES_GLOBAL] = createPhraseFinder(phrases, variants);
});
