/**
 * "Show on timeline": whoever asks (the background, for a card or the popup) writes the
 * entity to `browser.storage.local` under `timelineFocus` and opens the side panel; the
 * panel reads it when it loads, and follows later requests through `storage.onChanged`
 * (the panel may already be open). Storage rather than a message, because the panel may
 * not exist yet when the request is made.
 */
import { browser } from './browser-api';

export const TIMELINE_FOCUS_KEY = 'timelineFocus';

/**
 * A request is followed on load only if it is this fresh (the panel it opened is loading
 * now): an older one was for a panel that has since closed.
 */
export const FOCUS_FRESH_MS = 10_000;

export interface TimelineFocus {
  entityId: string;
  /** When it was asked for (ms since the epoch); also makes a repeated request a change. */
  at: number;
}

export function parseTimelineFocus(raw: unknown): TimelineFocus | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { entityId, at } = raw as { entityId?: unknown; at?: unknown };
  if (typeof entityId !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(entityId)) return null;
  if (typeof at !== 'number' || !Number.isFinite(at)) return null;
  return { entityId, at };
}

export async function requestTimelineFocus(entityId: string): Promise<void> {
  const focus: TimelineFocus = { entityId, at: Date.now() };
  await browser.storage.local.set({ [TIMELINE_FOCUS_KEY]: focus });
}

/** The pending request, if one was made in the last `maxAgeMs`. */
export async function readTimelineFocus(maxAgeMs = FOCUS_FRESH_MS, now = Date.now()): Promise<TimelineFocus | null> {
  const stored = await browser.storage.local.get(TIMELINE_FOCUS_KEY);
  const focus = parseTimelineFocus(stored[TIMELINE_FOCUS_KEY]);
  return focus && now - focus.at <= maxAgeMs ? focus : null;
}

/**
 * Marks a request as handled by removing it, unless a newer one has replaced it, so a
 * panel opened later does not jump to it again.
 */
export async function clearTimelineFocus(handled: TimelineFocus): Promise<void> {
  const stored = await browser.storage.local.get(TIMELINE_FOCUS_KEY);
  const focus = parseTimelineFocus(stored[TIMELINE_FOCUS_KEY]);
  if (focus && focus.at === handled.at && focus.entityId === handled.entityId) {
    await browser.storage.local.remove(TIMELINE_FOCUS_KEY);
  }
}

/** Calls `cb` with each new request; returns a function that stops watching. */
export function watchTimelineFocus(cb: (focus: TimelineFocus) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(TIMELINE_FOCUS_KEY in changes)) return;
    const focus = parseTimelineFocus(changes[TIMELINE_FOCUS_KEY]!.newValue);
    if (focus) cb(focus);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
