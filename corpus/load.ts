/**
 * Reads the corpus from `data/` and returns either the compiled records or every
 * problem found. File-system work lives here only; checking is `validate.ts`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRecords } from './compile';
import type { CorpusRecords } from './records';
import { validate, type CorpusInput, type Problem, type RawFile } from './validate';

export type LoadResult = { ok: true; records: CorpusRecords } | { ok: false; problems: Problem[] };

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

const SOURCES_FILE = 'data/sources.json';
const ENTITIES_DIR = 'data/entities';

/** Reads one file, or records why it could not be read. */
function read(root: string, file: string, problems: Problem[]): RawFile {
  try {
    return { file, text: readFileSync(join(root, file), 'utf8') };
  } catch (error) {
    problems.push({ file, path: '(file)', message: `cannot read: ${(error as Error).message}` });
    return { file, text: '[]' };
  }
}

/** Loads the raw files of a corpus rooted at `root` (the project root by default). */
export function readCorpusFiles(root: string = PROJECT_ROOT): { input: CorpusInput; problems: Problem[] } {
  const problems: Problem[] = [];
  const sources = read(root, SOURCES_FILE, problems);
  const dir = join(root, ENTITIES_DIR);
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')).sort() : [];
  if (names.length === 0) problems.push({ file: ENTITIES_DIR, path: '(file)', message: 'no entity files found' });
  const entities = names.map((name) => read(root, `${ENTITIES_DIR}/${name}`, problems));
  return { input: { sources, entities }, problems };
}

export function loadCorpus(root: string = PROJECT_ROOT): LoadResult {
  const { input, problems } = readCorpusFiles(root);
  const result = validate(input);
  problems.push(...result.problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, records: compileRecords(result.sources, result.entities.map((e) => e.entity)) };
}
