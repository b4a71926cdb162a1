import { beforeEach, describe, expect, it, vi } from 'vitest';

// The extension API as WXT's test double has it: storage that fires onChanged as a browser's does.
vi.mock('../../adapters/extension/browser-api', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));
const { fakeBrowser } = await import('wxt/testing/fake-browser');
const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

const {
  clearTimelineFocus,
  parseTimelineFocus,
  readTimelineFocus,
  requestTimelineFocus,
  watchTimelineFocus,
  TIMELINE_FOCUS_KEY,
} = await import('../../adapters/extension/timeline-focus');

beforeEach(() => fakeBrowser.reset());

describe('timeline focus', () => {
  it('writes { entityId, at } under timelineFocus', async () => {
    await requestTimelineFocus('amira-khan');
    expect(TIMELINE_FOCUS_KEY).toBe('timelineFocus');
    expect(await stored('timelineFocus')).toMatchObject({ entityId: 'amira-khan', at: expect.any(Number) });
  });

  it('reads a fresh request, not a stale or malformed one', async () => {
    await fakeBrowser.storage.local.set({ timelineFocus: { entityId: 'geneva', at: 1_000 } });
    expect(await readTimelineFocus(30_000, 20_000)).toEqual({ entityId: 'geneva', at: 1_000 });
    expect(await readTimelineFocus(30_000, 40_000)).toBeNull();
    await fakeBrowser.storage.local.set({ timelineFocus: { entityId: '<b>', at: 1_000 } });
    expect(await readTimelineFocus(30_000, 2_000)).toBeNull();
    expect(parseTimelineFocus('geneva')).toBeNull();
    expect(parseTimelineFocus({ entityId: 'geneva', at: 'now' })).toBeNull();
  });

  it('clears a handled request, but not a newer one', async () => {
    await fakeBrowser.storage.local.set({ timelineFocus: { entityId: 'geneva', at: 1_000 } });
    await clearTimelineFocus({ entityId: 'geneva', at: 999 });
    expect(await stored('timelineFocus')).toEqual({ entityId: 'geneva', at: 1_000 });
    await clearTimelineFocus({ entityId: 'geneva', at: 1_000 });
    expect(await stored('timelineFocus')).toBeUndefined();
  });

  it('calls back on each new request until stopped, ignoring other keys and areas', async () => {
    const seen: string[] = [];
    const stop = watchTimelineFocus((f) => seen.push(f.entityId));
    await requestTimelineFocus('geneva');
    await fakeBrowser.storage.local.set({ settings: { enabled: true } });
    await fakeBrowser.storage.sync.set({ timelineFocus: { entityId: 'x', at: 1 } });
    await requestTimelineFocus('geneva');
    stop();
    await requestTimelineFocus('boris-lind');
    expect(seen).toEqual(['geneva', 'geneva']);
  });
});
