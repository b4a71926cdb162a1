/**
 * A page built like a real news site (e2e/fixtures/news-rails.html): a dark page read
 * under a light OS, a masthead with a "Trending" strip, the story in <main>, and a
 * "Most read" rail of card links laid out by CSS. Names in links styled as blocks and in
 * flex tiles are read item by item; the article stands apart from the furniture in the
 * marks, the page report and the popup.
 */
import type { Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { assert, eventually } from './harness/assert';
import {
  cardSettled,
  cardState,
  highlightedTexts,
  phraseBox,
  restOn,
  timelineDatesInView,
} from './harness/page-probes';
import { test } from './harness/runner';
import { digestOf } from './harness/tabs';

const PAGE = '/fixtures/news-rails.html';

/** Texts of the highlighted ranges inside `selector`, by highlight name. */
async function marksInside(page: Page, selector: string): Promise<Record<string, string[]>> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel)!;
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of registry)
      for (const r of highlight) {
        if (!root.contains(r.startContainer)) continue;
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        (out[name] ??= []).push(range.toString());
      }
    return out;
  }, selector);
}

const loud = (marks: Record<string, string[]>) =>
  Object.entries(marks)
    .filter(([name]) => !name.endsWith('-quiet') && name !== 'backstory-current')
    .flatMap(([, texts]) => texts);
const faint = (marks: Record<string, string[]>) =>
  Object.entries(marks)
    .filter(([name]) => name.endsWith('-quiet'))
    .flatMap(([, texts]) => texts);

test('block links and flex tiles are read item by item: names in them are marked', async (t) => {
  const page = await t.open(PAGE, { colorScheme: 'light' });
  await eventually('rail read', async () => {
    const all = Object.values(await marksInside(page, '#rail')).flat();
    return all.filter((s) => s === 'Imran Khan').length === 2 ? all : null;
  });
  const rail = Object.values(await marksInside(page, '#rail')).flat();
  // "RelatedImran Khan’s party…tariffsAli Khamenei…" when read by tags: no name has a word boundary.
  for (const name of ['Donald Trump', 'Ali Khamenei']) assert.ok(rail.includes(name), `${name} in ${rail.join(', ')}`);
  // The tile's kicker and headline are two lines: "Pakistan" does not swallow "Imran Khan".
  const tile = Object.values(await marksInside(page, '#tiles')).flat();
  assert.deepEqual(tile, ['Imran Khan']);
});

test('the article apart from the page furniture: faint marks in rails, "Elsewhere on the page" in the popup', async (t) => {
  const page = await t.open(PAGE, { colorScheme: 'light' });
  // In the rail and the trending strip every mark is faint, the first mention of a name too;
  // in the article first mentions show.
  await eventually('furniture quiet', async () => {
    const rail = await marksInside(page, '#rail');
    return loud(rail).length === 0 && faint(rail).length >= 4 ? rail : null;
  });
  assert.deepEqual(loud(await marksInside(page, '.trending')), []);
  const story = await marksInside(page, '#story');
  // (Larijani and Munir first appear in the headline, by surname.)
  for (const name of ['Larijani', 'Munir', 'Shehbaz Sharif', 'Ishaq Dar'])
    assert.ok(
      loud(story).some((s) => s.endsWith(name)),
      `${name} shows in the article: ${loud(story).join(', ')}`,
    );

  // The page report: the article's names, and apart those only the furniture names.
  const { digest } = await eventually('report split', async () => {
    const d = await digestOf(t.browser, page);
    return d.digest.elsewhere?.length ? d : null;
  });
  const ids = digest.entities.map((e) => e.id);
  for (const id of ['ali-larijani', 'asim-munir', 'shehbaz-sharif', 'ishaq-dar']) assert.ok(ids.includes(id), id);
  assert.deepEqual(
    digest.elsewhere!.map((e) => e.id).sort(),
    ['ali-khamenei', 'donald-trump', 'imran-khan'],
    'only the furniture names them',
  );
  for (const id of ['ali-khamenei', 'donald-trump', 'imran-khan'])
    assert.ok(!ids.includes(id), `${id} not the article's`);

  // The popup lists the article's names, and the others folded under "Elsewhere on the page".
  const popup = await t.popup(page);
  const section = popup.locator('section', { has: popup.getByRole('heading', { name: /On this page/ }) });
  const fold = section.locator('details.pp-elsewhere');
  await fold.locator('summary').getByText('Elsewhere on the page (3)').waitFor();
  assert.equal(await fold.evaluate((d) => (d as HTMLDetailsElement).open), false);
  assert.ok(await section.getByRole('button', { name: /^Ali Larijani, \d+ mentions?:/ }).isVisible());
  assert.equal(await section.getByRole('button', { name: /^Donald Trump, / }).isVisible(), false);
  await fold.locator('summary').click();
  const trump = fold.getByRole('button', { name: /^Donald Trump, 2 mentions: show the next one on the page$/ });
  await trump.waitFor();
  await trump.scrollIntoViewIfNeeded();
  await mkdir('.output/e2e', { recursive: true });
  await popup.screenshot({ path: '.output/e2e/popup-elsewhere.png' });
  await trump.click();
  await eventually('furniture mention revealed', async () =>
    /Donald Trump/.test((await highlightedTexts(page))['backstory-current']?.join('|') ?? ''),
  );

  // The timeline's "This page" is the article's names too, and says so.
  const panel = await t.sidePanel(page);
  const state = panel.locator('#tl-page-state');
  await eventually('panel read the tab', async () =>
    /^\d+ names in the article on 127\.0\.0\.1 \(3 more only in its rails and menus\)$/.test(
      (await state.textContent()) ?? '',
    ),
  );
});

test('a rail mention opens its card, dark on the dark page under a light OS', async (t) => {
  const page = await t.open(PAGE, { colorScheme: 'light' });
  await eventually('rail read', async () => (await marksInside(page, '#tiles'))['backstory-person-quiet']?.length);
  await restOn(page, await phraseBox(page, '#tiles', 'Imran Khan'));
  await eventually('card open', async () => (await cardState(page)).title === 'Imran Khan');
  await cardSettled(page);
  const frame = await page.evaluate(() => {
    const shadow = document.querySelector('backstory-card')!.shadowRoot!;
    const [r, g, b] = getComputedStyle(shadow.querySelector('.bs-frame')!)
      .backgroundColor.match(/[\d.]+/g)!
      .map(Number);
    return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
  });
  assert.ok(frame < 0.3, `dark card frame (luminance ${frame.toFixed(2)})`);
  await page.keyboard.press('Escape');
  await eventually('card closed', async () => !(await cardState(page)).open);
  await mkdir('.output/e2e', { recursive: true });
  await page.screenshot({ path: '.output/e2e/news-rails.png' });
});

test('read with the keyboard: stepping, a long card that says it goes on, then a rail link keeps its Enter', async (t) => {
  const page = await t.open(PAGE, { colorScheme: 'light' });
  await eventually('marked', async () => loud(await marksInside(page, '#story')).length);
  await page.locator('h1').click();
  await page.keyboard.press('Alt+Shift+N');
  await eventually('a current mention', async () => (await highlightedTexts(page))['backstory-current']?.length);
  await page.keyboard.press('Enter');
  await eventually('card open, focus inside', async () => (await cardState(page)).focusedInCard);
  await cardSettled(page);
  const more = await page.evaluate(
    () =>
      getComputedStyle(document.querySelector('backstory-card')!.shadowRoot!.querySelector('.bs-frame')!, '::after')
        .content,
  );
  assert.equal(more, '"More ↓"', 'the long card says it continues');
  await page.keyboard.press('Escape');
  await eventually('card closed', async () => !(await cardState(page)).open);

  // Tab on into the rail: its first link takes Enter, no card opens.
  for (let i = 0; i < 30 && !(await page.evaluate(() => !!document.activeElement?.closest('#related'))); i++)
    await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#rally');
  await page.keyboard.press('Enter');
  await eventually('link followed', async () => (await page.evaluate(() => location.hash)) === '#rally');
  assert.equal((await cardState(page)).open, false);
});

test('on the news-like page: a card admits a namesake and takes correction, connections once each, the timeline at the article’s date', async (t) => {
  const page = await t.open(PAGE, { colorScheme: 'light' });
  await eventually('rail read', async () => (await marksInside(page, '#tiles'))['backstory-person-quiet']?.length);
  await restOn(page, await phraseBox(page, '#tiles', 'Imran Khan'));
  await eventually('card open', async () => (await cardState(page)).title === 'Imran Khan');
  const note = page.locator('backstory-card .bs-doubt');
  await eventually('namesake said', () => note.isVisible());
  assert.match((await note.textContent())!, /Imran Khan, the Bollywood actor\.$/);

  // "Not this one" takes the tile's mention back on this page; the popup undoes it.
  await page.locator('backstory-card .bs-correct > summary').click();
  await page.locator('backstory-card').getByRole('button', { name: 'Not this one' }).click();
  const tile = async () => Object.values(await marksInside(page, '#tiles')).flat().length;
  await eventually(
    'unlinked',
    async () => (await tile()) === 0 && (await marksInside(page, '#related'))['backstory-person-quiet']?.length,
  );
  const popup = await t.popup(page);
  await popup.getByText('1 mention unlinked on this page.').waitFor();
  await popup.getByRole('button', { name: 'Undo' }).click();
  await eventually('linked again', async () => (await tile()) > 0);

  // Ali Larijani's connections: one line per person and relation, whichever side recorded it.
  await page.bringToFront();
  await page.mouse.move(5, 5);
  await eventually('no card', async () => !(await cardState(page)).open);
  await restOn(page, await phraseBox(page, '#p1', 'Ali Larijani'));
  await eventually('card open', async () => (await cardState(page)).title === 'Ali Larijani');
  await page.locator('backstory-card .bs-connections > summary').click();
  const lines = await page.locator('backstory-card .bs-related > li').allTextContents();
  assert.ok(lines.length >= 3, `connections: ${lines.join(' | ')}`);
  const people = lines.map((l) => l.replace(/\s+/g, ' ').trim());
  assert.equal(new Set(people).size, people.length, `no repeated line: ${people.join(' | ')}`);

  // The timeline opens around the article's date, 20 November 2025.
  const panel = await t.sidePanel(page);
  const around = panel.getByRole('button', { name: 'Around this article (20 November 2025)' });
  await eventually('article date read', () => around.isVisible(), 10_000);
  const inView = () => timelineDatesInView(panel);
  await eventually('opened around November 2025', async () =>
    (await inView()).some((d) => /^2025-(09|10|11|12)/.test(d)),
  );
});
