/** Page probes: strings evaluated in the page (see `evaluate` in tabs.ts). */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Texts of every highlighted range, by highlight name, read from the page's own CSS.highlights. */
export const HIGHLIGHT_TEXTS = `
  const out = {};
  if (!CSS.highlights) return { unsupported: true };
  for (const [name, highlight] of CSS.highlights) {
    out[name] = [...highlight].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  }
  return out;`;

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

export interface CardState {
  open: boolean;
  title: string | null;
  text: string;
  box: Box | null;
}

/** The card as the page sees it: <backstory-card>, its open shadow root, its title. */
export const CARD_STATE = `
  const host = document.querySelector('backstory-card');
  const shadow = host && host.shadowRoot;
  const frame = shadow && shadow.querySelector('.bs-frame');
  const open = !!host && (host.matches(':popover-open') || host.hasAttribute('data-fallback-open'));
  const r = frame && frame.getBoundingClientRect();
  return {
    open,
    title: open && shadow.querySelector('h2') ? shadow.querySelector('h2').textContent : null,
    text: open && frame ? frame.innerText : '',
    box: open && r ? { x: r.left, y: r.top, width: r.width, height: r.height } : null,
  };`;

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
