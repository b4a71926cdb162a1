/**
 * A build step for the bundles the content script loads on demand and runs at once
 * (adapters/page/on-demand.ts): V8's compile hint `//# allFunctionsCalledOnLoad` at the
 * top of each. Chromium streams such a bundle and, with the hint, compiles every function
 * while it streams, on a background thread. Without it each function is compiled on the
 * main thread at its first call, which for the scanner, the engine and the event phrases
 * falls inside the page's first scan (bench/README.md, the seventh round: a few per cent
 * of the scan each). Other browsers read the line as a comment.
 *
 * Only for bundles whose functions nearly all run when they load: the content script
 * itself runs on every page, most of which never read with it, and compiling all of it
 * there would cost those pages.
 */
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** The on-demand bundles whose functions all run once loaded. */
export const COMPILED_ON_LOAD = ['page-scanning.js', 'event-phrases.js', 'main-article.js'] as const;

export function compileHints(files: readonly string[] = COMPILED_ON_LOAD): Plugin {
  return {
    name: 'backstory:compile-hints',
    // After minification (renderChunk), which drops comments.
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !files.includes(chunk.fileName)) continue;
        chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
        // The code moved down a line: so do its source-map positions.
        if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
      }
    },
  };
}
