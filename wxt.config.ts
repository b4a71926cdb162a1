import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { compileHints } from './scripts/compile-hints';

// Firefox add-on id: web-ext lint and AMO need one, and storage.sync/local keys are
// tied to it across installs.
const GECKO_ID = 'backstory@backstory-reader.org';

/** The bundles the content script loads on demand (adapters/page/on-demand.ts): web-accessible. */
const ON_DEMAND_BUNDLES = [
  'page-table.js',
  'page-scanning.js',
  'card-ui.js',
  'event-phrases.js',
  'main-article.js',
  'native-table.js',
];

export default defineConfig({
  // Explicit imports everywhere: a reader should see where `browser` comes from.
  imports: false,
  vite: () => ({
    plugins: [preact(), compileHints()],
    build: {
      // The content script runs on every page: keep it lean and readable in stack traces.
      target: 'es2022',
      // Terser with two compress passes: about 1 KB gzipped less than esbuild on the
      // content script, which has a 30 KB budget. Terser mangles ES `#private` members
      // (TypeScript's `private` names it cannot), so the content script's classes use them.
      // Don't change these options: the budget has little room left.
      minify: 'terser',
      terserOptions: { compress: { passes: 2 } },
    },
  }),
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description:
      'Hover a name in the news for its backstory: who, what, when, and where each fact comes from. Works offline.',
    // storage: the on/off switches (global and per site) survive restarts.
    // sidePanel (Chrome) is added by WXT for the side panel entrypoint.
    permissions: ['storage'],
    // The matcher table and the engine and scanner that read with it, loaded by the content
    // script when Backstory first reads a page (the table with names in Urdu, Persian and
    // Hindi instead on pages in those scripts), the card UI, loaded on the first hover
    // (adapters/page/card-ui-loader.ts), and the event phrases and the main-article finder,
    // loaded once a page mentions something (adapters/page/on-demand.ts). Chrome serves them
    // under a URL that changes every session, so pages cannot probe for the extension with
    // it; Firefox's extension URLs are random per install already.
    web_accessible_resources:
      browser === 'firefox'
        ? ON_DEMAND_BUNDLES
        : [
            {
              resources: ON_DEMAND_BUNDLES,
              matches: ['http://*/*', 'https://*/*'],
              use_dynamic_url: true,
            },
          ],
    // Extension pages run only their own bundled scripts: no inline script, no eval, no
    // plugins. MV3's default is as strict; written out so no change can loosen it quietly
    // (tests check the built manifest).
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self'; object-src 'self'"
        : { extension_pages: "script-src 'self'; object-src 'self'" },
    // Firefox opens the popup and the sidebar itself through its reserved command names;
    // Chrome has a reserved name for the popup only, so the timeline goes through ours.
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Step to the next Backstory mention on the page',
      },
      ...(browser === 'firefox'
        ? {
            _execute_browser_action: {
              suggested_key: { default: 'Alt+Shift+B' },
              description: 'Open Backstory search',
            },
            _execute_sidebar_action: {
              suggested_key: { default: 'Alt+Shift+T' },
              description: 'Open the Backstory timeline',
            },
          }
        : {
            _execute_action: {
              suggested_key: { default: 'Alt+Shift+B' },
              description: 'Open Backstory search',
            },
            'open-timeline': {
              suggested_key: { default: 'Alt+Shift+T' },
              description: 'Open the Backstory timeline',
            },
          }),
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              // Backstory collects nothing: everything runs in the reader's browser.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
