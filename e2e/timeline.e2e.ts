/**
 * The side-panel timeline in Chromium: the whole corpus by year, filtered by a name
 * typed ahead, by "This page" (following a real tab through a navigation), focused by a
 * "Show on timeline" request; and the README screenshot.
 */
import type { Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { assert, eventually } from './harness/assert';
import { timelineDatesInView } from './harness/page-probes';
import { test } from './harness/runner';

const ARTICLE = '/fixtures/article-timeline.html';
/** What the fixture article names, as the timeline writes them. */
const ON_PAGE = ['Shehbaz Sharif', 'Strategic Mutual Defence Agreement', 'Asim Munir', 'Twelve-Day War'];

async function statusText(panel: Page): Promise<string> {
  return (await panel.getByRole('status').textContent()) ?? '';
}

/** "Showing 9 of 253 events and facts" → [9, 253]; "253 events and facts" → [253, 253]. */
async function counts(panel: Page): Promise<[number, number]> {
  const text = await statusText(panel);
  const m = /Showing (\d+) of (\d+)/.exec(text) ?? /^(\d+) /.exec(text);
  if (!m) throw new Error(`unexpected status "${text}"`);
  return [Number(m[1]), Number(m[2] ?? m[1])];
}

async function itemTexts(panel: Page): Promise<string[]> {
  return panel.locator('li.tl-item').evaluateAll((items) => items.map((li) => li.textContent ?? ''));
}

async function ready(panel: Page): Promise<number> {
  await eventually('timeline items', async () => (await panel.locator('li.tl-item').count()) > 0, 10_000);
  return (await counts(panel))[1];
}

test('timeline: the corpus by year, dated at its precision, filtered by a name typed ahead', async (t) => {
  const panel = await t.sidePanel();
  const total = await ready(panel);
  assert.ok(total >= 30, `at least 30 items (found ${total})`);
  assert.equal(await panel.locator('li.tl-item').count(), total);

  // Year headings in order, an ordered list under each, every item dated with <time datetime>.
  const years = (await panel.locator('h2 .tl-year-num').allTextContents()).map(Number);
  assert.equal(years.length, await panel.getByRole('heading', { level: 2 }).count());
  assert.ok(years.length > 3);
  assert.deepEqual(
    years,
    [...years].sort((a, b) => a - b),
  );
  assert.equal(await panel.locator('section.tl-year > ol > li.tl-item').count(), total);
  const datetimes = await panel
    .locator('li.tl-item time')
    .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
  assert.equal(datetimes.length, total);
  for (const d of datetimes) assert.match(d, /^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/);
  const labels = await panel.locator('li.tl-item time').allTextContents();
  assert.ok(
    labels.some((l) => /^\d{4}$/.test(l)),
    'a year-precision date',
  );
  assert.ok(
    labels.some((l) => /^[A-Z][a-z]+ \d{4}$/.test(l)),
    'a month-precision date',
  );
  assert.ok(
    labels.some((l) => /^\d{1,2} [A-Z][a-z]+ \d{4}$/.test(l)),
    'a day-precision date',
  );
  assert.ok(
    labels.some((l) => /–/.test(l)),
    'a range',
  );

  // Type ahead, pick with the keyboard.
  const box = panel.getByRole('combobox', { name: 'Names' });
  await box.click();
  await box.pressSequentially('larij');
  const option = panel.getByRole('option', { name: /^Ali Larijani \d+ items$/ });
  await eventually('suggestion', () => option.isVisible());
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  await box.press('Enter');
  await eventually('filtered', async () => (await counts(panel))[0] < total);
  await panel.getByRole('button', { name: 'Remove Ali Larijani' }).waitFor();
  const [shown] = await counts(panel);
  assert.ok(shown >= 3, `Larijani has several items (${shown})`);
  for (const text of await itemTexts(panel)) assert.match(text, /Ali Larijani/);

  // A second chip by mouse, then "all of them": only items with both.
  await box.pressSequentially('zardari');
  await panel.getByRole('option', { name: /^Asif Ali Zardari \d+ items$/ }).click();
  const [either] = await counts(panel);
  assert.ok(either > shown);
  await panel.getByRole('combobox', { name: 'Involving' }).selectOption('all');
  const [both] = await counts(panel);
  assert.ok(both > 0 && both < shown);
  for (const text of await itemTexts(panel)) {
    assert.match(text, /Ali Larijani/);
    assert.match(text, /Asif Ali Zardari/);
  }

  // Backspace in the empty input removes the last chip; the other's button removes it.
  await box.press('Backspace');
  assert.equal(await panel.getByRole('button', { name: 'Remove Asif Ali Zardari' }).count(), 0);
  assert.equal((await counts(panel))[0], shown);
  await panel.getByRole('button', { name: 'Remove Ali Larijani' }).click();
  assert.deepEqual(await counts(panel), [total, total]);

  // Kind and date range, folded away at first.
  await panel.getByRole('button', { name: 'Kinds and dates' }).click();
  await panel.getByRole('button', { name: 'Events', exact: true }).click();
  await panel.getByRole('combobox', { name: 'From: Year' }).selectOption('2025');
  await panel.getByRole('combobox', { name: 'To: Year' }).selectOption('2025');
  await panel.getByRole('combobox', { name: 'To: Month' }).selectOption('06');
  const [events] = await counts(panel);
  assert.ok(events > 0 && events < total);
  for (const d of await panel
    .locator('li.tl-item time')
    .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!))) {
    assert.ok(d.slice(0, 7) <= '2025-06' && d.split('/').pop()! >= '2025', `${d} overlaps January–June 2025`);
  }
  await panel.getByRole('button', { name: 'Clear filters' }).click();
  assert.deepEqual(await counts(panel), [total, total]);

  // An entity opens its card in the panel; Escape closes it.
  await panel.locator('li.tl-item .tl-entity').first().click();
  const dialog = panel.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Show on timeline' }).waitFor();
  await panel.keyboard.press('Escape');
  await eventually('card closed', async () => (await dialog.count()) === 0);
});

test('timeline: opens around the article’s date, and “Around this article” returns there', async (t) => {
  const page = await t.open('/fixtures/article-2020.html');
  const panel = await t.sidePanel(page);
  await ready(panel);
  const around = panel.getByRole('button', { name: 'Around this article (13 January 2020)' });
  await eventually('article date read', () => around.isVisible(), 10_000);
  const inView = () => timelineDatesInView(panel);
  const near2020 = (dates: string[]) => dates.some((d) => /^20(19|20)/.test(d));
  await eventually('opened around January 2020', async () => near2020(await inView()));
  await panel.evaluate(() => scrollTo(0, 0));
  assert.equal(near2020(await inView()), false, 'scrolled away');
  await around.click();
  await eventually('back around January 2020', async () => near2020(await inView()));
  const focused = await panel.evaluate(() => document.activeElement?.querySelector('time')?.getAttribute('datetime'));
  assert.ok(focused && focused <= '2020-01-13', `the item focused began by the article's date: ${focused}`);
});

test('timeline: "This page" follows the tab being read', async (t) => {
  const page = await t.open(ARTICLE);
  const panel = await t.sidePanel(page);
  const total = await ready(panel);
  const state = panel.locator('#tl-page-state');
  await eventually(
    'page digest',
    async () => /names? found on 127\.0\.0\.1/.test((await state.textContent()) ?? ''),
    10_000,
  );

  const toggle = panel.getByRole('button', { name: 'This page' });
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  const [shown] = await counts(panel);
  assert.ok(shown > 5 && shown < total, `a page's worth of items (${shown} of ${total})`);
  for (const text of await itemTexts(panel)) {
    assert.ok(
      ON_PAGE.some((name) => text.includes(name)),
      `item involves a name on the page: ${text.slice(0, 80)}`,
    );
  }

  // Combined with a name: narrower still.
  const box = panel.getByRole('combobox', { name: 'Names' });
  await box.click();
  await box.pressSequentially('Asim Mu');
  await box.press('Enter');
  const [withName] = await counts(panel);
  assert.ok(withName > 0 && withName <= shown);
  await box.press('Backspace');

  // The tab navigates to a page without names: the panel follows once it has loaded.
  await page.goto(t.server.url('/fixtures/plain.html'));
  await eventually(
    'new digest',
    async () => /No names from Backstory found/.test((await state.textContent()) ?? ''),
    10_000,
  );
  assert.equal((await counts(panel))[0], 0);
  await panel.getByText('Nothing on the timeline matches these filters.').waitFor();

  // And back to the article.
  await page.goto(t.server.url(ARTICLE));
  await eventually('article again', async () => (await counts(panel))[0] === shown, 10_000);
});

test('timeline: "Show on timeline" focuses an entity, from storage or ?entity=', async (t) => {
  const panel = await t.sidePanel();
  await ready(panel);
  await panel.evaluate(() => chrome.storage.local.set({ timelineFocus: { entityId: 'asim-munir', at: Date.now() } }));
  await panel.getByRole('button', { name: 'Remove Asim Munir' }).waitFor();
  const first = await eventually('first item focused', () =>
    panel.evaluate(() => (document.activeElement?.classList.contains('tl-item') ? document.activeElement.id : null)),
  );
  assert.equal(first, await panel.locator('li.tl-item').first().getAttribute('id'));
  for (const text of await itemTexts(panel)) assert.match(text, /Asim Munir/);
  // A request the open panel followed stays for a panel that may be opening; this test is done with it.
  await panel.evaluate(() => chrome.storage.local.clear());

  // A second panel opening with ?entity= starts focused there.
  const other = await t.browser.context.newPage();
  try {
    await other.goto(`${t.browser.extensionOrigin}/sidepanel.html?entity=indus-waters-treaty`);
    await other.getByRole('button', { name: 'Remove Indus Waters Treaty' }).waitFor();
    for (const text of await itemTexts(other)) assert.match(text, /Indus Waters Treaty/);
  } finally {
    await other.close();
  }
});

test('timeline: screenshot for the README', async (t) => {
  const page = await t.open(ARTICLE);
  const panel = await t.sidePanel(page);
  await panel.setViewportSize({ width: 380, height: 1000 });
  await ready(panel);
  await eventually(
    'page digest',
    async () => /found on/.test((await panel.locator('#tl-page-state').textContent()) ?? ''),
    10_000,
  );
  await panel.getByRole('button', { name: 'This page' }).click();
  await mkdir('.output/e2e', { recursive: true });
  await panel.screenshot({ path: '.output/e2e/timeline.png', animations: 'disabled' });
});
