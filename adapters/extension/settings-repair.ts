/**
 * Says what is wrong with stored settings and writes them back repaired: in the
 * background (at start-up and whenever they change) and in the popup, not in the
 * content script, which only reads them (settings.ts). The values are the content
 * script's reading: this adds the reasons.
 */
import { browser } from './browser-api';
import {
  isMutedName,
  loadStoredSettings,
  MARK_MODES,
  readSettings,
  saveSettings,
  SETTINGS_KEY,
  type Settings,
} from './settings';

export interface ParsedSettings {
  settings: Settings;
  /** Why the stored value was not used as it was; empty when it was fine. */
  problems: string[];
}

const FIELDS = ['enabled', 'disabledSites', 'marks', 'muted'];

export function parseSettings(raw: unknown): ParsedSettings {
  const settings = readSettings(raw);
  if (raw === undefined) return { settings, problems: [] };
  const problems: string[] = [];
  const value =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  if (!value) return { settings, problems: [`settings: expected an object, found ${describe(raw)}`] };
  if ('enabled' in value && typeof value.enabled !== 'boolean')
    problems.push(`settings.enabled: expected true or false, found ${describe(value.enabled)}`);
  if ('disabledSites' in value) {
    if (!Array.isArray(value.disabledSites))
      problems.push(`settings.disabledSites: expected a list, found ${describe(value.disabledSites)}`);
    else if (value.disabledSites.some((s) => typeof s !== 'string' || s.length === 0))
      problems.push('settings.disabledSites: dropped entries that are not host names');
  }
  if ('marks' in value && !(MARK_MODES as readonly unknown[]).includes(value.marks))
    problems.push(`settings.marks: expected ${MARK_MODES.join(', ')}, found ${describe(value.marks)}`);
  if ('muted' in value) {
    if (!Array.isArray(value.muted)) problems.push(`settings.muted: expected a list, found ${describe(value.muted)}`);
    else if (!value.muted.every(isMutedName)) problems.push('settings.muted: dropped entries that are not names');
  }
  for (const key of Object.keys(value)) if (!FIELDS.includes(key)) problems.push(`settings.${key}: unknown, dropped`);
  return { settings, problems };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? `"${value.slice(0, 40)}"` : typeof value;
}

/** The stored settings, repaired in storage (with one warning naming the problems) when they need it. */
export async function repairSettings(raw?: unknown): Promise<Settings> {
  const { settings, problems } = parseSettings(raw === undefined ? await loadStoredSettings() : raw);
  if (problems.length) {
    console.warn(`Backstory: stored settings were repaired (${problems.join('; ')})`);
    await saveSettings(settings);
  }
  return settings;
}

/** Repairs now and whenever another context writes a bad value (the background's job). */
export function keepSettingsRepaired(): void {
  void repairSettings();
  browser.storage.onChanged.addListener((changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_KEY];
    if (area === 'local' && change && change.newValue !== undefined) void repairSettings(change.newValue);
  });
}
