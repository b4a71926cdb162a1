/**
 * Entry of the real-browser tests: builds the Chrome extension (unless E2E_SKIP_BUILD=1,
 * which `npm test` sets after its own build), loads every e2e/*.e2e.ts file, runs its
 * tests in Debian's Chromium and prints "N passed, N failed". Exit code 1 on any failure.
 * Usage: npm run test:e2e [-- name-filter]
 */
import { execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runRegistered } from './harness/runner';

if (process.env.E2E_SKIP_BUILD !== '1') {
  execSync('npm run --silent corpus:build && npx wxt build', { stdio: 'inherit' });
}
const specs = readdirSync('e2e')
  .filter((f) => f.endsWith('.e2e.ts'))
  .sort();
for (const spec of specs) await import(pathToFileURL(resolve('e2e', spec)).href);

const { passed, failed } = await runRegistered(process.argv[2]);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
