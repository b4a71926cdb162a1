/**
 * Firefox smoke test: runs the Firefox build (.output/firefox-mv2) in a real Firefox and
 * checks, the way a reader would, that it works there too. The end-to-end suite runs in
 * Chromium only (playwright-core cannot drive a stock Firefox), so this drives Firefox
 * through WebDriver BiDi, which Firefox speaks natively, with Node's own WebSocket.
 *
 *   1. the add-on installs (a temporary add-on, unsigned);
 *   2. names on the demo article are marked: in CSS.highlights, and painted (pixels);
 *   3. resting the pointer on a name opens its card, with content (which imports the
 *      web-accessible card-ui.js on the way);
 *   4. the card's "Show on timeline" opens the timeline: in a tab, or in the sidebar
 *      when it is open already;
 *   5. Firefox's own sidebar shows the timeline, fits it, and "This page" filters it;
 *   6. Alt+Shift+N steps through the mentions, one per press;
 *   7. the toolbar popup opens with the search box focused and the page's names;
 *      its page searches (typo-tolerant), reveals a mention, switches the site off and on;
 *   8. a page with a strict CSP is marked and its card styled;
 *   9. the browser console holds no error of the add-on's, and no request left 127.0.0.1.
 *
 * Screenshots go to .output/firefox-smoke/. An optional developer check, not part of
 * `npm test`: without Firefox installed it says so and exits 0.
 *
 * Usage: npm run smoke:firefox [-- --no-build] [--keep-profile]
 *   FIREFOX=/path/to/firefox picks the binary (default: firefox-esr, then firefox on PATH).
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { articleTabId, checkInstall } from './firefox-smoke/checks/add-on';
import { checkQuiet } from './firefox-smoke/checks/console-and-network';
import { checkHoverCard, checkKeyboard, checkMarks, checkStrictCsp } from './firefox-smoke/checks/marks-and-card';
import { checkPopupPage, checkToolbarPopup } from './firefox-smoke/checks/popup';
import { checkSidebar, checkTimelineTab } from './firefox-smoke/checks/timeline';
import { EXTENSION_DIR } from './firefox-smoke/extension';
import { findFirefox } from './firefox-smoke/launch';
import { summary } from './firefox-smoke/report';
import { clearScreenshots } from './firefox-smoke/screenshots';
import { runInFirefox, type Article } from './firefox-smoke/session';
import { navigate, newTab } from './firefox-smoke/tabs';

const ARTICLE = '/demo/article.html';

async function main(): Promise<number> {
  const bin = findFirefox();
  if (!bin) {
    const where = process.env.FIREFOX
      ? `FIREFOX=${process.env.FIREFOX} does not exist`
      : 'no firefox-esr or firefox on PATH';
    console.log(`SKIP  Firefox is not installed (${where}): Firefox smoke test skipped`);
    console.log('      (Debian: apt-get install firefox-esr)');
    return 0;
  }
  const version = execSync(`"${bin}" --version`, { encoding: 'utf8' }).trim();
  console.log(`${version} (${bin})`);

  if (!process.argv.includes('--no-build')) {
    execSync('npm run --silent corpus:build && npx wxt build -b firefox', { stdio: 'inherit' });
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.log(`FAIL  no build at ${EXTENSION_DIR} (run without --no-build)`);
    return 1;
  }
  clearScreenshots();

  return runInFirefox(bin, async (run, trapHits) => {
    if (!(await checkInstall(run))) return summary();

    const article: Article = { context: await newTab(run.bidi, 1280, 860), tabId: null };
    await navigate(run.bidi, article.context, run.server.url(ARTICLE));
    await checkMarks(run, article.context);
    // One of the add-on's pages, for what only the add-on can ask; later the popup page.
    const extensionPage = await newTab(run.bidi, 400, 600);
    await navigate(run.bidi, extensionPage, `${run.base}/popup.html`);
    article.tabId = await articleTabId(run, extensionPage, run.server.url(ARTICLE));

    if (await checkHoverCard(run, article)) {
      await checkTimelineTab(run, article, extensionPage);
      await checkSidebar(run, article, extensionPage);
    }
    await checkKeyboard(run, article);
    await checkToolbarPopup(run, article, extensionPage);
    await checkPopupPage(run, extensionPage, article);
    await checkStrictCsp(run);
    await checkQuiet(run, trapHits);
    return summary();
  });
}

process.exitCode = await main();
