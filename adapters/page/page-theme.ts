/**
 * Whether the page around a mention is light or dark, from the colour the reader sees
 * behind the text, so the card matches the page rather than the OS: a dark news site
 * on a light OS gets a dark card. Read once per card opening, never per text node.
 */
export type PageTheme = 'light' | 'dark';

/** Below this relative luminance (0 black … 1 white) a background reads as dark. */
const DARK_BELOW = 0.4;
/** A background less opaque than this lets the one behind it show: look further up. */
const OPAQUE_FROM = 0.5;

/** The theme a CSS colour (`rgb()`/`rgba()`, as computed styles give it) implies; null when it is see-through. */
export function themeOfColour(css: string): PageTheme | null {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(css.trim());
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  if (!(alpha >= OPAQUE_FROM)) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
    const v = Number(c) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < DARK_BELOW ? 'dark' : 'light';
}

/**
 * The theme behind `from`: the first opaque background on the way up to the root. A page
 * that paints none shows the browser's canvas, light unless the page asks for a dark
 * color-scheme.
 */
export function pageThemeAt(from: Element | null): PageTheme {
  const doc = from?.ownerDocument;
  const view = doc?.defaultView;
  if (!doc || !view) return 'light';
  for (let el: Element | null = from; el; el = el.parentElement ?? hostOf(el)) {
    const theme = themeOfColour(view.getComputedStyle(el).backgroundColor);
    if (theme) return theme;
  }
  const scheme = view.getComputedStyle(doc.documentElement).colorScheme;
  return /^dark\b/.test(scheme) ? 'dark' : 'light';
}

/** Out of a shadow root, to the element that hosts it. */
function hostOf(el: Element): Element | null {
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}
