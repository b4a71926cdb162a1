// @vitest-environment node
/**
 * "Show on timeline" from a card reaches the background as a runtime message. In Firefox
 * that message carries no user action, so `sidebarAction.open()` always refuses it (seen
 * in a real Firefox by `npm run smoke:firefox`). Then: a sidebar that is open already
 * follows the focus request and no tab opens; with none open, the timeline opens as a tab
 * and the stored request is withdrawn, so a sidebar opened later starts unfiltered.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../adapters/extension/browser-api', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));
const { fakeBrowser } = await import('wxt/testing/fake-browser');
const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

/** Firefox's sidebar, which the fake browser does not have: its `open` refuses a message's call. */
const sidebarAction = {
  open: vi.fn(async (): Promise<void> =>
    Promise.reject(new Error('sidebarAction.open may only be called from a user input handler')),
  ),
  isOpen: vi.fn(async (_details: { windowId?: number }) => false),
};
Object.assign(fakeBrowser, { sidebarAction });

const { startBackground } = await import('../../adapters/extension/background-service');
const { isSidePanelOpen } = await import('../../adapters/extension/side-panel');
const { TIMELINE_FOCUS_KEY } = await import('../../adapters/extension/timeline-focus');

type Sender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];
const fromCard = { tab: { id: 7, windowId: 3 } } as Sender;
const showOnTimeline = async (entityId: string) =>
  (await fakeBrowser.runtime.onMessage.trigger({ type: 'open-timeline', entityId }, fromCard))[0];
const tabsCreate = vi.spyOn(fakeBrowser.tabs, 'create');

beforeEach(() => {
  fakeBrowser.reset();
  vi.clearAllMocks();
  // Keyboard commands are not what this file tests (and the fake browser has none).
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  startBackground();
});

describe('background: "Show on timeline" from a card in Firefox', () => {
  it('with no sidebar open, opens the timeline as a tab and withdraws the stored request', async () => {
    expect(await showOnTimeline('ali-larijani')).toBe(true);
    expect(sidebarAction.open).toHaveBeenCalled();
    expect(sidebarAction.isOpen).toHaveBeenCalledWith({ windowId: 3 });
    expect(tabsCreate).toHaveBeenCalledWith({
      url: 'chrome-extension://test-extension-id/sidepanel.html?entity=ali-larijani',
    });
    expect(await stored(TIMELINE_FOCUS_KEY)).toBeUndefined();
  });

  it('with the sidebar open, leaves it to follow the request and opens no tab', async () => {
    sidebarAction.isOpen.mockResolvedValueOnce(true);
    expect(await showOnTimeline('ali-larijani')).toBe(true);
    expect(tabsCreate).not.toHaveBeenCalled();
    expect(await stored(TIMELINE_FOCUS_KEY)).toMatchObject({ entityId: 'ali-larijani' });
  });

  it('where the sidebar opens (a user action reached it), opens no tab and keeps the request for it', async () => {
    sidebarAction.open.mockResolvedValueOnce(undefined);
    expect(await showOnTimeline('operation-sindoor')).toBe(true);
    expect(sidebarAction.isOpen).not.toHaveBeenCalled();
    expect(tabsCreate).not.toHaveBeenCalled();
    expect(await stored(TIMELINE_FOCUS_KEY)).toMatchObject({ entityId: 'operation-sindoor' });
  });
});

describe('isSidePanelOpen', () => {
  it('asks Firefox about the window, and answers false when it cannot tell', async () => {
    sidebarAction.isOpen.mockResolvedValueOnce(true);
    expect(await isSidePanelOpen({ tabId: 7, windowId: 3 })).toBe(true);
    expect(sidebarAction.isOpen).toHaveBeenLastCalledWith({ windowId: 3 });
    sidebarAction.isOpen.mockRejectedValueOnce(new Error('Invalid window ID: 3'));
    expect(await isSidePanelOpen({ windowId: 3 })).toBe(false);
  });

  it('answers false in Chrome, which has no such question', async () => {
    const g = globalThis as { chrome?: unknown };
    g.chrome = { sidePanel: { open: async () => undefined } };
    try {
      expect(await isSidePanelOpen({ windowId: 3 })).toBe(false);
      expect(sidebarAction.isOpen).not.toHaveBeenCalled();
    } finally {
      delete g.chrome;
    }
  });
});
