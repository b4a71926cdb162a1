/**
 * What the popup needs from the browser, as one small interface: the popup component
 * takes it as a prop, so component tests hand it a fake, and `extensionEnv` is the only
 * place the popup touches the extension API.
 */
import { browser } from '../../adapters/extension/browser-api';
import { sendToTab, type PageReport, type TableRef } from '../../adapters/extension/messages';
import { saveSettings, watchSettings, type Settings } from '../../adapters/extension/settings';
import { repairSettings } from '../../adapters/extension/settings-repair';
import { openTimeline } from '../../adapters/extension/open-timeline';

export interface PopupTab {
  tabId: number;
  windowId?: number;
}

export interface PopupEnv {
  /** The tab the popup is about: the pinned one (`?tab=`), else the active tab of this window. */
  resolveTab(pinned?: number): Promise<PopupTab | null>;
  /** What the tab's content script found (see page-report.ts); rejects when no content script answers. */
  report(tabId: number): Promise<PageReport>;
  /** Scrolls the tab to the entity's next mention and flashes it. */
  reveal(tabId: number, entity: TableRef): Promise<boolean>;
  /** Takes back every "Not this one" on the tab's page. */
  relink(tabId: number): Promise<boolean>;
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  watchSettings(listener: (settings: Settings) => void): () => void;
  /**
   * Opens the timeline side panel, focused on an entity when one is given. Call it
   * synchronously from a click: the browser opens side panels only within a gesture.
   */
  openTimeline(tab: PopupTab | null, entityId?: string): Promise<boolean>;
  /** Closes the popup. */
  close(): void;
}

export const extensionEnv: PopupEnv = {
  async resolveTab(pinned) {
    if (pinned !== undefined) {
      const tab = await browser.tabs.get(pinned).catch(() => null);
      return { tabId: pinned, ...(tab?.windowId !== undefined ? { windowId: tab.windowId } : {}) };
    }
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return null;
    return { tabId: tab.id, ...(tab.windowId !== undefined ? { windowId: tab.windowId } : {}) };
  },
  report: (tabId) => sendToTab(tabId, { type: 'page-digest' }),
  reveal: (tabId, entity) => sendToTab(tabId, { type: 'reveal', id: entity }),
  relink: (tabId) => sendToTab(tabId, { type: 'relink' }),
  loadSettings: () => repairSettings(),
  saveSettings,
  watchSettings,
  openTimeline: (tab, entityId) =>
    openTimeline(
      { ...(tab ? { tabId: tab.tabId } : {}), ...(tab?.windowId !== undefined ? { windowId: tab.windowId } : {}) },
      entityId,
    ),
  close: () => window.close(),
};
