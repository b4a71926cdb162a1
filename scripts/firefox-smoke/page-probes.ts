/**
 * Page probes: strings evaluated in the page (see `evaluate` in tabs.ts). The ones the
 * Chromium end-to-end tests also use are their functions' source, so both read the same.
 */
import { readCardState, readHighlightTexts } from '../../e2e/harness/page-probes';

export type { Box, CardState } from '../../e2e/harness/page-probes';

/** Texts of every highlighted range, by highlight name, read from the page's own CSS.highlights. */
export const HIGHLIGHT_TEXTS = `
  if (!CSS.highlights) return { unsupported: true };
  return (${readHighlightTexts})();`;

/**
 * Screen box of the first occurrence of `phrase` inside `selector` (its first line, if
 * it wraps), scrolled to the middle of the window first if `scroll`.
 */
export const phraseBox = (selector: string, phrase: string, scroll = false) => `
  const root = document.querySelector(${JSON.stringify(selector)});
  const phrase = ${JSON.stringify(phrase)};
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = n.nodeValue.indexOf(phrase);
    if (i < 0) continue;
    const range = document.createRange();
    range.setStart(n, i);
    range.setEnd(n, i + phrase.length);
    ${scroll ? "n.parentElement.scrollIntoView({ block: 'center' });" : ''}
    const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  }
  return null;`;

/** The card as the page sees it: <backstory-card>, its open shadow root, its title. */
export const CARD_STATE = `return (${readCardState})();`;

/** Box of the first element matching `selector` whose text matches `text` (a regex source). */
export const elementBox = (selector: string, text: string, root = 'document') => `
  const root = ${root};
  const re = new RegExp(${JSON.stringify(text)});
  for (const el of root.querySelectorAll(${JSON.stringify(selector)})) {
    if (!re.test(el.textContent)) continue;
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  }
  return null;`;
