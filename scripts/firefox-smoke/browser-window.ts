/**
 * The browser window (chrome scope, reachable with --remote-allow-system-access): the
 * sidebar and the toolbar popup are not tabs, so BiDi cannot screenshot or script them
 * as it does tabs. The window's own script can open them and draw them, and the add-on's
 * pages can read their DOM through browser.extension.getViews().
 */
import type { Bidi } from './bidi';
import { GECKO_ID } from './extension';
import { saveScreenshot } from './screenshots';
import { evaluate } from './tabs';

/** Runs `expression` (may await) in the browser window's privileged scope; JSON back. */
export async function chromeEvaluate<T>(bidi: Bidi, expression: string): Promise<T> {
  const tree = await bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree', {
    'moz:scope': 'chrome',
    maxDepth: 0,
  });
  const result = await bidi.send<{ type: string; result?: { value?: string }; exceptionDetails?: { text: string } }>(
    'script.evaluate',
    {
      expression: `(async () => JSON.stringify(await (async () => { ${expression} })()))()`,
      target: { context: tree.contexts[0]!.context },
      awaitPromise: true,
      resultOwnership: 'none',
    },
  );
  if (result.type !== 'success') throw new Error(`browser window script failed: ${result.exceptionDetails?.text}`);
  const value = result.result?.value;
  return (value === undefined ? undefined : JSON.parse(value)) as T;
}

/**
 * Saves a PNG of what a <browser> element in the window shows (`browserElement` is an
 * expression for it), drawn by Firefox's own snapshot of its document.
 */
export async function snapshotBrowser(bidi: Bidi, browserElement: string, file: string): Promise<void> {
  const dataUrl = await chromeEvaluate<string>(
    bidi,
    `const bitmap = await (${browserElement}).browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white');
     const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
     canvas.width = bitmap.width;
     canvas.height = bitmap.height;
     canvas.getContext('2d').drawImage(bitmap, 0, 0);
     return canvas.toDataURL('image/png');`,
  );
  saveScreenshot(file, Buffer.from(dataUrl.split(',')[1]!, 'base64'));
}

/**
 * Runs `body` (may await) in one of the add-on's pages, `extensionPage`, with `view` and
 * `doc` naming the open sidebar's or popup's window and document; null when it is not open.
 */
export async function readAddonView<T>(
  bidi: Bidi,
  extensionPage: string,
  type: 'sidebar' | 'popup',
  body: string,
): Promise<T | null> {
  return evaluate<T | null>(
    bidi,
    extensionPage,
    `const view = browser.extension.getViews({ type: '${type}' })[0];
     if (!view) return null;
     const doc = view.document;
     ${body}`,
  );
}

/** The window with its sidebar and tabs' contents (the screenshot a reader would take). */
export const WINDOW = 'window';
/** The sidebar's extension page. */
export const SIDEBAR_BROWSER =
  "document.getElementById('sidebar').contentDocument.getElementById('webext-panels-browser')";
/** The toolbar popup's page. */
export const POPUP_BROWSER = "document.querySelector('.webextension-popup-browser')";

/** Firefox's id for the add-on's sidebar: its widget id (non-alphanumerics as _) and a suffix. */
export const SIDEBAR_ID = `${GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-sidebar-action`;
