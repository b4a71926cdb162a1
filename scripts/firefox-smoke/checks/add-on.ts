/** The add-on itself: it installs, and its pages reach the article's content script. */
import { EXTENSION_DIR, GECKO_ID } from '../extension';
import { step } from '../report';
import type { Run } from '../session';
import { evaluate } from '../tabs';
import { eventually } from '../wait';

export async function checkInstall(run: Run): Promise<boolean> {
  return step('the add-on installs', async () => {
    const { extension } = await run.bidi.send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'path', path: EXTENSION_DIR },
    });
    if (extension !== GECKO_ID) throw new Error(`installed as ${extension}, expected ${GECKO_ID}`);
    return `${extension} at ${run.base}/`;
  });
}

/**
 * Which tab the article is in, as the add-on numbers tabs, asked from one of its pages:
 * Backstory has no "tabs" permission, so each tab's content script is asked for its URL.
 */
export async function articleTabId(run: Run, extensionPage: string, url: string): Promise<number | null> {
  let id: number | null = null;
  await step('an extension page reaches the article’s content script (tabs.sendMessage)', async () => {
    id = await eventually('the tab', () =>
      evaluate<number | null>(
        run.bidi,
        extensionPage,
        `for (const tab of await browser.tabs.query({})) {
           const digest = await browser.tabs.sendMessage(tab.id, { type: 'page-digest' }).catch(() => null);
           if (digest && digest.url === ${JSON.stringify(url)}) return tab.id;
         }
         return null;`,
      ),
    );
    return `tab ${id}`;
  });
  return id;
}
