import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { SCANNING_GLOBAL, type PageScanning } from '../adapters/page/on-demand-globals';
import { PageScanner } from '../adapters/page/page-scanner';
import { createPageDetector } from '../engine/detect';
import { addedFolds, addFolds } from '../engine/normalize';

// Loaded by the content script when Backstory first reads a page (see adapters/page/on-demand.ts).
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[SCANNING_GLOBAL] = {
    createPageDetector,
    PageScanner,
    addFolds,
    addedFolds,
  } satisfies PageScanning;
});
