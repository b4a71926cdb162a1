/**
 * The toolbar popup in Chromium: search as you type (typos and spellings forgiven,
 * results as you type), the keyboard through the listbox into a card
 * and back out, "On this page" for a fixture article with reveal, the switches applied
 * to the page live, and the screenshot for the README.
 */
import type { Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { assert, eventually } from './harness/assert';
import { highlightedTexts } from './harness/page-probes';
import { test } from './harness/runner';
import { digestOf } from './harness/tabs';

const ARTICLE = '/fixtures/article-popup.html';

const searchBox = (popup: Page) => popup.getByRole('combobox', { name: 'Search the Backstory corpus' });

/** Names of the options, in list order. */
async function optionNames(popup: Page): Promise<string[]> {
  return popup.locator('[role="listbox"] [role="option"] .pp-option-name').allTextContents();
}

/** Sets the box to `text` in one input event, as a paste would. */
async function setQuery(popup: Page, text: string): Promise<void> {
  await popup.evaluate((value) => {
    const box = document.getElementById('pp-q') as HTMLInputElement;
    box.value = value;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

test('popup: typo-tolerant search, keyboard into the card and back', async (t) => {
  const popup = await t.popup();
  const box = searchBox(popup);
  await box.waitFor();
  assert.equal(await box.getAttribute('type'), 'search');
  await eventually('focus in the search box', () => popup.evaluate(() => document.activeElement?.id === 'pp-q'));
  // Opened as a page, the popup's own tab is "this page": not one Backstory can read.
  await popup.getByText('Backstory can’t read this tab.').waitFor();

  // Typed key by key, with a typo: the right person first, the matched part marked.
  await box.pressSequentially('Larijni');
  await eventually('results', async () => (await optionNames(popup))[0] === 'Ali Larijani');
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  const first = popup.getByRole('option').first();
  assert.deepEqual(await first.locator('.pp-option-name mark').allTextContents(), ['Larijani']);
  assert.equal(await popup.locator('[role="group"]').first().getAttribute('aria-labelledby'), 'pp-group-person');

  // Other spellings and forms. (How fast each keystroke is answered is for `npm run bench`.)
  for (const [query, expected] of [
    ['Solemani', 'Qasem Soleimani'],
    ['Suleimani', 'Qasem Soleimani'],
    ['12 day war', 'Twelve-Day War'],
    ['tehrik taliban', 'Tehreek-e-Taliban Pakistan'],
    ['pahalgam', 'Pahalgam'],
  ] as const) {
    await setQuery(popup, query);
    await eventually(`"${query}" finds ${expected} first`, async () => (await optionNames(popup))[0] === expected);
  }

  // Keyboard: ↓ marks the first option active, Enter opens its card in the popup.
  await box.fill('');
  await box.pressSequentially('operation sindor');
  await eventually('results', async () => (await optionNames(popup))[0] === 'Operation Sindoor');
  await box.press('ArrowDown');
  const active = popup.locator('[role="option"][aria-selected="true"]');
  assert.equal(await active.count(), 1);
  assert.equal(await box.getAttribute('aria-activedescendant'), await active.getAttribute('id'));
  assert.equal(await active.locator('.pp-option-name').textContent(), 'Operation Sindoor');
  await box.press('ArrowDown');
  await box.press('ArrowUp');
  assert.equal(
    await popup.locator('[role="option"][aria-selected="true"] .pp-option-name').textContent(),
    'Operation Sindoor',
  );
  await box.press('Enter');
  const card = popup.getByRole('article');
  await card.getByRole('heading', { level: 2, name: 'Operation Sindoor' }).waitFor();
  assert.equal(await popup.getByRole('listbox').count(), 0);
  assert.ok((await card.textContent())?.includes('Key facts'));

  // Esc back to the results (focus with it), Esc again clears.
  const back = popup.getByRole('button', { name: 'Back to results' });
  await eventually('focus on the way back', () => back.evaluate((el) => el === document.activeElement));
  await popup.keyboard.press('Escape');
  await eventually('results again', async () => (await optionNames(popup))[0] === 'Operation Sindoor');
  await eventually('focus in the box again', () => box.evaluate((el) => el === document.activeElement));
  await popup.keyboard.press('Escape');
  await eventually('the box cleared', async () => (await box.inputValue()) === '');
  await eventually('no results', async () => (await popup.getByRole('listbox').count()) === 0);

  // ?q= starts with a search (the card's "Search" button elsewhere opens the popup so).
  const prefilled = await t.popup();
  await prefilled.goto(prefilled.url().replace(/popup\.html.*$/, 'popup.html?q=Khamenai'));
  await eventually('prefilled results', async () => (await optionNames(prefilled))[0] === 'Ali Khamenei');
});

test('popup: On this page lists the article’s names by kind, reveals them, and switches follow live', async (t) => {
  const article = await t.open(ARTICLE);
  await article.emulateMedia({ reducedMotion: 'reduce' });
  await eventually(
    'article read',
    async () => (await digestOf(t.browser, article)).digest.entities.length >= 5,
    10_000,
  );

  const popup = await t.popup(article);
  const section = popup.locator('section', { has: popup.getByRole('heading', { name: /On this page/ }) });
  await section.getByText('127.0.0.1').waitFor();
  await eventually(
    'page names',
    async () => (await section.getByRole('button', { name: /mentions?: show the next one/ }).count()) >= 5,
  );
  const kinds = await section.getByRole('heading', { level: 3 }).allTextContents();
  for (const kind of ['People', 'Organisations', 'Events', 'Places'])
    assert.ok(kinds.includes(kind), `${kind} among ${kinds.join(', ')}`);
  const larijani = section.getByRole('button', { name: /^Ali Larijani, \d+ mentions: show the next one on the page$/ });
  const count = Number((await larijani.getAttribute('aria-label'))!.match(/, (\d+) mentions/)![1]);
  assert.ok(count >= 3, `Larijani is named at least 3 times (${count})`);
  assert.equal(await larijani.locator('.pp-count').textContent(), String(count));

  // Reveal: the first mention of Shehbaz Sharif is near the top, the next far below.
  const sharif = section.getByRole('button', { name: /^Shehbaz Sharif, 2 mentions/ });
  await sharif.click();
  const flashed = async () => (await highlightedTexts(article))['backstory-current']?.join('|') ?? '';
  // The first reads "Prime Minister Shehbaz Sharif", the next plain "Shehbaz Sharif".
  await eventually('first mention flashed', async () => /^(Prime Minister )?Shehbaz Sharif$/.test(await flashed()));
  const top = await article.evaluate(() => window.scrollY);
  await sharif.click();
  await eventually(
    'scrolled to the next mention',
    async () => (await article.evaluate(() => window.scrollY)) > top + 600,
  );
  await eventually('next mention flashed', () =>
    article.evaluate(() => {
      const p4 = document.getElementById('p4')!.getBoundingClientRect();
      return p4.top >= 0 && p4.bottom <= window.innerHeight;
    }),
  );
  assert.equal(await flashed(), 'Shehbaz Sharif');

  // The info button opens the card; Back returns to the list.
  await section.getByRole('button', { name: 'Card for Asim Munir' }).click();
  await popup.getByRole('article').getByRole('heading', { level: 2, name: 'Asim Munir' }).waitFor();
  await popup.getByRole('button', { name: 'Back', exact: true }).click();
  await section.getByText('127.0.0.1').waitFor();

  // Off for this site: the page drops its marks at once, the popup says so; on again.
  const site = popup.getByRole('switch', { name: 'On 127.0.0.1' });
  assert.equal(await site.isChecked(), true);
  try {
    await site.click({ force: true });
    await eventually('marks gone', async () =>
      Object.values(await highlightedTexts(article)).every((r) => r.length === 0),
    );
    await popup.getByText('Backstory is switched off on this site.').waitFor();
  } finally {
    if (!(await site.isChecked())) await site.click({ force: true });
  }
  await eventually(
    'marks back',
    async () => ((await highlightedTexts(article))['backstory-person']?.length ?? 0) > 0,
    10_000,
  );
  await eventually(
    'names back',
    async () => (await section.getByRole('button', { name: /mentions?: show the next one/ }).count()) >= 5,
  );
});

/** The parts of the extension API this test uses that the harness does not declare. */
interface ChromeExtras {
  runtime: { getContexts(filter: { contextTypes: string[] }): Promise<{ documentUrl?: string }[]> };
  sidePanel: { setOptions(options: { enabled: boolean }): Promise<void> };
}

test('popup: the Timeline button opens the side panel, and a card’s "Show on timeline" focuses it', async (t) => {
  const article = await t.open(ARTICLE);
  await eventually(
    'article read',
    async () => (await digestOf(t.browser, article)).digest.entities.length >= 5,
    10_000,
  );
  const popup = await t.popup(article);
  const panels = () =>
    popup.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: ChromeExtras }).chrome;
      return (await api.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).map((c) => c.documentUrl ?? '');
    });
  try {
    assert.deepEqual(await panels(), []);
    await popup.getByRole('button', { name: 'Open the timeline in the side panel' }).click();
    await eventually('side panel open', async () => (await panels()).some((url) => url.endsWith('/sidepanel.html')));
    // Opened as a page, the popup stays; no fallback tab was needed.
    assert.ok(t.browser.context.pages().every((p) => !p.url().includes('sidepanel.html')));

    await searchBox(popup).pressSequentially('12 day war');
    await eventually('results', async () => (await optionNames(popup))[0] === 'Twelve-Day War');
    await searchBox(popup).press('Enter');
    await popup.getByRole('article').getByRole('button', { name: 'Show on timeline' }).click();
    await eventually('timeline focus requested', () =>
      popup.evaluate(async () => {
        const stored = await chrome.storage.local.get('timelineFocus');
        return (stored.timelineFocus as { entityId?: string } | undefined)?.entityId === 'twelve-day-war';
      }),
    );
  } finally {
    // Close the panel again: later tests share this window.
    await popup.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: ChromeExtras }).chrome;
      await api.sidePanel.setOptions({ enabled: false });
      await api.sidePanel.setOptions({ enabled: true });
    });
  }
});

test('popup: a tab that cannot be reached is said plainly', async (t) => {
  const popup = await t.popup();
  await popup.goto(popup.url().replace(/popup\.html.*$/, 'popup.html?tab=999999'));
  await popup.getByText('Backstory can’t read this tab.').waitFor();
  assert.ok(await popup.getByText(/chrome:\/\//).isVisible());
  assert.equal(await popup.getByRole('switch').count(), 1, 'no site switch without a site');
});

test('popup: screenshot with results (.output/e2e/popup-search.png)', async (t) => {
  const article = await t.open(ARTICLE);
  await eventually(
    'article read',
    async () => (await digestOf(t.browser, article)).digest.entities.length >= 5,
    10_000,
  );
  const popup = await t.popup(article);
  await popup.setViewportSize({ width: 380, height: 560 });
  await searchBox(popup).pressSequentially('Larijni');
  await eventually('results', async () => (await optionNames(popup))[0] === 'Ali Larijani');
  await searchBox(popup).press('ArrowDown');
  await mkdir('.output/e2e', { recursive: true });
  await popup.screenshot({ path: '.output/e2e/popup-search.png', animations: 'disabled' });
});
