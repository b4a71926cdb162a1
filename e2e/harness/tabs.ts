/** What the extension knows of a page's tab, asked the way the popup asks. */
import type { Page } from 'playwright-core';
import { openExtensionPage, type ExtensionBrowser } from './chromium';

export interface Digest {
  url: string;
  active: boolean;
  entities: { id: string; kind: string; count: number }[];
}

/**
 * Finds the tab id of a page, and its digest. Backstory has no "tabs" permission, so
 * tab URLs are hidden from it; instead each tab's content script is asked for its page
 * digest, which carries the URL.
 */
export async function digestOf(browser: ExtensionBrowser, page: Page): Promise<{ tabId: number; digest: Digest }> {
  const probe = await openExtensionPage(browser, 'popup.html');
  try {
    const url = page.url();
    const found = await probe.evaluate(async (wanted) => {
      for (const tab of await chrome.tabs.query({})) {
        if (tab.id === undefined) continue;
        const digest = (await chrome.tabs.sendMessage(tab.id, { type: 'page-digest' }).catch(() => null)) as {
          url?: string;
        } | null;
        if (digest?.url === wanted) return { tabId: tab.id, digest };
      }
      return null;
    }, url);
    if (!found) throw new Error(`no tab found for ${url}`);
    return found as { tabId: number; digest: Digest };
  } finally {
    await probe.close();
  }
}

export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  return (await digestOf(browser, page)).tabId;
}
