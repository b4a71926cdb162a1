import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { NATIVE_TABLE_GLOBAL, type NativeReading } from '../adapters/page/on-demand-globals';
import { REGIONAL_FOLDS } from '../engine/regional-script';
import type { MatcherTable } from '../engine/table-format';
import table from '../generated/native-matcher.json';

// Loaded by the content script on a page in Urdu, Persian or Hindi (see adapters/page/on-demand.ts).
export default defineUnlistedScript(() => {
  const reading: NativeReading = { table: table as MatcherTable, folds: REGIONAL_FOLDS };
  (globalThis as Record<string, unknown>)[NATIVE_TABLE_GLOBAL] = reading;
});
