// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import { COMPILE_HINT, COMPILED_ON_LOAD, compileHints } from '../../scripts/compile-hints';

/** What the plugin's generateBundle leaves of a bundle with one chunk per file name. */
function run(files: readonly string[], names: string[]) {
  const bundle = Object.fromEntries(
    names.map((fileName) => [
      fileName,
      { type: 'chunk', fileName, code: 'var x=function(){}();', map: { mappings: 'AAAA' } },
    ]),
  ) as unknown as Rollup.OutputBundle;
  const hook = compileHints(files).generateBundle as (this: unknown, o: unknown, b: Rollup.OutputBundle) => void;
  hook.call({}, {}, bundle);
  return bundle as unknown as Record<string, { code: string; map: { mappings: string } }>;
}

describe('compile hints for the on-demand bundles', () => {
  it('puts the hint on the first line of the listed bundles only, and moves their source maps down a line', () => {
    const out = run(['event-phrases.js'], ['event-phrases.js', 'content-scripts/content.js', 'page-table.js']);
    expect(out['event-phrases.js']!.code).toBe(`${COMPILE_HINT}\nvar x=function(){}();`);
    expect(out['event-phrases.js']!.map.mappings).toBe(';AAAA');
    for (const other of ['content-scripts/content.js', 'page-table.js']) {
      expect(out[other]!.code).toBe('var x=function(){}();');
      expect(out[other]!.map.mappings).toBe('AAAA');
    }
  });

  it("is V8's magic comment, on the on-demand bundles that run once loaded, never on the content script", () => {
    expect(COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad');
    expect([...COMPILED_ON_LOAD]).toEqual(['page-scanning.js', 'event-phrases.js', 'main-article.js']);
    expect(run(COMPILED_ON_LOAD, ['content-scripts/content.js'])['content-scripts/content.js']!.code).not.toContain(
      COMPILE_HINT,
    );
  });
});
