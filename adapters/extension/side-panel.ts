/**
 * Opens the timeline side panel: Chrome's `sidePanel` or Firefox's `sidebarAction`.
 *
 * Both browsers only open it from a user gesture, and both lose the gesture at the
 * first `await`. So call this synchronously in the click (or command) handler, with
 * the window or tab already known, and await the result afterwards. It never throws:
 * it answers false when the browser refused or has no side panel.
 *
 * Chrome: `chrome.sidePanel.open` is not wrapped by webextension-polyfill, so it is read
 * from the `chrome` global. `windowId` opens the panel for the whole window (the
 * manifest's default panel); `tabId` alone opens it for that tab.
 * Firefox: `browser.sidebarAction.open()` opens the sidebar of the current window.
 */
import { browser } from './browser-api';

export interface SidePanelTarget {
  tabId?: number;
  windowId?: number;
}

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}
interface FirefoxSidebarAction {
  open(): Promise<void>;
  isOpen(details: { windowId?: number }): Promise<boolean>;
}

function chromeSidePanel(): ChromeSidePanel | undefined {
  const chromeGlobal = (globalThis as { chrome?: { sidePanel?: Partial<ChromeSidePanel> } }).chrome;
  const panel = chromeGlobal?.sidePanel;
  return typeof panel?.open === 'function' ? (panel as ChromeSidePanel) : undefined;
}

function firefoxSidebar(): Partial<FirefoxSidebarAction> | undefined {
  return (browser as unknown as { sidebarAction?: Partial<FirefoxSidebarAction> }).sidebarAction;
}

export function openSidePanel(target: SidePanelTarget): Promise<boolean> {
  try {
    const chromePanel = chromeSidePanel();
    if (chromePanel) {
      const options =
        target.windowId !== undefined
          ? { windowId: target.windowId }
          : target.tabId !== undefined
            ? { tabId: target.tabId }
            : null;
      if (!options) return Promise.resolve(false);
      return chromePanel.open(options).then(
        () => true,
        () => false,
      );
    }
    const sidebar = firefoxSidebar();
    if (typeof sidebar?.open === 'function') {
      return sidebar.open().then(
        () => true,
        () => false,
      );
    }
  } catch {
    // A synchronous refusal (no gesture, unknown window): same answer as a rejection.
  }
  return Promise.resolve(false);
}

/**
 * Whether the timeline is already showing in the window: Firefox's sidebar can say so
 * (`sidebarAction.isOpen`). Chrome has no such question, so there the answer is false.
 * An open panel follows focus requests by itself (timeline-focus.ts), so a caller whose
 * `openSidePanel` was refused need not open the timeline elsewhere. Never throws.
 */
export async function isSidePanelOpen(target: SidePanelTarget): Promise<boolean> {
  const sidebar = firefoxSidebar();
  if (chromeSidePanel() || typeof sidebar?.isOpen !== 'function') return false;
  try {
    return (await sidebar.isOpen(target.windowId !== undefined ? { windowId: target.windowId } : {})) === true;
  } catch {
    return false;
  }
}
