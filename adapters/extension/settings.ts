/**
 * The reader's switches, stored with browser.storage.local. Whatever is stored is
 * read, never trusted: an old or corrupt value falls back to the defaults for the parts
 * that are wrong (settings-repair.ts says so and writes it back repaired).
 */
import { browser } from './browser-api';

/** Which mentions get a visible mark: every one, the first of each entity per part of the page, none (hover only). */
export const MARK_MODES = ['all', 'first', 'none'] as const;
export type MarkMode = (typeof MARK_MODES)[number];

export interface Settings {
  /** Backstory on or off everywhere. */
  enabled: boolean;
  /** Hosts (e.g. "www.dawn.com") where it is switched off. */
  disabledSites: string[];
  marks: MarkMode;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  disabledSites: [],
  marks: 'first',
});
export const SETTINGS_KEY = 'settings';

/**
 * The settings in a stored value, each field falling back to its default when it is
 * missing or wrong. Lean, for the content script: what was wrong is said, and the value
 * repaired, by settings-repair.ts in the background and the popup.
 */
export function readSettings(raw: unknown): Settings {
  const value = (raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const sites = Array.isArray(value.disabledSites) ? value.disabledSites : [];
  return {
    enabled: typeof value.enabled === 'boolean' ? value.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: [
      ...new Set(sites.filter((s): s is string => typeof s === 'string' && s.length > 0).map((s) => s.toLowerCase())),
    ],
    marks: (MARK_MODES as readonly unknown[]).includes(value.marks)
      ? (value.marks as MarkMode)
      : DEFAULT_SETTINGS.marks,
  };
}

export function isActiveOn(settings: Settings, host: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(host.toLowerCase());
}

export function withSite(settings: Settings, host: string, active: boolean): Settings {
  const others = settings.disabledSites.filter((h) => h !== host.toLowerCase());
  return { ...settings, disabledSites: active ? others : [...others, host.toLowerCase()] };
}

export async function loadSettings(): Promise<Settings> {
  return readSettings(await loadStoredSettings());
}

/** The value as stored, unread. */
export async function loadStoredSettings(): Promise<unknown> {
  return (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

/** Calls `listener` with the parsed settings whenever they change, from any context. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener(readSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
