/**
 * Launches Debian's Chromium with the unpacked extension through playwright-core, and
 * watches every request the browser makes on the extension's behalf.
 */
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROME_BUILD = resolve('.output/chrome-mv3');

/**
 * Flags: the first two load our build and no other extension; the rest keep Chromium
 * from reaching for the network on its own (updates, sync, field trials), which on a
 * closed network floods the log and would be mistaken for our traffic.
 */
function chromiumArgs(extensionPath: string): string[] {
  return [
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-domain-reliability',
    '--disable-features=OptimizationHints,MediaRouter,Translate',
    '--metrics-recording-only',
    // Any name that is not loopback fails at once instead of waiting on a closed network.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ];
}

export interface NetworkRecord {
  url: string;
  from: string;
  at: number;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  extensionOrigin: string;
  /** Every request that went neither to an allowed origin nor to the extension itself. */
  strayRequests(): NetworkRecord[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionPath?: string;
  /** Origins requests may go to besides the extension itself (the fixture server). */
  allowedOrigins: string[];
  headless?: boolean;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
}

export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  const extensionPath = options.extensionPath ?? CHROME_BUILD;
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`no extension build at ${extensionPath}: run "npm run build" first`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: run "npm run setup" (installs Debian's chromium)`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'backstory-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    args: chromiumArgs(extensionPath),
    viewport: options.viewport ?? { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });

  const stray: NetworkRecord[] = [];
  const allowed = (url: string) =>
    url.startsWith('chrome-extension://') ||
    url.startsWith('data:') ||
    url.startsWith('blob:') ||
    url === 'about:blank' ||
    options.allowedOrigins.some((origin) => url.startsWith(origin + '/') || url === origin);
  const watch = (from: string) => (request: Request) => {
    if (!allowed(request.url())) stray.push({ url: request.url(), from, at: Date.now() });
  };
  // Page requests include what content scripts fetch; service worker requests are
  // reported on the context in Chromium, which covers the background.
  context.on('request', watch('context'));

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  // Node's URL gives an opaque origin ("null") for chrome-extension: URLs; build it.
  const extensionId = new URL(worker.url()).host;
  const extensionOrigin = `chrome-extension://${extensionId}`;

  return {
    context,
    extensionId,
    extensionOrigin,
    strayRequests: () => [...stray],
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Opens an extension page (popup.html, sidepanel.html) as a tab. */
export async function openExtensionPage(browser: ExtensionBrowser, path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${browser.extensionOrigin}/${path}`);
  return page;
}
