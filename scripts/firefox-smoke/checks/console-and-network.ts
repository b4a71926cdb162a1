/** What the run left behind: the browser console's errors, and requests beyond 127.0.0.1. */
import { chromeEvaluate } from '../browser-window';
import { GECKO_ID } from '../extension';
import { record } from '../report';
import type { Run } from '../session';
import { sleep } from '../wait';

interface ConsoleEntry {
  level: string;
  text: string;
  source: string;
}

/**
 * The browser console, as Browser Console shows it: script errors (nsIScriptError) and
 * console.* calls from every context, the add-on's background, content scripts, popup
 * and sidebar included, which BiDi's log events (tabs only) do not cover.
 */
async function browserConsole(run: Run): Promise<ConsoleEntry[]> {
  return chromeEvaluate<ConsoleEntry[]>(
    run.bidi,
    `const out = [];
     for (const m of Services.console.getMessageArray() ?? []) {
       if (!(m instanceof Ci.nsIScriptError)) continue;
       const level = m.flags & Ci.nsIScriptError.warningFlag ? 'warn' : m.flags & Ci.nsIScriptError.infoFlag ? 'info' : 'error';
       out.push({ level, text: m.errorMessage, source: m.sourceName || m.category });
     }
     const storage = Cc['@mozilla.org/consoleAPI-storage;1'].getService(Ci.nsIConsoleAPIStorage);
     for (const e of storage.getEvents()) {
       const event = e.wrappedJSObject ?? e;
       if (event.level !== 'error' && event.level !== 'warn') continue;
       const text = [...(event.arguments ?? [])].map((a) => { try { return typeof a === 'string' ? a : String(a); } catch { return '?'; } }).join(' ');
       out.push({ level: event.level, text, source: (event.addonId ? event.addonId + ' ' : '') + (event.filename ?? '') });
     }
     return out;`,
  );
}

/**
 * What Firefox itself logs while it tears down an add-on's page or content script (the
 * stacks hold none of our frames, or end in a promise of ours that the page outlived):
 * a storage.onChanged listener unregistered on a closed channel, a reply that came after
 * its document went. Seen on closing a tab the content script ran in, on closing the
 * popup or the sidebar, and for the about:blank a new tab starts with. Listed, not failed.
 */
const FIREFOX_TEARDOWN =
  /^(sendRemoveListener on closed conduit|Promise (resolved|rejected) after context unloaded|WebExtension context not found!)/;

export async function checkQuiet(run: Run, trapHits: string[]): Promise<void> {
  await sleep(500);
  // Ours: anything from the add-on's files or naming Backstory. Firefox's own messages
  // in a fresh headless profile are listed, not failed; so is the favicon request the
  // strict-CSP page refuses (the browser's, not ours).
  const entries = await browserConsole(run).catch((error: Error) => [
    { level: 'error', text: `could not read the console: ${error.message}`, source: 'smoke test' },
  ]);
  const ours = (e: ConsoleEntry) =>
    (e.source.includes(run.base) || e.source.includes(GECKO_ID) || /backstory|moz-extension:/i.test(e.text)) &&
    !FIREFOX_TEARDOWN.test(e.text);
  const errors = entries.filter((e) => e.level === 'error' && ours(e));
  const pageErrors = run.logs.filter((l) => l.level === 'error' && !/favicon\.ico/.test(l.text));
  record(
    'browser console: no errors from the add-on (background, content scripts, popup, sidebar) or on the pages',
    errors.length === 0 && pageErrors.length === 0,
    errors.length || pageErrors.length
      ? [...errors.map((e) => `[${e.source}] ${e.text}`), ...pageErrors.map((e) => `[${e.context}] ${e.text}`)].join(
          ' | ',
        )
      : `${entries.length} console entries in all, none an error of ours`,
  );
  const teardown = entries.filter((e) => FIREFOX_TEARDOWN.test(e.text));
  if (teardown.length) {
    const kinds = [...new Set(teardown.map((e) => e.text.replace(/ backstory@\S+/, '').trim()))];
    console.log(`      Firefox teardown messages (not failures): ${teardown.length} × ${kinds.join(' / ')}`);
  }
  for (const e of entries.filter((e) => e.level !== 'info' && !errors.includes(e) && !teardown.includes(e))) {
    console.log(`      console ${e.level} [${e.source}] ${e.text.slice(0, 200)}`);
  }
  const outside = run.requests.filter(
    (url) => !/^(http:\/\/127\.0\.0\.1[:/]|moz-extension:|about:|data:|blob:)/.test(url),
  );
  record(
    'network: no request left 127.0.0.1',
    outside.length === 0 && trapHits.length === 0,
    outside.length || trapHits.length
      ? [...outside, ...trapHits.map((h) => `via proxy: ${h}`)].join(', ')
      : `${run.requests.length} tab requests, all to 127.0.0.1 or the add-on; nothing reached the proxy trap`,
  );
}
