import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ARTICLE_GLOBAL, type ArticleFinder } from '../adapters/page/on-demand-globals';
import { findMainArticle } from '../adapters/page/main-article';

// Loaded by the content script once a page mentions something (see adapters/page/on-demand.ts).
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[ARTICLE_GLOBAL] = findMainArticle satisfies ArticleFinder;
});
