/**
 * The popup's door to the browser (`extensionEnv`) and the side-panel adapter, with the
 * extension API and the message functions mocked: which tab, which messages, and that
 * the side panel is asked for before anything is awaited (the click's gesture).
 */
import { describe, expect, it, vi, beforeEach, afterEach } from 'vitest';
import type * as SidePanel from '../../adapters/extension/side-panel';

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const browser = {
    tabs: {
      get: vi.fn(async (id: number) => ({ id, windowId: 40 + id })),
      query: vi.fn(async () => [{ id: 5, windowId: 2, active: true }]),
      create: vi.fn(async () => ({})),
    },
    runtime: { getURL: (path: string) => `chrome-extension://abc${path}` },
    // oxlint-disable-next-line typescript/no-explicit-any -- a loose fake: tests add and drop API members
  } as Record<string, any>;
  return {
    calls,
    browser,
    sendToTab: vi.fn(async (_tabId: number, request: { type: string }): Promise<unknown> =>
      request.type === 'page-digest'
        ? { url: 'https://x.test/', host: 'x.test', active: true, corpus: '0badc0de', counts: [] }
        : true,
    ),
    openSidePanel: vi.fn(async (_target: unknown) => {
      calls.push('openSidePanel');
      return true;
    }),
    requestTimelineFocus: vi.fn(async (_id: string) => {
      calls.push('requestTimelineFocus');
    }),
    readTimelineFocus: vi.fn(async () => ({ entityId: 'pahalgam', at: 1 })),
    clearTimelineFocus: vi.fn(async (_focus: unknown) => undefined),
  };
});

vi.mock('../../adapters/extension/browser-api', () => ({ browser: fake.browser }));
vi.mock('../../adapters/extension/messages', () => ({ sendToTab: fake.sendToTab, sendToBackground: vi.fn() }));
vi.mock('../../adapters/extension/timeline-focus', () => ({
  requestTimelineFocus: fake.requestTimelineFocus,
  readTimelineFocus: fake.readTimelineFocus,
  clearTimelineFocus: fake.clearTimelineFocus,
}));
vi.mock('../../adapters/extension/side-panel', () => ({
  openSidePanel: fake.openSidePanel,
  isSidePanelOpen: async () => false,
}));

const { extensionEnv } = await import('../../components/popup/popup-env');

beforeEach(() => {
  fake.calls.length = 0;
  vi.clearAllMocks();
});

describe('extensionEnv', () => {
  it('reads the pinned tab, with its window', async () => {
    expect(await extensionEnv.resolveTab(9)).toEqual({ tabId: 9, windowId: 49 });
    expect(fake.browser.tabs.get).toHaveBeenCalledWith(9);
  });

  it('keeps a pinned tab whose details are hidden', async () => {
    fake.browser.tabs.get.mockRejectedValueOnce(new Error('No tab with id: 9'));
    expect(await extensionEnv.resolveTab(9)).toEqual({ tabId: 9 });
  });

  it('otherwise reads the active tab of the current window', async () => {
    expect(await extensionEnv.resolveTab()).toEqual({ tabId: 5, windowId: 2 });
    expect(fake.browser.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    fake.browser.tabs.query.mockResolvedValueOnce([]);
    expect(await extensionEnv.resolveTab()).toBeNull();
  });

  it('asks the tab for its report and to reveal a mention', async () => {
    expect((await extensionEnv.report(5)).host).toBe('x.test');
    expect(fake.sendToTab).toHaveBeenCalledWith(5, { type: 'page-digest' });
    const ref = { entity: 3, corpus: '0badc0de' };
    expect(await extensionEnv.reveal(5, ref)).toBe(true);
    expect(fake.sendToTab).toHaveBeenLastCalledWith(5, { type: 'reveal', id: ref });
  });

  it('opens the side panel before awaiting anything, and asks it to focus the entity', async () => {
    const result = extensionEnv.openTimeline({ tabId: 5, windowId: 2 }, 'twelve-day-war');
    // Synchronously, inside the click: the gesture is still there.
    expect(fake.openSidePanel).toHaveBeenCalledWith({ tabId: 5, windowId: 2 });
    expect(fake.calls[0]).toBe('openSidePanel');
    expect(await result).toBe(true);
    expect(fake.requestTimelineFocus).toHaveBeenCalledWith('twelve-day-war');
    expect(fake.browser.tabs.create).not.toHaveBeenCalled();
  });

  it('opens the timeline as a page where there is no side panel', async () => {
    fake.openSidePanel.mockResolvedValueOnce(false);
    expect(await extensionEnv.openTimeline(null, 'pahalgam')).toBe(false);
    expect(fake.openSidePanel).toHaveBeenCalledWith({});
    expect(fake.browser.tabs.create).toHaveBeenCalledWith({
      url: 'chrome-extension://abc/sidepanel.html?entity=pahalgam',
    });
    // The tab takes the entity from its URL: the stored request is withdrawn, so a
    // panel opened soon after does not jump to it (the background did so; the popup did not).
    expect(fake.clearTimelineFocus).toHaveBeenCalledWith({ entityId: 'pahalgam', at: 1 });
  });
});

describe('openSidePanel', () => {
  // The real adapter, past the mock the env tests use.
  const load = async () =>
    (await vi.importActual<typeof SidePanel>('../../adapters/extension/side-panel')).openSidePanel;
  const g = globalThis as { chrome?: unknown };
  afterEach(() => {
    delete g.chrome;
    delete fake.browser.sidebarAction;
  });

  it('uses Chrome’s sidePanel for the window, or the tab', async () => {
    const open = vi.fn(async () => undefined);
    g.chrome = { sidePanel: { open } };
    const openSidePanel = await load();
    expect(await openSidePanel({ tabId: 5, windowId: 2 })).toBe(true);
    expect(open).toHaveBeenLastCalledWith({ windowId: 2 });
    expect(await openSidePanel({ tabId: 5 })).toBe(true);
    expect(open).toHaveBeenLastCalledWith({ tabId: 5 });
    expect(await openSidePanel({})).toBe(false);
  });

  it('answers false when Chrome refuses, synchronously or not', async () => {
    const openSidePanel = await load();
    g.chrome = {
      sidePanel: {
        open: vi.fn(async () => Promise.reject(new Error('may only be called in response to a user gesture'))),
      },
    };
    expect(await openSidePanel({ windowId: 2 })).toBe(false);
    g.chrome = {
      sidePanel: {
        open: () => {
          throw new Error('No window with id');
        },
      },
    };
    expect(await openSidePanel({ windowId: 2 })).toBe(false);
  });

  it('uses Firefox’s sidebarAction, and answers false with neither', async () => {
    const openSidePanel = await load();
    const open = vi.fn(async () => undefined);
    fake.browser.sidebarAction = { open };
    expect(await openSidePanel({ windowId: 2 })).toBe(true);
    expect(open).toHaveBeenCalled();
    delete fake.browser.sidebarAction;
    expect(await openSidePanel({ windowId: 2 })).toBe(false);
  });
});
