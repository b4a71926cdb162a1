// Components are unmounted between tests so one test's DOM cannot satisfy another's query.
import { afterEach } from 'vitest';
import { foldRegionalScripts } from '../engine/regional-script';

// Tests read text as the build and the tools do: with the regional scripts' folds.
foldRegionalScripts();

afterEach(async () => {
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/preact');
    cleanup();
  }
});
