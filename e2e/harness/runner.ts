/**
 * A small serial test runner for the real-browser tests. One Chromium with the built
 * extension serves every test (launching one per test would triple the run time); each
 * test gets fresh pages, and fails if the extension sent a request anywhere but the
 * fixture server, or logged an error. Ends with the line "N passed, N failed".
 */
import type { ConsoleMessage, Page } from 'playwright-core';
import { launchWithExtension, openExtensionPage, type ExtensionBrowser } from './chromium';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { tabIdOf } from './tabs';

export interface E2E {
  browser: ExtensionBrowser;
  server: FixtureServer;
  /** Opens a fixture page (path under the server, e.g. /fixtures/article.html). */
  open(path: string, options?: { colorScheme?: 'light' | 'dark' }): Promise<Page>;
  /** Opens popup.html; with a page, as the popup of that page's tab. */
  popup(forPage?: Page): Promise<Page>;
  /** Opens sidepanel.html; with a page, following that page's tab. */
  sidePanel(forPage?: Page): Promise<Page>;
  /** Errors our code logged in any page this test opened. */
  errors: string[];
}

type TestFn = (t: E2E) => Promise<void>;
const registered: { name: string; fn: TestFn }[] = [];

export function test(name: string, fn: TestFn): void {
  registered.push({ name, fn });
}

/**
 * An error is ours when our code logged it (messages start with "Backstory") or when it
 * was thrown from one of the extension's scripts, content script included: their stack
 * frames and console locations carry the extension's origin.
 */
function isOurs(message: ConsoleMessage, origin: string): boolean {
  if (message.type() !== 'error') return false;
  return /backstory/i.test(message.text()) || message.location().url.startsWith(origin);
}

function isOurException(error: Error, origin: string): boolean {
  const stack = String(error.stack);
  return /backstory/i.test(stack) || stack.includes(origin);
}

export async function runRegistered(filter?: string): Promise<{ passed: number; failed: number }> {
  const server = await startFixtureServer();
  const browser = await launchWithExtension({ allowedOrigins: [server.origin] });
  let passed = 0;
  let failed = 0;
  try {
    for (const { name, fn } of registered) {
      if (filter && !name.includes(filter)) continue;
      const pages: Page[] = [];
      const errors: string[] = [];
      const track = (page: Page) => {
        pages.push(page);
        page.on('console', (m) => isOurs(m, browser.extensionOrigin) && errors.push(m.text()));
        page.on('pageerror', (e) => isOurException(e, browser.extensionOrigin) && errors.push(String(e)));
        return page;
      };
      const strayBefore = browser.strayRequests().length;
      const t: E2E = {
        browser,
        server,
        errors,
        open: async (path, options) => {
          const page = track(await browser.context.newPage());
          if (options?.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
          await page.goto(server.url(path));
          return page;
        },
        popup: async (forPage) => {
          const query = forPage ? `?tab=${await tabIdOf(browser, forPage)}` : '';
          return track(await openExtensionPage(browser, `popup.html${query}`));
        },
        sidePanel: async (forPage) => {
          const query = forPage ? `?tab=${await tabIdOf(browser, forPage)}` : '';
          return track(await openExtensionPage(browser, `sidepanel.html${query}`));
        },
      };
      const started = Date.now();
      try {
        await withTimeout(fn(t), 90_000, name);
        const stray = browser.strayRequests().slice(strayBefore);
        if (stray.length) throw new Error(`requests left the browser: ${stray.map((r) => r.url).join(', ')}`);
        if (errors.length) throw new Error(`errors logged: ${errors.join(' | ')}`);
        passed++;
        console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed++;
        console.log(
          `  ✗ ${name}\n    ${(error instanceof Error ? (error.stack ?? error.message) : String(error)).split('\n').slice(0, 16).join('\n    ')}`,
        );
      } finally {
        await Promise.all(pages.map((p) => p.close().catch(() => undefined)));
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { passed, failed };
}

function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`"${name}" timed out after ${ms} ms`)), ms);
    }),
  ]);
}
