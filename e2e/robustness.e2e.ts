/**
 * Robustness and security (issue 9): hostile pages, huge pages, live pages and bad
 * input. Every page test asserts the same four things:
 *   - nothing logs an error (the page's own console included: fixtures are clean, so any
 *     error there is ours) and no request leaves the browser (the runner checks that);
 *   - the page's DOM is as it was, apart from the one <backstory-card> host: a
 *     serialisation taken at DOMContentLoaded, before the content script runs
 *     (document_end runs after DOMContentLoaded's listeners), is compared with one taken
 *     at the end, open shadow roots included, and a MutationObserver started at the same
 *     moment must have seen nothing else;
 *   - the main thread was never blocked for long once the page had loaded: no long task
 *     over 200 ms after the page's first frame, other than this file's own probes; on the
 *     heavy pages a CPU profile also gives Backstory's own time and longest run;
 *   - the mentions that should be marked are, and hovering one opens the right card.
 * The probe goes in with page.addInitScript, which runs in every frame before the page's
 * own scripts and is not subject to the page's CSP.
 */
import type { ConsoleMessage, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { openExtensionPage } from './harness/chromium';
import { assert, eventually } from './harness/assert';
import { test, type E2E } from './harness/runner';
import { digestOf } from './harness/tabs';
import { TIMING } from '../adapters/page/timing';
import { COMPILE_HINT, COMPILED_ON_LOAD } from '../scripts/compile-hints';
import {
  SHOTS,
  routes,
  openProbed,
  inPage,
  assertUnharmed,
  allMarks,
  marksWithin,
  cardIn,
  hoverCard,
  closeCard,
  waitForMarks,
  assertOnScreen,
  fixture,
  openProfiled,
  profileContentScript,
} from './harness/robustness-probes';
import { hundredThousandNodes, fiveMegabyteText, scanMeasure, assertSliced } from './harness/robustness-pages';

// 1. Strict Content-Security-Policy

const STRICT_CSP =
  "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; " +
  "require-trusted-types-for 'script'; trusted-types 'none'";

test('robustness: a page with a strict CSP (default-src none, Trusted Types) is marked and explained', async (t) => {
  t.server.route('/hostile/csp', { body: fixture('csp.html'), headers: { 'content-security-policy': STRICT_CSP } });
  const probed = await openProbed(t, '/hostile/csp');
  const { page } = probed;
  const main = page.mainFrame();
  await waitForMarks(main, ['Ali Larijani', 'Ishaq Dar', 'Field Marshal Asim Munir', 'killing of Qasem Soleimani']);
  const card = await hoverCard(page, main, '#p1', 'Ishaq Dar', 'Ishaq Dar');
  assertOnScreen(card, 'CSP page');
  assert.match(card.text, /Show on timeline/);
  // The card is styled (its sheet is a constructed one, which CSP does not govern).
  const radius = await page.evaluate(
    () =>
      getComputedStyle(document.querySelector('backstory-card')!.shadowRoot!.querySelector('.bs-frame')!)
        .borderTopLeftRadius,
  );
  assert.equal(radius, '12px', 'card styles apply under the CSP');
  await closeCard(page, main);
  await assertUnharmed(probed);
});

// ---------------------------------------------------------------------------------
// 2. Huge pages: 100,000 nodes; one 5 MB text node

test('robustness: a page of 100,000 nodes is read in short slices, top first, and all of it', async (t) => {
  const { html, named } = hundredThousandNodes();
  const { probed, stopProfile } = await openProfiled(t, '/hostile/100k', html);
  const { page } = probed;
  const main = page.mainFrame();
  const nodes = await inPage(
    main,
    () => {
      let n = 0;
      const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
      while (walker.nextNode()) n++;
      return n;
    },
    undefined,
  );
  assert.ok(nodes >= 100_000, `page has ${nodes} nodes`);
  const started = Date.now();
  await waitForMarks(main, ['Ali Larijani'], 3000);
  const firstMs = Date.now() - started;
  // Marks are registered near the viewport: each named row is marked once the reader gets there.
  await eventually('the first pass', () => scanMeasure(page), 20_000);
  for (const [row, name] of named) {
    await page.locator(`#r${row}`).scrollIntoViewIfNeeded();
    await waitForMarks(main, [name], 5000);
  }
  const allMs = Date.now() - started;
  await hoverCard(page, main, '#r12499', 'Shehbaz Sharif', 'Shehbaz Sharif');
  await closeCard(page, main);
  const time = await stopProfile();
  const verdict = await assertUnharmed(probed);
  const scan = await scanMeasure(page);
  assertSliced(scan);
  console.log(
    `    100k nodes: ${nodes} nodes, top marked after ~${firstMs} ms, every named row marked on reaching it after ~${allMs} ms; ` +
      `Backstory ran ${Math.round(time.oursMs)} ms, longest run ${Math.round(time.longestMs)} ms; ` +
      `${verdict.longTasks} long tasks after load, longest ${Math.round(verdict.longestTask)} ms` +
      (scan
        ? `; scan: ${Math.round(scan.busyMs)} ms busy in ${scan.slices} slices, longest ${scan.longestSliceMs.toFixed(1)} ms`
        : ''),
  );
});

test('robustness: a single 5 MB text node is marked completely without a long task', async (t) => {
  const { html, names } = fiveMegabyteText();
  const { probed, stopProfile } = await openProfiled(t, '/hostile/5mb', html);
  const { page } = probed;
  const main = page.mainFrame();
  const shape = await inPage(
    main,
    () => {
      const p = document.getElementById('big')!;
      return { nodes: p.childNodes.length, length: (p.firstChild as Text).data.length };
    },
    undefined,
  );
  assert.equal(shape.nodes, 1, 'one text node');
  assert.ok(shape.length >= 5_000_000, `${shape.length} characters`);
  const started = Date.now();
  const marks = await eventually(
    'every name in the 5 MB node marked',
    async () => {
      const m = await allMarks(main);
      return m.length >= names.length ? m : null;
    },
    30_000,
  );
  const allMs = Date.now() - started;
  // Exactly the names, once each: none lost and none doubled where the text was split.
  assert.equal(marks.length, names.length, `${marks.length} marks for ${names.length} names`);
  assert.deepEqual([...marks].sort(), [...names].sort());
  await hoverCard(page, main, '#big', 'Ishaq Dar', 'Ishaq Dar');
  await closeCard(page, main);
  const time = await stopProfile();
  const verdict = await assertUnharmed(probed);
  const scan = await scanMeasure(page);
  assertSliced(scan);
  console.log(
    `    5 MB node: ${names.length} names marked after ~${allMs} ms; Backstory ran ${Math.round(time.oursMs)} ms, ` +
      `longest run ${Math.round(time.longestMs)} ms; ${verdict.longTasks} long tasks after load, ` +
      `longest ${Math.round(verdict.longestTask)} ms` +
      (scan
        ? `; scan: ${Math.round(scan.busyMs)} ms busy in ${scan.slices} slices, longest ${scan.longestSliceMs.toFixed(1)} ms`
        : ''),
  );
});

// ---------------------------------------------------------------------------------
// 3. A live page that never stops changing

/**
 * How long the ticker runs. The issue asks for 30 s: the bounded share must hold for the
 * whole run, not just a burst, and 30 s is ~3,000 insertions and ~2,700 removals.
 */
const TICKER_MS = 30_000;

async function setSettings(t: E2E, value: unknown): Promise<void> {
  const ext = await openExtensionPage(t.browser, 'popup.html');
  try {
    await ext.evaluate((v) => chrome.storage.local.set({ settings: v }), value);
  } finally {
    await ext.close();
  }
}

/** Named ticker items at least `ageMs` old that have no mark, and how many ranges are marked. */
async function tickerMarks(page: Page, ageMs: number): Promise<{ named: number; unmarked: string[]; ranges: number }> {
  return inPage(
    page.mainFrame(),
    (age) => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
      const markedItems = new Set<Element>();
      let ranges = 0;
      for (const [name, highlight] of registry) {
        if (name === 'backstory-current') continue;
        for (const r of highlight) {
          ranges++;
          const li = r.startContainer.parentElement?.closest('li');
          if (li) markedItems.add(li);
        }
      }
      const now = performance.now();
      const named = [...document.querySelectorAll<HTMLLIElement>('#ticker li[data-named]')];
      // Marks are registered for what the reader can see (and a screen around it): the
      // ticker clips the items it pushes below its box, so those are not.
      const bottom = document.getElementById('ticker')!.getBoundingClientRect().bottom;
      const old = named.filter((li) => now - Number(li.dataset.at) >= age && li.getBoundingClientRect().top < bottom);
      return { named: named.length, unmarked: old.filter((li) => !markedItems.has(li)).map((li) => li.id), ranges };
    },
    ageMs,
  );
}

test('robustness: a ticker inserting a node every 10 ms for 30 s: bounded share, new mentions marked', async (t) => {
  const probed = await openProbed(t, '/fixtures/hostile/ticker.html');
  const { page } = probed;
  await waitForMarks(page.mainFrame(), ['Ishaq Dar']);
  const samples: { named: number; unmarked: string[]; ranges: number }[] = [];
  const ticksBefore = await page.evaluate(() => (window as unknown as { ticker: { count: number } }).ticker.count);
  const stopProfile = await profileContentScript(t, page);
  const started = Date.now();
  while (Date.now() - started < TICKER_MS) {
    await page.waitForTimeout(3000);
    samples.push(await tickerMarks(page, 1000));
  }
  const time = await stopProfile();
  const ticks =
    (await page.evaluate(() => (window as unknown as { ticker: { count: number } }).ticker.count)) - ticksBefore;
  await page.evaluate(() => (window as unknown as { ticker: { stop(): void } }).ticker.stop());
  for (const [i, s] of samples.entries()) {
    // Every named item in view that has been on the page for a second is marked by now.
    assert.deepEqual(s.unmarked, [], `sample ${i + 1}: every named item in view older than 1 s is marked`);
    // Items that left the page leave no marks behind: at most one per named item, plus the lede.
    assert.ok(s.ranges <= s.named + 1, `sample ${i + 1}: ${s.ranges} marks for ${s.named} named items on the page`);
  }
  const verdict = await assertUnharmed(probed, {
    snapshot: false,
    pageMutations: [/^childList( \+LI#t\d+)?( -LI#t\d+)? @UL#ticker$/],
  });
  const share = time.oursMs / time.wallMs;
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  console.log(
    `    ticker: ${ticks} insertions (of ${TICKER_MS / 10} scheduled) in ${(time.wallMs / 1000).toFixed(1)} s; ` +
      `Backstory ran ${Math.round(time.oursMs)} ms: ${pct(share)} of the main thread, longest run ${Math.round(time.longestMs)} ms; ` +
      `${verdict.longTasks} long tasks, longest ${Math.round(verdict.longestTask)} ms`,
  );
  assert.ok(share <= TIMING.maxMainThreadShare, `Backstory's share ${pct(share)} ≤ ${pct(TIMING.maxMainThreadShare)}`);
  // The page kept its pace: its own 10 ms timer was not starved.
  assert.ok(ticks >= (TICKER_MS / 10) * 0.8, `${ticks} insertions`);
});

// ---------------------------------------------------------------------------------
// 4. CSS that fights back

test('robustness: a page whose CSS fights back still gets a card on top, on screen and readable', async (t) => {
  const probed = await openProbed(t, '/fixtures/hostile/css-war.html');
  const { page } = probed;
  const main = page.mainFrame();
  await waitForMarks(main, ['Ali Larijani', 'Ishaq Dar', 'Asim Munir', 'Qasem Soleimani', 'Shehbaz Sharif']);
  await mkdir(SHOTS, { recursive: true });
  const cases = [
    { scope: '#p1', phrase: 'Ishaq Dar', title: 'Ishaq Dar', what: 'inside a clipped, transformed, zoomed box' },
    { scope: '#rtl', phrase: 'Asim Munir', title: 'Asim Munir', what: 'in right-to-left text' },
    {
      scope: '#bottom',
      phrase: 'Shehbaz Sharif',
      title: 'Shehbaz Sharif',
      what: 'near the bottom, beside a max z-index banner',
    },
  ];
  for (const c of cases) {
    if (c.scope === '#bottom')
      await page.evaluate(() => document.getElementById('bottom')!.scrollIntoView({ block: 'end' }));
    const card = await hoverCard(page, main, c.scope, c.phrase, c.title);
    await page.waitForTimeout(250); // the opening animation
    const settled = await cardIn(main);
    assertOnScreen(settled, c.what);
    // On top of everything: the topmost element at the card's centre and corners is the card.
    const b = settled.box!;
    const points = [
      [b.x + b.width / 2, b.y + b.height / 2],
      [b.x + 8, b.y + 8],
      [b.x + b.width - 8, b.y + b.height - 8],
    ];
    for (const [x, y] of points) {
      const top = await page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.localName ?? null, [x, y]);
      assert.equal(top, 'backstory-card', `${c.what}: the card is topmost at (${Math.round(x!)}, ${Math.round(y!)})`);
    }
    // Readable: the page's font-size, zoom and `all: unset` do not reach the card's text.
    const look = await page.evaluate(() => {
      const shadow = document.querySelector('backstory-card')!.shadowRoot!;
      const h2 = getComputedStyle(shadow.querySelector('h2')!);
      const frame = getComputedStyle(shadow.querySelector('.bs-frame')!);
      return {
        size: parseFloat(h2.fontSize),
        color: h2.color,
        background: frame.backgroundColor,
        zoom: getComputedStyle(document.querySelector('backstory-card')!).zoom,
      };
    });
    assert.ok(look.size >= 14 && look.size <= 32, `${c.what}: heading ${look.size}px`);
    assert.notEqual(look.background, 'rgba(0, 0, 0, 0)', `${c.what}: the card has its own background`);
    assert.equal(card.title, c.title);
    await page.screenshot({ path: `${SHOTS}/hostile-css-${c.scope.slice(1)}.png` });
    await closeCard(page, main);
  }
  await assertUnharmed(probed);
});

test('robustness: a page that takes the <backstory-card> tag and breaks DOM built-ins for its scripts', async (t) => {
  const probed = await openProbed(t, '/fixtures/hostile/squatter.html');
  const { page } = probed;
  const main = page.mainFrame();
  // MutationObserver, Highlight, CSS.highlights.set, setTimeout and requestAnimationFrame
  // throw in the page's world: Backstory's isolated world keeps its own.
  await waitForMarks(main, ['Ali Larijani', 'Ishaq Dar']);
  const card = await hoverCard(page, main, '#p1', 'Ishaq Dar', 'Ishaq Dar');
  assertOnScreen(card, 'squatted tag');
  const radius = await page.evaluate(
    () =>
      getComputedStyle(document.querySelector('backstory-card')!.shadowRoot!.querySelector('.bs-frame')!)
        .borderTopLeftRadius,
  );
  assert.equal(radius, '12px', "the card is Backstory's, styled, not the page's element");
  await closeCard(page, main);
  // The one error is the page's own constructor failing on Backstory's host, which
  // already has its shadow root when it enters the page.
  assert.equal(probed.errors.length, 1, probed.errors.join('\n'));
  await assertUnharmed(probed, { pageErrors: /^uncaught: NotSupportedError: .*attachShadow[\s\S]*squatter\.html/ });
});

// ---------------------------------------------------------------------------------
// 5. Shadow roots and frames; text that is not prose

test('robustness: mentions in open shadow roots and same-origin frames are marked and explained', async (t) => {
  const probed = await openProbed(t, '/fixtures/hostile/shadow-frames.html');
  const { page } = probed;
  const main = page.mainFrame();
  await waitForMarks(main, ['Ali Larijani', 'Asim Munir', 'Ishaq Dar', 'Shehbaz Sharif']);
  assert.deepEqual(await marksWithin(main, '#declarative'), ['Asim Munir'], 'declarative shadow root');
  assert.deepEqual(await marksWithin(main, '#scripted >>> #quote'), ['Ishaq Dar'], 'scripted shadow root');
  assert.deepEqual(
    await marksWithin(main, '#scripted >>> #nested-host >>> #nested'),
    ['Shehbaz Sharif'],
    'nested shadow root',
  );
  await hoverCard(page, main, '#declarative >>> #dsd', 'Asim Munir', 'Asim Munir');
  await closeCard(page, main);
  await hoverCard(page, main, '#scripted >>> #nested-host >>> #nested', 'Shehbaz Sharif', 'Shehbaz Sharif');
  await closeCard(page, main);

  const same = page.frames().find((f) => f.url().endsWith('/fixtures/hostile/frame.html'))!;
  const srcdoc = page.frames().find((f) => f.url() === 'about:srcdoc')!;
  assert.ok(same && srcdoc, 'both frames loaded');
  await waitForMarks(same, ['Shehbaz Sharif', 'Ishaq Dar']);
  assert.deepEqual(await marksWithin(same, '#framed'), ['Shehbaz Sharif', 'Ishaq Dar'], 'same-origin frame');
  await hoverCard(page, same, '#framed', 'Ishaq Dar', 'Ishaq Dar');
  await closeCard(page, same);
  await waitForMarks(srcdoc, ['Qasem Soleimani']);
  await hoverCard(page, srcdoc, '#inner', 'Qasem Soleimani', 'Qasem Soleimani');
  await closeCard(page, srcdoc);

  // Not prose: form fields, editors and code are never marked, in any tree.
  for (const scope of [
    '#comment',
    '#field',
    '#editor',
    '#plaintext-editor',
    '#code',
    '#declarative >>> #dsd-comment',
  ]) {
    assert.deepEqual(await marksWithin(main, scope), [], `${scope} has no marks`);
  }
  assert.deepEqual(await marksWithin(same, '#frame-comment'), [], 'textarea in the frame');
  assert.deepEqual(await marksWithin(same, '#frame-editor'), [], 'editor in the frame');
  assert.deepEqual(await marksWithin(srcdoc, '#inner-code'), [], 'code in the srcdoc frame');
  await assertUnharmed(probed, { frames: [main, same, srcdoc] });
});

// ---------------------------------------------------------------------------------
// 6. Names split across inline tags

test('robustness: names split across inline tags are marked whole and explained from either part', async (t) => {
  const probed = await openProbed(t, '/fixtures/hostile/split.html');
  const { page } = probed;
  const main = page.mainFrame();
  const marks = await waitForMarks(main, ['Asim Munir', 'Operation Sindoor', 'Ali Larijani', 'Qasem\u00a0Soleimani']);
  assert.deepEqual(await marksWithin(main, '#s4'), [], 'a name split across two blocks is two words, not a mention');
  assert.ok(!marks.includes('Ishaq') && !marks.includes('Dar'));
  await hoverCard(page, main, '#s1', 'Asim', 'Asim Munir');
  await closeCard(page, main);
  await hoverCard(page, main, '#s1', 'Munir', 'Asim Munir');
  await closeCard(page, main);
  await hoverCard(page, main, '#s1', 'Sindoor', 'Operation Sindoor');
  await closeCard(page, main);
  await hoverCard(page, main, '#s2', 'jani', 'Ali Larijani');
  await closeCard(page, main);
  await assertUnharmed(probed);
});

// ---------------------------------------------------------------------------------
// 7. A single-page app

test('robustness: a single-page app swapping articles through the History API', async (t) => {
  const probed = await openProbed(t, '/fixtures/hostile/spa.html');
  const { page } = probed;
  const main = page.mainFrame();
  await waitForMarks(main, ['Ali Larijani', 'Ishaq Dar', 'Mr Larijani']);
  const before = (await digestOf(t.browser, page)).digest;
  assert.deepEqual(before.entities.map((e) => [e.id, e.count]).sort(), [
    ['ali-larijani', 2],
    ['ishaq-dar', 1],
  ]);

  await page.click('a[data-story="two"]');
  await eventually('URL changed without a load', async () => page.url().endsWith('?story=two'));
  const after = await waitForMarks(main, ['Shehbaz Sharif', 'Strategic Mutual Defence Agreement', 'Asim Munir']);
  await eventually('old marks gone', async () => {
    const now = await allMarks(main);
    return now.length === 3 && !now.some((m) => /Larijani|Ishaq/.test(m));
  });
  assert.equal(after.length >= 3, true);
  const digest = await eventually('digest of the new article', async () => {
    const d = (await digestOf(t.browser, page)).digest;
    return d.entities.length === 3 ? d : null;
  });
  assert.deepEqual(digest.entities.map((e) => [e.id, e.count]).sort(), [
    ['asim-munir', 1],
    ['pakistan-saudi-defence-pact', 1],
    ['shehbaz-sharif', 1],
  ]);
  assert.ok(digest.url.endsWith('?story=two'));
  await hoverCard(page, main, '#two-p2', 'Asim Munir', 'Asim Munir');
  await closeCard(page, main);

  await page.goBack();
  await eventually('back to the first story', async () => {
    const now = await allMarks(main);
    return now.length === 3 && now.includes('Ali Larijani') && !now.includes('Asim Munir');
  });
  await hoverCard(page, main, '#one-p1', 'Ishaq Dar', 'Ishaq Dar');
  await closeCard(page, main);
  await assertUnharmed(probed, {
    snapshot: false,
    pageMutations: [
      /^childList \+ARTICLE#story-\w+ -ARTICLE#story-\w+ @MAIN#app$/,
      /^childList \+#text -#text @TITLE$/,
    ],
  });
});

// ---------------------------------------------------------------------------------
// 8. Security: page text stays text; the manifest asks for little

test('robustness: markup written as text next to a name stays inert text', async (t) => {
  const probed = await openProbed(t, '/fixtures/hostile/inert.html');
  const { page } = probed;
  const main = page.mainFrame();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await waitForMarks(main, ['Ali Larijani', 'Ishaq Dar', 'Asim Munir']);
  await hoverCard(page, main, '#c1', 'Ali Larijani', 'Ali Larijani');
  await closeCard(page, main);
  await hoverCard(page, main, '#c2', 'Ishaq Dar', 'Ishaq Dar');
  const card = await cardIn(main);
  assert.ok(!/onerror|<img|<script/i.test(card.text), 'page text never reaches the card');
  await closeCard(page, main);
  await hoverCard(page, main, '#c3', 'Asim Munir', 'Asim Munir');
  await closeCard(page, main);
  const elements = await page.evaluate(() => ({
    img: document.querySelectorAll('img, svg, iframe, script:not([src])').length,
    text: document.getElementById('c1')!.textContent,
  }));
  assert.equal(elements.img, 0, 'no element was made from the text');
  assert.equal(elements.text, 'Ali Larijani <img src=x onerror=alert(1)> said the talks went well.');
  await page.waitForTimeout(200);
  assert.deepEqual(dialogs, [], 'no script ran');
  await assertUnharmed(probed);
});

interface BuiltManifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: { extension_pages?: string; sandbox?: string } | string;
  content_scripts?: { matches: string[]; all_frames?: boolean; match_about_blank?: boolean }[];
  web_accessible_resources?: unknown[];
  externally_connectable?: unknown;
}

test('robustness: the built manifest asks only for storage and sidePanel, with a strict extension-page CSP', async (t) => {
  const built = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8')) as BuiltManifest;
  // The bundles that run all their code once loaded carry V8's compile hint on their first
  // line (scripts/compile-hints.ts); the content script, which every page loads, does not.
  const firstLine = (file: string) => readFileSync(`.output/chrome-mv3/${file}`, 'utf8').split('\n', 1)[0];
  for (const file of COMPILED_ON_LOAD) assert.equal(firstLine(file), COMPILE_HINT, `${file}: compile hint`);
  assert.notEqual(firstLine('content-scripts/content.js'), COMPILE_HINT, 'content script: no compile hint');
  const page = await t.popup();
  const loaded = (await page.evaluate(() => chrome.runtime.getManifest())) as unknown as BuiltManifest;
  for (const [what, m] of [
    ['built', built],
    ['loaded', loaded],
  ] as const) {
    assert.equal(m.manifest_version, 3);
    // The README's two: storage (switches) and sidePanel (the timeline). No tabs, no scripting, no hosts.
    assert.deepEqual([...(m.permissions ?? [])].sort(), ['sidePanel', 'storage'], `${what}: permissions`);
    assert.deepEqual(m.host_permissions ?? [], [], `${what}: no host permissions beyond the content script's matches`);
    assert.deepEqual(m.optional_permissions ?? [], [], `${what}: no optional permissions`);
    assert.deepEqual(m.optional_host_permissions ?? [], [], `${what}: no optional host permissions`);
    assert.equal(m.externally_connectable, undefined, `${what}: no page or extension may message Backstory`);
    // Six files are reachable from pages: the matcher table and the engine and scanner the
    // content script loads when it first reads a page (or the table of names in the regional
    // scripts, for pages written in them), the card UI it loads on the first hover, and the
    // event phrases and the main-article finder it loads once a page mentions something,
    // under a per-session URL, so a page cannot probe for Backstory by a fixed one.
    assert.deepEqual(
      m.web_accessible_resources ?? [],
      [
        {
          resources: [
            'page-table.js',
            'page-scanning.js',
            'card-ui.js',
            'event-phrases.js',
            'main-article.js',
            'native-table.js',
          ],
          matches: ['http://*/*', 'https://*/*'],
          use_dynamic_url: true,
        },
      ],
      `${what}: only the tables, the scanner, the card UI, the event phrases and the article finder are web-accessible, under a dynamic URL`,
    );
    for (const cs of m.content_scripts ?? []) assert.deepEqual([...cs.matches].sort(), ['http://*/*', 'https://*/*']);
    const csp = typeof m.content_security_policy === 'object' ? m.content_security_policy.extension_pages : undefined;
    // MV3's default is already strict; an explicit policy must be at least as strict.
    if (csp !== undefined) {
      const directives = Object.fromEntries(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map((d) => [d[0], d.slice(1)]),
      );
      assert.deepEqual(directives['script-src'], ["'self'"], `${what}: script-src 'self' only`);
      assert.ok(
        ["'self'", "'none'"].includes(directives['object-src']?.join(' ') ?? ''),
        `${what}: object-src 'self' or 'none'`,
      );
    }
  }
  // The policy the browser enforces: an inline script in an extension page does not run.
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
    await new Promise((r) => setTimeout(r, 50));
    s.remove();
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  assert.equal(ran, false, 'inline script blocked in extension pages');
  // A page cannot find Backstory by fetching the card UI at the extension's fixed URL.
  const site = await t.open('/fixtures/plain.html');
  const probed = await site.evaluate(async (url) => {
    try {
      await fetch(url);
      return 'loaded';
    } catch {
      return 'refused';
    }
  }, `chrome-extension://${t.browser.extensionId}/card-ui.js`);
  assert.equal(probed, 'refused', 'the card UI is not reachable at a fixed URL');
  const firefox = '.output/firefox-mv2/manifest.json';
  try {
    const fx = JSON.parse(readFileSync(firefox, 'utf8')) as BuiltManifest;
    const perms = [...(fx.permissions ?? [])].sort();
    assert.ok(
      perms.every((p) => p === 'storage'),
      `firefox: only storage (${perms.join(', ')})`,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
});

// ---------------------------------------------------------------------------------
// 9. Bad input: corrupt settings

test('robustness: corrupt settings in storage fall back to defaults, are repaired, and marks appear', async (t) => {
  const garbage = [
    'not an object',
    { enabled: 'yes', disabledSites: '127.0.0.1', theme: { dark: true } },
    { version: 0, sites: { '127.0.0.1': false } },
    [1, 2, 3],
    null,
  ];
  try {
    for (const value of garbage) {
      routes(t);
      const page = await t.open('/hostile/blank');
      // From any page: whichever content script loads the settings first repairs them, and
      // in the full suite another test's page may be the one (this page then reads them sound).
      const warnings: string[] = [];
      const onConsole = (m: ConsoleMessage) => void (m.type() === 'warning' && warnings.push(m.text()));
      page.context().on('console', onConsole);
      // Written while a page is open (its content script only reads changes), then a load.
      await setSettings(t, value);
      await page.goto(t.server.url('/fixtures/hostile/settings.html'));
      await waitForMarks(page.mainFrame(), ['Ali Larijani', 'Ishaq Dar']);
      const stored = await eventually('settings repaired in storage', async () => {
        const ext = await openExtensionPage(t.browser, 'popup.html');
        try {
          const s = (await ext.evaluate(() => chrome.storage.local.get('settings'))).settings as Record<
            string,
            unknown
          >;
          return s && typeof s === 'object' && typeof s.enabled === 'boolean' ? s : null;
        } finally {
          await ext.close();
        }
      });
      assert.deepEqual(
        stored,
        { enabled: true, disabledSites: [], marks: 'first', muted: [] },
        `${JSON.stringify(value)} repaired to the defaults`,
      );
      // Said as a warning (the runner fails the test on any error of ours).
      assert.ok(
        warnings.some((w) => w.startsWith('Backstory: stored settings were repaired (settings')),
        `a console warning names the problem (${JSON.stringify(warnings)})`,
      );
      page.context().off('console', onConsole);
      await page.close();
    }
  } finally {
    await setSettings(t, { enabled: true, disabledSites: [] });
  }
});
