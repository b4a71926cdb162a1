// @vitest-environment node
/**
 * Nothing the extension ships imports zod: zod checks whether it may compile code with
 * `new Function` as it loads, the extension pages' CSP (`script-src 'self'`) refuses,
 * and Firefox logs every refusal as an error in the browser console (seen there by
 * `npm run smoke:firefox` when the timeline imported the corpus schema for its list of
 * kinds). zod validates the corpus at build time only. Checked by following every static
 * import from each entrypoint through our own files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** Every module specifier a source file imports or re-exports (types-only ones too: harmless). */
function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  for (const statement of source.statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier) {
      const typeOnly = ts.isImportDeclaration(statement) ? statement.importClause?.isTypeOnly : statement.isTypeOnly;
      if (!typeOnly && ts.isStringLiteral(statement.moduleSpecifier)) out.push(statement.moduleSpecifier.text);
    }
  }
  return out;
}

/** Our file a relative specifier names, or null for a package or a non-code file. */
function resolveLocal(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

/** The chain of files from `entry` to one that imports zod, or null. */
function pathToZod(entry: string): string[] | null {
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): string[] | null => {
    if (seen.has(file)) return null;
    seen.add(file);
    for (const specifier of specifiers(file)) {
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
  if (entry.isDirectory()) return readdirSync(path).filter((f) => /\.tsx?$/.test(f)).map((f) => join(path, f));
  return /\.tsx?$/.test(entry.name) ? [path] : [];
});

describe('the extension ships no zod', () => {
  it('finds every entrypoint', () => {
    const names = ENTRYPOINTS.map((f) => relative(ROOT, f));
    for (const expected of ['entrypoints/background.ts', 'entrypoints/content.ts', 'entrypoints/card-ui.ts', 'entrypoints/popup/main.tsx', 'entrypoints/sidepanel/main.tsx']) {
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
