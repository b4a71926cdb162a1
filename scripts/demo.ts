/**
 * The main job: builds the extension, opens Debian's Chromium on the bundled demo
 * article with Backstory loaded, and shows it working. With a display, the browser
 * stays open for you to try (close it to finish). Without one, it runs headless: marks
 * the article, hovers a mention, and saves screenshots of the page, the hover card, the
 * popup and the side panel to .output/demo/.
 * Usage: npm run demo [-- --no-build]
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension, openExtensionPage } from '../e2e/harness/chromium';
import { eventually } from '../e2e/harness/assert';
import { startFixtureServer } from '../e2e/harness/fixture-server';
import { cardState, highlightedTexts, phraseBox, restOn } from '../e2e/harness/page-probes';
import { digestOf } from '../e2e/harness/tabs';

const OUT = resolve('.output/demo');
const ARTICLE = '/demo/article.html';
/** The same corpus read with an archived article: the card as of January 2020. */
const ARCHIVE = '/demo/archive-2020.html';
const HOVER = { selector: 'article p:nth-of-type(4)', phrase: 'Ali Larijani' };
/** The same corpus on an Urdu page, right to left. */
const URDU = '/demo/urdu.html';

if (!process.argv.includes('--no-build')) {
  execSync('npm run --silent corpus:build && npx wxt build', { stdio: 'inherit' });
}
const headless = !process.env.DISPLAY || process.argv.includes('--headless');
mkdirSync(OUT, { recursive: true });

const server = await startFixtureServer();
const browser = await launchWithExtension({
  allowedOrigins: [server.origin],
  headless,
  viewport: { width: 1280, height: 860 },
});

/** Opens a fixture page and waits until it has marked people. */
async function openMarked(path: string, what: string) {
  const page = await browser.context.newPage();
  await page.goto(server.url(path));
  await eventually(what, async () => ((await highlightedTexts(page))['backstory-person']?.length ?? 0) > 0, 10_000);
  return page;
}

try {
  const page = await openMarked(ARTICLE, 'the article marked');
  await page.waitForTimeout(300);
  const { tabId, digest } = await digestOf(browser, page);
  const mentions = digest.entities.reduce((n, e) => n + e.count, 0);

  if (!headless) {
    const urdu = await browser.context.newPage();
    await urdu.goto(server.url(URDU));
    await page.bringToFront();
    console.log(
      `demo: ${mentions} mentions of ${digest.entities.length} entities — hover a name (an Urdu page is open in the next tab); close the browser to finish`,
    );
    await new Promise<void>((done) => browser.context.on('close', () => done()));
  } else {
    await page.screenshot({ path: `${OUT}/page.png` });
    const intro = await phraseBox(page, 'article', HOVER.phrase);
    await restOn(page, intro);
    await eventually('the hover card', async () => (await cardState(page)).title === HOVER.phrase, 5_000);
    await page.waitForTimeout(250);
    await page.screenshot({ path: `${OUT}/hover-card.png` });

    const popup = await openExtensionPage(browser, `popup.html?tab=${tabId}`);
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.waitForTimeout(600);
    await popup.screenshot({ path: `${OUT}/popup.png` });

    const panel = await openExtensionPage(browser, `sidepanel.html?tab=${tabId}`);
    await panel.setViewportSize({ width: 400, height: 860 });
    // The timeline filtered to the article, as a reader following the story would.
    await panel.getByRole('button', { name: 'This page' }).click();
    // ...around the article's date, where the panel opens.
    await panel.getByRole('button', { name: /^Around this article/ }).click();
    await panel.waitForTimeout(600);
    await panel.screenshot({ path: `${OUT}/side-panel.png` });

    const archive = await openMarked(ARCHIVE, 'the archive article marked');
    await restOn(archive, await phraseBox(archive, 'article', HOVER.phrase));
    await eventually('the 2020 card', async () => (await cardState(archive)).title === HOVER.phrase, 5_000);
    await archive.waitForTimeout(250);
    await archive.screenshot({ path: `${OUT}/hover-card-2020.png` });

    const urdu = await openMarked(URDU, 'the Urdu article marked');
    await urdu.evaluate(() => document.fonts.ready);
    await restOn(urdu, await phraseBox(urdu, 'article p:nth-of-type(3)', 'شہباز شریف'));
    await eventually(
      'the card on the Urdu page',
      async () => (await cardState(urdu)).title === 'Shehbaz Sharif',
      5_000,
    );
    await urdu.waitForTimeout(250);
    await urdu.screenshot({ path: `${OUT}/urdu.png` });

    const stray = browser.strayRequests();
    if (stray.length) throw new Error(`requests left the browser: ${stray.map((r) => r.url).join(', ')}`);
    console.log(
      `demo: screenshots in ${OUT}/ (page.png, hover-card.png, hover-card-2020.png, popup.png, side-panel.png, urdu.png)`,
    );
    console.log(`demo: ${mentions} mentions of ${digest.entities.length} entities`);
  }
} finally {
  await browser.close().catch(() => undefined);
  await server.close();
}
