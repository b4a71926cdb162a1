/** The toolbar popup as Firefox opens it, and the popup's page in a tab: search, reveal, site switch. */
import { HIGHLIGHT_PREFIX } from '../../../adapters/page/highlighter';
import { POPUP_BROWSER, readAddonView, snapshotBrowser } from '../browser-window';
import { elementBox, HIGHLIGHT_TEXTS, type Box } from '../page-probes';
import { step } from '../report';
import type { Article, Run } from '../session';
import { click, evaluate, navigate, screenshot, type } from '../tabs';
import { eventually, sleep } from '../wait';

export async function checkToolbarPopup(run: Run, article: Article, extensionPage: string): Promise<void> {
  // The real popup, opened for the article's tab as the toolbar button would open it.
  // Twice: Firefox reuses what it loaded for the first, and the second opening is where
  // focus used to be left on the body.
  await run.bidi.send('browsingContext.activate', { context: article.context });
  await step(
    'toolbar popup: opens on the article, twice, with the search box focused and the page’s names',
    async () => {
      const seen: string[] = [];
      for (const opening of [1, 2]) {
        await evaluate(run.bidi, extensionPage, 'await browser.browserAction.openPopup();');
        await sleep(500); // focus settles after the panel is shown
        const state = await eventually(
          'the popup’s names',
          async () => {
            const s = await readAddonView<{ focused: string; names: number; size: string }>(
              run.bidi,
              extensionPage,
              'popup',
              `return {
             focused: doc.activeElement?.id || doc.activeElement?.tagName || '',
             names: doc.querySelectorAll('button[aria-label$="show the next one on the page"]').length,
             size: view.innerWidth + '×' + view.innerHeight,
           };`,
            );
            return s && s.names > 0 ? s : null;
          },
          5000,
        );
        await snapshotBrowser(run.bidi, POPUP_BROWSER, `toolbar-popup-${opening}.png`);
        await evaluate(run.bidi, extensionPage, "browser.extension.getViews({ type: 'popup' })[0]?.close();");
        await sleep(300);
        if (state.focused !== 'pp-q')
          throw new Error(`opening ${opening}: focus on ${state.focused}, not the search box`);
        seen.push(`${state.size}, ${state.names} names`);
      }
      return `${seen.join('; ')}; focus in the search box both times`;
    },
  );
}

export async function checkPopupPage(run: Run, popup: string, article: Article): Promise<void> {
  // The popup's page in a tab, where BiDi can type into it. `?tab=` tells it which tab is
  // "this page", as the toolbar would.
  await navigate(run.bidi, popup, `${run.base}/popup.html?tab=${article.tabId ?? ''}`);
  await run.bidi.send('browsingContext.activate', { context: popup });
  const clearBox =
    "const box = document.getElementById('pp-q'); box.value = ''; box.dispatchEvent(new Event('input', { bubbles: true }));";
  const results = "return [...document.querySelectorAll('[role=option] .pp-option-name')].map((e) => e.textContent);";

  await step('popup: typo-tolerant search ("larijan" finds Ali Larijani first)', async () => {
    await eventually('focus in the search box', () =>
      evaluate<boolean>(run.bidi, popup, "return document.activeElement?.id === 'pp-q';"),
    );
    await type(run.bidi, popup, 'larijan');
    const names = await eventually('results', async () => {
      const found = await evaluate<string[]>(run.bidi, popup, results);
      return found[0] === 'Ali Larijani' ? found : null;
    });
    await screenshot(run.bidi, popup, 'popup-search.png');
    return `results: ${names.slice(0, 4).join(', ')}`;
  });

  await step('popup: other spellings ("Solemani", "12 day war")', async () => {
    const found: string[] = [];
    for (const [query, expected] of [
      ['Solemani', 'Qasem Soleimani'],
      ['12 day war', 'Twelve-Day War'],
    ] as const) {
      await evaluate(run.bidi, popup, clearBox);
      await type(run.bidi, popup, query);
      await eventually(
        `"${query}" finds ${expected} first`,
        async () => (await evaluate<string[]>(run.bidi, popup, results))[0] === expected,
      );
      found.push(`${query} → ${expected}`);
    }
    return found.join('; ');
  });

  await evaluate(run.bidi, popup, clearBox);
  await step('popup: a name in "On this page" reveals its mention in the article', async () => {
    const button = await eventually('Shehbaz Sharif in "On this page"', () =>
      evaluate<Box | null>(run.bidi, popup, elementBox('button[aria-label^="Shehbaz Sharif,"]', '')),
    );
    await click(run.bidi, popup, button.x + button.width / 2, button.y + button.height / 2);
    const flashed = await eventually('the mention flashed', async () => {
      const h = await evaluate<Record<string, string[]>>(run.bidi, article.context, HIGHLIGHT_TEXTS);
      return h[`${HIGHLIGHT_PREFIX}current`]?.find((t) => t.endsWith('Shehbaz Sharif'));
    });
    const scrollY = await evaluate<number>(run.bidi, article.context, 'return window.scrollY;');
    return `"${flashed}" is the current mention; the article scrolled to y=${Math.round(scrollY)}`;
  });

  await step('popup: switching Backstory off for the site unmarks the article, on marks it again', async () => {
    const siteSwitch = "document.querySelector('.pp-foot input[role=switch]').closest('label')";
    const marks = () =>
      evaluate<Record<string, string[]>>(run.bidi, article.context, HIGHLIGHT_TEXTS).then(
        (h) => h[`${HIGHLIGHT_PREFIX}person`]?.length ?? 0,
      );
    const label = await evaluate<string>(run.bidi, popup, `return ${siteSwitch}.textContent;`);
    const box = await evaluate<Box>(
      run.bidi,
      popup,
      `const r = ${siteSwitch}.getBoundingClientRect(); return { x: r.left, y: r.top, width: r.width, height: r.height };`,
    );
    await click(run.bidi, popup, box.x + 20, box.y + box.height / 2);
    await eventually('marks gone', async () => (await marks()) === 0);
    await sleep(200);
    await screenshot(run.bidi, popup, 'popup-switched-off.png');
    await click(run.bidi, popup, box.x + 20, box.y + box.height / 2);
    const back = await eventually('marks back', async () => (await marks()) || null);
    return `"${label.trim()}": off → 0 person marks, on → ${back}`;
  });
}
