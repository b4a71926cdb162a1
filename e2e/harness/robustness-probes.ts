/**
 * The robustness tests' probes (e2e/robustness.e2e.ts): what a hostile, huge or live page
 * did to Backstory and Backstory to it, read from the page; the card as it shows; a CPU
 * profile of the content script.
 */
import type { Frame, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { assert, eventually } from './assert';
import { type E2E } from './runner';
import { readHighlightTexts } from './page-probes';

const FIXTURES = 'e2e/fixtures/hostile';
export const SHOTS = '.output/e2e';

// ---------------------------------------------------------------------------------
// The page-side probe

export interface ProbeReport {
  dcl: number;
  /** When the first frame after DOMContentLoaded had been rendered (0 if none was). */
  firstFrame: number;
  /** When this file's own probes ran in the page: long tasks then are the test's, not Backstory's. */
  own: [number, number][];
  longTasks: { start: number; duration: number }[];
  /** "childList +LI -LI @UL#ticker" → how often the page's MutationObserver saw it. */
  mutations: Record<string, number>;
  violations: string[];
}

/** Runs in every frame at document start (serialised by Playwright: self-contained). */
export function installProbe(): void {
  type Probe = ProbeReport & { snapshot: string | null; serialize(): string; resolve(scope: string): Element | null };
  const w = window as unknown as { __probe?: Probe };
  if (w.__probe) return;
  // Taken before the page's scripts run: a hostile fixture replaces them for itself.
  const Observer = MutationObserver;
  const frame = requestAnimationFrame.bind(window);
  const later = setTimeout.bind(window);
  const label = (n: Node): string => {
    if (n.nodeType !== 1) return n.nodeName;
    const el = n as Element;
    return el.nodeName + (el.id ? `#${el.id}` : '');
  };
  /**
   * Elements, attributes, text and comments, open shadow roots included, in tree order;
   * Backstory's card host under <body> is left out (the assertions check it on its own).
   */
  const serialize = (root: Node): string => {
    const out: string[] = [];
    const walk = (node: Node): void => {
      for (let c = node.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 1) {
          const el = c as Element;
          if (el.localName === 'backstory-card' && node === document.body) continue;
          const attrs = [...el.attributes].map((a) => `${a.name}="${a.value}"`).join(' ');
          out.push(`<${el.nodeName} ${attrs}>`);
          if (el.shadowRoot) {
            out.push('#shadow(');
            walk(el.shadowRoot);
            out.push(')');
          }
          if (el.localName === 'template') walk((el as HTMLTemplateElement).content);
          walk(el);
          out.push(`</${el.nodeName}>`);
        } else if (c.nodeType === 3 || c.nodeType === 8) {
          out.push(`${c.nodeName}:${(c as CharacterData).data}`);
        }
      }
    };
    walk(root);
    return out.join('\n');
  };
  const probe: Probe = {
    dcl: 0,
    firstFrame: 0,
    own: [],
    longTasks: [],
    mutations: {},
    violations: [],
    snapshot: null,
    serialize: () => serialize(document),
    // A scope is CSS selectors separated by " >>> ", each step after the first looked
    // up in the previous element's open shadow root.
    resolve: (scope) => {
      let root: ParentNode = document;
      let el: Element | null = null;
      for (const part of scope.split(' >>> ')) {
        el = root.querySelector(part);
        if (!el) return null;
        root = el.shadowRoot ?? el;
      }
      return el;
    },
  };
  w.__probe = probe;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the report says so by an empty list and dcl still set.
  }
  document.addEventListener('securitypolicyviolation', (e) => {
    probe.violations.push(
      `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} from ${e.sourceFile || '?'}:${e.lineNumber}`,
    );
  });
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      probe.dcl = performance.now();
      // Registered before the content script runs (document_end comes after this
      // listener), so this runs before Backstory's first slice, which waits for that frame too.
      frame(() => later(() => (probe.firstFrame = performance.now()), 0));
      probe.snapshot = serialize(document);
      new Observer((records) => {
        for (const r of records) {
          const parts: string[] = [r.type];
          for (const n of r.addedNodes) parts.push(`+${label(n)}`);
          for (const n of r.removedNodes) parts.push(`-${label(n)}`);
          if (r.attributeName) parts.push(`[${r.attributeName}]`);
          parts.push(`@${label(r.target)}`);
          const key = parts.join(' ');
          probe.mutations[key] = (probe.mutations[key] ?? 0) + 1;
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    },
    { once: true },
  );
}

/** Every console error and uncaught exception on the page, in any frame or world. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.stack ?? e.message}`));
  return errors;
}

export interface Probed {
  page: Page;
  /** Console errors and uncaught exceptions seen so far: the fixtures log none of their own. */
  errors: string[];
}

/** Registers `/hostile/…` routes used by every test (idempotent). */
export function routes(t: E2E): void {
  t.server.route('/hostile/blank', { body: '<!doctype html><title>blank</title>' });
  // Chromium asks for a favicon on every page; an empty one keeps 404s out of the console.
  t.server.route('/favicon.ico', { body: '', headers: { 'content-type': 'image/x-icon' } });
}

/** Opens `path` with the probe installed from the first byte; `beforeLoad` runs just before. */
export async function openProbed(t: E2E, path: string, beforeLoad?: (page: Page) => Promise<void>): Promise<Probed> {
  routes(t);
  const page = await t.open('/hostile/blank');
  const errors = watchErrors(page);
  // tsx compiles functions with esbuild's keepNames, which wraps inner functions in
  // __name(); the functions this file sends into pages need that helper there too.
  await page.addInitScript({ content: `globalThis.__name ??= (f) => f;\n(${installProbe.toString()})();` });
  await beforeLoad?.(page);
  await page.goto(t.server.url(path));
  return { page, errors };
}

export async function report(frame: Frame): Promise<ProbeReport> {
  return frame.evaluate(() => {
    const p = (window as unknown as { __probe: ProbeReport }).__probe;
    return {
      dcl: p.dcl,
      firstFrame: p.firstFrame,
      own: p.own,
      longTasks: p.longTasks,
      mutations: p.mutations,
      violations: p.violations,
    };
  });
}

/**
 * Runs `fn` in the frame like frame.evaluate, and notes the time it took in the probe:
 * walking a 5 MB text node or 100,000 nodes to check marks is the test's own long task.
 */
export async function inPage<A, R>(frame: Frame, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  const now = () => performance.now();
  const from = await frame.evaluate(now);
  try {
    return (await frame.evaluate(fn as (arg: unknown) => R, arg as unknown)) as R;
  } finally {
    await frame
      .evaluate((start) => {
        const p = (window as unknown as { __probe?: { own: [number, number][] } }).__probe;
        p?.own.push([start, performance.now()]);
      }, from)
      .catch(() => undefined);
  }
}

export interface Verdict {
  /** Longest task after the page's first frame (the test's own probes aside), ms. */
  longestTask: number;
  longTasks: number;
}

/**
 * The common assertions: no errors, no CSP violations, the DOM as it was but for the
 * card host. Long tasks after load are counted and reported, not bounded: a time bound
 * failed here at 218 ms against 200 on two busy cores, and times belong to `npm run bench`
 * (its longest-task figure); the tests assert the mechanism instead (the scan runs in
 * slices and yields, see `assertSliced`). `pageMutations` lists mutation keys the page
 * itself makes (a ticker, a router), as regular expressions.
 */
export async function assertUnharmed(
  probed: Probed,
  options: {
    pageMutations?: RegExp[];
    snapshot?: boolean;
    frames?: Frame[];
    /** Errors the fixture page's own scripts are expected to log. */
    pageErrors?: RegExp;
  } = {},
): Promise<Verdict> {
  const { page, errors } = probed;
  const frames = options.frames ?? [page.mainFrame()];
  let longestTask = 0;
  let longTasks = 0;
  for (const frame of frames) {
    const r = await report(frame);
    const where = frame === page.mainFrame() ? 'page' : `frame ${frame.url().slice(0, 60)}`;
    assert.deepEqual(r.violations, [], `${where}: no CSP violations`);
    const foreign = Object.entries(r.mutations).filter(
      ([key]) => !isCardHostMutation(key) && !(options.pageMutations ?? []).some((re) => re.test(key)),
    );
    assert.deepEqual(foreign, [], `${where}: the page's MutationObserver saw only the card host`);
    if (options.snapshot !== false) {
      const same = await frame.evaluate(() => {
        const p = (window as unknown as { __probe: { snapshot: string; serialize(): string } }).__probe;
        const hosts = document.querySelectorAll('backstory-card');
        for (const h of hosts) if (h.parentNode !== document.body) return `card host under ${h.parentNode?.nodeName}`;
        if (hosts.length > 1) return `${hosts.length} card hosts`;
        const now = p.serialize();
        if (now === p.snapshot) return 'same';
        let i = 0;
        while (i < now.length && now[i] === p.snapshot[i]) i++;
        return `differs at ${i}: before «${p.snapshot.slice(Math.max(0, i - 80), i + 80)}» after «${now.slice(Math.max(0, i - 80), i + 80)}»`;
      });
      assert.equal(same, 'same', `${where}: DOM unchanged apart from the card host`);
    }
    for (const task of r.longTasks) {
      // Parsing the page and rendering its first frame are the page's own work (on the
      // 100,000-node page they are long tasks with Backstory off too); Backstory starts
      // scanning after that frame. Every later task counts, and the scan measure (when
      // the build has it) gives Backstory's longest slice directly.
      if (task.start < Math.max(r.dcl, r.firstFrame)) continue;
      if (r.own.some(([from, to]) => task.start < to && task.start + task.duration > from)) continue;
      longTasks++;
      longestTask = Math.max(longestTask, task.duration);
    }
  }
  const unexpected = options.pageErrors ? errors.filter((e) => !options.pageErrors!.test(e)) : errors;
  assert.deepEqual(unexpected, [], 'no errors in the console');
  return { longestTask, longTasks };
}

export function isCardHostMutation(key: string): boolean {
  return key === 'childList +BACKSTORY-CARD @BODY' || key.endsWith('@BACKSTORY-CARD');
}

// ---------------------------------------------------------------------------------
// Marks and cards, in any frame and through open shadow roots

/** Texts of the marks in a frame's highlight registry, by highlight name. */
export async function marksIn(frame: Frame): Promise<Record<string, string[]>> {
  return inPage(frame, readHighlightTexts, undefined);
}

/** Every marked text, whatever its kind (the "current" ring excluded). */
export async function allMarks(frame: Frame): Promise<string[]> {
  const m = await marksIn(frame);
  return Object.entries(m)
    .filter(([name]) => name !== 'backstory-current')
    .flatMap(([, texts]) => texts);
}

/** Marked texts whose range starts inside `scope` (shadow-including). */
export async function marksWithin(frame: Frame, scope: string): Promise<string[]> {
  return inPage(
    frame,
    (sel) => {
      const el = (window as unknown as { __probe: { resolve(s: string): Element | null } }).__probe.resolve(sel);
      if (!el) throw new Error(`no ${sel}`);
      const inside = (n: Node): boolean => {
        for (let x: Node | null = n; x; x = x.parentNode ?? (x as ShadowRoot).host ?? null) if (x === el) return true;
        return false;
      };
      const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
      const out: string[] = [];
      for (const [name, highlight] of registry) {
        if (name === 'backstory-current') continue;
        for (const r of highlight) {
          if (!inside(r.startContainer)) continue;
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          out.push(range.toString());
        }
      }
      return out;
    },
    scope,
  );
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Box of `phrase` inside `scope`, in the top page's viewport coordinates. */
export async function phraseIn(frame: Frame, scope: string, phrase: string): Promise<Box> {
  const box = await inPage(
    frame,
    ([sel, text]) => {
      const el = (window as unknown as { __probe: { resolve(s: string): Element | null } }).__probe.resolve(sel!);
      if (!el) return null;
      // The phrase may run across text nodes ("<a>Asim</a> <b>Munir</b>"): search the
      // scope's text, then map the match back onto its nodes.
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const whole = nodes.map((n) => n.data).join('');
      const at = whole.indexOf(text!);
      if (at < 0) return null;
      const locate = (offset: number, end: boolean): [Text, number] => {
        let base = 0;
        for (const n of nodes) {
          if (offset < base + n.data.length || (end && offset === base + n.data.length)) return [n, offset - base];
          base += n.data.length;
        }
        const last = nodes[nodes.length - 1]!;
        return [last, last.data.length];
      };
      const range = document.createRange();
      range.setStart(...locate(at, false));
      range.setEnd(...locate(at + text!.length, true));
      const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    },
    [scope, phrase] as const,
  );
  if (!box) throw new Error(`"${phrase}" not found in ${scope}`);
  // A frame's coordinates start at its element's content box (fixtures give iframes no border).
  for (let f: Frame | null = frame; f && f.parentFrame(); f = f.parentFrame()) {
    const outer = await (await f.frameElement()).boundingBox();
    if (outer) {
      box.x += outer.x;
      box.y += outer.y;
    }
  }
  return box;
}

export interface Card {
  open: boolean;
  title: string | null;
  box: Box | null;
  text: string;
  viewport: { width: number; height: number };
}

export async function cardIn(frame: Frame): Promise<Card> {
  return inPage(
    frame,
    () => {
      const host = document.querySelector('backstory-card');
      const shadow = host?.shadowRoot;
      const frameEl = shadow?.querySelector<HTMLElement>('.bs-frame');
      const open = !!host && (host.matches(':popover-open') || host.hasAttribute('data-fallback-open'));
      const r = frameEl?.getBoundingClientRect();
      return {
        open,
        title: open ? (shadow?.querySelector('h2')?.textContent ?? null) : null,
        box: open && r ? { x: r.left, y: r.top, width: r.width, height: r.height } : null,
        text: open ? (frameEl?.innerText ?? '') : '',
        viewport: { width: innerWidth, height: innerHeight },
      };
    },
    undefined,
  );
}

/** Rests the pointer on `phrase` and waits for the card titled `title`. */
export async function hoverCard(page: Page, frame: Frame, scope: string, phrase: string, title: string): Promise<Card> {
  const box = await phraseIn(frame, scope, phrase);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
  const card = await eventually(
    `card "${title}" for "${phrase}"`,
    async () => {
      const c = await cardIn(frame);
      return c.open && c.title ? c : null;
    },
    4000,
  );
  assert.equal(card.title, title, `hovering "${phrase}" opens the card of ${title}`);
  return card;
}

export async function closeCard(page: Page, frame: Frame): Promise<void> {
  await page.mouse.move(2, 2, { steps: 3 });
  await eventually('card closed', async () => !(await cardIn(frame)).open, 3000);
}

/** Waits until `frame` has a mark for each of `texts`. */
export async function waitForMarks(frame: Frame, texts: string[], ms = 5000): Promise<string[]> {
  return eventually(
    `marks for ${texts.join(', ')}`,
    async () => {
      const marks = await allMarks(frame);
      return texts.every((t) => marks.includes(t)) ? marks : null;
    },
    ms,
  );
}

/** Whether the card's frame lies fully inside the viewport. */
export function assertOnScreen(card: Card, what: string): void {
  const b = card.box!;
  assert.ok(
    b.width >= 200 && b.height >= 80,
    `${what}: card has a readable size (${Math.round(b.width)}×${Math.round(b.height)})`,
  );
  assert.ok(
    b.x >= 0 && b.y >= 0 && b.x + b.width <= card.viewport.width + 0.5 && b.y + b.height <= card.viewport.height + 0.5,
    `${what}: card fully on screen (${JSON.stringify(b)} in ${card.viewport.width}×${card.viewport.height})`,
  );
}

export function fixture(name: string): string {
  return readFileSync(`${FIXTURES}/${name}`, 'utf8');
}

// ---------------------------------------------------------------------------------
// Backstory's own main-thread time

export interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}

export interface ScriptTime {
  /** Main-thread time with Backstory's content script on the stack, ms. */
  oursMs: number;
  wallMs: number;
  /** Longest run of consecutive samples in Backstory's code, ms (≈ its longest task). */
  longestMs: number;
}

/**
 * Backstory's share of the main thread while `during` runs, from a V8 CPU profile of the
 * page's renderer (content scripts run in the page's isolate): every sample with a frame
 * of the content script on its stack counts, natives it called included (checkVisibility,
 * querySelectorAll, MutationObserver callbacks). Unlike a page-side meter this does not
 * move when other processes load the machine, so it holds on a busy CI runner.
 */
/** Serves `html` at `path` and opens it probed, with the content script profiled from the start. */
export async function openProfiled(
  t: E2E,
  path: string,
  html: string,
): Promise<{ probed: Probed; stopProfile: () => Promise<ScriptTime> }> {
  t.server.route(path, { body: html });
  let stopProfile: (() => Promise<ScriptTime>) | null = null;
  const probed = await openProbed(t, path, async (page) => {
    stopProfile = await profileContentScript(t, page);
  });
  return { probed, stopProfile: () => stopProfile!() };
}

export async function profileContentScript(t: E2E, page: Page): Promise<() => Promise<ScriptTime>> {
  const cdp = await t.browser.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  return async () => {
    try {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
        profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };
      };
      const parent = new Map<number, number>();
      for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const prefix = `${t.browser.extensionOrigin}/`;
      const ours = new Map<number, boolean>();
      const isOurs = (id: number): boolean => {
        const known = ours.get(id);
        if (known !== undefined) return known;
        const node = byId.get(id)!;
        const up = parent.get(id);
        const value = node.callFrame.url.startsWith(prefix) || (up !== undefined && isOurs(up));
        ours.set(id, value);
        return value;
      };
      let oursUs = 0;
      let run = 0;
      let longest = 0;
      profile.samples.forEach((id, i) => {
        const dt = profile.timeDeltas[i + 1] ?? 0; // until the next sample
        if (isOurs(id)) {
          oursUs += dt;
          run += dt;
          longest = Math.max(longest, run);
        } else {
          run = 0;
        }
      });
      return { oursMs: oursUs / 1000, wallMs: (profile.endTime - profile.startTime) / 1000, longestMs: longest / 1000 };
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  };
}

// ---------------------------------------------------------------------------------
