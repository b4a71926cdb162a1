import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PHRASES_GLOBAL } from '../adapters/page/phrase-loader';
import { createPhraseFinder } from '../engine/event-phrases';
import phrases from '../generated/phrases.json';
import type { PhraseRule } from '../engine/table-format';

// Loaded by the content script once a page mentions something (see adapters/page/phrase-loader.ts).
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[PHRASES_GLOBAL] = createPhraseFinder(phrases as PhraseRule[]);
});
