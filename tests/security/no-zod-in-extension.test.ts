// @vitest-environment node
/**
 * Nothing the extension ships imports zod: zod checks whether it may compile code with
 * `new Function` as it loads, the extension pages' CSP (`script-src 'self'`) refuses,
 * and Firefox logs every refusal as an error in the browser console (seen there by
 * `npm run smoke:firefox` when the timeline imported the corpus schema for its list of
 * kinds). zod validates the corpus at build time only. Checked by following every static
 * import from each entrypoint through our own files.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, resolveLocal, specifiers } from '../architecture/imports';

/** The chain of files from `entry` to one that imports zod, or null. */
function pathToZod(entry: string): string[] | null {
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): string[] | null => {
    if (seen.has(file)) return null;
    seen.add(file);
    // Type-only imports are erased at build time: they cannot load zod.
    for (const specifier of specifiers(file, { types: false })) {
      if (specifier === 'zod' || specifier.startsWith('zod/')) return [...chain, file];
      const next = resolveLocal(file, specifier);
      const found = next && walk(next, [...chain, file]);
      if (found) return found;
    }
    return null;
  };
  return walk(entry, []);
}

const ENTRYPOINTS = readdirSync(join(ROOT, 'entrypoints'), { withFileTypes: true }).flatMap((entry) => {
  const path = join(ROOT, 'entrypoints', entry.name);
  if (entry.isDirectory())
    return readdirSync(path)
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => join(path, f));
  return /\.tsx?$/.test(entry.name) ? [path] : [];
});

describe('the extension ships no zod', () => {
  it('finds every entrypoint', () => {
    const names = ENTRYPOINTS.map((f) => relative(ROOT, f));
    for (const expected of [
      'entrypoints/background.ts',
      'entrypoints/content.ts',
      'entrypoints/card-ui.ts',
      'entrypoints/event-phrases.ts',
      'entrypoints/popup/main.tsx',
      'entrypoints/sidepanel/main.tsx',
    ]) {
      expect(names).toContain(expected);
    }
  });

  it('the checker follows imports to zod (the corpus schema imports it)', () => {
    expect(pathToZod(join(ROOT, 'corpus/schema.ts'))).not.toBeNull();
  });

  it.each(ENTRYPOINTS.map((f) => [relative(ROOT, f), f]))('%s imports no zod', (_name, file) => {
    expect(pathToZod(file)?.map((f) => relative(ROOT, f)) ?? null).toBeNull();
  });
});
