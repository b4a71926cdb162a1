/**
 * News in the region's own languages (e2e/fixtures/urdu-rtl.html, persian-rtl.html,
 * hindi.html, written for the tests): names marked where their glyphs are drawn (a
 * pixel check, right to left too), the card beside the mention and on screen, keyboard
 * stepping in reading order, the page report, and search typed in those scripts.
 */
import type { Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { assert, eventually } from './harness/assert';
import { cardSettled, cardState, highlightedTexts, phraseBox, restOn, type Box } from './harness/page-probes';
import { test } from './harness/runner';
import { digestOf } from './harness/tabs';

/** Every highlighted text on the page, marks of every kind, loud or faint. */
async function marked(page: Page): Promise<string[]> {
  const h = await highlightedTexts(page);
  return Object.entries(h)
    .filter(([name]) => name !== 'backstory-current')
    .flatMap(([, texts]) => texts);
}

/**
 * Share of the pixels in `box` tinted by a mark: light and coloured, where unmarked text
 * is white paper and grey-to-black glyphs.
 */
async function tintShare(page: Page, box: Box): Promise<number> {
  const png = await page.screenshot({
    clip: { x: box.x, y: box.y + 2, width: Math.max(1, box.width), height: Math.max(1, box.height - 4) },
  });
  return page.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, img.width, img.height).data;
    let tinted = 0;
    for (let i = 0; i < px.length; i += 4) {
      const [r, g, b] = [px[i]!, px[i + 1]!, px[i + 2]!];
      if (Math.min(r, g, b) > 150 && Math.max(r, g, b) - Math.min(r, g, b) >= 10) tinted++;
    }
    return tinted / (px.length / 4);
  }, png.toString('base64'));
}

/** The first occurrence of `phrase` in `scope` is marked where it is drawn, and `plain` is not. */
async function markedInPlace(page: Page, scope: string, phrase: string): Promise<void> {
  const share = await tintShare(page, await phraseBox(page, scope, phrase));
  assert.ok(share > 0.3, `"${phrase}" drawn with its mark (${(share * 100).toFixed(0)}% tinted)`);
}

async function unmarkedInPlace(page: Page, scope: string, phrase: string): Promise<void> {
  const share = await tintShare(page, await phraseBox(page, scope, phrase));
  assert.ok(share < 0.05, `"${phrase}" drawn without a mark (${(share * 100).toFixed(0)}% tinted)`);
}

/** Opens the card on `phrase` and checks it sits beside the mention, on screen, in English. */
/** Hovers `phrase` (or `part` of it) and checks the card lines up with the mention, on screen. */
async function cardBeside(
  page: Page,
  scope: string,
  phrase: string,
  title: string,
  rtl: boolean,
  part = phrase,
): Promise<void> {
  await page.mouse.move(5, 5);
  const at = await phraseBox(page, scope, phrase);
  await restOn(page, part === phrase ? at : await phraseBox(page, scope, part));
  await eventually(`card for ${title}`, async () => (await cardState(page)).title === title);
  await cardSettled(page);
  const card = (await cardState(page)).box!;
  const view = page.viewportSize()!;
  assert.ok(
    card.x >= 0 && card.y >= 0 && card.x + card.width <= view.width && card.y + card.height <= view.height,
    `card on screen: ${JSON.stringify(card)}`,
  );
  assert.ok(card.y >= at.y + at.height || card.y + card.height <= at.y, 'card above or below the mention');
  if (rtl) {
    // Lined up with the mention's right edge, where a right-to-left reader's eye is.
    assert.ok(Math.abs(card.x + card.width - (at.x + at.width)) <= 2 || card.x <= 9, 'card right-aligned');
  } else assert.ok(Math.abs(card.x - at.x) <= 2 || card.x + card.width >= view.width - 9, 'card left-aligned');
  const [direction, native] = await page.evaluate(() => {
    const shadow = document.querySelector('backstory-card')!.shadowRoot!;
    return [
      getComputedStyle(shadow.querySelector('.bs-frame')!).direction,
      [...shadow.querySelectorAll('.bs-native-name')].map((n) => n.textContent),
    ];
  });
  assert.equal(direction, 'ltr', 'the card’s English reads left to right');
  assert.ok((native as string[]).length > 0, 'the card shows the name in the region’s scripts');
}

test('an Urdu page, right to left: names marked on their glyphs, the card beside them, stepping in reading order', async (t) => {
  const page = await t.open('/fixtures/urdu-rtl.html');
  await page.setViewportSize({ width: 1280, height: 800 });
  await eventually('Urdu names marked', async () => (await marked(page)).includes('فیلڈ مارشل عاصم منیر'));
  const texts = await marked(page);
  for (const name of [
    'علی لاریجانی',
    'شہباز شریف',
    'فیلڈ مارشل عاصم منیر',
    'اسحاق ڈار',
    'سپریم نیشنل سکیورٹی کونسل',
    'آبنائے ہرمز',
  ])
    assert.ok(texts.includes(name), `${name} among ${texts.join(' | ')}`);
  // "شریف" is also a common word ("decent"): alone, it names nobody.
  assert.ok(!texts.includes('شریف'), 'the common word is not a name');
  await page.evaluate(() => document.fonts.ready);
  // (Larijani's first mention is the headline's: the paragraph's is faint, as on English pages.)
  await markedInPlace(page, '#p1', 'شہباز شریف');
  await markedInPlace(page, '#p1', 'عاصم منیر');
  await unmarkedInPlace(page, '#p4', 'شریف آدمی');
  await mkdir('.output/e2e', { recursive: true });
  await page.screenshot({ path: '.output/e2e/urdu-page.png' });

  await cardBeside(page, '#p1', 'علی لاریجانی', 'Ali Larijani', true);
  await page.screenshot({ path: '.output/e2e/urdu-card.png' });
  await page.keyboard.press('Escape');

  // Keyboard stepping follows reading order: in the first paragraph the council comes
  // before Larijani, and is drawn to his right.
  await page.locator('h1').click();
  const current = async () => (await highlightedTexts(page))['backstory-current']?.[0] ?? '';
  const steps: string[] = [];
  for (let i = 0; i < 3; i++) {
    const before = await current();
    await page.keyboard.press('Alt+Shift+N');
    await eventually('stepped', async () => (await current()) !== before || i === 0);
    steps.push(await current());
  }
  assert.deepEqual(steps, ['لاریجانی', 'سپریم نیشنل سکیورٹی کونسل', 'علی لاریجانی']);
  const council = await phraseBox(page, '#p1', 'سپریم نیشنل سکیورٹی کونسل');
  const larijani = await phraseBox(page, '#p1', 'علی لاریجانی');
  assert.ok(council.x > larijani.x, 'the first in reading order is drawn to the right');

  // An event described in Urdu: the phrase is the attack, the town inside it keeps its own mark.
  await page.keyboard.press('Escape');
  const phrase = 'پہلگام میں ہوئے دہشت گردانہ حملے';
  const kinds = await eventually('the described event marked', async () => {
    const h = await highlightedTexts(page);
    return h['backstory-event']?.includes(phrase) ? h : null;
  });
  assert.ok(kinds['backstory-place']?.includes('پہلگام'), `the town inside: ${JSON.stringify(kinds)}`);
  await cardBeside(page, '#p5', 'پہلگام', 'Pahalgam', true);
  await page.mouse.move(5, 5);
  await eventually('card closed', async () => !(await cardState(page)).open);
  await cardBeside(page, '#p5', phrase, 'Pahalgam attack', true, 'دہشت گردانہ حملے');

  const { digest } = await digestOf(t.browser, page);
  const ids = digest.entities.map((e) => e.id);
  for (const id of ['ali-larijani', 'shehbaz-sharif', 'asim-munir', 'ishaq-dar', 'strait-of-hormuz', 'pahalgam-attack'])
    assert.ok(ids.includes(id), `${id} on this page: ${ids.join(', ')}`);
});

test('a Persian page: its letter forms, the non-joiner, and the card beside the mention', async (t) => {
  const page = await t.open('/fixtures/persian-rtl.html');
  await eventually('Persian names marked', async () => (await marked(page)).includes('شهباز شریف'));
  const texts = await marked(page);
  for (const name of ['علی لاریجانی', 'شورای عالی امنیت ملی', 'سپاه پاسداران', 'ارتش پاکستان', 'تنگه هرمز'])
    assert.ok(texts.includes(name), `${name} among ${texts.join(' | ')}`);
  // Written with a zero-width non-joiner; the corpus has it from Urdu with a space.
  assert.ok(
    texts.some((s) => s.replace('\u200c', '') === 'خامنهای'),
    `Khamenei with a non-joiner: ${texts.join(' | ')}`,
  );
  // An event described in Persian letter forms ("شهادت" with the Persian he): the phrases
  // fold them as the names are folded, though their rule spells the word in Urdu ("شہادت").
  const kinds = await eventually('the described event marked', async () => {
    const h = await highlightedTexts(page);
    return h['backstory-event']?.includes('سردار قاسم سلیمانی به شهادت') ? h : null;
  });
  assert.ok(kinds['backstory-person']?.includes('سردار قاسم سلیمانی'), `the name inside: ${JSON.stringify(kinds)}`);
  await page.evaluate(() => document.fonts.ready);
  await markedInPlace(page, '#p1', 'شهباز شریف');
  await cardBeside(page, '#p1', 'علی لاریجانی', 'Ali Larijani', true);
});

test('a Hindi page: names with and without the nukta, the cosmetic sindoor left alone', async (t) => {
  const page = await t.open('/fixtures/hindi.html');
  await eventually('Hindi names marked', async () => (await marked(page)).includes('ऑपरेशन सिंदूर'));
  const texts = await marked(page);
  for (const name of ['अली लारीजानी', 'शहबाज़ शरीफ़', 'ऑपरेशन सिंदूर', 'पहलगाम हमले', 'इमरान खान'])
    assert.ok(texts.includes(name), `${name} among ${texts.join(' | ')}`);
  await page.evaluate(() => document.fonts.ready);
  await markedInPlace(page, '#p1', 'शहबाज़ शरीफ़');
  await unmarkedInPlace(page, '#p3', 'सिंदूर');
  await cardBeside(page, '#p1', 'अली लारीजानी', 'Ali Larijani', false);
  await page.screenshot({ path: '.output/e2e/hindi-card.png' });
});

test('popup: search typed in Urdu, Persian or Hindi finds the English entry', async (t) => {
  const popup = await t.popup();
  const box = popup.getByRole('combobox', { name: 'Search the Backstory corpus' });
  await box.waitFor();
  for (const [query, expected] of [
    ['لاریجانی', 'Ali Larijani'],
    ['سپاه پاسداران', 'Islamic Revolutionary Guard Corps'],
    ['शहबाज शरीफ', 'Shehbaz Sharif'],
  ] as const) {
    await box.fill(query);
    await eventually(
      `"${query}" finds ${expected}`,
      async () =>
        (await popup.locator('[role="listbox"] [role="option"] .pp-option-name').allTextContents())[0] === expected,
    );
  }
});
