import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const listeners = new Set<(changes: Record<string, { newValue?: unknown }>, area: string) => void>();
  const store: Record<string, unknown> = {};
  return {
    store,
    listeners,
    browser: {
      storage: {
        local: {
          get: async (key: string) => (key in store ? { [key]: store[key] } : {}),
          set: async (items: Record<string, unknown>) => {
            Object.assign(store, items);
            const changes = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }]));
            listeners.forEach((l) => l(changes, 'local'));
          },
          remove: async (key: string) => {
            delete store[key];
          },
        },
        onChanged: { addListener: (l: never) => listeners.add(l), removeListener: (l: never) => listeners.delete(l) },
      },
    },
  };
});
vi.mock('../../adapters/extension/browser-api', () => ({ browser: fake.browser }));

const {
  clearTimelineFocus,
  parseTimelineFocus,
  readTimelineFocus,
  requestTimelineFocus,
  watchTimelineFocus,
  TIMELINE_FOCUS_KEY,
} = await import('../../adapters/extension/timeline-focus');

beforeEach(() => {
  for (const k of Object.keys(fake.store)) delete fake.store[k];
  fake.listeners.clear();
});

describe('timeline focus', () => {
  it('writes { entityId, at } under timelineFocus', async () => {
    await requestTimelineFocus('amira-khan');
    expect(TIMELINE_FOCUS_KEY).toBe('timelineFocus');
    expect(fake.store.timelineFocus).toMatchObject({ entityId: 'amira-khan', at: expect.any(Number) });
  });

  it('reads a fresh request, not a stale or malformed one', async () => {
    fake.store.timelineFocus = { entityId: 'geneva', at: 1_000 };
    expect(await readTimelineFocus(30_000, 20_000)).toEqual({ entityId: 'geneva', at: 1_000 });
    expect(await readTimelineFocus(30_000, 40_000)).toBeNull();
    fake.store.timelineFocus = { entityId: '<b>', at: 1_000 };
    expect(await readTimelineFocus(30_000, 2_000)).toBeNull();
    expect(parseTimelineFocus('geneva')).toBeNull();
    expect(parseTimelineFocus({ entityId: 'geneva', at: 'now' })).toBeNull();
  });

  it('clears a handled request, but not a newer one', async () => {
    fake.store.timelineFocus = { entityId: 'geneva', at: 1_000 };
    await clearTimelineFocus({ entityId: 'geneva', at: 999 });
    expect(fake.store.timelineFocus).toEqual({ entityId: 'geneva', at: 1_000 });
    await clearTimelineFocus({ entityId: 'geneva', at: 1_000 });
    expect(fake.store).not.toHaveProperty('timelineFocus');
  });

  it('calls back on each new request until stopped, ignoring other keys and areas', async () => {
    const seen: string[] = [];
    const stop = watchTimelineFocus((f) => seen.push(f.entityId));
    await requestTimelineFocus('geneva');
    await fake.browser.storage.local.set({ settings: { enabled: true } });
    fake.listeners.forEach((l) => l({ timelineFocus: { newValue: { entityId: 'x', at: 1 } } }, 'sync'));
    await requestTimelineFocus('geneva');
    stop();
    await requestTimelineFocus('boris-lind');
    expect(seen).toEqual(['geneva', 'geneva']);
  });
});
