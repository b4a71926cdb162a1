/**
 * `npm run bench -- --profile`: where the scan's time goes. Builds the extension
 * unminified with source maps (same config otherwise), scans the page once under
 * Chrome's sampling CPU profiler (CDP Profiler on the page: it samples every world of
 * the page's isolate, so the content script's isolated world too), and lists functions
 * by self and inclusive time, each with the source file it came from. Time inside a DOM
 * call (checkVisibility, node.data, Highlight.add) counts as the calling function's
 * self time: the profiler sees no JavaScript frame below it.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { launchWithExtension } from '../e2e/harness/chromium';
import type { FixtureServer } from '../e2e/harness/fixture-server';
import { sourceLocator } from './bundle';
import { PAGE_HELPERS } from './in-page';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileRow {
  fn: string;
  source: string;
  selfMs: number;
  totalMs: number;
}

export interface ProfileReport {
  /** Sampled time in the content script's scan (runSlice and what it calls). */
  scanMs: number;
  gcMs: number;
  rows: ProfileRow[];
}

export async function profileScan(
  extensionPath: string,
  server: FixtureServer,
  path: string,
  out: string,
): Promise<ProfileReport> {
  // The scanner and the engine run from page-scanning.js, the rest of the page side from the content script
  // (all of it, in a build from before that bundle: such a build can be profiled to compare with).
  const locators = new Map(
    ['content-scripts/content.js', 'page-scanning.js']
      .filter((f) => existsSync(`${extensionPath}/${f}`))
      .map((file) => [file.replace(/^.*\//, ''), sourceLocator(`${extensionPath}/${file}`)]),
  );
  const locate = (url: string, line: number, column: number): string | null =>
    locators.get(url.replace(/^.*\//, ''))?.(line, column) ?? null;
  const browser = await launchWithExtension({ allowedOrigins: [server.origin], extensionPath });
  try {
    const worker = browser.context.serviceWorkers()[0]!;
    const setEnabled = (on: boolean) =>
      worker.evaluate(
        (enabled) =>
          (
            globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
          ).chrome.storage.local.set({ settings: { enabled, disabledSites: [] } }),
        on,
      );
    let profile: Profile | null = null;
    // Two scans; the second is kept (the first warms the browser's caches, as in the timed runs).
    for (let i = 0; i < 2; i++) {
      await setEnabled(false);
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      await page.goto(server.url(path), { waitUntil: 'load' });
      await page.waitForTimeout(400);
      await page.evaluate(PAGE_HELPERS);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      await setEnabled(true);
      await page.waitForFunction('__bench.scan() !== null', undefined, { timeout: 120_000, polling: 100 });
      profile = ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile;
      await page.close();
    }
    writeFileSync(out, JSON.stringify(profile));
    return summarise(profile!, locate);
  } finally {
    await browser.close();
  }
}

function summarise(p: Profile, locate: (url: string, line: number, col: number) => string | null): ProfileReport {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n: ProfileNode): { key: string; fn: string; source: string } => {
    const f = n.callFrame;
    const fn = f.functionName || '(anonymous)';
    const source = locate(f.url, f.lineNumber, f.columnNumber) ?? (f.url ? f.url.replace(/^.*\//, '') : '(native)');
    return { key: `${fn}\u0000${source}`, fn, source };
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const info = new Map<string, { fn: string; source: string }>();
  let scanUs = 0;
  let gcUs = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i + 1] ?? 0;
    const leaf = byId.get(id)!;
    const chain: ProfileNode[] = [];
    for (let n: ProfileNode | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1)) chain.push(n);
    const inScan = chain.some(
      (n) => /^#?runSlice$/.test(n.callFrame.functionName) && /(page-scanning|content)\.js$/.test(n.callFrame.url),
    );
    if (leaf.callFrame.functionName === '(garbage collector)') gcUs += dt;
    if (!inScan) return;
    scanUs += dt;
    const seen = new Set<string>();
    chain.forEach((n, depth) => {
      const k = keyOf(n);
      info.set(k.key, k);
      if (depth === 0) self.set(k.key, (self.get(k.key) ?? 0) + dt);
      if (!seen.has(k.key)) total.set(k.key, (total.get(k.key) ?? 0) + dt);
      seen.add(k.key);
    });
  });
  const rows = [...info.entries()]
    .map(([key, { fn, source }]) => ({
      fn,
      source,
      selfMs: (self.get(key) ?? 0) / 1000,
      totalMs: (total.get(key) ?? 0) / 1000,
    }))
    .filter((r) => r.source !== '(native)' || r.selfMs > 0)
    .sort((a, b) => b.selfMs - a.selfMs);
  return { scanMs: scanUs / 1000, gcMs: gcUs / 1000, rows };
}
