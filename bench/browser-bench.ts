/**
 * The parts of the benchmark that run in Debian's Chromium with the built extension:
 * Backstory's scan of the 1 MB page (busy time from the scanner's User Timing entries,
 * main-thread tasks from a trace, heap growth), the bare TreeWalker pass in the same
 * page, mark.js on the same page, and hover-card latency.
 */
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../e2e/harness/chromium';
import type { FixtureServer } from '../e2e/harness/fixture-server';
import { markjsCall, PAGE_HELPERS } from './in-page';

export interface ScanRun {
  /** Busy time: the sum of the initial scan's slices (CPU the content script used). */
  busyMs: number;
  /** Wall time from the first slice to the queue drained (the scanner yields between slices). */
  wallMs: number;
  slices: number;
  longestSliceMs: number;
  mentions: number;
  bareWalk: { ms: number; nodes: number; chars: number; elements: number };
  readEveryCharMs: number;
  heapDeltaBytes: number;
  /** Long tasks (over 50 ms) the page's PerformanceObserver saw during the scan. */
  longTasks: { start: number; duration: number }[];
  trace: TraceSummary | null;
}

export interface TraceSummary {
  /** Longest main-thread task from the scan's first task to 250 ms after it drained. */
  longestTaskMs: number;
  /** The task that ran the first slice (settings read, detector built, first slice). */
  firstTaskMs: number;
  /** All main-thread task time in that window: the scan plus the rendering it causes. */
  mainThreadMs: number;
  tasks: number;
  /**
   * Rendering steps inside those tasks (devtools.timeline events): PrePaint is where
   * Chrome re-validates highlight ranges after a change; Paint draws them.
   */
  prePaintMs: number;
  paintMs: number;
  /** Tasks over 16 ms, in order: [ms after scan start, duration]. */
  longTasks: [number, number][];
}

export interface MarkjsRun {
  ms: number | null;
  marks: number;
  timedOut: boolean;
}

export interface CardRun {
  text: string;
  title: string;
  /** beforetoggle → frame after the content rendered (what the reader waits for). */
  paintedMs: number;
  /** beforetoggle → content in the DOM. */
  contentMs: number;
  /** beforetoggle → the first frame showing anything (the "loading" line). */
  firstFrameMs: number;
}

export interface BrowserBenchOptions {
  extensionPath: string;
  server: FixtureServer;
  articlePath: string;
  reps: number;
  markjsReps: number;
  markjsTimeoutMs: number;
  cardReps: number;
  /** A typical article (the demo) for card latency, besides the 1 MB page. */
  cardArticlePath: string;
  keywords: readonly string[];
  trace: boolean;
  log(line: string): void;
}

export interface BrowserResults {
  chromium: string;
  scans: ScanRun[];
  markjs: MarkjsRun[];
  /** Cards on the typical article, and on the 1 MB page (thousands of marks). */
  cards: CardRun[];
  cardsLargePage: CardRun[];
  cardMisses: number;
}

const MARKJS = resolve('node_modules/mark.js/dist/mark.min.js');

export async function browserBench(o: BrowserBenchOptions): Promise<BrowserResults> {
  const browser = await launchWithExtension({ allowedOrigins: [o.server.origin], extensionPath: o.extensionPath });
  try {
    const version = browser.context.browser()?.version() ?? (await chromiumVersion(browser));
    const scans: ScanRun[] = [];
    const markjs: MarkjsRun[] = [];
    let last: Page | null = null;
    // Interleaved, so slow drift on a shared machine hits both sides of each ratio.
    for (let i = 0; i < Math.max(o.reps, o.markjsReps); i++) {
      if (i < o.reps) {
        await last?.close();
        const { run, page } = await scanRun(browser, o, o.trace);
        last = page;
        scans.push(run);
        o.log(
          `  scan ${i + 1}/${o.reps}: busy ${run.busyMs.toFixed(1)} ms, wall ${run.wallMs.toFixed(0)} ms, bare walk ${run.bareWalk.ms.toFixed(1)} ms` +
            (run.trace
              ? `, longest task ${run.trace.longestTaskMs.toFixed(1)} ms, main thread ${run.trace.mainThreadMs.toFixed(0)} ms`
              : ''),
        );
      }
      if (i < o.markjsReps) {
        const run = await markjsRun(browser, o);
        markjs.push(run);
        o.log(
          `  mark.js ${i + 1}/${o.markjsReps}: ${run.timedOut ? `timed out after ${o.markjsTimeoutMs} ms` : `${run.ms!.toFixed(0)} ms, ${run.marks} marks`}`,
        );
      }
    }
    const large = last ? await cardRuns(last, o) : { cards: [], misses: 0 };
    await last?.close();
    await setEnabled(browser, true);
    const { page: article } = await openSettled(browser, o.server.url(o.cardArticlePath));
    await article.waitForFunction('__bench.scan() !== null', undefined, { timeout: 30_000, polling: 100 });
    await article.waitForTimeout(300);
    const typical = await cardRuns(article, o);
    await article.close();
    return {
      chromium: version,
      scans,
      markjs,
      cards: typical.cards,
      cardsLargePage: large.cards,
      cardMisses: typical.misses + large.misses,
    };
  } finally {
    await browser.close();
  }
}

async function chromiumVersion(browser: ExtensionBrowser): Promise<string> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const v = (await cdp.send('Browser.getVersion')) as { product: string };
  await page.close();
  return v.product;
}

/** Backstory on or off through storage: the live switch the popup uses. */
export function setEnabled(browser: ExtensionBrowser, on: boolean): Promise<void> {
  const worker = browser.context.serviceWorkers()[0];
  if (!worker) throw new Error('extension service worker not running');
  return worker.evaluate(
    (enabled) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome.storage.local.set({ settings: { enabled, disabledSites: [] } }),
    on,
  );
}

/** Loaded, laid out and painted, with nothing pending. */
export async function openSettled(browser: ExtensionBrowser, url: string): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  await page.waitForTimeout(300);
  await page.evaluate(PAGE_HELPERS);
  return { page, cdp };
}

/** One scan of a page with Backstory switched on once the page has settled: its busy time (ms). */
export async function scanBusy(browser: ExtensionBrowser, url: string): Promise<number> {
  await setEnabled(browser, false);
  const { page, cdp } = await openSettled(browser, url);
  await cdp.detach();
  await setEnabled(browser, true);
  await page.waitForFunction('__bench.scan() !== null', undefined, { timeout: 120_000, polling: 100 });
  const scan = (await page.evaluate('__bench.scan()')) as { detail: { busyMs: number } };
  await page.close();
  return scan.detail.busyMs;
}

/**
 * Busy times of `reps` scans of a page in a fresh browser, after one scan that warms it
 * (as `npm run bench:compare` scans).
 */
export async function scanBusyRuns(
  extensionPath: string,
  server: FixtureServer,
  path: string,
  reps: number,
): Promise<number[]> {
  const browser = await launchWithExtension({ allowedOrigins: [server.origin], extensionPath: resolve(extensionPath) });
  try {
    await scanBusy(browser, server.url(path));
    const busy: number[] = [];
    for (let i = 0; i < reps; i++) busy.push(await scanBusy(browser, server.url(path)));
    return busy;
  } finally {
    await browser.close();
  }
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
}

/**
 * One scan of the page: loaded with Backstory switched off (the content script is there
 * but idle), the bare walk in the page's world, then Backstory switched on through
 * storage — the live switch the popup uses — so the scan runs on a settled page and
 * every task in its window is the extension's doing.
 */
async function scanRun(
  browser: ExtensionBrowser,
  o: BrowserBenchOptions,
  trace: boolean,
): Promise<{ run: ScanRun; page: Page }> {
  await setEnabled(browser, false);
  const { page, cdp } = await openSettled(browser, o.server.url(o.articlePath));
  if (await page.evaluate('__bench.scan()')) throw new Error('Backstory scanned while switched off');
  const bareWalk = (await page.evaluate('__bench.walk()')) as ScanRun['bareWalk'];
  const readEveryChar = (await page.evaluate('__bench.walkChars()')) as { ms: number };
  await cdp.send('Performance.enable');
  const heap0 = await heapUsed(cdp);
  const tracer = trace ? await startTrace(cdp) : null;
  await setEnabled(browser, true);
  await page.waitForFunction('__bench.scan() !== null', undefined, { timeout: 120_000, polling: 100 });
  await page.waitForTimeout(300); // the frames that render the last marks
  const scan = (await page.evaluate('__bench.scan()')) as {
    start: number;
    wallMs: number;
    detail: { busyMs: number; slices: number; longestSliceMs: number; mentions: number };
  };
  const longTasks = (await page.evaluate(
    `__bench.longtasks(${scan.start - 100}, ${scan.start + scan.wallMs + 250})`,
  )) as ScanRun['longTasks'];
  const summary = tracer ? summariseTrace(await tracer.stop()) : null;
  const heap1 = await heapUsed(cdp);
  await cdp.detach();
  return {
    page,
    run: {
      busyMs: scan.detail.busyMs,
      wallMs: scan.wallMs,
      slices: scan.detail.slices,
      longestSliceMs: scan.detail.longestSliceMs,
      mentions: scan.detail.mentions,
      bareWalk,
      readEveryCharMs: readEveryChar.ms,
      heapDeltaBytes: heap1 - heap0,
      longTasks,
      trace: summary,
    },
  };
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
}

/** Top-level tasks and rendering steps only: cheap enough to leave on during the timed scan. */
const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing', 'devtools.timeline'];

async function startTrace(cdp: CDPSession): Promise<{ stop(): Promise<TraceEvent[]> }> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: TRACE_CATEGORIES },
    transferMode: 'ReportEvents',
  } as never);
  return {
    async stop() {
      const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
      await cdp.send('Tracing.end');
      await complete;
      return events;
    },
  };
}

function summariseTrace(events: TraceEvent[]): TraceSummary | null {
  const mark = events.find((e) => e.name === 'backstory:scan-start' && e.cat.includes('user_timing'));
  const end = events.find((e) => e.name === 'backstory:scan' && e.ph === 'e');
  if (!mark || !end) return null;
  const from = mark.ts;
  const to = end.ts + 250_000;
  const main = events.filter((e) => e.ph === 'X' && e.pid === mark.pid && e.tid === mark.tid && e.dur !== undefined);
  const all = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
  const tasks: TraceEvent[] = [];
  for (const t of all) {
    const prev = tasks[tasks.length - 1];
    if (prev && t.ts < prev.ts + prev.dur!) continue; // nested run loop: counted in its parent
    if (t.ts + t.dur! >= from && t.ts <= to) tasks.push(t);
  }
  const sum = (name: string) =>
    main
      .filter((e) => e.name === name && e.ts >= (tasks[0]?.ts ?? from) && e.ts <= to)
      .reduce((n, e) => n + e.dur!, 0) / 1000;
  const first = tasks.find((t) => t.ts <= from && from <= t.ts + t.dur!);
  return {
    longestTaskMs: Math.max(0, ...tasks.map((t) => t.dur!)) / 1000,
    firstTaskMs: (first?.dur ?? 0) / 1000,
    mainThreadMs: tasks.reduce((n, t) => n + t.dur!, 0) / 1000,
    tasks: tasks.length,
    prePaintMs: sum('PrePaint'),
    paintMs: sum('Paint'),
    longTasks: tasks
      .filter((t) => t.dur! > 16_000)
      .map((t) => [Math.round((t.ts - from) / 100) / 10, Math.round(t.dur! / 100) / 10]),
  };
}

/** mark.js on the same page (Backstory switched off), with a time cap. */
async function markjsRun(browser: ExtensionBrowser, o: BrowserBenchOptions): Promise<MarkjsRun> {
  await setEnabled(browser, false);
  const { page } = await openSettled(browser, o.server.url(o.articlePath));
  await page.addScriptTag({ path: MARKJS });
  const work = page.evaluate(markjsCall(o.keywords)) as Promise<{ ms: number; marks: number }>;
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<null>((done) => (timer = setTimeout(() => done(null), o.markjsTimeoutMs)));
  const result = await Promise.race([work, cap]);
  clearTimeout(timer);
  work.catch(() => undefined);
  await page.close();
  return result ? { ms: result.ms, marks: result.marks, timedOut: false } : { ms: null, marks: 0, timedOut: true };
}

/**
 * Hovers distinct mentions in the first screenful of a scanned page, one at a time:
 * pointer away (card closes), then rests on the mention as a reader would.
 */
async function cardRuns(page: Page, o: BrowserBenchOptions): Promise<{ cards: CardRun[]; misses: number }> {
  const targets = (await page.evaluate(`__bench.mentionTargets(${o.cardReps + 1})`)) as {
    x: number;
    y: number;
    text: string;
  }[];
  const label = new URL(page.url()).pathname;
  const cards: CardRun[] = [];
  let misses = 0;
  const away = async () => {
    await page.mouse.move(4, 4, { steps: 2 });
    await page.waitForFunction('!__bench.card.isOpen()', undefined, { timeout: 5_000, polling: 50 });
    await page.waitForTimeout(150);
  };
  const hover = async (t: { x: number; y: number }) => {
    await page.mouse.move(t.x - 40, t.y + 30, { steps: 2 });
    await page.mouse.move(t.x, t.y, { steps: 8 });
  };
  // Warm-up: the first card creates the host element the recorder listens on.
  if (!targets.length) return { cards, misses };
  await hover(targets[0]!);
  await page.waitForFunction('__bench.card.isOpen()', undefined, { timeout: 5_000 });
  await page.waitForTimeout(300);
  await page.evaluate('__bench.card.install()');
  // Distinct mentions where the first screenful has enough, else round again.
  const order = targets.length > 1 ? targets.slice(1) : targets;
  for (let i = 0; i < o.cardReps; i++) {
    const t = order[i % order.length]!;
    await away();
    await page.evaluate('__bench.card.arm()');
    await hover(t);
    try {
      await page.waitForFunction('!!(__bench.card.read() || {}).painted', undefined, { timeout: 5_000, polling: 50 });
    } catch {
      misses++;
      continue;
    }
    const r = (await page.evaluate('__bench.card.read()')) as {
      requested: number;
      first: number;
      firstFrame: number;
      content: number;
      painted: number;
      title: string;
    };
    cards.push({
      text: t.text,
      title: r.title,
      paintedMs: r.painted - r.requested,
      contentMs: r.content - r.requested,
      firstFrameMs: (r.firstFrame ?? r.painted) - r.requested,
    });
    o.log(
      `  card on ${label} "${t.text}": content ${(r.content - r.requested).toFixed(1)} ms, painted ${(r.painted - r.requested).toFixed(1)} ms`,
    );
  }
  return { cards, misses };
}
