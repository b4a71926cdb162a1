/**
 * `npm run --silent detect:eval [-- --table=PATH] [--quiet]`
 *
 * Precision and recall of detection on the hand-annotated passages in
 * tests/fixtures/passages/ against the real corpus (generated/matcher.json; if that
 * has not been built yet, the table is compiled from data/entities/ directly).
 * A detected mention counts as correct when it overlaps an expected span of the same
 * entity; exact-span agreement is reported separately. Misses and false positives
 * are listed per passage.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createDetector, type Detector, type MatcherTable } from '../engine/detect';
import { compileMatcherTable } from '../engine/table';
import type { MatcherSource } from '../engine/types';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PASSAGES_DIR = join(ROOT, 'tests/fixtures/passages');
const MATCHER_PATH = join(ROOT, 'generated/matcher.json');
const ENTITIES_DIR = join(ROOT, 'data/entities');

export interface ExpectedSpan {
  start: number;
  end: number;
  surface: string;
  id: string;
}

export interface Passage {
  id: string;
  outlet: string;
  region: string;
  text: string;
  expected: ExpectedSpan[];
}

export interface Found {
  start: number;
  end: number;
  id: string;
  text: string;
}

export interface PassageResult {
  passage: Passage;
  found: Found[];
  truePositives: number;
  exact: number;
  misses: ExpectedSpan[];
  falsePositives: Found[];
}

export interface Score {
  results: PassageResult[];
  expected: number;
  found: number;
  truePositives: number;
  exact: number;
  precision: number;
  recall: number;
}

export function loadPassages(dir = PASSAGES_DIR): Passage[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Passage[]);
}

/** The corpus's matcher table: the built one, or compiled from the entity files. */
export function loadCorpusTable(path = MATCHER_PATH): { table: MatcherTable; source: string } {
  if (existsSync(path)) return { table: JSON.parse(readFileSync(path, 'utf8')) as MatcherTable, source: path };
  const sources: MatcherSource[] = readdirSync(ENTITIES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(ENTITIES_DIR, f), 'utf8')) as Partial<MatcherSource>[])
    .map((e) => ({
      id: e.id!,
      name: e.name!,
      kind: e.kind!,
      aliases: e.aliases ?? [],
      ambiguous: e.ambiguous ?? [],
    }));
  return { table: compileMatcherTable(sources), source: `${ENTITIES_DIR} (compiled; generated/matcher.json not built)` };
}

export function scorePassages(detector: Detector, passages: Passage[]): Score {
  const results = passages.map((passage): PassageResult => {
    const found = detector.detect(passage.text).map((m) => ({
      start: m.start,
      end: m.end,
      id: detector.entities[m.entity]!.id,
      text: passage.text.slice(m.start, m.end),
    }));
    const matched = new Set<ExpectedSpan>();
    const falsePositives: Found[] = [];
    let exact = 0;
    for (const f of found) {
      const hit = passage.expected.find(
        (e) => !matched.has(e) && e.id === f.id && e.start < f.end && f.start < e.end,
      );
      if (!hit) {
        falsePositives.push(f);
        continue;
      }
      matched.add(hit);
      if (hit.start === f.start && hit.end === f.end) exact++;
    }
    return {
      passage,
      found,
      truePositives: matched.size,
      exact,
      misses: passage.expected.filter((e) => !matched.has(e)),
      falsePositives,
    };
  });
  const sum = (f: (r: PassageResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const expected = sum((r) => r.passage.expected.length);
  const found = sum((r) => r.found.length);
  const truePositives = sum((r) => r.truePositives);
  return {
    results,
    expected,
    found,
    truePositives,
    exact: sum((r) => r.exact),
    precision: found === 0 ? 1 : truePositives / found,
    recall: expected === 0 ? 1 : truePositives / expected,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function main(argv: string[]): void {
  const tablePath = argv.find((a) => a.startsWith('--table='))?.slice('--table='.length);
  const quiet = argv.includes('--quiet');
  const { table, source } = loadCorpusTable(tablePath ? resolve(tablePath) : MATCHER_PATH);
  const detector = createDetector(table);
  const passages = loadPassages();
  const score = scorePassages(detector, passages);
  const show = (s: string) => JSON.stringify(s);
  if (!quiet) {
    for (const r of score.results) {
      if (r.misses.length === 0 && r.falsePositives.length === 0) continue;
      console.log(`${r.passage.id} (${r.passage.outlet})`);
      for (const m of r.misses) console.log(`  miss   ${show(m.surface)} → ${m.id} at ${m.start}`);
      for (const f of r.falsePositives) console.log(`  false  ${show(f.text)} → ${f.id} at ${f.start}`);
    }
    console.log('');
  }
  console.log(`table:     ${source}`);
  console.log(`passages:  ${passages.length}`);
  console.log(`expected:  ${score.expected}   detected: ${score.found}   correct: ${score.truePositives}`);
  console.log(`precision: ${pct(score.precision)}`);
  console.log(`recall:    ${pct(score.recall)}`);
  console.log(`exact spans among correct: ${score.exact}/${score.truePositives}`);
  console.log(
    `exact-span precision / recall: ${pct(score.found === 0 ? 1 : score.exact / score.found)} / ` +
      `${pct(score.expected === 0 ? 1 : score.exact / score.expected)} (a span that also covers a title, ` +
      `"Senator Lindsey Graham" for "Lindsey Graham", counts as correct above but not here)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main(process.argv.slice(2));
