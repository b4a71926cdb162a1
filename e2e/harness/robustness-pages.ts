/**
 * Pages the robustness tests build: 100,000 nodes, one 5 MB text node; and the scan
 * measure they are checked by.
 */
import type { Page } from 'playwright-core';
import { assert } from './assert';

/** 12,500 feed rows of 8 nodes each (div, span, a, em and their text): 100,000 nodes and more. */
export function hundredThousandNodes(): { html: string; named: Map<number, string> } {
  const named = new Map<number, string>([
    [0, 'Ali Larijani'],
    [6_250, 'Ishaq Dar'],
    [12_499, 'Shehbaz Sharif'],
  ]);
  const rows: string[] = [];
  for (let i = 0; i < 12_500; i++) {
    const who = named.get(i);
    const headline = who ? `${who} spoke about row ${i}` : `Markets were steady in row ${i}`;
    rows.push(
      `<div class="row" id="r${i}"><span>${String(i).padStart(5, '0')}</span> <a href="#r${i}">${headline}</a> <em>update</em></div>`,
    );
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>100,000 nodes</title>
<style>body { font: 16px/1.4 sans-serif; margin: 20px; } .row { padding: 2px 0; }</style></head>
<body><h1>An endless feed</h1><main id="feed">${rows.join('\n')}</main></body></html>`;
  return { html, named };
}

export const FILLER = [
  'The market closed lower and people walked home in the rain.',
  'Nothing much happened on the coast road again today.',
  'A committee met to discuss the budget for the new bridge.',
  'Prices for wheat and rice were steady through the week.',
  'The weather office expects a cold night across the valley.',
];
export const NAMES = ['Ali Larijani', 'Ishaq Dar', 'Shehbaz Sharif', 'Qasem Soleimani', 'Abbas Araghchi'];

/**
 * About 5 MB of prose in one text node (the parser splits long text into 64 KiB nodes,
 * so a script joins them again before DOMContentLoaded). It opens with 100 KB of nothing
 * but names ("Ishaq Dar met Ali Larijani."), where two in five spaces are inside a name,
 * so the scanner's cuts land inside names; then a name every ~300 characters up to
 * 200 KB, one every ~50 KB to the end, and one in the last sentence.
 */
export function fiveMegabyteText(): { html: string; names: string[] } {
  const parts: string[] = [];
  const names: string[] = [];
  let length = 0;
  while (length < 100_000) {
    const s = 'Ishaq Dar met Ali Larijani.';
    parts.push(s);
    names.push('Ishaq Dar', 'Ali Larijani');
    length += s.length + 1;
  }
  let sentence = 0;
  while (length < 5_000_000) {
    const dense = length < 200_000;
    const every = dense ? 5 : 800;
    let s = FILLER[sentence % FILLER.length]!;
    if (sentence % every === 0) {
      const who = NAMES[names.length % NAMES.length]!;
      names.push(who);
      s = `${who} was quoted in the report. ${s}`;
    }
    parts.push(s);
    length += s.length + 1;
    sentence++;
  }
  names.push('Asim Munir');
  parts.push('At the very end, Asim Munir spoke.');
  const text = parts.join(' ');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>5 MB text node</title>
<style>body { font: 16px/1.4 Georgia, serif; margin: 20px; max-width: 900px; }</style></head>
<body><h1 id="title">One very long paragraph</h1><p id="big">${text}</p>
<script>document.getElementById('big').normalize();</script></body></html>`;
  return { html, names };
}

/** The benchmark's User Timing measure of the initial scan, when the build has it. */
export async function scanMeasure(
  page: Page,
): Promise<{ busyMs: number; slices: number; longestSliceMs: number; duration: number } | null> {
  return page.evaluate(() => {
    const m = performance.getEntriesByName('backstory:scan', 'measure')[0] as PerformanceMeasure | undefined;
    if (!m) return null;
    return { ...(m.detail as { busyMs: number; slices: number; longestSliceMs: number }), duration: m.duration };
  });
}

/**
 * The scan's mechanism, not its times (those belong to `npm run bench`: CI's two busy
 * cores made a 50 ms bound fail at 57 ms): the work ran in several slices, no slice
 * holds most of it, and the scanner gave the main thread back between them.
 */
export function assertSliced(scan: Awaited<ReturnType<typeof scanMeasure>>): void {
  assert.ok(scan, 'the scanner measured its run');
  assert.ok(scan.slices >= 3, `read in ${scan.slices} slices`);
  assert.ok(scan.longestSliceMs < scan.busyMs / 2, `longest slice ${scan.longestSliceMs} ms of ${scan.busyMs} ms busy`);
  assert.ok(scan.duration > scan.busyMs, `yielded between slices (wall ${scan.duration} ms, busy ${scan.busyMs} ms)`);
}
