/**
 * Builds the bundled corpus: validates `data/`, then writes `generated/records.json`
 * (full records for the extension pages), `generated/matcher.json` (the compiled
 * matcher table, for tools) and its two halves for the extension: `page-matcher.json`
 * (the content script's), `native-matcher.json` (the same with the names in Urdu, Persian
 * and Hindi, for pages in those scripts) and `phrases.json` (the event phrases, a bundle of their own). On any problem it writes nothing, lists
 * every problem on stderr and exits 1.
 *
 * Options (for checking a corpus kept elsewhere, and for tests):
 *   --data DIR   read the corpus from DIR (its sources.json and entities/) instead of data/
 *   --out DIR    write the files to DIR instead of generated/
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
// Tools read everything. The content script's table leaves out the names in the regional
// scripts: a page in Urdu, Persian or Hindi loads `native-matcher.json`, which has them.
// The event phrases are a bundle of their own.
const table = compileMatcherTable(toMatcherSources(result.records));
writeFileSync(join(out, 'matcher.json'), JSON.stringify(table));
const { phrases, variants, ...nativeTable } = table;
writeFileSync(join(out, 'native-matcher.json'), JSON.stringify(nativeTable));
const pageTable = compileMatcherTable(toMatcherSources(result.records, { native: false }));
delete pageTable.phrases;
delete pageTable.variants;
writeFileSync(join(out, 'page-matcher.json'), JSON.stringify(pageTable));
writeFileSync(join(out, 'phrases.json'), JSON.stringify({ phrases: phrases ?? [], variants: variants ?? [] }));

const s = corpusStats(result.records);
console.log(`corpus: ${s.entities} entities, ${s.aliases} aliases, ${s.datedItems} dated items, ${s.sources} sources`);
