/**
 * Every user-facing string, in one place, grouped by the surface that shows it.
 * Keep sentences whole (no concatenated fragments) so they can be translated later.
 */
export const STRINGS = {
  appName: 'Backstory',
} as const;
