/**
 * Builds the bundled corpus: validates `data/`, then writes `generated/records.json`
 * (full records for the extension pages) and `generated/matcher.json` (the compiled
 * matcher table for the content script). On any problem it writes nothing, lists
 * every problem on stderr and exits 1.
 *
 * Options (for checking a corpus kept elsewhere, and for tests):
 *   --data DIR   read the corpus from DIR (its sources.json and entities/) instead of data/
 *   --out DIR    write the two files to DIR instead of generated/
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compileMatcherTable } from '../engine/table';
import { corpusStats, toMatcherSources } from '../corpus/compile';
import { loadCorpus, PROJECT_ROOT } from '../corpus/load';
import { formatProblem } from '../corpus/validate';

const { values: options } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' } } });
const result = options.data ? loadCorpus(PROJECT_ROOT, resolve(options.data)) : loadCorpus();
if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem));
  console.error(`corpus: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
  process.exit(1);
}

const out = options.out ? resolve(options.out) : join(PROJECT_ROOT, 'generated');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'records.json'), JSON.stringify(result.records));
writeFileSync(join(out, 'matcher.json'), JSON.stringify(compileMatcherTable(toMatcherSources(result.records))));

const s = corpusStats(result.records);
console.log(`corpus: ${s.entities} entities, ${s.aliases} aliases, ${s.datedItems} dated items, ${s.sources} sources`);
