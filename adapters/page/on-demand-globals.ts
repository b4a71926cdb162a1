/**
 * Where the on-demand bundles (on-demand.ts) leave what they offer: globals of the
 * content script's isolated world, not the page's. Apart from the loader, so a bundle
 * that names its global does not carry the extension API with it.
 */
export const PHRASES_GLOBAL = '__backstoryPhrases';
export const ARTICLE_GLOBAL = '__backstoryArticle';

/** Finds the page's main article (main-article.ts). */
export type ArticleFinder = (doc: Document) => Element | null;
