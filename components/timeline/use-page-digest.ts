/**
 * Which entities the reader's tab shows, for the "This page" filter: the digest of the
 * active tab of the panel's window (or of a pinned tab, `?tab=<id>`), asked again when
 * the reader switches tabs or a page finishes loading.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../adapters/extension/browser-api';
import { sendToTab } from '../../adapters/extension/messages';
import {
  DIGEST_RETRY_MS,
  digestOfReport,
  type PageDigest,
  type PageState as TabPageState,
} from '../../adapters/extension/page-report';
import type { EntityRecord } from '../../engine/types';

export type PageState = TabPageState<PageDigest, { tabId: number }>;

export async function activeTabId(pinned?: number): Promise<number | undefined> {
  if (pinned !== undefined) return pinned;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** `entities`: the records the page holds, which name the entities the tab reports. */
export function usePageDigest(entities: readonly EntityRecord[], pinnedTab?: number): PageState {
  const [state, setState] = useState<PageState>({ status: 'loading' });

  useEffect(() => {
    let disposed = false;
    let generation = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;

    const refresh = async (again = true): Promise<void> => {
      const mine = ++generation;
      clearTimeout(retry);
      let tabId: number | undefined;
      try {
        tabId = await activeTabId(pinnedTab);
      } catch {
        tabId = undefined;
      }
      if (disposed || mine !== generation) return;
      if (tabId === undefined) {
        setState({ status: 'unavailable' });
        return;
      }
      try {
        const digest = digestOfReport(await sendToTab(tabId, { type: 'page-digest' }), entities);
        if (disposed || mine !== generation) return;
        setState({ status: 'ready', tabId, digest });
        // Or its content script may still be reading the page.
        if (again && digest.active && digest.entities.length === 0) {
          retry = setTimeout(() => void refresh(false), DIGEST_RETRY_MS);
        }
      } catch {
        if (disposed || mine !== generation) return;
        setState({ status: 'unavailable' });
        // A page that just loaded may not have its content script listening yet.
        if (again) retry = setTimeout(() => void refresh(false), DIGEST_RETRY_MS);
      }
    };

    const onActivated = () => {
      if (pinnedTab === undefined) void refresh();
    };
    const onUpdated = (tabId: number, info: { status?: string }, tab: { active?: boolean }) => {
      if (info.status !== 'complete') return;
      if (pinnedTab !== undefined ? tabId === pinnedTab : tab.active) void refresh();
    };

    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    void refresh();
    return () => {
      disposed = true;
      clearTimeout(retry);
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [entities, pinnedTab]);

  return state;
}
