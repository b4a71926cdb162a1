/** The extension loads in Chromium, and each of its pages renders. */
import { readFileSync } from 'node:fs';
import { corpusKey, type MatcherTable } from '../engine/table-format';
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

test('the content script carries the matcher table, not the records: no names, summaries or facts', async () => {
  const manifest = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8')) as {
    content_scripts: { js: string[] }[];
  };
  const files = manifest.content_scripts.flatMap((cs) => cs.js);
  assert.deepEqual(files, ['content-scripts/content.js']);
  const script = readFileSync(`.output/chrome-mv3/${files[0]}`, 'utf8');
  const records = JSON.parse(readFileSync('generated/records.json', 'utf8')) as {
    entities: { id: string; name: string; summary: string; facts: { text: string }[] }[];
  };
  assert.ok(records.entities.length > 50, 'the bundled corpus');
  // Entities are indices into the table: the records of the same build name them.
  const table = JSON.parse(readFileSync('generated/matcher.json', 'utf8')) as MatcherTable;
  assert.equal(table.corpus, corpusKey(records.entities.map((e) => e.id)), 'table and records of one corpus');
  assert.ok(script.includes(JSON.stringify(table.corpus)), 'the corpus key in the script');
  for (const e of records.entities) {
    assert.ok(!script.includes(JSON.stringify(e.id)), `${e.id}: no entity id`);
    // Aliases are in the table folded to lower case, so a name as written never is.
    assert.ok(!script.includes(e.name), `${e.id}: no display name`);
    assert.ok(!script.includes(e.summary.slice(0, 60)), `${e.id}: no summary`);
    for (const f of e.facts) assert.ok(!script.includes(f.text.slice(0, 60)), `${e.id}: no fact text`);
  }
});
