/**
 * The reader's switches, stored with browser.storage.local. Whatever is stored is
 * parsed, never trusted: an old or corrupt value falls back to the defaults for the
 * parts that are wrong, with a console warning, and is written back repaired.
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
const KEY = 'settings';

export interface ParsedSettings {
  settings: Settings;
  /** Why the stored value was not used as it was; empty when it was fine. */
  problems: string[];
}

export function parseSettings(raw: unknown): ParsedSettings {
  if (raw === undefined) return { settings: { ...DEFAULT_SETTINGS, disabledSites: [] }, problems: [] };
  const problems: string[] = [];
  const value =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  if (!value) problems.push(`settings: expected an object, found ${describe(raw)}`);
  let enabled = DEFAULT_SETTINGS.enabled;
  if (value && 'enabled' in value) {
    if (typeof value.enabled === 'boolean') enabled = value.enabled;
    else problems.push(`settings.enabled: expected true or false, found ${describe(value.enabled)}`);
  }
  let disabledSites: string[] = [];
  if (value && 'disabledSites' in value) {
    if (Array.isArray(value.disabledSites)) {
      disabledSites = value.disabledSites.filter((s): s is string => typeof s === 'string' && s.length > 0);
      if (disabledSites.length !== value.disabledSites.length)
        problems.push('settings.disabledSites: dropped entries that are not host names');
      disabledSites = [...new Set(disabledSites.map((s) => s.toLowerCase()))];
    } else {
      problems.push(`settings.disabledSites: expected a list, found ${describe(value.disabledSites)}`);
    }
  }
  let marks = DEFAULT_SETTINGS.marks;
  if (value && 'marks' in value) {
    if ((MARK_MODES as readonly unknown[]).includes(value.marks)) marks = value.marks as MarkMode;
    else problems.push(`settings.marks: expected ${MARK_MODES.join(', ')}, found ${describe(value.marks)}`);
  }
  if (value) {
    for (const key of Object.keys(value)) {
      if (key !== 'enabled' && key !== 'disabledSites' && key !== 'marks')
        problems.push(`settings.${key}: unknown, dropped`);
    }
  }
  return { settings: { enabled, disabledSites, marks }, problems };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? `"${value.slice(0, 40)}"` : typeof value;
}

export function isActiveOn(settings: Settings, host: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(host.toLowerCase());
}

export function withSite(settings: Settings, host: string, active: boolean): Settings {
  const others = settings.disabledSites.filter((h) => h !== host.toLowerCase());
  return { ...settings, disabledSites: active ? others : [...others, host.toLowerCase()] };
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  const { settings, problems } = parseSettings(stored[KEY]);
  if (problems.length) {
    console.warn(`Backstory: stored settings were repaired (${problems.join('; ')})`);
    await browser.storage.local.set({ [KEY]: settings });
  }
  return settings;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: settings });
}

/** Calls `listener` with the parsed settings whenever they change, from any context. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) listener(parseSettings(changes[KEY]!.newValue).settings);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
