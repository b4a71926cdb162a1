/**
 * Reads the corpus from `data/` and returns either the compiled records or every
 * problem found. File-system work lives here only; checking is `validate.ts`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRecords } from './compile';
import type { CorpusRecords } from '../engine/types';
import { validate, type CorpusInput, type Problem, type RawFile } from './validate';

export type LoadResult = { ok: true; records: CorpusRecords } | { ok: false; problems: Problem[] };

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where the corpus lives under the project root; another folder can be given instead. */
const DATA_DIR = 'data';
/** The entities' names in Urdu, Persian and Hindi (optional: a corpus may have none). */
const NATIVE_FILE = 'native-names.json';

/** Reads one file, or records why it could not be read. */
function read(root: string, file: string, problems: Problem[]): RawFile {
  try {
    return { file, text: readFileSync(resolve(root, file), 'utf8') };
  } catch (error) {
    problems.push({ file, path: '(file)', message: `cannot read: ${(error as Error).message}` });
    return { file, text: '[]' };
  }
}

/**
 * Loads the raw files of a corpus rooted at `root` (the project root by default), from
 * its `data/` folder or from `dataDir` (relative to `root`, or absolute), which holds
 * `sources.json` and `entities/*.json` the same way.
 */
export function readCorpusFiles(
  root: string = PROJECT_ROOT,
  dataDir: string = DATA_DIR,
): { input: CorpusInput; problems: Problem[] } {
  const problems: Problem[] = [];
  const sources = read(root, `${dataDir}/sources.json`, problems);
  const entitiesDir = `${dataDir}/entities`;
  const dir = resolve(root, entitiesDir);
  const names = existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith('.json'))
        .sort()
    : [];
  if (names.length === 0) problems.push({ file: entitiesDir, path: '(file)', message: 'no entity files found' });
  const entities = names.map((name) => read(root, `${entitiesDir}/${name}`, problems));
  const input: CorpusInput = { sources, entities };
  if (existsSync(resolve(root, `${dataDir}/${NATIVE_FILE}`)))
    input.native = read(root, `${dataDir}/${NATIVE_FILE}`, problems);
  return { input, problems };
}

export function loadCorpus(root: string = PROJECT_ROOT, dataDir: string = DATA_DIR): LoadResult {
  const { input, problems } = readCorpusFiles(root, dataDir);
  const result = validate(input);
  problems.push(...result.problems);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    records: compileRecords(
      result.sources,
      result.entities.map((e) => e.entity),
      result.native,
    ),
  };
}
