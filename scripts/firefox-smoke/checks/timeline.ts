/** "Show on timeline" from the card, and the timeline in Firefox's sidebar. */
import { chromeEvaluate, readAddonView, SIDEBAR_BROWSER, SIDEBAR_ID, snapshotBrowser, WINDOW } from '../browser-window';
import { elementBox, type Box } from '../page-probes';
import { step } from '../report';
import type { Article, Run } from '../session';
import { click, evaluate, screenshot, tabs } from '../tabs';
import { eventually, sleep } from '../wait';
import { hoverForCard } from './marks-and-card';

/** Clicks the card's "Show on timeline". */
async function clickShowOnTimeline(run: Run, context: string): Promise<void> {
  const button = await evaluate<Box | null>(
    run.bidi,
    context,
    elementBox('button', '^Show on timeline$', "document.querySelector('backstory-card').shadowRoot"),
  );
  if (!button) throw new Error('no "Show on timeline" button in the card');
  await click(run.bidi, context, button.x + button.width / 2, button.y + button.height / 2);
}

/** Reads the open sidebar's timeline, from one of the add-on's pages. */
async function sidebarState(run: Run, extensionPage: string) {
  return readAddonView<{
    items: number;
    status: string;
    chips: string[];
    overflow: number;
    width: number;
    pageState: string;
  }>(
    run.bidi,
    extensionPage,
    'sidebar',
    `return {
       items: doc.querySelectorAll('li.tl-item').length,
       status: doc.querySelector('[role=status]')?.textContent ?? '',
       chips: [...doc.querySelectorAll('button[aria-label^="Remove "]')].map((b) => b.getAttribute('aria-label').slice(7)),
       overflow: doc.documentElement.scrollWidth - doc.documentElement.clientWidth,
       width: doc.documentElement.clientWidth,
       pageState: doc.querySelector('.tl-page-state')?.textContent ?? '',
     };`,
  );
}

export async function checkTimelineTab(run: Run, article: Article, extensionPage: string): Promise<void> {
  // Firefox lets sidebarAction.open() run only in a user action handler, and the click
  // reaches the background as a runtime message, which carries no user action: with no
  // sidebar open, the background opens the timeline in a tab instead.
  await step('"Show on timeline" with no sidebar open: the timeline opens in a tab, on that name', async () => {
    const before = new Set((await tabs(run.bidi)).map((t) => t.context));
    await clickShowOnTimeline(run, article.context);
    const opened = await eventually('a timeline tab', async () =>
      (await tabs(run.bidi)).find((t) => !before.has(t.context) && t.url.includes('/sidepanel.html')),
    );
    const items = await eventually('its items', async () => {
      const n = await evaluate<number>(
        run.bidi,
        opened.context,
        "return document.querySelectorAll('li.tl-item').length;",
      );
      return n || null;
    });
    await sleep(300);
    await screenshot(run.bidi, opened.context, 'timeline-tab-from-card.png');
    await run.bidi.send('browsingContext.close', { context: opened.context });
    // The request the background stored for a sidebar is withdrawn: a sidebar opened
    // next starts unfiltered.
    const pending = await evaluate<unknown>(
      run.bidi,
      extensionPage,
      "return (await browser.storage.local.get('timelineFocus')).timelineFocus ?? null;",
    );
    if (pending) throw new Error(`a focus request is left for the next sidebar: ${JSON.stringify(pending)}`);
    return `${opened.url.replace(run.base, '')}, ${items} items`;
  });
}

export async function checkSidebar(run: Run, article: Article, extensionPage: string): Promise<void> {
  // Opened as View → Sidebar → Backstory timeline would, next to the article. The
  // article takes the window's own size meanwhile, so it narrows beside the sidebar as a
  // reader's tab would (a fixed test viewport would not).
  await run.bidi.send('browsingContext.activate', { context: article.context });
  await run.bidi.send('browsingContext.setViewport', { context: article.context, viewport: null });
  const shown = await step(
    'sidebar: the timeline renders in Firefox’s sidebar, without sideways scrolling',
    async () => {
      await chromeEvaluate(run.bidi, `await SidebarController.show(${JSON.stringify(SIDEBAR_ID)}); return true;`);
      const state = await eventually(
        'timeline items in the sidebar',
        async () => {
          const s = await sidebarState(run, extensionPage);
          return s && s.items > 0 ? s : null;
        },
        10_000,
      );
      await sleep(300);
      await snapshotBrowser(run.bidi, SIDEBAR_BROWSER, 'sidebar.png');
      await snapshotBrowser(run.bidi, WINDOW, 'window-with-sidebar.png');
      if (state.chips.length) throw new Error(`opened filtered to ${state.chips.join(', ')}`);
      if (state.overflow > 0) throw new Error(`content ${state.overflow}px wider than the ${state.width}px sidebar`);
      return `${state.items} items at ${state.width}px; "${state.status}"; ${state.pageState}`;
    },
  );
  if (!shown) return;

  await step('sidebar: "This page" filters the timeline to the article', async () => {
    const total = (await sidebarState(run, extensionPage))!.items;
    await evaluate(
      run.bidi,
      extensionPage,
      `const doc = browser.extension.getViews({ type: 'sidebar' })[0].document;
       [...doc.querySelectorAll('button')].find((b) => b.textContent.trim() === 'This page').click();`,
    );
    const state = await eventually('fewer items', async () => {
      const s = await sidebarState(run, extensionPage);
      return s && s.items > 0 && s.items < total ? s : null;
    });
    await sleep(300);
    await snapshotBrowser(run.bidi, SIDEBAR_BROWSER, 'sidebar-this-page.png');
    return `${state.items} of ${total} items; "${state.pageState}"`;
  });

  // With the sidebar open, the refused sidebarAction.open() is no loss: the sidebar
  // follows the stored focus request, and no tab should open besides.
  await step('"Show on timeline" with the sidebar open: the sidebar shows that name, no tab opens', async () => {
    const before = (await tabs(run.bidi)).length;
    await run.bidi.send('browsingContext.activate', { context: article.context });
    const card = await hoverForCard(run, article.context, 'article', 'Ishaq Dar');
    await clickShowOnTimeline(run, article.context);
    const state = await eventually('the sidebar on that name', async () => {
      const s = await sidebarState(run, extensionPage);
      return s?.chips.join() === card.title ? s : null;
    });
    await sleep(1000);
    const after = await tabs(run.bidi);
    await snapshotBrowser(run.bidi, WINDOW, 'window-show-on-timeline.png');
    if (after.length !== before)
      throw new Error(
        `a tab opened as well: ${after
          .slice(before)
          .map((t) => t.url)
          .join(', ')}`,
      );
    return `sidebar filtered to "${state.chips.join(', ')}" (${state.items} items), ${after.length} tabs as before`;
  });
  await chromeEvaluate(run.bidi, 'SidebarController.hide(); return true;');
  await run.bidi.send('browsingContext.setViewport', {
    context: article.context,
    viewport: { width: 1280, height: 860 },
  });
}
