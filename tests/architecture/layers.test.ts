// @vitest-environment node
/**
 * Imports run one way: `engine/` is pure and imports no other layer; `corpus/` (the
 * build's schema, validation, compilation) reads the engine's types; `adapters/` (page
 * and extension) build on the engine; `components/` (Preact) on the engine and the
 * adapters; `entrypoints/` wire up anything below. So the engine can be reasoned about,
 * tested and typechecked without a page or a browser, and a change in the UI cannot
 * reach detection. `scripts/`, `bench/`, `tests/` and `e2e/` are outside the stack.
 * Type-only imports count: a type from a layer above ties the module to it all the same.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, specifiers, targetPath } from './imports';

type Layer = 'engine' | 'corpus' | 'adapters' | 'components' | 'entrypoints';

/** Top-level folders a layer may import from (its own included). `generated/` and `data/` hold build data, not code. */
const ALLOWED: Record<Layer, readonly string[]> = {
  engine: ['engine'],
  corpus: ['corpus', 'engine', 'data', 'generated'],
  adapters: ['adapters', 'engine', 'generated'],
  components: ['components', 'adapters', 'engine'],
  entrypoints: ['entrypoints', 'components', 'adapters', 'corpus', 'engine', 'generated', 'data'],
};

/** Packages the engine may use: nothing that needs a page or a browser. */
const ENGINE_PACKAGES = ['fuse.js'];

/**
 * Known violations, each to be removed by the change that fixes it. Every entry must
 * still occur (a test below fails otherwise), so a fixed one cannot linger here.
 */
const EXCEPTIONS: readonly { file: string; imports: string; why: string }[] = [];

const LAYERS = Object.keys(ALLOWED) as Layer[];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** The top-level folder of a path under the project root, or null outside it. */
function topFolder(path: string): string | null {
  const rel = relative(ROOT, path);
  if (rel.startsWith('..')) return null;
  return rel.split(sep)[0] ?? null;
}

interface Violation {
  file: string;
  specifier: string;
  layer: Layer;
  target: string;
}

/** Imports of `file` (in `layer`) that reach a folder the layer may not import from. */
function violations(file: string, layer: Layer): Violation[] {
  const out: Violation[] = [];
  for (const specifier of specifiers(file, { types: true })) {
    const path = targetPath(file, specifier);
    if (path === null) {
      if (layer === 'engine' && !ENGINE_PACKAGES.includes(specifier))
        out.push({ file: relative(ROOT, file), specifier, layer, target: `package ${specifier}` });
      continue;
    }
    const target = topFolder(path) ?? path;
    if (!ALLOWED[layer].includes(target)) out.push({ file: relative(ROOT, file), specifier, layer, target });
  }
  return out;
}

const ALL = LAYERS.flatMap((layer) => sourceFiles(layer).map((file) => ({ layer, file })));
const found = ALL.flatMap(({ layer, file }) => violations(file, layer));
const excepted = (v: Violation) =>
  EXCEPTIONS.some((e) => e.file === v.file.split(sep).join('/') && e.imports === v.target);

describe('layers import only downward', () => {
  it('reads every layer', () => {
    for (const layer of LAYERS) expect(ALL.filter((f) => f.layer === layer).length, layer).toBeGreaterThan(0);
    expect(ALL.map((f) => relative(ROOT, f.file))).toContain(join('engine', 'detect.ts'));
  });

  it.each(LAYERS)('%s/ imports nothing from a layer above it', (layer) => {
    const wrong = found
      .filter((v) => v.layer === layer && !excepted(v))
      .map((v) => `${v.file} imports ${v.specifier} (${v.target})`);
    expect(wrong).toEqual([]);
  });

  it('every listed exception still occurs (remove it once fixed)', () => {
    for (const e of EXCEPTIONS) {
      expect(
        found.some((v) => excepted(v) && v.file.split(sep).join('/') === e.file),
        `${e.file}: ${e.why}`,
      ).toBe(true);
    }
  });
});
