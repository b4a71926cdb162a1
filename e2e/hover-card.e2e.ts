/** Hover cards on a news page: marks, hover intent, keyboard path, the page left intact. */
import type { Page } from 'playwright-core';
import { assert, eventually } from './harness/assert';
import { cardSettled, cardState, highlightedTexts, highlightsInside, phraseBox, restOn } from './harness/page-probes';
import { test } from './harness/runner';
import { SHEET_MAX_SHARE } from '../adapters/page/card-placement';

const ARTICLE = '/fixtures/article-light.html';

async function marked(page: Page): Promise<Record<string, string[]>> {
  return eventually('mentions marked', async () => {
    const h = await highlightedTexts(page);
    return (h['backstory-person']?.length ?? 0) > 0 ? h : null;
  });
}

test('mentions are marked quietly, one highlight per kind', async (t) => {
  const page = await t.open(ARTICLE);
  const h = await marked(page);
  const person = [...h['backstory-person']!, ...(h['backstory-person-quiet'] ?? [])];
  assert.ok(person.includes('Ali Larijani'));
  assert.ok(person.includes('Larijani'), 'surname after the full name is marked');
  assert.ok(person.includes('Asim Munir'), 'name split across <a> and <b> is marked');
  assert.ok(
    h['backstory-event']!.some((s) => /Operation\s+Sindoor/.test(s)),
    'event split across <em>s is marked',
  );
  assert.ok(h['backstory-event']!.includes('12-day war'));
});

test('quiet by default: the first mention shows, later ones are faint; the popup switches to every mention or none, live', async (t) => {
  const page = await t.open(ARTICLE);
  await marked(page);
  const larijani = async () => {
    const h = await highlightedTexts(page);
    const count = (name: string) => (h[name] ?? []).filter((s) => /Larijani/.test(s)).length;
    return { shown: count('backstory-person'), faint: count('backstory-person-quiet') };
  };
  // "Ali Larijani", "Mr Larijani", then "Larijani" on the sweep line: one visible mark.
  assert.deepEqual(await larijani(), { shown: 1, faint: 2 });
  const popup = await t.popup(page);
  const marks = popup.getByRole('combobox', { name: 'Marks' });
  await eventually('settings loaded', () => marks.isEnabled());
  assert.equal(await marks.inputValue(), 'first');
  // The browser profile is shared by the tests that follow: the default comes back at the end.
  try {
    await marks.selectOption('all');
    await eventually('every mention shown', async () => (await larijani()).shown === 3);
    assert.equal((await larijani()).faint, 0);
    await marks.selectOption('none');
    await eventually('none shown', async () => {
      const l = await larijani();
      return l.shown === 0 && l.faint === 0;
    });
    // Hover only: the card still opens.
    await page.bringToFront();
    await restOn(page, await phraseBox(page, '#p1', 'Ishaq Dar'));
    await eventually('card open with no marks', async () => (await cardState(page)).title === 'Ishaq Dar');
  } finally {
    await marks.selectOption('first');
    await eventually('quiet again', async () => (await larijani()).shown === 1);
  }
});

test('text in textarea, input, contenteditable and code gets no mark', async (t) => {
  const page = await t.open(ARTICLE);
  await marked(page);
  for (const selector of ['#comment', '#field', '#editor', '#code']) {
    assert.equal(await highlightsInside(page, selector), 0, `${selector} has no marks`);
  }
});

test('hovering a mention shows its card; Esc closes it', async (t) => {
  const page = await t.open(ARTICLE);
  await marked(page);
  await restOn(page, await phraseBox(page, '#p1', 'Ishaq Dar'));
  const card = await eventually('card open', async () => {
    const s = await cardState(page);
    return s.open && s.title ? s : null;
  });
  assert.equal(card.title, 'Ishaq Dar');
  assert.match(card.text, /Show on timeline/);
  await page.keyboard.press('Escape');
  await eventually('card closed', async () => !(await cardState(page)).open);
});

test('sweeping the pointer across mentions opens no card', async (t) => {
  const page = await t.open(ARTICLE);
  await marked(page);
  const line = await phraseBox(page, '#sweep', 'Larijani, Zardari, Soleimani and Munir');
  await page.mouse.move(line.x - 40, line.y + line.height / 2);
  // About 1.5 px per ms, a reader moving the pointer elsewhere.
  for (let x = line.x - 40; x < line.x + line.width + 40; x += 24) {
    await page.mouse.move(x, line.y + line.height / 2);
    await page.waitForTimeout(16);
  }
  await page.mouse.move(line.x + line.width + 200, line.y + 200, { steps: 4 });
  await page.waitForTimeout(800);
  assert.equal((await cardState(page)).open, false);
});

test('the pointer can travel from the mention into the card, which stays while hovered', async (t) => {
  const page = await t.open(ARTICLE);
  await marked(page);
  const mention = await phraseBox(page, '#p1', 'Ali Larijani');
  await restOn(page, mention);
  const card = await eventually('card open', async () => {
    const s = await cardState(page);
    return s.open && s.box ? s : null;
  });
  assert.equal(card.title, 'Ali Larijani');
  const box = card.box!;
  await page.mouse.move(box.x + 40, box.y + 30, { steps: 6 });
  await page.waitForTimeout(1200);
  const still = await cardState(page);
  assert.equal(still.open, true);
  assert.equal(still.title, 'Ali Larijani');
  // Leaving the card closes it after the grace period.
  await page.mouse.move(5, 5, { steps: 3 });
  await eventually('card closed after leaving', async () => !(await cardState(page)).open, 3000);
});

test('a related entity switches the card, and Back returns', async (t) => {
  const page = await t.open(ARTICLE);
  await marked(page);
  // "the killing of Qasem Soleimani" is the event's own name: the longest match wins.
  await restOn(page, await phraseBox(page, '#p3', 'Soleimani'));
  await eventually('card open', async () => (await cardState(page)).title === 'Killing of Qasem Soleimani');
  // Connections sit behind their disclosure, closed at first.
  await page.locator('backstory-card .bs-connections > summary').click();
  const chip = page.locator('backstory-card .bs-related .bs-chip').first();
  const chipName = (await chip.textContent())!.trim();
  await chip.click();
  await eventually('switched card', async () => (await cardState(page)).title === chipName);
  await page.locator('backstory-card .bs-back').click();
  await eventually(
    'back to the first card',
    async () => (await cardState(page)).title === 'Killing of Qasem Soleimani',
  );
});

test('keyboard: step to a mention, Enter opens its card, Tab stays inside, Esc returns focus', async (t) => {
  const page = await t.open(ARTICLE);
  await marked(page);
  await page.locator('h1').click();
  await page.keyboard.press('Alt+Shift+N');
  const current = await eventually(
    'a current mention',
    async () => (await highlightedTexts(page))['backstory-current']?.[0],
  );
  assert.equal(current, 'Ali Larijani');
  await page.keyboard.press('Alt+Shift+N');
  await eventually('stepped on', async () => (await highlightedTexts(page))['backstory-current']?.[0] === 'Ishaq Dar');
  await page.keyboard.press('Enter');
  const card = await eventually('card open with focus', async () => {
    const s = await cardState(page);
    return s.open && s.focusedInCard ? s : null;
  });
  assert.equal(card.title, 'Ishaq Dar');
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    assert.equal((await cardState(page)).focusedInCard, true, `focus still in the card after ${i + 1} Tabs`);
  }
  await page.keyboard.press('Escape');
  await eventually('card closed', async () => !(await cardState(page)).open);
  const focusOutside = await page.evaluate(() => document.activeElement?.tagName);
  assert.notEqual(focusOutside, 'BACKSTORY-CARD');
});

test('keyboard: after stepping, a link reached with Tab keeps its Enter; a click ends stepping', async (t) => {
  const page = await t.open(ARTICLE);
  await marked(page);
  await page.locator('h1').click();
  await page.keyboard.press('Alt+Shift+N');
  await eventually('a current mention', async () => (await highlightedTexts(page))['backstory-current']?.length);
  await page.keyboard.press('Enter');
  await eventually('card open', async () => (await cardState(page)).focusedInCard);
  await page.keyboard.press('Escape');
  await eventually('card closed', async () => !(await cardState(page)).open);

  // Tab to a page link and press Enter: the link is followed, no card opens.
  for (let i = 0; i < 12 && (await page.evaluate(() => document.activeElement?.id)) !== 'plain-link'; i++)
    await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'plain-link');
  assert.equal((await highlightedTexts(page))['backstory-current']?.length ?? 0, 0, 'stepping ended on focus');
  await page.keyboard.press('Enter');
  await eventually('link followed', async () => (await page.evaluate(() => location.hash)) === '#followed');
  assert.equal((await cardState(page)).open, false);

  // Stepping again, then a click elsewhere: Enter is the page's again.
  await page.locator('h1').click();
  await page.keyboard.press('Alt+Shift+N');
  await eventually('a current mention again', async () => (await highlightedTexts(page))['backstory-current']?.length);
  await page.mouse.click(5, 5);
  await eventually('stepping ended on click', async () => !(await highlightedTexts(page))['backstory-current']?.length);
  await page.keyboard.press('Enter');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal((await cardState(page)).open, false);
});

test('a mention inserted after load is marked and gets a card', async (t) => {
  const page = await t.open(ARTICLE);
  await marked(page);
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'inserted';
    p.textContent = 'Update: Abbas Araghchi said talks would continue.';
    document.getElementById('late')!.append(p);
  });
  await eventually('new mention marked', async () =>
    (await highlightedTexts(page))['backstory-person']?.includes('Abbas Araghchi'),
  );
  await restOn(page, await phraseBox(page, '#inserted', 'Abbas Araghchi'));
  await eventually('card for the new mention', async () => (await cardState(page)).title === 'Abbas Araghchi');
});

test("the page's MutationObserver sees nothing but the card host", async (t) => {
  const page = await t.open(ARTICLE);
  await marked(page);
  await restOn(page, await phraseBox(page, '#p1', 'Ishaq Dar'));
  await eventually('card open', async () => (await cardState(page)).open);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(200);
  const seen = await page.evaluate(
    () =>
      (window as unknown as { __mutations: { added?: string; removed?: string; attribute?: string; target: string }[] })
        .__mutations,
  );
  const foreign = seen.filter((m) => m.added !== 'BACKSTORY-CARD' && !(m.target === 'BACKSTORY-CARD'));
  assert.deepEqual(foreign, [], 'no mutation other than adding the card host');
  assert.ok(seen.some((m) => m.added === 'BACKSTORY-CARD'));
});

test('the card follows the page’s light or dark, not the OS’s (screenshots in .output/e2e for the README)', async (t) => {
  // Each page opened under the opposite OS setting: the card must follow the page.
  for (const [os, path, expected, file] of [
    ['dark', ARTICLE, 'light', '.output/e2e/card-light.png'],
    ['light', '/fixtures/article-dark.html', 'dark', '.output/e2e/card-dark.png'],
  ] as const) {
    const page = await t.open(path, { colorScheme: os });
    await marked(page);
    await restOn(page, await phraseBox(page, '#p1', 'Ali Larijani'));
    await eventually('card open', async () => (await cardState(page)).title === 'Ali Larijani');
    const [frame, text] = await page.evaluate(() => {
      const shadow = document.querySelector('backstory-card')!.shadowRoot!;
      return [
        getComputedStyle(shadow.querySelector('.bs-frame')!).backgroundColor,
        getComputedStyle(shadow.querySelector('.bs-name')!).color,
      ].map((css) => {
        const [r, g, b] = css.match(/[\d.]+/g)!.map(Number);
        return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
      });
    });
    const colours = { frame: frame!, text: text! };
    if (expected === 'dark')
      assert.ok(colours.frame < 0.3 && colours.text > 0.7, `dark card: ${JSON.stringify(colours)}`);
    else assert.ok(colours.frame > 0.9 && colours.text < 0.3, `light card: ${JSON.stringify(colours)}`);
    await page.waitForTimeout(200);
    await page.screenshot({ path: file });
  }
});

test('the card\'s "Show on timeline" and "Search" open the timeline and the search', async (t) => {
  const page = await t.open(ARTICLE);
  await marked(page);
  const probe = await t.popup();
  const contexts = (type: string) =>
    probe.evaluate(
      async (contextType) =>
        (await chrome.runtime.getContexts({ contextTypes: [contextType] })).map((c) => c.documentUrl ?? ''),
      type,
    );
  const pages = () => t.browser.context.pages().map((p) => p.url());
  // The panel takes a focus request out of storage once it has applied it: watch the
  // writes rather than read the key afterwards.
  await probe.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __focus: string[] }).__focus = seen;
    chrome.storage.onChanged.addListener((changes) => {
      const focus = changes.timelineFocus?.newValue as { entityId?: string } | undefined;
      if (focus?.entityId) seen.push(focus.entityId);
    });
  });
  try {
    await page.bringToFront();
    await restOn(page, await phraseBox(page, '#p1', 'Ali Larijani'));
    await eventually('card open', async () => (await cardState(page)).title === 'Ali Larijani');
    await page.locator('backstory-card').getByRole('button', { name: 'Show on timeline' }).click();
    // The side panel where the browser lets a page's click open it, else a timeline tab.
    await eventually(
      'the timeline opened',
      async () =>
        (await contexts('SIDE_PANEL')).some((u) => u.includes('sidepanel.html')) ||
        pages().some((u) => u.includes('sidepanel.html?entity=ali-larijani')),
    );
    await eventually('focus requested for Ali Larijani', () =>
      probe.evaluate(() => (window as unknown as { __focus: string[] }).__focus.includes('ali-larijani')),
    );

    await page.bringToFront();
    if (!(await cardState(page)).open) {
      await restOn(page, await phraseBox(page, '#p1', 'Ishaq Dar'));
      await eventually('card open', async () => (await cardState(page)).open);
    }
    const name = (await cardState(page)).title!;
    await page.locator('backstory-card').getByRole('button', { name: 'Search' }).click();
    const wanted = `q=${encodeURIComponent(name).replace(/%20/g, '+')}`;
    await eventually('the search opened with the name', async () =>
      [...(await contexts('POPUP')), ...pages()].some((u) => u.includes('popup.html') && u.includes(wanted)),
    );
  } finally {
    await probe.evaluate(async () => {
      await chrome.sidePanel.setOptions({ enabled: false });
      await chrome.sidePanel.setOptions({ enabled: true });
    });
    for (const p of t.browser.context.pages()) if (/sidepanel\.html|popup\.html\?/.test(p.url())) await p.close();
  }
});

test('a page opened scrolled down is marked where the reader is first', async (t) => {
  const names = ['Ali Larijani', 'Ishaq Dar', 'Asim Munir', 'Shehbaz Sharif', 'Abbas Araghchi'];
  const paragraphs = Array.from(
    { length: 4000 },
    (_, i) =>
      `<p id="p${i}">Paragraph ${i}: officials said ${names[i % names.length]} would travel again, and talks went on late into the night.</p>`,
  );
  t.server.route('/long.html', {
    body: `<!doctype html><html><head><meta charset="utf-8"><title>Long</title></head><body>${paragraphs.join('')}</body></html>`,
  });
  const page = await t.browser.context.newPage();
  try {
    // Watches, from the page, when a mark first appears in a paragraph near the top and
    // in the one the reader lands on. (A string: tsx's helpers don't exist in the page.)
    await page.addInitScript(`
      const seen = (window.__firstMarked = {});
      const timer = setInterval(() => {
        for (const id of ['p10', 'p3510']) {
          const el = document.getElementById(id);
          if (seen[id] || !el) continue;
          for (const [, h] of CSS.highlights) for (const r of h) if (el.contains(r.startContainer)) seen[id] = performance.now();
        }
        if (!seen.scrolled && scrollY > 0) seen.scrolled = performance.now();
        if (seen.p10 && seen.p3510) clearInterval(timer);
      }, 5);
    `);
    await page.goto(t.server.url('/long.html#p3500'));
    const probe = () =>
      page.evaluate(() => {
        const s = (window as unknown as { __firstMarked: Record<string, number> }).__firstMarked;
        const scan = performance.getEntriesByName('backstory:scan')[0];
        return s.p3510 && scan
          ? { p10: s.p10 ?? 0, p3510: s.p3510, scrolled: s.scrolled ?? 0, scanEnd: scan.startTime + scan.duration }
          : null;
      });
    const seen = await eventually('the first pass, and the paragraph on screen marked', probe, 20_000);
    const report = JSON.stringify(seen);
    // Marked as soon as the page scrolls there, long before the pass reaches it.
    assert.ok(seen.p3510 < seen.scanEnd, `on-screen paragraph marked before the first pass ended: ${report}`);
    // Marks are registered near the viewport (each change to the page makes the browser
    // redo every registered one): the top, read but far off screen, has none yet…
    assert.equal(seen.p10, 0, `no marks far off screen: ${report}`);
    // …and gets them when the reader goes there.
    await page.evaluate(() => window.scrollTo(0, 0));
    await eventually('the top of the page marked', async () => (await probe())?.p10, 5000);
  } finally {
    await page.close();
  }
});

test('a paragraph whose text changes keeps its place for "the nearest name before"', async (t) => {
  t.server.route('/sharifs.html', {
    body: `<!doctype html><html><head><meta charset="utf-8"><title>Sharifs</title></head><body>
      <p id="a">Nawaz Sharif addressed the rally in Lahore on Sunday.</p>
      <p id="b">Sharif said the party would contest every seat.</p>
      <p id="c">Prime Minister Shehbaz Sharif later met Ishaq Dar.</p></body></html>`,
  });
  const page = await t.open('/sharifs.html');
  const inB = () => highlightsInside(page, '#b');
  await eventually('the article read', async () =>
    (await highlightedTexts(page))['backstory-person']?.includes('Ishaq Dar'),
  );
  assert.equal(await inB(), 0, 'a bare "Sharif" after Nawaz Sharif is not linked to Shehbaz Sharif');
  // A live update rewrites the paragraph: it is read again, in its place on the page.
  await page.evaluate(() => {
    document.querySelector('#b')!.firstChild!.nodeValue = 'Sharif said the party would contest every seat in Punjab.';
  });
  await page.waitForTimeout(400);
  assert.equal(await inB(), 0, 'still not linked once the paragraph changed');
});

test('touch, on a phone-sized screen: a tap on a mention opens its card as a bottom sheet; a tap elsewhere closes it', async (t) => {
  const page = await t.open(ARTICLE);
  // A phone: narrow viewport, touch input. Taps go through Chrome's own gesture detection,
  // so the page sees pointer events of type "touch" and then a click, as on a device.
  const cdp = await page.context().newCDPSession(page);
  const viewport = { width: 390, height: 780 };
  await cdp.send('Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor: 2, mobile: true });
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  const tap = async (x: number, y: number) => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  };
  await marked(page);
  await page.evaluate(() => document.querySelector('#p1')!.scrollIntoView({ block: 'start' }));
  const mention = await phraseBox(page, '#p1', 'Ishaq Dar');
  await tap(mention.x + mention.width / 2, mention.y + mention.height / 2);
  const card = await eventually('card open after a tap', async () => {
    const s = await cardState(page);
    return s.open && s.title && s.box ? s : null;
  });
  assert.equal(card.title, 'Ishaq Dar');
  await cardSettled(page);
  const sheet = (await cardState(page)).box!;
  assert.ok(
    Math.abs(sheet.x) <= 1 && Math.abs(sheet.width - viewport.width) <= 1,
    `full width: ${JSON.stringify(sheet)}`,
  );
  assert.ok(Math.abs(sheet.y + sheet.height - viewport.height) <= 1, `docked at the bottom: ${JSON.stringify(sheet)}`);
  assert.ok(
    sheet.height <= viewport.height * SHEET_MAX_SHARE + 1,
    `leaves the text above it visible: ${sheet.height}px`,
  );

  // A tap on the page above the sheet, in the margin beside the text, closes it.
  await tap(6, 40);
  await eventually('card closed after a tap elsewhere', async () => !(await cardState(page)).open);
});

test('touch, pinch-zoomed in: the card opens in the part of the page on screen, at its usual size', async (t) => {
  const page = await t.open(ARTICLE);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 390, height: 780, deviceScaleFactor: 2, mobile: true });
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  await marked(page);
  await page.evaluate(() => document.querySelector('#p2')!.scrollIntoView({ block: 'start' }));
  // The reader spreads two fingers: 2.5× over the top left of the layout viewport.
  await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2.5 });
  const seen = await eventually('pinch applied', () =>
    page.evaluate(() => {
      const vv = visualViewport!;
      return vv.scale === 2.5 ? { left: vv.offsetLeft, top: vv.offsetTop, width: vv.width, height: vv.height } : null;
    }),
  );
  const mention = await phraseBox(page, '#p2', 'Mr Larijani');
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchStart',
    touchPoints: [{ x: mention.x + mention.width / 2, y: mention.y + mention.height / 2 }],
  });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await eventually('card open after a tap', async () => (await cardState(page)).open);
  await cardSettled(page);
  const card = await cardState(page);
  assert.equal(card.title, 'Ali Larijani');
  const box = card.box!;
  const near = (a: number, b: number) => Math.abs(a - b) <= 1;
  // Box in layout pixels: the sheet spans exactly what is on screen, docked at its bottom.
  assert.ok(
    near(box.x, seen.left) && near(box.width, seen.width),
    `spans the visible width: ${JSON.stringify({ box, seen })}`,
  );
  assert.ok(
    near(box.y + box.height, seen.top + seen.height),
    `docked at the visible bottom: ${JSON.stringify({ box, seen })}`,
  );
  // On screen it is as large as unzoomed: 60% of the screen's height at most, not 60% of 2.5×.
  assert.ok(box.height * 2.5 <= 780 * SHEET_MAX_SHARE + 2, `screen height ${box.height * 2.5}px`);
});

test('an event phrase holds the name inside it: the name gives the person, the rest of the phrase the event', async (t) => {
  const page = await t.open('/fixtures/article-event.html');
  const h = await eventually('phrase marked', async () => {
    const marks = await highlightedTexts(page);
    return marks['backstory-event']?.length ? marks : null;
  });
  assert.deepEqual(h['backstory-event'], ["Soleimani's killing"]);
  assert.deepEqual(h['backstory-person'], ['Soleimani']);
  const cardFor = async (phrase: string) => {
    await page.mouse.move(5, 5);
    await eventually('card closed', async () => !(await cardState(page)).open);
    await restOn(page, await phraseBox(page, '#phrase', phrase));
    return eventually(`card for "${phrase}"`, async () => (await cardState(page)).title);
  };
  assert.equal(await cardFor('Soleimani'), 'Qasem Soleimani');
  assert.equal(await cardFor('killing'), 'Killing of Qasem Soleimani');
});
