/**
 * `npm run --silent detect:eval [-- --table=PATH] [--quiet]`
 *
 * Detection measured three ways against the real corpus (generated/matcher.json; if
 * that has not been built yet, the table is compiled from data/entities/ directly):
 *  - the passages we wrote (tests/fixtures/passages/): written the way the engine
 *    reads, so they guard against regressions but do not predict real pages;
 *  - the dev set (tests/fixtures/devset/): real published news pages, paraphrased with
 *    every name and event phrase kept as printed, in three categories (pages on our
 *    subjects, general news near them, hard negatives with confusable names), reported
 *    per language: English, and Urdu, Persian and Hindi pages in their own scripts;
 *  - seed self-coverage: every entity run against the seed articles its cards cite.
 *
 * Two levels of agreement. Entity level: per page, the set of entity ids found against
 * the set expected, summed over pages (what the popup's "on this page" list shows).
 * Mention level: a detected mention is correct when it overlaps an unmatched expected
 * span of the same entity (what the highlights show); exact-span agreement is counted
 * among those. Misses and false links are listed per page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadCorpus } from '../corpus/load';
import type { CorpusRecords } from '../engine/types';
import { createNamedDetector, type MatcherTable, type NamedDetector } from '../engine/detect';
import { compileMatcherTable } from '../engine/table';
import { toMatcherSources } from '../corpus/compile';
import { foldRegionalScripts } from '../engine/regional-script';

// Text here is read with the regional scripts' folds (engine/regional-script.ts).
foldRegionalScripts();

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PASSAGES_DIR = join(ROOT, 'tests/fixtures/passages');
export const DEVSET_DIR = join(ROOT, 'tests/fixtures/devset');
/** The five source articles live beside the project, not in it (third-party text). */
export const SEEDS_DIR = resolve(ROOT, '../shared/seeds');
const MATCHER_PATH = join(ROOT, 'generated/matcher.json');
const ENTITIES_DIR = join(ROOT, 'data/entities');

export interface ExpectedSpan {
  start: number;
  end: number;
  surface: string;
  id: string;
}

/** Any text with gold spans: a passage of ours or a dev-set page. */
export interface AnnotatedText {
  id: string;
  text: string;
  expected: ExpectedSpan[];
}

export interface Passage extends AnnotatedText {
  outlet: string;
  region: string;
}

export const DEV_CATEGORIES = ['subject', 'general', 'hard-negative'] as const;
export type DevCategory = (typeof DEV_CATEGORIES)[number];

/** The dev set's languages; a page without a "language" field is English. */
export const DEV_LANGUAGES = ['en', 'ur', 'fa', 'hi'] as const;
export type DevLanguage = (typeof DEV_LANGUAGES)[number];

/** A real published page, paraphrased; see tests/fixtures/devset/. */
export interface DevPage extends AnnotatedText {
  outlet: string;
  country: string;
  url: string;
  published: string;
  category: DevCategory;
  /** Absent on the English pages. */
  language?: DevLanguage;
  note?: string;
}

export function devLanguage(p: Pick<DevPage, 'language'>): DevLanguage {
  return p.language ?? 'en';
}

export interface Found {
  start: number;
  end: number;
  id: string;
  text: string;
}

/** How one page's detected mentions agree with its gold spans. */
export interface MentionAgreement {
  truePositives: number;
  exact: number;
  misses: ExpectedSpan[];
  falsePositives: Found[];
}

/** How one page's set of detected entities agrees with the set expected. */
export interface EntityAgreement {
  expected: string[];
  found: string[];
  /** Expected and found. */
  correct: string[];
  /** Expected, not found. */
  missed: string[];
  /** Found, not expected. */
  spurious: string[];
}

export interface PassageResult<P extends AnnotatedText = AnnotatedText> extends MentionAgreement {
  passage: P;
  found: Found[];
  entities: EntityAgreement;
}

export interface Rates {
  precision: number;
  recall: number;
  f1: number;
}

export interface Score<P extends AnnotatedText = AnnotatedText> extends Rates {
  results: PassageResult<P>[];
  /** Mention level (the fields above and these counts). */
  expected: number;
  found: number;
  truePositives: number;
  exact: number;
  /** Entity level, summed over pages. */
  entity: Rates & { expected: number; found: number; correct: number };
}

/** Precision, recall and F1 from counts; an empty denominator scores 1 (nothing to get wrong). */
export function rates(correct: number, found: number, expected: number): Rates {
  const precision = found === 0 ? 1 : correct / found;
  const recall = expected === 0 ? 1 : correct / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Mention-level agreement: each detected mention takes the first still-unmatched gold
 * span of the same entity that it overlaps. Gold may nest (an event phrase around a
 * person's name); each nested span is matched on its own.
 */
export function matchMentions(expected: readonly ExpectedSpan[], found: readonly Found[]): MentionAgreement {
  const matched = new Set<ExpectedSpan>();
  const falsePositives: Found[] = [];
  let exact = 0;
  for (const f of found) {
    const hit = expected.find((e) => !matched.has(e) && e.id === f.id && e.start < f.end && f.start < e.end);
    if (!hit) {
      falsePositives.push(f);
      continue;
    }
    matched.add(hit);
    if (hit.start === f.start && hit.end === f.end) exact++;
  }
  return { truePositives: matched.size, exact, misses: expected.filter((e) => !matched.has(e)), falsePositives };
}

/** Entity-level agreement: the page's set of ids found against the set expected. */
export function matchEntities(expected: readonly { id: string }[], found: readonly { id: string }[]): EntityAgreement {
  const want = [...new Set(expected.map((e) => e.id))].sort();
  const got = [...new Set(found.map((f) => f.id))].sort();
  const wanted = new Set(want);
  const gotten = new Set(got);
  return {
    expected: want,
    found: got,
    correct: got.filter((id) => wanted.has(id)),
    missed: want.filter((id) => !gotten.has(id)),
    spurious: got.filter((id) => !wanted.has(id)),
  };
}

/** Sums per-page agreements into mention- and entity-level figures. */
export function summarise<P extends AnnotatedText>(results: PassageResult<P>[]): Score<P> {
  const sum = (f: (r: PassageResult<P>) => number) => results.reduce((n, r) => n + f(r), 0);
  const expected = sum((r) => r.passage.expected.length);
  const found = sum((r) => r.found.length);
  const truePositives = sum((r) => r.truePositives);
  const entityExpected = sum((r) => r.entities.expected.length);
  const entityFound = sum((r) => r.entities.found.length);
  const entityCorrect = sum((r) => r.entities.correct.length);
  return {
    results,
    expected,
    found,
    truePositives,
    exact: sum((r) => r.exact),
    ...rates(truePositives, found, expected),
    entity: {
      expected: entityExpected,
      found: entityFound,
      correct: entityCorrect,
      ...rates(entityCorrect, entityFound, entityExpected),
    },
  };
}

function detectFound(detector: NamedDetector, text: string): Found[] {
  return detector.detect(text).map((m) => ({
    start: m.start,
    end: m.end,
    id: detector.ids[m.entity]!,
    text: text.slice(m.start, m.end),
  }));
}

/** Each text detected as one document, then scored. */
export function scorePassages<P extends AnnotatedText>(detector: NamedDetector, passages: P[]): Score<P> {
  return summarise(
    passages.map((passage) => {
      const found = detectFound(detector, passage.text);
      return {
        passage,
        found,
        ...matchMentions(passage.expected, found),
        entities: matchEntities(passage.expected, found),
      };
    }),
  );
}

function readJsonArrays<T>(dir: string, prefix = ''): T[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f.startsWith(prefix))
    .sort()
    .flatMap((f) => {
      const value = JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown;
      if (!Array.isArray(value)) throw new Error(`${join(dir, f)}: expected an array of pages`);
      return value as T[];
    });
}

export function loadPassages(dir = PASSAGES_DIR): Passage[] {
  return readJsonArrays<Passage>(dir);
}

/**
 * The dev-set pages, checked for the shared format: a bad page stops the evaluation
 * with its id and what is wrong, rather than skewing the figures.
 */
export function loadDevPages(dir = DEVSET_DIR): DevPage[] {
  if (!existsSync(dir)) return [];
  const pages = readJsonArrays<DevPage>(dir);
  const problems = pages.flatMap(devPageProblems);
  const ids = pages.map((p) => p.id);
  for (const id of new Set(ids)) if (ids.indexOf(id) !== ids.lastIndexOf(id)) problems.push(`${id}: id used twice`);
  if (problems.length > 0) throw new Error(`dev set in ${dir}:\n  ${problems.join('\n  ')}`);
  return pages;
}

/** What is wrong with one dev-set page's shape and spans (empty when nothing). */
export function devPageProblems(p: DevPage): string[] {
  const at = typeof p.id === 'string' ? p.id : JSON.stringify(p).slice(0, 60);
  const out: string[] = [];
  for (const key of ['id', 'outlet', 'country', 'url', 'published', 'text'] as const) {
    if (typeof p[key] !== 'string' || p[key].trim() === '') out.push(`${at}: "${key}" must be a non-empty string`);
  }
  if (!(DEV_CATEGORIES as readonly string[]).includes(p.category))
    out.push(`${at}: unknown category ${JSON.stringify(p.category)}`);
  if (p.language !== undefined && !(DEV_LANGUAGES as readonly string[]).includes(p.language)) {
    out.push(
      `${at}: unknown language ${JSON.stringify(p.language)} (one of ${DEV_LANGUAGES.join(', ')}; English pages leave it out)`,
    );
  }
  if (typeof p.url === 'string' && !/^https?:\/\//.test(p.url)) out.push(`${at}: url must be http(s)`);
  if (!Array.isArray(p.expected)) return [...out, `${at}: "expected" must be an array`];
  if (p.category === 'hard-negative' && p.expected.length > 0) out.push(`${at}: a hard negative expects no entity`);
  let previous = -1;
  for (const e of p.expected) {
    const span = `${at} ${JSON.stringify(e.surface)} at ${e.start}`;
    if (typeof p.text === 'string' && p.text.slice(e.start, e.end) !== e.surface)
      out.push(`${span}: text there is ${JSON.stringify(p.text.slice(e.start, e.end))}`);
    if (e.start < previous) out.push(`${span}: spans must be sorted by start`);
    if (typeof e.id !== 'string' || e.id === '') out.push(`${span}: no entity id`);
    previous = e.start;
  }
  return out;
}

/**
 * The corpus's matcher table and its entity ids: the built table with the ids of the
 * records.json beside it, or compiled from the entity files.
 */
export function loadCorpusTable(path = MATCHER_PATH): { table: MatcherTable; ids: string[]; source: string } {
  const recordsPath = join(dirname(path), 'records.json');
  if (existsSync(path) && existsSync(recordsPath)) {
    const records = JSON.parse(readFileSync(recordsPath, 'utf8')) as { entities: { id: string }[] };
    const ids = records.entities.map((e) => e.id);
    return { table: JSON.parse(readFileSync(path, 'utf8')) as MatcherTable, ids, source: path };
  }
  // Not built yet: compile the corpus the way the build does (namesakes, longer names and
  // descriptions included), not a partial copy of it.
  const sources = toMatcherSources(loadRecords());
  return {
    table: compileMatcherTable(sources),
    ids: sources.map((s) => s.id),
    source: `${ENTITIES_DIR} (compiled; generated/matcher.json not built)`,
  };
}

/** One entity and one seed article its card cites (a fact, a relation or its event block). */
export interface SeedPair {
  entity: string;
  source: string;
  found: boolean;
}

/** The (entity, cited source) pairs of the corpus, in corpus order, each cited source once per entity. */
export function citedPairs(records: CorpusRecords): { entity: string; source: string }[] {
  return records.entities.flatMap((e) => {
    const cited = new Set([
      ...e.facts.flatMap((f) => f.sources),
      ...e.related.flatMap((r) => r.sources),
      ...(e.event?.sources ?? []),
    ]);
    return [...cited].map((source) => ({ entity: e.id, source }));
  });
}

/**
 * Seed self-coverage: for every entity, detection run on the text of each seed article
 * its card cites (the whole article as one document). A card that cites an article the
 * engine cannot find the entity in is a measure of what real text the engine misses.
 */
export function seedCoverage(detector: NamedDetector, records: CorpusRecords, seedsDir = SEEDS_DIR): SeedPair[] {
  const files = new Map(records.sources.map((s) => [s.id, s.file]));
  const foundIn = new Map<string, Set<string>>();
  const idsIn = (source: string): Set<string> => {
    let ids = foundIn.get(source);
    if (ids) return ids;
    const file = files.get(source);
    if (file === undefined) throw new Error(`source ${source} is not in data/sources.json`);
    const path = join(seedsDir, file);
    if (!existsSync(path))
      throw new Error(`seed article ${path} (source ${source}) is missing: seeds are read from ${seedsDir}`);
    ids = new Set(detectFound(detector, readFileSync(path, 'utf8')).map((f) => f.id));
    foundIn.set(source, ids);
    return ids;
  };
  return citedPairs(records).map((p) => ({ ...p, found: idsIn(p.source).has(p.entity) }));
}

/** The compiled corpus records, or an error listing what is wrong with data/. */
export function loadRecords(): CorpusRecords {
  const result = loadCorpus();
  if (!result.ok) {
    throw new Error(
      `corpus does not load:\n  ${result.problems.map((p) => `${p.file} ${p.path}: ${p.message}`).join('\n  ')}`,
    );
  }
  return result.records;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const show = (s: string) => JSON.stringify(s);

function printListing(score: Score<AnnotatedText & { outlet: string }>): void {
  for (const r of score.results) {
    if (r.misses.length === 0 && r.falsePositives.length === 0) continue;
    console.log(`${r.passage.id} (${r.passage.outlet})`);
    for (const m of r.misses) console.log(`  miss   ${show(m.surface)} → ${m.id} at ${m.start}`);
    for (const f of r.falsePositives) console.log(`  false  ${show(f.text)} → ${f.id} at ${f.start}`);
  }
}

function printFigures(label: string, score: Score, pages: number, indent = ''): void {
  const e = score.entity;
  console.log(`${indent}${label} (${pages} pages)`);
  console.log(
    `${indent}  entity  P ${pct(e.precision)}  R ${pct(e.recall)}  F1 ${pct(e.f1)}   ` +
      `(expected ${e.expected}, found ${e.found}, correct ${e.correct})`,
  );
  console.log(
    `${indent}  mention P ${pct(score.precision)}  R ${pct(score.recall)}  F1 ${pct(score.f1)}   ` +
      `(expected ${score.expected}, detected ${score.found}, correct ${score.truePositives}, exact spans ${score.exact})`,
  );
}

/** One language's dev-set figures: overall, per category, and links on hard negatives. */
function printDevFigures(label: string, results: PassageResult<DevPage>[]): void {
  printFigures(label, summarise(results), results.length);
  for (const category of DEV_CATEGORIES) {
    if (category === 'hard-negative') continue;
    const inCategory = results.filter((r) => r.passage.category === category);
    if (inCategory.length > 0) printFigures(category, summarise(inCategory), inCategory.length, '  ');
  }
  // A hard negative expects nothing, so recall is vacuous there: what counts is any link at all.
  const hardNegatives = results.filter((r) => r.passage.category === 'hard-negative');
  const negatives = hardNegatives.filter((r) => r.found.length > 0);
  console.log(
    `  hard-negative (${hardNegatives.length} pages): ${negatives.length} with a link, ` +
      `${negatives.reduce((n, r) => n + r.found.length, 0)} marks`,
  );
  for (const r of negatives) {
    for (const f of r.found) console.log(`  ${r.passage.id}: ${show(f.text)} → ${f.id} at ${f.start}`);
  }
}

function main(argv: string[]): void {
  const tablePath = argv.find((a) => a.startsWith('--table='))?.slice('--table='.length);
  const quiet = argv.includes('--quiet');
  const { table, ids, source } = loadCorpusTable(tablePath ? resolve(tablePath) : MATCHER_PATH);
  const detector = createNamedDetector(table, ids);
  const passages = loadPassages();
  const devPages = loadDevPages();
  const passageScore = scorePassages(detector, passages);
  const devScore = scorePassages(detector, devPages);
  const coverage = seedCoverage(detector, loadRecords());

  if (!quiet) {
    console.log('== passages (ours): misses and false links');
    printListing(passageScore);
    console.log('');
    for (const language of DEV_LANGUAGES) {
      const results = devScore.results.filter((r) => devLanguage(r.passage) === language);
      if (results.length === 0) continue;
      console.log(`== dev set (real pages, ${language}): misses and false links`);
      printListing(summarise(results));
      console.log('');
    }
    console.log('== seed self-coverage: (entity, cited article) pairs not found');
    for (const p of coverage.filter((c) => !c.found)) console.log(`  miss   ${p.entity} in ${p.source}`);
    console.log('');
  }

  console.log(`table: ${source}`);
  printFigures('passages (ours)', passageScore, passages.length);
  console.log(
    `  exact-span mention P / R: ${pct(passageScore.found === 0 ? 1 : passageScore.exact / passageScore.found)} / ` +
      `${pct(passageScore.expected === 0 ? 1 : passageScore.exact / passageScore.expected)} (a span that also covers a title, ` +
      `"Senator Lindsey Graham" for "Lindsey Graham", counts as correct above but not here)`,
  );
  // English keeps the label it had before the native pages arrived, so its figures compare.
  for (const language of DEV_LANGUAGES) {
    const results = devScore.results.filter((r) => devLanguage(r.passage) === language);
    if (results.length > 0)
      printDevFigures(language === 'en' ? 'dev set (real pages)' : `dev set (real pages, ${language})`, results);
  }
  const covered = coverage.filter((c) => c.found).length;
  console.log(
    `seed self-coverage: ${covered}/${coverage.length} (entity, cited article) pairs found` +
      (coverage.length === 0 ? '' : ` (${pct(covered / coverage.length)})`),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main(process.argv.slice(2));
