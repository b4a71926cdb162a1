/** The extension loads in Chromium, and each of its pages renders. */
import { assert, eventually } from './harness/assert';
import { test } from './harness/runner';

test('the extension loads with its manifest', async (t) => {
  const page = await t.popup();
  const manifest = await page.evaluate(() => chrome.runtime.getManifest());
  assert.equal(manifest.name, 'Backstory');
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual(manifest.permissions?.sort(), ['sidePanel', 'storage']);
  assert.equal((manifest as { side_panel?: { default_path: string } }).side_panel?.default_path, 'sidepanel.html');
});

test('popup and side panel pages render', async (t) => {
  const popup = await t.popup();
  await eventually('popup heading', () => popup.getByRole('heading', { level: 1 }).isVisible());
  const panel = await t.sidePanel();
  await eventually('side panel heading', () => panel.getByRole('heading', { level: 1 }).isVisible());
});
