/** Where the run's screenshots go: emptied at the start, one PNG a file. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SCREENSHOT_DIR = resolve('.output/firefox-smoke');

export function clearScreenshots(): void {
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
}

export function saveScreenshot(file: string, png: Buffer): void {
  writeFileSync(join(SCREENSHOT_DIR, file), png);
}
