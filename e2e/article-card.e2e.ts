/** Cards read with the article: as of its date, about its subject, three facts at a glance. */
import type { Page } from 'playwright-core';
import { assert, eventually } from './harness/assert';
import { cardSettled, cardState, highlightedTexts, highlightsInside, phraseBox, restOn } from './harness/page-probes';
import { test } from './harness/runner';

const ARTICLE_2020 = '/fixtures/article-2020.html';
const ARTICLE_2025 = '/fixtures/article-2025-visit.html';

interface ArticleCard {
  roles: string[];
  since: { open: boolean; summary: string } | null;
  /** The backstory's facts, in order, with whether each ends inside the card's visible box. */
  facts: { text: string; visible: boolean }[];
  onPage: string[];
}

/** The open card's article frame, read from its shadow root. */
function readArticleCard(): ArticleCard {
  const shadow = document.querySelector('backstory-card')!.shadowRoot!;
  const frame = shadow.querySelector<HTMLElement>('.bs-frame')!.getBoundingClientRect();
  const since = shadow.querySelector<HTMLDetailsElement>('details.bs-since');
  const facts = [...shadow.querySelectorAll('section.bs-section .bs-fact')].map((li) => {
    const r = li.getBoundingClientRect();
    return { text: li.querySelector('.bs-fact-text')!.textContent!, visible: r.bottom <= frame.bottom + 1 };
  });
  return {
    roles: [...shadow.querySelectorAll('.bs-role')].map((p) => p.textContent!),
    since: since ? { open: since.open, summary: since.querySelector('summary')!.textContent! } : null,
    facts,
    onPage: [...shadow.querySelectorAll('.bs-related li')]
      .filter((li) => li.querySelector('.bs-on-page'))
      .map((li) => li.querySelector('.bs-chip')!.textContent!),
  };
}

async function openLarijani(page: Page): Promise<ArticleCard> {
  await eventually('marked', async () => (await highlightedTexts(page))['backstory-person']?.length ?? 0);
  await restOn(page, await phraseBox(page, '#p1', 'Ali Larijani'));
  await eventually('card open', async () => (await cardState(page)).title === 'Ali Larijani');
  await cardSettled(page);
  return page.evaluate(readArticleCard);
}

test('a 2020 article: the card reads as of then, later facts under “Since this article”, closed', async (t) => {
  const page = await t.open(ARTICLE_2020);
  await page.setViewportSize({ width: 1280, height: 800 });
  const card = await openLarijani(page);
  assert.equal(card.roles[0], "Speaker of Iran's parliament (as of 13 January 2020)");
  assert.match(card.roles[1] ?? '', /^Now: Secretary of Iran's Supreme National Security Council/);
  assert.ok(card.since, 'a since section');
  assert.equal(card.since.open, false, 'closed on an old article');
  assert.match(card.since.summary, /^Since this article \(13 January 2020\) · \d+$/);
  assert.ok(
    card.facts.every((f) => !/Islamabad|June war/.test(f.text)),
    `no 2025 fact in the backstory: ${JSON.stringify(card.facts)}`,
  );
  assert.ok(
    card.facts.slice(0, 3).every((f) => f.visible),
    `three facts without scrolling: ${JSON.stringify(card.facts)}`,
  );
});

test('a 2025 article on the Islamabad visit: his Pakistan facts first, three at a glance', async (t) => {
  const page = await t.open(ARTICLE_2025);
  await page.setViewportSize({ width: 1280, height: 800 });
  const card = await openLarijani(page);
  assert.equal(card.roles.length, 1, 'the role then is the role now');
  assert.ok(card.facts.length >= 3);
  for (const f of card.facts.slice(0, 3)) assert.match(f.text, /Islamabad|Dar|Pakistan/, 'a Pakistan fact leads');
  assert.ok(
    card.facts.slice(0, 3).every((f) => f.visible),
    `three facts without scrolling: ${JSON.stringify(card.facts)}`,
  );
  assert.ok(card.onPage.includes('Ishaq Dar'), `Ishaq Dar marked on this page: ${JSON.stringify(card.onPage)}`);

  // The card continues below: it says so at its foot, and a click there scrolls on.
  const frame = () =>
    page.evaluate(() => {
      const f = document.querySelector('backstory-card')!.shadowRoot!.querySelector<HTMLElement>('.bs-frame')!;
      const r = f.getBoundingClientRect();
      return {
        more: getComputedStyle(f, '::after').content,
        scrollTop: f.scrollTop,
        foot: { x: r.left + r.width / 2, y: r.bottom - 12 },
      };
    });
  const before = await frame();
  assert.equal(before.more, '"More ↓"');
  assert.equal(before.scrollTop, 0);
  await page.mouse.click(before.foot.x, before.foot.y);
  await eventually('scrolled on', async () => (await frame()).scrollTop > 0);
  await page.evaluate(() => {
    const f = document.querySelector('backstory-card')!.shadowRoot!.querySelector<HTMLElement>('.bs-frame')!;
    f.scrollTop = f.scrollHeight;
  });
  await eventually('no cue at the end', async () => (await frame()).more === 'none');
});

test('on a phone, the bottom sheet shows the same three facts without scrolling', async (t) => {
  const phone = await t.open(ARTICLE_2025);
  const cdp = await phone.context().newCDPSession(phone);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 390, height: 780, deviceScaleFactor: 2, mobile: true });
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  await eventually('marked', async () => (await highlightedTexts(phone))['backstory-person']?.length ?? 0);
  const at = await phraseBox(phone, '#p1', 'Ali Larijani');
  const tap = { x: at.x + at.width / 2, y: at.y + at.height / 2 };
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [tap] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await eventually('sheet open', async () => (await cardState(phone)).title === 'Ali Larijani');
  await cardSettled(phone);
  const sheet = await phone.evaluate(readArticleCard);
  assert.ok(
    sheet.facts.slice(0, 3).every((f) => f.visible),
    `three facts in the sheet: ${JSON.stringify(sheet.facts)}`,
  );
});

test('the popup says the article’s date and opens cards as of it', async (t) => {
  const page = await t.open(ARTICLE_2020);
  await eventually('marked', async () => (await highlightedTexts(page))['backstory-person']?.length ?? 0);
  const popup = await t.popup(page);
  await eventually('article date shown', async () =>
    (
      await popup
        .locator('.pp-article-date')
        .textContent()
        .catch(() => null)
    )?.includes('13 January 2020'),
  );
  await popup.getByRole('button', { name: 'Card for Ali Larijani' }).click();
  const since = popup.locator('details.bs-since > summary');
  assert.match((await since.textContent())!, /^Since this article \(13 January 2020\)/);
});

test('a name read from context admits it: the card says so and offers the others', async (t) => {
  const page = await t.open('/fixtures/article-doubt.html');
  await eventually('marked', async () => (await highlightedTexts(page))['backstory-person']?.length ?? 0);
  // The full name first: no doubt about Imran Khan the politician, but a namesake to mention.
  await restOn(page, await phraseBox(page, '#p2', 'Khan'));
  await eventually('card open', async () => (await cardState(page)).title === 'Imran Khan');
  const note = page.locator('backstory-card .bs-doubt');
  await eventually('doubt said', () => note.isVisible());
  const text = (await note.textContent())!;
  assert.match(text, /^“Khan” is read as Imran Khan from the page; it could also be /);
  assert.match(text, /Imran Khan, the Bollywood actor\.$/);
  const other = note.getByRole('button').first();
  const otherName = (await other.textContent())!;
  await other.click();
  await eventually('switched to the other', async () => (await cardState(page)).title === otherName);
});

test('“Not this one” unlinks a mention on this page and the popup takes it back; a muted name goes until unmuted', async (t) => {
  const page = await t.open('/fixtures/article-doubt.html');
  const marksIn = (selector: string) => highlightsInside(page, selector);
  await eventually('marked', async () => (await marksIn('#p2')) > 0);
  const openCardOn = async (selector: string, phrase: string) => {
    await page.mouse.move(5, 5);
    await eventually('no card', async () => !(await cardState(page)).open);
    await restOn(page, await phraseBox(page, selector, phrase));
    await eventually('card open', async () => (await cardState(page)).title === 'Imran Khan');
    await page.locator('backstory-card .bs-correct > summary').click();
  };

  await openCardOn('#p2', 'Khan');
  await page.locator('backstory-card').getByRole('button', { name: 'Not this one' }).click();
  // Read again without it: the other mention keeps its mark, this one has none.
  await eventually(
    'unlinked',
    async () => (await marksIn('#p2')) === 0 && (await marksIn('#p1')) > 0 && !(await cardState(page)).open,
  );
  const popup = await t.popup(page);
  await popup.getByText('1 mention unlinked on this page.').waitFor();
  await popup.getByRole('button', { name: 'Undo' }).click();
  await eventually('linked again', async () => (await marksIn('#p2')) > 0);

  await page.bringToFront();
  await openCardOn('#p1', 'Imran Khan');
  const form = (await page.locator('backstory-card .bs-correct').getByRole('button').nth(1).textContent())!;
  assert.match(form, /^Mute “Imran Khan” on 127\.0\.0\.1$/);
  try {
    await page.locator('backstory-card').getByRole('button', { name: form }).click();
    // The page is read again without the muted words: other words for him come back marked.
    await eventually('muted, the rest marked', async () => (await marksIn('#p1')) === 0 && (await marksIn('#p2')) > 0);
    const again = await t.popup(page);
    await again.getByRole('button', { name: 'Unmute Imran Khan (127.0.0.1)' }).click();
    await eventually('unmuted', async () => (await marksIn('#p1')) > 0);
  } finally {
    // The browser profile is shared with the tests that follow: no name stays muted.
    const probe = await t.popup();
    await probe.evaluate(async () => {
      const { settings } = (await chrome.storage.local.get('settings')) as { settings?: { muted?: unknown[] } };
      if (settings?.muted?.length) await chrome.storage.local.set({ settings: { ...settings, muted: [] } });
    });
  }
});
