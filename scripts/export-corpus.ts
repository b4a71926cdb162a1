/**
 * Prints the compiled corpus as one JSON document on stdout (and nothing else there),
 * for reviewers and other tools: `npm run --silent corpus:export > corpus.json`.
 * Problems go to stderr with exit status 1, as in `build-corpus.ts`.
 */
import { loadCorpus } from '../corpus/load';
import { formatProblem } from '../corpus/validate';

const result = loadCorpus();
if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem));
  console.error(`corpus: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
  process.exit(1);
}
// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.stdout.write(`${JSON.stringify(result.records, null, 2)}\n`);
