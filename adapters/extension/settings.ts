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
  /** Names the reader muted: never marked, on one site or (no `site`) everywhere. */
  muted: MutedName[];
}

export interface MutedName {
  /** As printed where it was muted; compared without case. */
  name: string;
  site?: string;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  disabledSites: [],
  marks: 'first',
  muted: [],
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
  const muted = Array.isArray(value.muted) ? (value.muted as unknown[]).filter(isMutedName) : [];
  return {
    enabled: typeof value.enabled === 'boolean' ? value.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: [
      ...new Set(sites.filter((s): s is string => typeof s === 'string' && s.length > 0).map((s) => s.toLowerCase())),
    ],
    marks: (MARK_MODES as readonly unknown[]).includes(value.marks)
      ? (value.marks as MarkMode)
      : DEFAULT_SETTINGS.marks,
    muted,
  };
}

export function isMutedName(value: unknown): value is MutedName {
  const m = value as MutedName | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof m.name === 'string' &&
    m.name.trim().length > 0 &&
    (m.site === undefined || typeof m.site === 'string')
  );
}

/** The muted names that apply on `host`, lower-cased. */
export function mutedOn(settings: Settings, host: string): Set<string> {
  const h = host.toLowerCase();
  return new Set(settings.muted.filter((m) => !m.site || m.site.toLowerCase() === h).map((m) => m.name.toLowerCase()));
}

/** Mutes `name` on `site` (everywhere without one), or takes that mute back. */
export function withMuted(settings: Settings, name: string, site: string | null, on: boolean): Settings {
  const key = name.toLowerCase();
  const others = settings.muted.filter((m) => !(m.name.toLowerCase() === key && (m.site ?? null) === site));
  return { ...settings, muted: on ? [...others, site ? { name, site } : { name }] : others };
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
