import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Highlighter, type Mark } from '../../adapters/page/highlighter';

describe('Highlighter without the Custom Highlight API', () => {
  it('says so, and every call is a harmless no-op that leaves the page untouched', () => {
    // happy-dom has neither `Highlight` nor `CSS.highlights`: like an older browser.
    document.body.innerHTML = '<p>Ali Larijani met Ishaq Dar.</p>';
    const before = document.documentElement.outerHTML;
    const highlighter = new Highlighter(document);
    expect(highlighter.supported).toBe(false);
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('p')!);
    const mark: Mark = { entity: 0, kind: 'person', range, holder: document.querySelector('p')! };
    highlighter.attach();
    highlighter.add(mark);
    highlighter.setCurrent(range);
    highlighter.remove(mark);
    highlighter.detach();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(document.adoptedStyleSheets ?? []).toHaveLength(0);
  });
});

/**
 * A stand-in for the browser's IntersectionObserver that the test drives (happy-dom's never
 * reports): `report` says a block came within the margin or left it. With `onScreen`, every
 * block is reported near as soon as it is observed, as on a short page.
 */
class FakeObserver {
  static last: FakeObserver | null = null;
  static onScreen = true;
  readonly observed = new Set<Element>();
  constructor(private readonly callback: (entries: object[]) => void) {
    FakeObserver.last = this;
  }
  observe(el: Element): void {
    this.observed.add(el);
    if (FakeObserver.onScreen) this.report(el, true);
  }
  unobserve(el: Element): void {
    this.observed.delete(el);
  }
  disconnect(): void {
    this.observed.clear();
  }
  report(target: Element, isIntersecting: boolean, height = 20): void {
    this.callback([{ target, isIntersecting, boundingClientRect: { height } }]);
  }
}

describe('Highlighter: quiet by default', () => {
  // A stand-in for the Custom Highlight API: highlights are sets of ranges in a registry.
  const registry = new Map<string, Set<AbstractRange>>();
  /** Calls into the highlights' sets: each is a call into the browser. */
  let calls = 0;
  const css = Object.getOwnPropertyDescriptor(window, 'CSS');
  const observer = Object.getOwnPropertyDescriptor(window, 'IntersectionObserver');
  beforeAll(() => {
    Object.defineProperty(window, 'Highlight', {
      configurable: true,
      value: class extends Set<AbstractRange> {
        priority = 0;
        override add(range: AbstractRange): this {
          calls++;
          return super.add(range);
        }
        override delete(range: AbstractRange): boolean {
          calls++;
          return super.delete(range);
        }
      },
    });
    Object.defineProperty(window, 'CSS', { configurable: true, value: { highlights: registry } });
    Object.defineProperty(window, 'IntersectionObserver', { configurable: true, value: FakeObserver });
  });
  afterEach(() => {
    registry.clear();
    FakeObserver.onScreen = true;
  });
  afterAll(() => {
    delete (window as { Highlight?: unknown }).Highlight;
    if (css) Object.defineProperty(window, 'CSS', css);
    if (observer) Object.defineProperty(window, 'IntersectionObserver', observer);
  });

  /** A mark on the `i`-th text node of the body's paragraphs. */
  function marks(): Mark[] {
    document.body.innerHTML = `
      <article><p>Larijani one</p><p>Larijani two</p><p>Dar</p></article>
      <aside><p>Larijani in the rail</p></aside>`;
    const texts = [...document.querySelectorAll('p')].map((p) => p.firstChild!);
    const at = (i: number, entity: number): Mark => {
      const range = document.createRange();
      range.setStart(texts[i]!, 0);
      range.setEnd(texts[i]!, 3);
      return { entity, kind: 'person', range, holder: texts[i]!.parentElement! };
    };
    return [at(0, 1), at(1, 1), at(2, 2), at(3, 1)];
  }
  const shown = (name: string, all: Mark[]) =>
    all.filter((m) => registry.get(`backstory-${name}`)?.has(m.range)).map((m) => all.indexOf(m));

  it('gives the first mention of each entity in each part of the page the visible mark, the rest a quiet one', () => {
    const all = marks();
    const h = new Highlighter(document);
    h.attach();
    // Scanned out of reading order (what is on screen first): the first still wins.
    for (const i of [1, 3, 2, 0]) h.add(all[i]!);
    expect(shown('person', all)).toEqual([0, 2, 3]);
    expect(shown('person-quiet', all)).toEqual([1]);
    // The first one goes (its paragraph rescanned): the next takes the visible mark.
    h.remove(all[0]!);
    expect(shown('person', all)).toEqual([1, 2, 3]);
    expect(shown('person-quiet', all)).toEqual([]);
  });

  it('once the main article is known, keeps first mentions outside it quiet', () => {
    const all = marks();
    const h = new Highlighter(document);
    h.attach();
    for (const m of all) h.add(m);
    expect(shown('person', all)).toEqual([0, 2, 3]);
    h.setArticle(document.querySelector('article'));
    // The rail's first Larijani (mark 3) is outside the article: faint, by the block holding it.
    expect(shown('person', all)).toEqual([0, 2]);
    expect(shown('person-quiet', all)).toEqual([1, 3]);
  });

  it('registers only the marks of blocks near the viewport, and the others as they come near', () => {
    FakeObserver.onScreen = false;
    const all = marks();
    const h = new Highlighter(document);
    h.attach();
    for (const m of all) h.add(m);
    const io = FakeObserver.last!;
    // Nothing near yet: nothing for the browser to rebuild on each frame.
    expect(shown('person', all)).toEqual([]);
    expect(io.observed.size).toBe(4);
    // The second paragraph comes near: its mark, quiet (the first Larijani is elsewhere).
    io.report(all[1]!.holder, true);
    expect(shown('person', all)).toEqual([]);
    expect(shown('person-quiet', all)).toEqual([1]);
    io.report(all[0]!.holder, true);
    expect(shown('person', all)).toEqual([0]);
    // Leaving the margin takes the marks out; the choice of which is first stays.
    io.report(all[0]!.holder, false);
    expect(shown('person', all)).toEqual([]);
    expect(shown('person-quiet', all)).toEqual([1]);
    // A block with no box of its own (display: contents) never intersects: shown anyway.
    io.report(all[2]!.holder, false, 0);
    expect(shown('person', all)).toEqual([2]);
    // A block's last mark gone, it is no longer watched.
    h.remove(all[1]!);
    expect(io.observed.has(all[1]!.holder)).toBe(false);
    expect(shown('person-quiet', all)).toEqual([]);
    h.detach();
    expect(io.observed.size).toBe(0);
  });

  it('makes no call into the browser for a mark whose block is far, until the block comes near', () => {
    FakeObserver.onScreen = false;
    const all = marks();
    const h = new Highlighter(document);
    h.attach();
    calls = 0;
    // Added out of reading order: the first mark displaces the second as its group's lead.
    for (const i of [1, 3, 2, 0]) h.add(all[i]!);
    const io = FakeObserver.last!;
    io.report(all[3]!.holder, false); // far from the start: nothing to take out
    h.setMode('all');
    h.setArticle(document.querySelector('article'));
    h.setMode('first');
    h.remove(all[2]!);
    expect(calls).toBe(0);
    io.report(all[0]!.holder, true);
    expect(calls).toBe(1); // into the one highlight it belongs in, and no other
    expect(shown('person', all)).toEqual([0]);
    calls = 0;
    io.report(all[0]!.holder, false);
    expect(calls).toBe(2); // out of both of its kind's highlights
    expect(shown('person', all)).toEqual([]);
    calls = 0;
    h.remove(all[0]!);
    expect(calls).toBe(0);
    // The next Larijani leads now, and shows when its block comes near.
    io.report(all[1]!.holder, true);
    expect(shown('person', all)).toEqual([1]);
    // A mark added to a near block goes into its one highlight (quiet: not the lead).
    const again = document.createRange();
    again.setStart(all[1]!.range.startContainer, 4);
    again.setEnd(all[1]!.range.startContainer, 8);
    calls = 0;
    h.add({ ...all[1]!, range: again });
    expect(calls).toBe(1);
    expect(registry.get('backstory-person-quiet')?.has(again)).toBe(true);
    h.remove(all[1]!);
    expect(shown('person', all)).toEqual([]);
    h.detach();
  });

  it('orders marks by their blocks, making no range for marks of blocks apart', () => {
    FakeObserver.onScreen = false;
    document.body.innerHTML = `
      <p>Larijani one</p>
      <div>Larijani head <p>Larijani inner</p> Larijani tail</div>
      <p>Larijani last</p>`;
    const [one, div, last] = [...document.body.children];
    const inner = div!.querySelector('p')!;
    let made = 0;
    const at = (holder: Element, node: Node): Mark => {
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, 8);
      // Ranges are made on demand (mention-index.ts): count the asking.
      return {
        entity: 1,
        kind: 'person',
        holder,
        get range() {
          made++;
          return range;
        },
      };
    };
    const all = [
      at(one!, one!.firstChild!),
      at(div!, div!.firstChild!),
      at(inner, inner.firstChild!),
      at(div!, div!.lastChild!),
      at(last!, last!.firstChild!),
    ];
    const h = new Highlighter(document);
    h.attach();
    h.add(all[4]!);
    h.add(all[3]!);
    expect(made).toBe(0);
    // A block inside another, or two marks of one block: their ranges tell.
    h.add(all[2]!);
    expect(made).toBeGreaterThan(0);
    h.add(all[1]!);
    h.add(all[0]!);
    const io = FakeObserver.last!;
    for (const el of [one!, div!, inner, last!]) io.report(el, true);
    const loud = () => all.filter((m) => registry.get('backstory-person')?.has(m.range)).map((m) => all.indexOf(m));
    expect(loud()).toEqual([0]);
    // Each leader gone, the next in reading order leads: the div's head, then the paragraph
    // inside it, then the div's tail.
    for (const [gone, next] of [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ] as const) {
      h.remove(all[gone]!);
      expect(loud()).toEqual([next]);
    }
    h.detach();
  });

  it('switches between all, first mentions and none at once', () => {
    const all = marks();
    const h = new Highlighter(document);
    h.attach();
    for (const m of all) h.add(m);
    h.setMode('all');
    expect(shown('person', all)).toEqual([0, 1, 2, 3]);
    expect(shown('person-quiet', all)).toEqual([]);
    h.setMode('none');
    expect(shown('person', all)).toEqual([]);
    expect(shown('person-quiet', all)).toEqual([]);
    h.setMode('first');
    expect(shown('person', all)).toEqual([0, 2, 3]);
    h.detach();
    expect(registry.size).toBe(0);
  });
});
