import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PAGE_TABLE_GLOBAL } from '../adapters/page/on-demand-globals';
import type { MatcherTable } from '../engine/table-format';
import table from '../generated/page-matcher.json';

// Loaded by the content script when Backstory first reads a page (see adapters/page/on-demand.ts).
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[PAGE_TABLE_GLOBAL] = table as MatcherTable;
});
