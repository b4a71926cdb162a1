// @vitest-environment node
/**
 * Stored settings are parsed, never trusted: whatever an old version, another tool or a
 * corrupt profile left in storage, the reader gets working settings, a warning says what
 * was wrong, and the repaired value is written back. Nothing throws.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

// WXT's test double of the extension API: storage that fires onChanged as a browser's does.
vi.mock('../../adapters/extension/browser-api', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));
const { fakeBrowser } = await import('wxt/testing/fake-browser');

/** What the code under test wrote (the test's own seeding is not counted). */
let writes: unknown[] = [];
const seed = async (value: unknown) => {
  await fakeBrowser.storage.local.set({ settings: value });
  writes = [];
};
const stored = async () => (await fakeBrowser.storage.local.get('settings')).settings;

import {
  DEFAULT_SETTINGS,
  isActiveOn,
  loadSettings,
  mutedOn,
  readSettings,
  withMuted,
  watchSettings,
  withSite,
} from '../../adapters/extension/settings';
import { keepSettingsRepaired, parseSettings, repairSettings } from '../../adapters/extension/settings-repair';

const DEFAULTS = { enabled: true, disabledSites: [], marks: 'first', muted: [] };

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  writes = [];
  const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
    writes.push(structuredClone(items));
    return set(items);
  });
});

describe('parseSettings', () => {
  it('nothing stored yet: the defaults, and nothing to report', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULTS, problems: [] });
  });

  it('valid settings pass unchanged', () => {
    const stored = { enabled: false, disabledSites: ['www.dawn.com', 'example.org'], marks: 'first', muted: [] };
    expect(parseSettings(stored)).toEqual({ settings: stored, problems: [] });
  });

  it('the defaults it returns are a fresh object each time', () => {
    const a = parseSettings(undefined).settings;
    a.disabledSites.push('x.org');
    expect(parseSettings(undefined).settings).toEqual(DEFAULTS);
    expect(DEFAULT_SETTINGS.disabledSites).toEqual([]);
  });

  it.each([
    ['a string', 'garbage', /expected an object, found "garbage"/],
    ['a number', 42, /expected an object, found number/],
    ['null', null, /expected an object, found null/],
    ['a list', [1, 2, 3], /expected an object, found a list/],
    ['a boolean', true, /expected an object, found boolean/],
  ])('not an object (%s): the defaults, with the reason', (_, raw, reason) => {
    const { settings, problems } = parseSettings(raw);
    expect(settings).toEqual(DEFAULTS);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(reason);
  });

  it('a wrong type in one field falls back for that field only', () => {
    expect(parseSettings({ enabled: 'yes', disabledSites: ['a.org'] })).toEqual({
      settings: { enabled: true, disabledSites: ['a.org'], marks: 'first', muted: [] },
      problems: ['settings.enabled: expected true or false, found "yes"'],
    });
    expect(parseSettings({ enabled: false, disabledSites: 'a.org' })).toEqual({
      settings: { enabled: false, disabledSites: [], marks: 'first', muted: [] },
      problems: ['settings.disabledSites: expected a list, found "a.org"'],
    });
    expect(parseSettings({ enabled: null, disabledSites: { 'a.org': true } }).problems).toEqual([
      'settings.enabled: expected true or false, found null',
      'settings.disabledSites: expected a list, found object',
    ]);
  });

  it('marks: all, first mentions or none; quiet (first) when missing, with a problem when unknown', () => {
    expect(parseSettings({ enabled: true, disabledSites: [], marks: 'none', muted: [] }).settings.marks).toBe('none');
    expect(parseSettings({ enabled: true, disabledSites: [] })).toEqual({
      settings: { enabled: true, disabledSites: [], marks: 'first', muted: [] },
      problems: [],
    });
    expect(parseSettings({ enabled: true, disabledSites: [], marks: 'loud' })).toEqual({
      settings: { enabled: true, disabledSites: [], marks: 'first', muted: [] },
      problems: ['settings.marks: expected all, first, none, found "loud"'],
    });
  });

  it('muted names: kept per site or everywhere, read without case; bad entries dropped with a problem', () => {
    const raw = {
      enabled: true,
      disabledSites: [],
      marks: 'first',
      muted: [{ name: 'Khan', site: 'Dawn.com' }, { name: 'Sharif' }, { name: '' }, 'x'],
    };
    const { settings, problems } = parseSettings(raw);
    expect(settings.muted).toEqual([{ name: 'Khan', site: 'Dawn.com' }, { name: 'Sharif' }]);
    expect(problems).toEqual(['settings.muted: dropped entries that are not names']);
    expect([...mutedOn(settings, 'dawn.com')]).toEqual(['khan', 'sharif']);
    expect([...mutedOn(settings, 'bbc.com')]).toEqual(['sharif']);
    const unmuted = withMuted(settings, 'KHAN', 'Dawn.com', false);
    expect(unmuted.muted).toEqual([{ name: 'Sharif' }]);
    expect(withMuted(unmuted, 'Bajwa', null, true).muted).toEqual([{ name: 'Sharif' }, { name: 'Bajwa' }]);
  });

  it('entries that are not host names are dropped; hosts are lower-cased and deduplicated', () => {
    const { settings, problems } = parseSettings({
      enabled: true,
      disabledSites: ['A.org', 'a.org', '', 7, null, { host: 'b' }, 'b.org'],
    });
    expect(settings.disabledSites).toEqual(['a.org', 'b.org']);
    expect(problems).toEqual(['settings.disabledSites: dropped entries that are not host names']);
  });

  it('an out-of-date shape (unknown fields) keeps what it can and drops the rest', () => {
    const { settings, problems } = parseSettings({
      version: 0,
      enabled: false,
      sites: { 'a.org': false },
      theme: 'dark',
    });
    expect(settings).toEqual({ enabled: false, disabledSites: [], marks: 'first', muted: [] });
    expect(problems).toEqual([
      'settings.version: unknown, dropped',
      'settings.sites: unknown, dropped',
      'settings.theme: unknown, dropped',
    ]);
  });

  it('a very long string is quoted only in part', () => {
    const { problems } = parseSettings({ enabled: 'x'.repeat(10_000) });
    expect(problems[0]!.length).toBeLessThan(120);
  });

  it('prototype tricks are just unknown fields', () => {
    const raw = JSON.parse('{"__proto__": {"enabled": false}, "constructor": 1, "enabled": true}') as unknown;
    const { settings, problems } = parseSettings(raw);
    expect(settings).toEqual(DEFAULTS);
    expect(problems).toEqual(['settings.__proto__: unknown, dropped', 'settings.constructor: unknown, dropped']);
    expect(({} as Record<string, unknown>).enabled).toBeUndefined();
  });

  it('reads the same values as the content script’s lean reading, whatever it is given', () => {
    for (const raw of [
      undefined,
      null,
      'x',
      [],
      { enabled: 0, disabledSites: [1, 'A.org', 'a.org'], marks: 'none', z: 1 },
    ])
      expect(parseSettings(raw).settings).toEqual(readSettings(raw));
  });

  it('never throws, whatever it is given', () => {
    const odd: unknown[] = [
      Symbol('s'),
      () => 1,
      new Date(),
      new Map(),
      Object.create(null),
      { enabled: Symbol('e') },
      { disabledSites: [Symbol('x')] },
      10n,
    ];
    for (const raw of odd) {
      const { settings } = parseSettings(raw);
      expect(typeof settings.enabled).toBe('boolean');
      expect(Array.isArray(settings.disabledSites)).toBe(true);
    }
  });
});

describe('repairSettings (the background and the popup)', () => {
  it('corrupt settings: defaults, one console warning naming the problems, and the repaired value written back', async () => {
    await seed({ enabled: 'yes', disabledSites: 'nope', extra: 1 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(repairSettings()).resolves.toEqual(DEFAULTS);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(
      /^Backstory: stored settings were repaired \(settings\.enabled: .*; settings\.disabledSites: .*; settings\.extra: unknown, dropped\)$/,
    );
    expect(error).not.toHaveBeenCalled();
    expect(writes).toEqual([{ settings: DEFAULTS }]);
    // Once repaired, the next load is quiet and writes nothing.
    await expect(repairSettings()).resolves.toEqual(DEFAULTS);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(writes).toHaveLength(1);
  });

  it('the valid part of a damaged value is kept', async () => {
    await seed({ enabled: false, disabledSites: ['Dawn.com', 3], marks: 'first', muted: [] });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(repairSettings()).resolves.toEqual({
      enabled: false,
      disabledSites: ['dawn.com'],
      marks: 'first',
      muted: [],
    });
    expect(await stored()).toEqual({ enabled: false, disabledSites: ['dawn.com'], marks: 'first', muted: [] });
  });

  it('nothing stored: defaults, no warning, nothing written', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(repairSettings()).resolves.toEqual(DEFAULTS);
    expect(warn).not.toHaveBeenCalled();
    expect(writes).toEqual([]);
  });

  it('valid settings: returned as stored, no warning, nothing written', async () => {
    await seed({ enabled: true, disabledSites: ['a.org'], marks: 'first', muted: [] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(repairSettings()).resolves.toEqual({
      enabled: true,
      disabledSites: ['a.org'],
      marks: 'first',
      muted: [],
    });
    expect(warn).not.toHaveBeenCalled();
    expect(writes).toEqual([]);
  });

  it('the content script only reads: the same values, nothing said, nothing written', async () => {
    await seed({ enabled: 'yes', disabledSites: ['Dawn.com', 3], marks: 'loud' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(loadSettings()).resolves.toEqual(parseSettings(await stored()).settings);
    expect(warn).not.toHaveBeenCalled();
    expect(writes).toEqual([]);
  });

  it('the background repairs a bad value whenever one is written', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    keepSettingsRepaired();
    await fakeBrowser.storage.local.set({ settings: { enabled: 'no', marks: 'all', muted: [] } });
    await vi.waitFor(() =>
      expect(writes.at(-1)).toEqual({ settings: { enabled: true, disabledSites: [], marks: 'all', muted: [] } }),
    );
  });
});

describe('watchSettings', () => {
  it('a corrupt value written while a page is open reaches listeners parsed', async () => {
    const seen: unknown[] = [];
    const stop = watchSettings((s) => seen.push(s));
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    await fakeBrowser.storage.local.set({
      settings: { enabled: false, disabledSites: ['a.org', 5], marks: 'first', muted: [] },
    });
    await fakeBrowser.storage.local.remove('settings'); // cleared
    await fakeBrowser.storage.sync.set({ settings: { enabled: false } }); // another area: ignored
    await fakeBrowser.storage.local.set({ other: 1 }); // another key: ignored
    expect(seen).toEqual([DEFAULTS, { enabled: false, disabledSites: ['a.org'], marks: 'first', muted: [] }, DEFAULTS]);
    stop();
    await fakeBrowser.storage.local.set({ settings: 'after' });
    expect(seen).toHaveLength(3);
  });
});

describe('isActiveOn and withSite', () => {
  it('per-site switches ignore the case of host names', () => {
    const off = withSite({ enabled: true, disabledSites: [], marks: 'first', muted: [] }, 'WWW.Dawn.com', false);
    expect(off.disabledSites).toEqual(['www.dawn.com']);
    expect(isActiveOn(off, 'www.DAWN.com')).toBe(false);
    expect(isActiveOn(off, 'dawn.com')).toBe(true);
    expect(isActiveOn(withSite(off, 'www.dawn.com', true), 'www.dawn.com')).toBe(true);
    expect(isActiveOn({ enabled: false, disabledSites: [], marks: 'first', muted: [] }, 'a.org')).toBe(false);
  });
});
