/**
 * The page's main article, apart from its furniture: menus, "Most read" and "Trending"
 * rails, related-story cards, comment threads, footers. "On this page" and the
 * timeline's "This page" list what the article mentions; the rest is "Elsewhere on the
 * page", and its marks stay faint.
 *
 * In the spirit of Mozilla Readability, much reduced: paragraphs of prose score their
 * container (more for longer text and more commas), less and less further up;
 * containers that read as furniture by tag, role, class or id score nothing; mostly-link
 * text counts against a container. Semantic landmarks (`<article>`, `articleBody`) go
 * first when one of them holds the winning prose. Its agreement with Readability's own
 * expected output on its test pages is measured in tests/page/main-article.test.ts.
 *
 * DOM reads only (no layout), run once the page has marks, from an on-demand bundle.
 */

/** Less prose than this on the whole page: no article to tell apart (a home page, a search result). */
const MIN_PAGE_SCORE = 12;
/** Paragraphs shorter than this are captions, bylines and buttons. */
const MIN_PARAGRAPH_CHARS = 25;
/** A landmark is the article when it holds at least this share of the best container's score. */
const LANDMARK_SHARE = 0.8;

/** The article holds at least this share of the page's prose; else the page is a list of stories. */
const LIST_PAGE_SHARE = 0.25;
/** Containers weighed by their link density, the highest scores first. */
const CANDIDATES = 5;

/** Tags and roles of page furniture. */
const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'menu', 'dialog']);
const FURNITURE_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'dialog', 'menu']);
/** Class and id words of furniture, as news sites name it (after Readability's "unlikely candidates"). */
const FURNITURE_NAMES =
  /(?:^|[\s_-])(?:comments?|sidebar|side-?bar|rail|related|recommend\w*|trending|popular|most-?(?:read|viewed|popular)|more-?stories|newsletter|subscribe|promo\w*|sponsor\w*|advert\w*|ads?|outbrain|taboola|share|social|breadcrumbs?|menu|masthead|footer|header|nav\w*|widget|teaser|tags)(?:$|[\s_-])/i;
/** But these say "content" even beside a furniture word ("article-header", "story-body"). */
const CONTENT_NAMES = /article|story|body|content|entry|post|main/i;

const BLOCKS_BELOW = 'p,div,section,article,ul,ol,table,h1,h2,h3,h4,h5,h6,blockquote,figure,pre';

/**
 * Whether an element reads as page furniture by its tag, role or names. Names are only a
 * hint: a page's main landmark is never furniture by them, nor is a container holding
 * most of the page's text (`pageChars`), whatever a stylesheet's author called it.
 */
export function isFurniture(el: Element, pageChars = Infinity): boolean {
  if (FURNITURE_TAGS.has(el.localName)) return true;
  const role = el.getAttribute('role');
  if (role) return FURNITURE_ROLES.has(role);
  if (el.localName === 'main' || el.localName === 'article') return false;
  const names = `${el.getAttribute('class') ?? ''} ${el.id}`;
  return FURNITURE_NAMES.test(names) && !CONTENT_NAMES.test(names) && textLength(el) * 2 < pageChars;
}

/**
 * The element holding the page's main article, or null when the page has no article to
 * tell apart from the rest (little prose, or none standing out).
 */
export function findMainArticle(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const scores = new Map<Element, number>();
  const pageChars = textLength(body);
  const furniture = new Map<Element, boolean>();
  const inFurniture = (el: Element): boolean => {
    const chain: Element[] = [];
    let verdict = false;
    for (let e: Element | null = el; e && e !== body; e = e.parentElement) {
      const known = furniture.get(e);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      chain.push(e);
      if (isFurniture(e, pageChars)) {
        verdict = true;
        break;
      }
    }
    for (const e of chain) furniture.set(e, verdict);
    return verdict;
  };
  let total = 0;
  const prose: [Element, number][] = [];
  for (const p of paragraphs(body)) {
    const text = (p.textContent ?? '').trim();
    if (text.length < MIN_PARAGRAPH_CHARS || inFurniture(p)) continue;
    const score = 1 + (text.match(/[,،]/g)?.length ?? 0) + Math.min(Math.floor(text.length / 100), 3);
    total += score;
    prose.push([p, score]);
    let level = 0;
    for (let up = p.parentElement; up && up !== body && level < 3; up = up.parentElement, level++) {
      scores.set(up, (scores.get(up) ?? 0) + score / (level === 0 ? 1 : level * 2));
    }
  }
  if (total < MIN_PAGE_SCORE) return null;

  // Link density is costly to read: only the leading containers are weighed by it.
  const leading = [...scores].sort((a, b) => b[1] - a[1]).slice(0, CANDIDATES);
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of leading) {
    const s = score * (1 - linkDensity(el));
    if (s > bestScore) {
      best = el;
      bestScore = s;
    }
  }
  if (!best) return null;
  // Climb to a container that gathers more prose than the best one alone: the article's
  // parts sit in sibling containers (steps, sections). Stop where prose thins out.
  let last = scores.get(best)!;
  for (let up = best.parentElement; up && up !== body; up = up.parentElement) {
    const score = scores.get(up);
    if (score === undefined || score < last / 3) break;
    if (score > last) {
      best = up;
      break;
    }
    last = score;
  }
  // One teaser among many (a section front, a search page) is no article.
  let held = 0;
  for (const [p, score] of prose) if (best.contains(p)) held += score;
  if (held < LIST_PAGE_SHARE * total) return null;
  // An article landmark around the winning prose is the article, headline and all.
  const landmark = best.closest('article,[itemprop~="articleBody"],[role="article"]');
  if (landmark && landmark !== body) {
    // The outermost of nested article landmarks that still holds little else.
    let outer = landmark;
    for (let up = outer.parentElement?.closest('article,[role="article"]'); up;) {
      if ((scores.get(up) ?? 0) < LANDMARK_SHARE * bestScore) break;
      outer = up;
      up = up.parentElement?.closest('article,[role="article"]');
    }
    return outer;
  }
  return best;
}

/** Prose holders: paragraphs, and divs that hold their text directly (many sites write no `<p>`). */
function* paragraphs(body: HTMLElement): Generator<Element> {
  for (const el of body.querySelectorAll('p,pre,td,div')) {
    if (el.localName === 'div' || el.localName === 'td') {
      if (el.querySelector(BLOCKS_BELOW)) continue;
    }
    yield el;
  }
}

/**
 * The length of a node's text, as `textContent.length`, without building the string:
 * on a long page `textContent` of the body or of a big container took tens of ms each and
 * left megabytes of garbage.
 */
function textLength(root: Node): number {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let length = 0;
  // (The node type is checked again: linkedom's walker shows every node.)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeType === 3) length += (n as Text).length;
  return length;
}

/** Share of an element's text that is link text. */
function linkDensity(el: Element): number {
  const length = textLength(el);
  if (!length) return 0;
  let links = 0;
  for (const a of el.querySelectorAll('a')) links += (a.textContent ?? '').length;
  return Math.min(1, links / length);
}
