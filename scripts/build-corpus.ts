/**
 * Builds the bundled corpus: validates `data/`, then writes `generated/records.json`
 * (full records for the extension pages) and `generated/matcher.json` (the compiled
 * matcher table for the content script). On any problem it writes nothing, lists
 * every problem on stderr and exits 1.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileMatcherTable } from '../engine/table';
import { corpusStats, toMatcherSources } from '../corpus/compile';
import { loadCorpus, PROJECT_ROOT } from '../corpus/load';
import { formatProblem } from '../corpus/validate';

const result = loadCorpus();
if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem));
  console.error(`corpus: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
  process.exit(1);
}

const out = join(PROJECT_ROOT, 'generated');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'records.json'), JSON.stringify(result.records));
writeFileSync(join(out, 'matcher.json'), JSON.stringify(compileMatcherTable(toMatcherSources(result.records))));

const s = corpusStats(result.records);
console.log(`corpus: ${s.entities} entities, ${s.aliases} aliases, ${s.datedItems} dated items, ${s.sources} sources`);
