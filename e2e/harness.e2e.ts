/**
 * The harness checks itself: a deliberately leaky extension must be caught, or the
 * "no request leaves the browser" guarantee in every other test would mean nothing.
 */
import { resolve } from 'node:path';
import { assert, eventually } from './harness/assert';
import { launchWithExtension } from './harness/chromium';
import { test } from './harness/runner';

test('harness: requests from an extension service worker and content script are caught', async (t) => {
  const leaky = await launchWithExtension({
    extensionPath: resolve('e2e/fixtures/leaky-extension'),
    allowedOrigins: [t.server.origin],
  });
  try {
    const page = await leaky.context.newPage();
    await page.goto(t.server.url('/fixtures/plain.html'));
    const stray = await eventually(
      'both stray requests',
      () => {
        const urls = leaky.strayRequests().map((r) => r.url);
        const both =
          urls.some((u) => u.endsWith('/from-background')) && urls.some((u) => u.endsWith('/from-content-script'));
        return both ? urls : null;
      },
      10_000,
    );
    assert.ok(stray.every((u) => u.startsWith('http://127.0.0.2:9/')));
  } finally {
    await leaky.close();
  }
});
