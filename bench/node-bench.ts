/**
 * The parts of the benchmark that run on the engine alone, in Node (same V8 as
 * Chromium, no DOM): detection time per MB with the bundled corpus against a
 * 10,000-entity corpus, and popup search time per keystroke at 10,000 entities.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { collectTextBlocks, isHiddenByAttributes } from '../adapters/page/text-blocks';
import { createDetector, type MatcherTable, type TextBlock } from '../engine/detect';
import { compileMatcherTable } from '../engine/table';
import { createSearchIndex } from '../engine/search';
import type { CorpusRecords } from '../engine/types';
import type { MatcherSource } from '../engine/types';
import { formCount } from './synthetic';
import { foldRegionalScripts } from '../engine/regional-script';

// Text here is read with the regional scripts' folds (engine/regional-script.ts).
foldRegionalScripts();

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Blocks exactly as the content script reads them (same collector), keyed in order. */
export function pageBlocks(html: string): TextBlock[] {
  const { document } = parseHTML(html);
  return collectTextBlocks(document.body, { isHidden: isHiddenByAttributes, firstKey: 1 }).map((b) => ({
    key: b.key,
    text: b.text,
  }));
}

/** One detection session over the page, fed 64 blocks at a time as the scanner does. */
function detectPage(
  table: MatcherTable,
  blocks: readonly TextBlock[],
): { ms: number; hydrateMs: number; mentions: number } {
  const t0 = performance.now();
  const detector = createDetector(table);
  const t1 = performance.now();
  const session = detector.session();
  for (let i = 0; i < blocks.length; i += 64) session.add(blocks.slice(i, i + 64));
  const t2 = performance.now();
  let mentions = 0;
  for (const b of blocks) mentions += session.mentions(b.key).length;
  return { ms: t2 - t1, hydrateMs: t1 - t0, mentions };
}

export interface TableRun {
  msPerMB: number;
  hydrateMs: number;
  mentions: number;
}

export interface ScaleResult {
  bundled: TableRun & { entities: number; forms: number; tableJsonBytes: number };
  large: TableRun & { entities: number; forms: number; tableJsonBytes: number; compileMs: number };
  /** Median of per-pair ratios (large ÷ bundled) on the benchmark page. */
  ratio: number;
  ratios: number[];
  /**
   * The same on a variant of the page whose other names (people the bundled corpus does
   * not know) are entities of the large corpus: the large corpus finds more there.
   */
  knownMore: { ratio: number; bundled: TableRun; large: TableRun };
}

/** Bundled table vs `large`, alternating runs after one warm-up each (each first in every other pair); median of per-pair ratios. */
function compareTables(small: MatcherTable, large: MatcherTable, html: string, textChars: number, reps: number) {
  const blocks = pageBlocks(html);
  const mb = textChars / 1e6;
  detectPage(small, blocks);
  detectPage(large, blocks);
  const a: ReturnType<typeof detectPage>[] = [];
  const b: ReturnType<typeof detectPage>[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < reps; i++) {
    // Each table goes first in every other pair: what one run leaves behind (garbage to
    // collect, caches to refill) falls on the other table as often as on this one.
    const swap = i % 2 === 1;
    const y0 = swap ? detectPage(large, blocks) : null;
    const x = detectPage(small, blocks);
    const y = y0 ?? detectPage(large, blocks);
    a.push(x);
    b.push(y);
    ratios.push(y.ms / x.ms);
  }
  const summary = (runs: ReturnType<typeof detectPage>[]): TableRun => ({
    msPerMB: median(runs.map((r) => r.ms)) / mb,
    hydrateMs: median(runs.map((r) => r.hydrateMs)),
    mentions: runs[0]!.mentions,
  });
  return { ratio: median(ratios), ratios, bundled: summary(a), large: summary(b) };
}

/**
 * Detection time per MB of the benchmark page: the bundled corpus against `largeSources`
 * (the bundled entities plus synthetic ones), same engine, same blocks as the scanner.
 */
export function scaleBench(
  page: { html: string; textChars: number },
  knownMorePage: { html: string; textChars: number },
  bundledSources: MatcherSource[],
  largeSources: MatcherSource[],
  reps: number,
): ScaleResult {
  const bundledTable = JSON.parse(readFileSync('generated/matcher.json', 'utf8')) as MatcherTable;
  const t0 = performance.now();
  const largeTable = compileMatcherTable(largeSources);
  const compileMs = performance.now() - t0;
  const main = compareTables(bundledTable, largeTable, page.html, page.textChars, reps);
  const more = compareTables(bundledTable, largeTable, knownMorePage.html, knownMorePage.textChars, reps);
  return {
    bundled: {
      ...main.bundled,
      entities: bundledTable.kinds.length,
      forms: formCount(bundledSources),
      tableJsonBytes: JSON.stringify(bundledTable).length,
    },
    large: {
      ...main.large,
      entities: largeSources.length,
      forms: formCount(largeSources),
      tableJsonBytes: JSON.stringify(largeTable).length,
      compileMs,
    },
    ratio: main.ratio,
    ratios: main.ratios,
    knownMore: { ratio: more.ratio, bundled: more.bundled, large: more.large },
  };
}

export interface SearchResult {
  entities: number;
  buildMs: number;
  keystrokes: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Median per repetition of the whole typing script. */
  repMedians: number[];
}

/**
 * Typing in the popup: each query is typed a letter at a time and every prefix is
 * searched, as the popup does per keystroke. Queries: exact names, a surname, a typo,
 * a transliteration variant, a role word, an acronym.
 */
export function searchBench(records: CorpusRecords, reps: number): SearchResult {
  const t0 = performance.now();
  const index = createSearchIndex(records);
  const buildMs = performance.now() - t0;
  const e = records.entities;
  const person = e.find((x) => x.kind === 'person' && x.id.startsWith('syn-'))!;
  const org = e.find((x) => x.kind === 'organisation' && x.id.startsWith('syn-'))!;
  const surname = person.name.split(' ').at(-1)!;
  const queries = [
    person.name.toLowerCase(),
    surname,
    surname.slice(0, 3) + surname.slice(4), // a dropped letter
    org.aliases[0]!, // acronym
    'Larijani',
    'Soleimani',
    'Sulaimani',
    'minister',
    '12 day war',
  ];
  const times: number[] = [];
  const repMedians: number[] = [];
  // One untimed pass: the popup's first keystroke is not what a reader waits on most.
  for (const q of queries) for (let i = 1; i <= q.length; i++) index.search(q.slice(0, i));
  for (let r = 0; r < reps; r++) {
    const rep: number[] = [];
    for (const q of queries) {
      for (let i = 1; i <= q.length; i++) {
        const t = performance.now();
        index.search(q.slice(0, i));
        rep.push(performance.now() - t);
      }
    }
    repMedians.push(median(rep));
    times.push(...rep);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    entities: e.length,
    buildMs,
    keystrokes: times.length / reps,
    medianMs: median(times),
    p95Ms: sorted[Math.floor(sorted.length * 0.95)]!,
    maxMs: sorted[sorted.length - 1]!,
    repMedians,
  };
}

export interface RegionalResult {
  english: TableRun;
  pages: { language: string; run: TableRun; ratio: number }[];
}

/**
 * Detection per MB on pages in Urdu and Hindi against the English benchmark page, with
 * the table such pages are read with (the bundled one plus the native names: matcher.json).
 * The pages take turns in each round (each round starting with the next page), and a
 * page's ratio is the median of its per-round ratios: read one after the other, a burst
 * of load on a shared machine during one page's runs once made its ratio 1.9 instead of 1.2.
 */
export function regionalBench(
  english: { html: string; textChars: number },
  pages: { html: string; textChars: number; language: string }[],
  reps: number,
): RegionalResult {
  const table = JSON.parse(readFileSync('generated/matcher.json', 'utf8')) as MatcherTable;
  const all = [english, ...pages];
  const blocks = all.map((page) => pageBlocks(page.html));
  for (const b of blocks) detectPage(table, b);
  const runs: ReturnType<typeof detectPage>[][] = all.map(() => []);
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < all.length; i++) {
      const k = (r + i) % all.length;
      runs[k]!.push(detectPage(table, blocks[k]!));
    }
  }
  const perMb = (k: number, run: { ms: number }) => run.ms / (all[k]!.textChars / 1e6);
  const summary = (k: number): TableRun => ({
    msPerMB: median(runs[k]!.map((run) => perMb(k, run))),
    hydrateMs: median(runs[k]!.map((run) => run.hydrateMs)),
    mentions: runs[k]![0]!.mentions,
  });
  return {
    english: summary(0),
    pages: pages.map((p, i) => ({
      language: p.language,
      run: summary(i + 1),
      ratio: median(runs[i + 1]!.map((run, r) => perMb(i + 1, run) / perMb(0, runs[0]![r]!))),
    })),
  };
}
