/**
 * npm run bench:compare -- [--runs=N] [--rounds=K] [--chars=N] [--devset] <extension dir> <extension dir> …
 *
 * The scan of the 1 MB page (busy time, as `npm run bench` measures it) in two or more
 * builds, each as a ratio to the first. For a question `npm run bench` cannot answer:
 * whether a change made the scan a few per cent dearer or cheaper, which its run-to-run
 * spread hides (the bare walk it divides by moves as much).
 *
 * `--chars` generates the page at another size (the same generator and names). A ratio
 * can depend on it: a cost paid once per page (code not yet optimised) weighs less on a
 * larger page, and a cost per character the same. `--devset` scans real news text
 * instead, the English dev set's pages as one article (`--chars`, 40,000 by default).
 *
 * Runs, not scans, are the unit. In one browser session the same build measured 1.11×
 * itself when launched second (an A/A comparison, fourteen rounds): each Chromium
 * launched has a speed of its own for as long as it runs. So each run launches a fresh
 * browser per build, in shuffled order, scans the page once per browser to warm it, then
 * K times per build in shuffled order; a run gives each build the median of its scans
 * over the first build's. The summary is the median and the mean (± its standard error)
 * of those per-run ratios. Ratios also move with the machine's load (cold code waits
 * longer for the compiler on a busy machine): compare builds within one invocation only.
 *
 * Build a revision to compare against in a worktree beside the project, for example:
 *   git worktree add ../base <rev> && ln -s "$PWD/node_modules" ../base/node_modules
 *   (cd ../base && npm run build)
 * then `npm run bench:compare -- ../base/.output/chrome-mv3 .output/chrome-mv3`, and
 * `git worktree remove ../base` after.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CorpusRecords } from '../engine/types';
import { launchWithExtension, type ExtensionBrowser } from '../e2e/harness/chromium';
import { startFixtureServer } from '../e2e/harness/fixture-server';
import { scanBusy } from './browser-bench';
import { median } from './node-bench';
import { BENCH_TEXT_CHARS, benchArticle, devsetArticle } from './page';

const flags = new Map(
  process.argv
    .slice(2)
    .filter((a) => a.startsWith('--'))
    .map((a) => a.slice(2).split('=') as [string, string]),
);
const dirs = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'))
  .map((d) => resolve(d));
const RUNS = Number(flags.get('runs') ?? 12);
const ROUNDS = Number(flags.get('rounds') ?? 3);
const DEVSET = flags.has('devset');
const CHARS = Number(flags.get('chars') ?? (DEVSET ? 40_000 : BENCH_TEXT_CHARS));
if (dirs.length < 2 || !(RUNS > 0) || !(ROUNDS > 0) || !(CHARS >= 10_000)) {
  console.error(
    'usage: npm run bench:compare -- [--runs=N] [--rounds=K] [--chars=N ≥ 10000] [--devset] <extension dir> <extension dir> …',
  );
  process.exit(2);
}

const PATH = '/bench/article.html';

const shuffled = <T>(list: readonly T[]): T[] => {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

const records = JSON.parse(readFileSync('generated/records.json', 'utf8')) as CorpusRecords;
const server = await startFixtureServer();
server.route(PATH, { body: (DEVSET ? devsetArticle(CHARS) : benchArticle(records, CHARS)).html });
const builds = dirs.map((_, i) => i);
/** Per build, its per-run ratio to the first build. */
const ratios: number[][] = dirs.map(() => []);
const medians: number[][] = dirs.map(() => []);
try {
  for (let run = 1; run <= RUNS; run++) {
    const order = shuffled(builds);
    const browsers: ExtensionBrowser[] = [];
    try {
      for (const b of order)
        browsers[b] = await launchWithExtension({ allowedOrigins: [server.origin], extensionPath: dirs[b]! });
      for (const b of order) await scanBusy(browsers[b]!, server.url(PATH));
      const busy: number[][] = dirs.map(() => []);
      for (let k = 0; k < ROUNDS; k++)
        for (const b of shuffled(builds)) busy[b]!.push(await scanBusy(browsers[b]!, server.url(PATH)));
      const runMedians = busy.map(median);
      builds.forEach((b) => {
        medians[b]!.push(runMedians[b]!);
        ratios[b]!.push(runMedians[b]! / runMedians[0]!);
      });
      console.log(
        `run ${run}/${RUNS} (launched ${order.join(' ')}): ${runMedians.map((m) => `${m.toFixed(0)} ms`).join(', ')}`,
      );
    } finally {
      for (const browser of browsers) await browser?.close();
    }
  }
} finally {
  await server.close();
}
const size = CHARS >= 1e6 ? `${+(CHARS / 1e6).toFixed(2)} MB` : `${Math.round(CHARS / 1e3)} KB`;
console.log(
  `\nscan busy time on the ${size} ${DEVSET ? 'page of dev-set news text' : 'page'}, ${RUNS} runs of ${ROUNDS} scans per build; ratio to the first build:`,
);
builds.forEach((b) => {
  const r = ratios[b]!;
  const mean = r.reduce((x, y) => x + y, 0) / r.length;
  const se = Math.sqrt(r.reduce((x, y) => x + (y - mean) ** 2, 0) / Math.max(1, r.length - 1) / r.length);
  console.log(
    `  ${dirs[b]}: ${median(medians[b]!).toFixed(1)} ms; ratio median ${median(r).toFixed(3)}, mean ${mean.toFixed(3)} ± ${se.toFixed(3)} (runs: ${r.map((x) => x.toFixed(2)).join(' ')})`,
  );
});
