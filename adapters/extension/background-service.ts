/**
 * The background: holds the full corpus records (the content script carries only the
 * matcher table, to stay small on every page), answers card requests, and opens the
 * popup and the side panel on behalf of a card on a page.
 */
import records from '../../generated/records.json';
import type { CorpusRecords } from '../../engine/types';
import { buildEntityView, indexCorpus } from '../../engine/entity-view';
import { viewForArticle } from '../../engine/article-view';
import { doubtFor } from '../../engine/doubt';
import { checkCorpusKey } from '../../engine/table-format';
import { browser, type Runtime, type Tabs } from './browser-api';
import { isRuntimeRequest, sendToTab, type RuntimeRequest, type RuntimeResponses, type TableRef } from './messages';
import { contextOfRef } from './page-report';
import { keepSettingsRepaired } from './settings-repair';
import { openTimeline } from './open-timeline';
import { openSidePanel } from './side-panel';

const POPUP_PAGE = 'popup.html';

export function startBackground(): void {
  const index = indexCorpus(records as CorpusRecords);
  const ids = (records as CorpusRecords).entities.map((e) => e.id);
  /** An id for a content script's table index; throws for an index of another corpus (a stale tab). */
  const idOf = (ref: string | TableRef): string => {
    if (typeof ref === 'string') return ref;
    checkCorpusKey(ref.corpus, ids);
    return ids[ref.entity] ?? '';
  };

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isRuntimeRequest(message)) return undefined;
    return handle(message, sender);
  });

  async function handle(
    request: RuntimeRequest,
    sender: Runtime.MessageSender,
  ): Promise<RuntimeResponses[RuntimeRequest['type']]> {
    switch (request.type) {
      case 'card': {
        const id = idOf(request.id);
        const view = buildEntityView(index, id);
        if (!view) return null;
        const read = request.page ? viewForArticle(view, contextOfRef(request.page, ids)) : view;
        const doubt = request.form ? doubtFor(index.records.entities, id, request.form) : undefined;
        return doubt ? { ...read, doubt } : read;
      }
      case 'open-timeline': {
        const target = {
          ...(sender.tab?.id !== undefined ? { tabId: sender.tab.id } : {}),
          ...(sender.tab?.windowId !== undefined ? { windowId: sender.tab.windowId } : {}),
        };
        // Before any await: the browser opens the panel only while the click's gesture lasts.
        await openTimeline(target, request.entityId);
        return true;
      }
      case 'open-search':
        return openSearch(request.query ?? '', sender.tab?.id);
    }
  }

  browser.commands.onCommand.addListener((command: string, tab?: Tabs.Tab) => {
    if (command === 'open-timeline') {
      // Synchronously, inside the shortcut's user gesture.
      void openSidePanel({
        ...(tab?.id !== undefined ? { tabId: tab.id } : {}),
        ...(tab?.windowId !== undefined ? { windowId: tab.windowId } : {}),
      });
    } else if (command === 'next-mention' && tab?.id !== undefined) {
      void sendToTab(tab.id, { type: 'next-mention' }).catch(() => false);
    }
  });

  // Repairs corrupt stored settings at start-up and whenever one is written, so every
  // context reads clean ones (the content script only reads).
  keepSettingsRepaired();
}

/**
 * Opens the search popup with a query. The toolbar popup itself can only be opened
 * where the browser allows `openPopup` outside a click on the toolbar button; elsewhere
 * the same page opens in a small window, so "Search" on a card always does something.
 */
async function openSearch(query: string, tabId: number | undefined): Promise<boolean> {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  if (tabId !== undefined) params.set('tab', String(tabId));
  const page = `${POPUP_PAGE}?${params}`;
  const action = (browser.action ?? browser.browserAction) as
    { setPopup(details: { popup: string }): Promise<void>; openPopup?(): Promise<void> } | undefined;
  if (action?.openPopup) {
    try {
      await action.setPopup({ popup: page });
      await action.openPopup();
      return true;
    } catch {
      // Not allowed here (no user gesture, or no focused window): fall through.
    } finally {
      await action.setPopup({ popup: POPUP_PAGE });
    }
  }
  await browser.windows.create({ url: browser.runtime.getURL(`/${page}`), type: 'popup', width: 400, height: 600 });
  return true;
}
