/** What the extension knows of a page's tab, asked the way the popup asks. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { digestOfReport, type PageDigest, type PageReport } from '../../adapters/extension/page-report';
import type { CorpusRecords } from '../../engine/types';
import { openExtensionPage, type ExtensionBrowser } from './chromium';

export type Digest = PageDigest;

/** The records the built extension holds: they name the entity indices a tab reports. */
const entities = (JSON.parse(readFileSync('generated/records.json', 'utf8')) as CorpusRecords).entities;

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
        const report = (await chrome.tabs.sendMessage(tab.id, { type: 'page-digest' }).catch(() => null)) as {
          url?: string;
        } | null;
        if (report?.url === wanted) return { tabId: tab.id, report };
      }
      return null;
    }, url);
    if (!found) throw new Error(`no tab found for ${url}`);
    return { tabId: found.tabId, digest: digestOfReport(found.report as PageReport, entities) };
  } finally {
    await probe.close();
  }
}

export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  return (await digestOf(browser, page)).tabId;
}
