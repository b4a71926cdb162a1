#!/usr/bin/env node
/**
 * The npm registry these machines reach serves rollup's native packages for linux-x64
 * only; for other platforms it answers 404. `npm install` then silently leaves those
 * optional packages out of package-lock.json, and `npm ci` refuses the lockfile as out
 * of sync. This adds the missing optional entries (version, os and cpu from the package
 * name), so `npm ci` accepts the lockfile here and installs the right build elsewhere.
 * Run after any `npm install` that rewrites the lockfile: node scripts/complete-lockfile.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const platform = /-(android|darwin|freebsd|linux|openbsd|openharmony|win32|sunos|aix|netbsd)-([a-z0-9]+)/;
let added = 0;
for (const [, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (lock.packages[`node_modules/${name}`]) continue;
    const m = platform.exec(name);
    if (!m) continue; // not a per-platform build: leave it to npm
    lock.packages[`node_modules/${name}`] = {
      version,
      cpu: [m[2]],
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      os: [m[1]],
    };
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => a.localeCompare(b, 'en')));
lock.packages = sorted;
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log(`lockfile: ${added} missing platform packages added`);
