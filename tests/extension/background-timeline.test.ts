// @vitest-environment node
/**
 * "Show on timeline" from a card reaches the background as a runtime message. In Firefox
 * that message carries no user action, so `sidebarAction.open()` always refuses it (seen
 * in a real Firefox by `npm run smoke:firefox`). Then: a sidebar that is open already
 * follows the focus request and no tab opens; with none open, the timeline opens as a tab
 * and the stored request is withdrawn, so a sidebar opened later starts unfiltered.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (message: unknown, sender: unknown) => Promise<unknown> | undefined;

const fake = vi.hoisted(() => {
  const store: Record<string, unknown> = {};
  const state = { listener: null as Listener | null };
  const browser = {
    runtime: {
      onMessage: { addListener: (l: Listener) => void (state.listener = l) },
      getURL: (path: string) => `moz-extension://uuid${path}`,
    },
    commands: { onCommand: { addListener: () => undefined } },
    tabs: { create: vi.fn(async (_details: { url: string }) => ({})) },
    storage: {
      local: {
        get: async (key: string) => (key in store ? { [key]: store[key] } : {}),
        set: async (items: Record<string, unknown>) => void Object.assign(store, items),
        remove: async (key: string) => void delete store[key],
      },
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    },
    sidebarAction: {
      open: vi.fn(async (): Promise<void> =>
        Promise.reject(new Error('sidebarAction.open may only be called from a user input handler')),
      ),
      isOpen: vi.fn(async (_details: { windowId?: number }) => false),
    },
  };
  return { store, state, browser };
});
vi.mock('../../adapters/extension/browser-api', () => ({ browser: fake.browser }));

const { startBackground } = await import('../../adapters/extension/background-service');
const { isSidePanelOpen } = await import('../../adapters/extension/side-panel');
const { TIMELINE_FOCUS_KEY } = await import('../../adapters/extension/timeline-focus');

const fromCard = { tab: { id: 7, windowId: 3 } };
const showOnTimeline = (entityId: string) => fake.state.listener!({ type: 'open-timeline', entityId }, fromCard);

beforeEach(() => {
  for (const key of Object.keys(fake.store)) delete fake.store[key];
  vi.clearAllMocks();
  fake.state.listener = null;
  startBackground();
});

describe('background: "Show on timeline" from a card in Firefox', () => {
  it('with no sidebar open, opens the timeline as a tab and withdraws the stored request', async () => {
    expect(await showOnTimeline('ali-larijani')).toBe(true);
    expect(fake.browser.sidebarAction.open).toHaveBeenCalled();
    expect(fake.browser.sidebarAction.isOpen).toHaveBeenCalledWith({ windowId: 3 });
    expect(fake.browser.tabs.create).toHaveBeenCalledWith({
      url: 'moz-extension://uuid/sidepanel.html?entity=ali-larijani',
    });
    expect(fake.store[TIMELINE_FOCUS_KEY]).toBeUndefined();
  });

  it('with the sidebar open, leaves it to follow the request and opens no tab', async () => {
    fake.browser.sidebarAction.isOpen.mockResolvedValueOnce(true);
    expect(await showOnTimeline('ali-larijani')).toBe(true);
    expect(fake.browser.tabs.create).not.toHaveBeenCalled();
    expect(fake.store[TIMELINE_FOCUS_KEY]).toMatchObject({ entityId: 'ali-larijani' });
  });

  it('where the sidebar opens (a user action reached it), opens no tab and keeps the request for it', async () => {
    fake.browser.sidebarAction.open.mockResolvedValueOnce(undefined);
    expect(await showOnTimeline('operation-sindoor')).toBe(true);
    expect(fake.browser.sidebarAction.isOpen).not.toHaveBeenCalled();
    expect(fake.browser.tabs.create).not.toHaveBeenCalled();
    expect(fake.store[TIMELINE_FOCUS_KEY]).toMatchObject({ entityId: 'operation-sindoor' });
  });
});

describe('isSidePanelOpen', () => {
  it('asks Firefox about the window, and answers false when it cannot tell', async () => {
    fake.browser.sidebarAction.isOpen.mockResolvedValueOnce(true);
    expect(await isSidePanelOpen({ tabId: 7, windowId: 3 })).toBe(true);
    expect(fake.browser.sidebarAction.isOpen).toHaveBeenLastCalledWith({ windowId: 3 });
    fake.browser.sidebarAction.isOpen.mockRejectedValueOnce(new Error('Invalid window ID: 3'));
    expect(await isSidePanelOpen({ windowId: 3 })).toBe(false);
  });

  it('answers false in Chrome, which has no such question', async () => {
    const g = globalThis as { chrome?: unknown };
    g.chrome = { sidePanel: { open: async () => undefined } };
    try {
      expect(await isSidePanelOpen({ windowId: 3 })).toBe(false);
      expect(fake.browser.sidebarAction.isOpen).not.toHaveBeenCalled();
    } finally {
      delete g.chrome;
    }
  });
});
