/**
 * Firefox smoke test: runs the Firefox build (.output/firefox-mv2) in a real Firefox and
 * checks, the way a reader would, that it works there too. The end-to-end suite runs in
 * Chromium only (playwright-core cannot drive a stock Firefox), so this drives Firefox
 * through WebDriver BiDi, which Firefox speaks natively, with Node's own WebSocket.
 *
 *   1. the add-on installs (a temporary add-on, unsigned);
 *   2. names on the demo article are marked: in CSS.highlights, and painted (pixels);
 *   3. resting the pointer on a name opens its card, with content (which imports the
 *      web-accessible card-ui.js on the way);
 *   4. the card's "Show on timeline" opens the timeline: in a tab, or in the sidebar
 *      when it is open already;
 *   5. Firefox's own sidebar shows the timeline, fits it, and "This page" filters it;
 *   6. Alt+Shift+N steps through the mentions, one per press;
 *   7. the toolbar popup opens with the search box focused and the page's names;
 *      its page searches (typo-tolerant), reveals a mention, switches the site off and on;
 *   8. a page with a strict CSP is marked and its card styled;
 *   9. the browser console holds no error of the add-on's, and no request left 127.0.0.1.
 *
 * Screenshots go to .output/firefox-smoke/. An optional developer check, not part of
 * `npm test`: without Firefox installed it says so and exits 0.
 *
 * Usage: npm run smoke:firefox [-- --no-build] [--keep-profile]
 *   FIREFOX=/path/to/firefox picks the binary (default: firefox-esr, then firefox on PATH).
 */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { startFixtureServer, type FixtureServer } from '../e2e/harness/fixture-server';
import { HIGHLIGHT_PREFIX } from '../adapters/page/highlighter';

const EXTENSION_DIR = resolve('.output/firefox-mv2');
const OUT = resolve('.output/firefox-smoke');
/** The add-on id in the Firefox manifest (wxt.config.ts). */
const GECKO_ID = 'backstory@backstory-reader.org';
const ARTICLE = '/demo/article.html';
/** The mention the demo hovers: the first "Ali Larijani", in the standfirst. */
const HOVER = { selector: 'article', phrase: 'Ali Larijani' };

// ---------------------------------------------------------------------------------------
// Results

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}
const checks: Check[] = [];

function record(name: string, ok: boolean, detail = ''): boolean {
  checks.push({ name, ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? ` — ${detail}` : ''}`);
  return ok;
}

/** Runs one step; a step that throws fails with its message and the next step still runs. */
async function step(name: string, body: () => Promise<string | void>): Promise<boolean> {
  try {
    const detail = await body();
    return record(name, true, detail ?? '');
  } catch (error) {
    return record(name, false, error instanceof Error ? error.message : String(error));
  }
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Polls `probe` until it answers something truthy, or throws after `timeout` ms. */
async function eventually<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeout = 8000): Promise<T> {
  const end = Date.now() + timeout;
  let last: unknown = null;
  while (Date.now() < end) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
}

// ---------------------------------------------------------------------------------------
// Firefox

function findFirefox(): string | null {
  if (process.env.FIREFOX) return existsSync(process.env.FIREFOX) ? process.env.FIREFOX : null;
  for (const name of ['firefox-esr', 'firefox']) {
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/**
 * Preferences for a quiet profile: Firefox itself makes no request of its own (updates,
 * telemetry, safe browsing, captive portal and connectivity checks, remote settings,
 * studies, push, prefetching...), so any request the run sees is the page's or the
 * add-on's. As a backstop, every proxied request goes to `trapPort`, a local proxy that
 * refuses and records it: Firefox never proxies 127.0.0.1, so the fixture pages load
 * directly and anything else is caught and reported.
 */
function profilePrefs(extensionUuid: string, trapPort: number): Record<string, string | number | boolean> {
  return {
    // The add-on's moz-extension:// host, fixed up front so the run knows its pages' URLs.
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: extensionUuid }),
    'xpinstall.signatures.required': false,
    'extensions.autoDisableScopes': 0,
    'extensions.update.enabled': false,
    'extensions.update.autoUpdateDefault': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'extensions.blocklist.enabled': false,
    'app.update.enabled': false,
    'app.update.auto': false,
    'app.update.checkInstallTime': false,
    'app.normandy.enabled': false,
    'app.normandy.api_url': '',
    'app.shield.optoutstudies.enabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': 'data:,',
    'browser.ping-centre.telemetry': false,
    'browser.newtabpage.activity-stream.feeds.telemetry': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'browser.newtabpage.activity-stream.feeds.topsites': false,
    'browser.newtabpage.activity-stream.feeds.section.topstories': false,
    'browser.newtabpage.enabled': false,
    'browser.startup.homepage': 'about:blank',
    'browser.startup.page': 0,
    'startup.homepage_welcome_url': '',
    'startup.homepage_welcome_url.additional': '',
    'browser.aboutwelcome.enabled': false,
    'browser.shell.checkDefaultBrowser': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.safebrowsing.provider.google.updateURL': '',
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'captivedetect.canonicalURL': '',
    // Release builds ignore this unless MOZ_DISABLE_NONLOCAL_CONNECTIONS is set (see
    // launchFirefox); with both, remote settings skips all network activity.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'services.sync.enabled': false,
    'identity.fxaccounts.enabled': false,
    'dom.push.enabled': false,
    'dom.push.connection.enabled': false,
    'dom.push.serverURL': '',
    'browser.search.update': false,
    'browser.search.geoip.url': '',
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'geo.provider.network.url': '',
    'browser.discovery.enabled': false,
    'extensions.htmlaboutaddons.recommendations.enabled': false,
    'browser.contentblocking.report.monitor.enabled': false,
    'privacy.trackingprotection.enabled': false,
    'network.prefetch-next': false,
    'network.dns.disablePrefetch': true,
    'network.http.speculative-parallel-limit': 0,
    'network.predictor.enabled': false,
    'network.trr.mode': 5,
    'media.gmp-manager.url': '',
    'media.gmp-gmpopenh264.enabled': false,
    'media.gmp-widevinecdm.enabled': false,
    'browser.translations.enable': false,
    'browser.ml.enable': false,
    'dom.security.https_only_mode': false,
    // browserAction.openPopup() from an extension page opens the real toolbar popup.
    'extensions.openPopupWithoutUserGesture.enabled': true,
    // The backstop: everything that is not 127.0.0.1 goes to the trap.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': trapPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': trapPort,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.allow_hijacking_localhost': false,
    // The article keeps its timers at full speed while the popup page is the tab in front.
    'dom.min_background_timeout_value': 4,
    // No opening animation on the card: screenshots show it settled.
    'ui.prefersReducedMotion': 1,
  };
}

/** A proxy that answers every request with 403 and remembers what was asked. */
async function startTrap(): Promise<{ port: number; hits: string[]; server: Server }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    hits.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { port: (server.address() as AddressInfo).port, hits, server };
}

/** Starts Firefox and resolves with its WebDriver BiDi address, printed on stderr. */
function launchFirefox(bin: string, profile: string): Promise<{ child: ChildProcess; wsUrl: string }> {
  // --remote-allow-system-access: without it, WebDriver BiDi navigates only to http(s),
  // file and blob URLs (the popup page is a moz-extension:// URL), and cannot reach the
  // browser window, where the sidebar and the toolbar popup live.
  const args = ['--headless', '--no-remote', '--remote-debugging-port=0', '--remote-allow-system-access', '--profile', profile, 'about:blank'];
  const child = spawn(bin, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    // MOZ_DISABLE_NONLOCAL_CONNECTIONS: Firefox refuses connections to anything but this
    // machine (Mozilla's own test setting), and honours the remote settings pref above.
    env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1', MOZ_HEADLESS_WIDTH: '1280', MOZ_HEADLESS_HEIGHT: '860' },
  });
  return new Promise((done, fail) => {
    let stderr = '';
    const timer = setTimeout(() => fail(new Error(`Firefox printed no BiDi address in 30 s:\n${stderr}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        done({ child, wsUrl: m[1]! });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`Firefox exited (${code}) before it was ready:\n${stderr}`));
    });
  });
}

// ---------------------------------------------------------------------------------------
// WebDriver BiDi: commands are JSON messages with an id; events come without one.

type Json = Record<string, unknown>;

class Bidi {
  private nextId = 1;
  private readonly pending = new Map<number, { done: (v: Json) => void; fail: (e: Error) => void }>();
  private readonly listeners: ((method: string, params: Json) => void)[] = [];

  private constructor(private readonly ws: WebSocket) {
    ws.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as Json;
      if (typeof message.id === 'number') {
        const waiter = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.type === 'error') waiter?.fail(new Error(`${message.error}: ${message.message}`));
        else waiter?.done(message.result as Json);
      } else if (message.type === 'event') {
        for (const listener of this.listeners) listener(message.method as string, message.params as Json);
      }
    });
  }

  static async connect(url: string): Promise<Bidi> {
    const ws = new WebSocket(url);
    await new Promise<void>((done, fail) => {
      ws.addEventListener('open', () => done(), { once: true });
      ws.addEventListener('error', () => fail(new Error(`cannot connect to ${url}`)), { once: true });
    });
    return new Bidi(ws);
  }

  send<T = Json>(method: string, params: Json = {}): Promise<T> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise<Json>((done, fail) => this.pending.set(id, { done, fail })) as Promise<T>;
  }

  on(listener: (method: string, params: Json) => void): void {
    this.listeners.push(listener);
  }

  close(): void {
    this.ws.close();
  }
}

/**
 * Evaluates `expression` (may await) in a tab's page and returns its value, passed
 * through JSON. Probes are strings, not functions: a function compiled by tsx may carry
 * helpers (esbuild's `__name`) that do not exist in the page.
 */
async function evaluate<T>(bidi: Bidi, context: string, expression: string): Promise<T> {
  const result = await bidi.send<{ type: string; result?: { value?: string }; exceptionDetails?: { text: string } }>('script.evaluate', {
    expression: `(async () => JSON.stringify(await (async () => { ${expression} })()))()`,
    target: { context },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (result.type !== 'success') throw new Error(`page script failed: ${result.exceptionDetails?.text}`);
  const value = result.result?.value;
  return (value === undefined ? undefined : JSON.parse(value)) as T;
}

async function screenshot(bidi: Bidi, context: string, file: string, clip?: Box): Promise<Buffer> {
  const { data } = await bidi.send<{ data: string }>('browsingContext.captureScreenshot', {
    context,
    ...(clip ? { clip: { type: 'box', ...clip } } : {}),
  });
  const png = Buffer.from(data, 'base64');
  if (file) writeFileSync(join(OUT, file), png);
  return png;
}

async function navigate(bidi: Bidi, context: string, url: string): Promise<void> {
  await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
}

async function newTab(bidi: Bidi, width: number, height: number): Promise<string> {
  const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
  await bidi.send('browsingContext.setViewport', { context, viewport: { width, height } });
  return context;
}

/** Moves the mouse to (x, y) in small steps, as a reader who stops on a word. */
async function moveMouse(bidi: Bidi, context: string, x: number, y: number, from = { x: 5, y: 5 }): Promise<void> {
  const steps = 8;
  const actions = [];
  for (let i = 1; i <= steps; i++) {
    actions.push({
      type: 'pointerMove',
      x: Math.round(from.x + ((x - from.x) * i) / steps),
      y: Math.round(from.y + ((y - from.y) * i) / steps),
      duration: 20,
    });
  }
  await bidi.send('input.performActions', {
    context,
    actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
  });
}

async function click(bidi: Bidi, context: string, x: number, y: number): Promise<void> {
  await bidi.send('input.performActions', {
    context,
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 50 },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ],
  });
}

/** Types `text` key by key into whatever has focus. */
async function type(bidi: Bidi, context: string, text: string): Promise<void> {
  const actions = [...text].flatMap((value) => [
    { type: 'keyDown', value },
    { type: 'keyUp', value },
    { type: 'pause', duration: 30 },
  ]);
  await bidi.send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions }] });
}

// ---------------------------------------------------------------------------------------
// The browser window (chrome scope, reachable with --remote-allow-system-access): the
// sidebar and the toolbar popup are not tabs, so BiDi cannot screenshot or script them
// as it does tabs. The window's own script can open them and draw them, and the add-on's
// pages can read their DOM through browser.extension.getViews().

/** Runs `expression` (may await) in the browser window's privileged scope; JSON back. */
async function chromeEvaluate<T>(bidi: Bidi, expression: string): Promise<T> {
  const tree = await bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const result = await bidi.send<{ type: string; result?: { value?: string }; exceptionDetails?: { text: string } }>('script.evaluate', {
    expression: `(async () => JSON.stringify(await (async () => { ${expression} })()))()`,
    target: { context: tree.contexts[0]!.context },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (result.type !== 'success') throw new Error(`browser window script failed: ${result.exceptionDetails?.text}`);
  const value = result.result?.value;
  return (value === undefined ? undefined : JSON.parse(value)) as T;
}

/**
 * Saves a PNG of what a <browser> element in the window shows (`browserElement` is an
 * expression for it), drawn by Firefox's own snapshot of its document.
 */
async function snapshotBrowser(bidi: Bidi, browserElement: string, file: string): Promise<void> {
  const dataUrl = await chromeEvaluate<string>(
    bidi,
    `const bitmap = await (${browserElement}).browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white');
     const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
     canvas.width = bitmap.width;
     canvas.height = bitmap.height;
     canvas.getContext('2d').drawImage(bitmap, 0, 0);
     return canvas.toDataURL('image/png');`,
  );
  writeFileSync(join(OUT, file), Buffer.from(dataUrl.split(',')[1]!, 'base64'));
}

/** The window with its sidebar and tabs' contents (the screenshot a reader would take). */
const WINDOW = 'window';
/** The sidebar's extension page. */
const SIDEBAR_BROWSER = "document.getElementById('sidebar').contentDocument.getElementById('webext-panels-browser')";
/** The toolbar popup's page. */
const POPUP_BROWSER = "document.querySelector('.webextension-popup-browser')";

/** Firefox's id for the add-on's sidebar: its widget id (non-alphanumerics as _) and a suffix. */
const SIDEBAR_ID = `${GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-sidebar-action`;

// ---------------------------------------------------------------------------------------
// Page probes (strings evaluated in the page; see `evaluate`)

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Texts of every highlighted range, by highlight name, read from the page's own CSS.highlights. */
const HIGHLIGHT_TEXTS = `
  const out = {};
  if (!CSS.highlights) return { unsupported: true };
  for (const [name, highlight] of CSS.highlights) {
    out[name] = [...highlight].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  }
  return out;`;

/**
 * Screen box of the first occurrence of `phrase` inside `selector` (its first line, if
 * it wraps), scrolled to the middle of the window first if `scroll`.
 */
const phraseBox = (selector: string, phrase: string, scroll = false) => `
  const root = document.querySelector(${JSON.stringify(selector)});
  const phrase = ${JSON.stringify(phrase)};
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = n.nodeValue.indexOf(phrase);
    if (i < 0) continue;
    const range = document.createRange();
    range.setStart(n, i);
    range.setEnd(n, i + phrase.length);
    ${scroll ? "n.parentElement.scrollIntoView({ block: 'center' });" : ''}
    const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  }
  return null;`;

interface CardState {
  open: boolean;
  title: string | null;
  text: string;
  box: Box | null;
}

/** The card as the page sees it: <backstory-card>, its open shadow root, its title. */
const CARD_STATE = `
  const host = document.querySelector('backstory-card');
  const shadow = host && host.shadowRoot;
  const frame = shadow && shadow.querySelector('.bs-frame');
  const open = !!host && (host.matches(':popover-open') || host.hasAttribute('data-fallback-open'));
  const r = frame && frame.getBoundingClientRect();
  return {
    open,
    title: open && shadow.querySelector('h2') ? shadow.querySelector('h2').textContent : null,
    text: open && frame ? frame.innerText : '',
    box: open && r ? { x: r.left, y: r.top, width: r.width, height: r.height } : null,
  };`;

/** Box of the first element matching `selector` whose text matches `text` (a regex source). */
const elementBox = (selector: string, text: string, root = 'document') => `
  const root = ${root};
  const re = new RegExp(${JSON.stringify(text)});
  for (const el of root.querySelectorAll(${JSON.stringify(selector)})) {
    if (!re.test(el.textContent)) continue;
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  }
  return null;`;

// ---------------------------------------------------------------------------------------
// Pixels: enough of PNG to tell whether a mark is painted (8-bit RGB or RGBA, no interlace).

function decodePng(png: Buffer): { width: number; height: number; rgba: Uint8Array } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const depth = png[24];
  const colorType = png[25];
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (depth !== 8 || !channels || png[28] !== 0) throw new Error(`unsupported PNG (depth ${depth}, color type ${colorType})`);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const kind = png.toString('latin1', at + 4, at + 8);
    if (kind === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? pixels[y * stride + i - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + i]! : 0;
      const c = y > 0 && i >= channels ? pixels[(y - 1) * stride + i - channels]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter!] ?? 0;
      pixels[y * stride + i] = (line[i]! + predictor) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    rgba.set(pixels.subarray(p * channels, p * channels + 3), p * 4);
    rgba[p * 4 + 3] = channels === 4 ? pixels[p * channels + 3]! : 255;
  }
  return { width, height, rgba };
}

/**
 * Share of a clip's pixels tinted blue, as the person mark paints them: its faint
 * rgba(64,124,230,.15) on the demo's cream page, or its dotted underline. Unmarked text
 * on that page is grey to black and the page cream, so neither counts.
 */
function blueShare(png: Buffer): number {
  const { width, height, rgba } = decodePng(png);
  let blue = 0;
  for (let p = 0; p < width * height; p++) {
    const r = rgba[p * 4]!;
    const b = rgba[p * 4 + 2]!;
    if (b - r >= 12) blue++;
  }
  return blue / (width * height);
}

// ---------------------------------------------------------------------------------------
// The checks. Each takes what it needs from a Run and records its own pass or fail.

interface Run {
  bidi: Bidi;
  server: FixtureServer;
  /** moz-extension://<uuid>, the add-on's pages. */
  base: string;
  /** What tabs logged, as BiDi reports it (their pages' own consoles). */
  logs: { level: string; text: string; context: string }[];
  /** Every request BiDi saw tabs make. */
  requests: string[];
}

/** The article's tab: its BiDi context, and its id among the add-on's tabs. */
interface Article {
  context: string;
  tabId: number | null;
}

const STRICT_CSP =
  "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; " +
  "require-trusted-types-for 'script'; trusted-types 'none'";

/** Waits until a page's person highlight has ranges; answers every highlight's texts. */
async function marksOf(run: Run, context: string, timeout = 10_000): Promise<Record<string, string[]>> {
  return eventually(
    'person marks',
    async () => {
      const h = await evaluate<Record<string, string[]> & { unsupported?: boolean }>(run.bidi, context, HIGHLIGHT_TEXTS);
      if (h.unsupported) throw new Error('CSS.highlights missing in this Firefox');
      return (h[`${HIGHLIGHT_PREFIX}person`]?.length ?? 0) > 0 ? h : null;
    },
    timeout,
  );
}

/** Closes any open card with a click in the page's left margin (which also focuses the page). */
async function closeCard(run: Run, context: string): Promise<void> {
  if (!(await evaluate<CardState>(run.bidi, context, CARD_STATE)).open) return;
  await click(run.bidi, context, 10, 300);
  await eventually('the card closed', async () => !(await evaluate<CardState>(run.bidi, context, CARD_STATE)).open);
}

/** Rests the pointer on `phrase` (scrolled into view) and waits for its card, titled `phrase`. */
async function hoverForCard(run: Run, context: string, selector: string, phrase: string): Promise<CardState> {
  await closeCard(run, context);
  const box = await evaluate<Box | null>(run.bidi, context, phraseBox(selector, phrase, true));
  if (!box) throw new Error(`"${phrase}" not found`);
  await moveMouse(run.bidi, context, box.x + box.width / 2, box.y + box.height / 2);
  return eventually(
    `the card for "${phrase}"`,
    async () => {
      const s = await evaluate<CardState>(run.bidi, context, CARD_STATE);
      return s.open && s.title === phrase && s.text.length > 100 ? s : null;
    },
    5000,
  ).catch(async (error: Error) => {
    const s = await evaluate<CardState>(run.bidi, context, CARD_STATE);
    throw new Error(`${error.message}; the card: ${s.open ? `"${s.title}"` : 'closed'}`);
  });
}

/** Clicks the card's "Show on timeline". */
async function clickShowOnTimeline(run: Run, context: string): Promise<void> {
  const button = await evaluate<Box | null>(run.bidi, context, elementBox('button', '^Show on timeline$', "document.querySelector('backstory-card').shadowRoot"));
  if (!button) throw new Error('no "Show on timeline" button in the card');
  await click(run.bidi, context, button.x + button.width / 2, button.y + button.height / 2);
}

/** Every tab: its BiDi context and URL. */
async function tabs(run: Run): Promise<{ context: string; url: string }[]> {
  return (await run.bidi.send<{ contexts: { context: string; url: string }[] }>('browsingContext.getTree', { maxDepth: 0 })).contexts;
}

/** Reads the open sidebar's timeline, from one of the add-on's pages. */
async function sidebarState(run: Run, extensionPage: string) {
  return evaluate<{ items: number; status: string; chips: string[]; overflow: number; width: number; pageState: string } | null>(
    run.bidi,
    extensionPage,
    `const view = browser.extension.getViews({ type: 'sidebar' })[0];
     if (!view) return null;
     const doc = view.document;
     return {
       items: doc.querySelectorAll('li.tl-item').length,
       status: doc.querySelector('[role=status]')?.textContent ?? '',
       chips: [...doc.querySelectorAll('button[aria-label^="Remove "]')].map((b) => b.getAttribute('aria-label').slice(7)),
       overflow: doc.documentElement.scrollWidth - doc.documentElement.clientWidth,
       width: doc.documentElement.clientWidth,
       pageState: doc.querySelector('.tl-page-state')?.textContent ?? '',
     };`,
  );
}

async function checkInstall(run: Run): Promise<boolean> {
  return step('the add-on installs', async () => {
    const { extension } = await run.bidi.send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'path', path: EXTENSION_DIR },
    });
    if (extension !== GECKO_ID) throw new Error(`installed as ${extension}, expected ${GECKO_ID}`);
    return `${extension} at ${run.base}/`;
  });
}

async function checkMarks(run: Run, context: string): Promise<void> {
  await step('names on the demo article are marked (CSS.highlights)', async () => {
    await marksOf(run, context);
    await sleep(500); // the scan's later slices
    const all = await evaluate<Record<string, string[]>>(run.bidi, context, HIGHLIGHT_TEXTS);
    for (const name of ['Ali Larijani', 'Qasem Soleimani']) {
      if (!all[`${HIGHLIGHT_PREFIX}person`]!.some((text) => text.endsWith(name))) {
        throw new Error(`"${name}" not marked; people: ${all[`${HIGHLIGHT_PREFIX}person`]!.join(', ')}`);
      }
    }
    if (!all[`${HIGHLIGHT_PREFIX}event`]?.some((s) => /Operation Sindoor/.test(s))) throw new Error('"Operation Sindoor" not marked as an event');
    return Object.entries(all)
      .map(([name, texts]) => `${name.replace(HIGHLIGHT_PREFIX, '')} ${texts.length}`)
      .join(', ');
  });
  await screenshot(run.bidi, context, 'page.png');

  // The registry can hold ranges that are never painted (a missing ::highlight rule, a
  // style sheet not adopted): the pixels say whether the reader sees them.
  await step('the marks are painted (blue tint on "Ali Larijani" in a screenshot)', async () => {
    const box = await evaluate<Box | null>(run.bidi, context, phraseBox(HOVER.selector, HOVER.phrase));
    if (!box) throw new Error(`"${HOVER.phrase}" not found`);
    const marked = blueShare(await screenshot(run.bidi, context, 'mark-closeup.png', box));
    const plainBox = await evaluate<Box | null>(run.bidi, context, phraseBox(HOVER.selector, 'bid to turn a wary'));
    const plain = plainBox ? blueShare(await screenshot(run.bidi, context, '', plainBox)) : 0;
    const detail = `${(marked * 100).toFixed(0)}% of the mention's pixels tinted, ${(plain * 100).toFixed(0)}% of plain text's`;
    if (marked < 0.2 || plain > 0.05) throw new Error(detail);
    return detail;
  });
}

/**
 * Which tab the article is in, as the add-on numbers tabs, asked from one of its pages:
 * Backstory has no "tabs" permission, so each tab's content script is asked for its URL.
 */
async function articleTabId(run: Run, extensionPage: string, url: string): Promise<number | null> {
  let id: number | null = null;
  await step('an extension page reaches the article’s content script (tabs.sendMessage)', async () => {
    id = await eventually('the tab', () =>
      evaluate<number | null>(
        run.bidi,
        extensionPage,
        `for (const tab of await browser.tabs.query({})) {
           const digest = await browser.tabs.sendMessage(tab.id, { type: 'page-digest' }).catch(() => null);
           if (digest && digest.url === ${JSON.stringify(url)}) return tab.id;
         }
         return null;`,
      ),
    );
    return `tab ${id}`;
  });
  return id;
}

async function checkHoverCard(run: Run, article: Article, extensionPage: string): Promise<boolean> {
  await run.bidi.send('browsingContext.activate', { context: article.context });
  const opened = await step('resting the pointer on a name opens its card (card-ui.js imported)', async () => {
    const card = await hoverForCard(run, article.context, HOVER.selector, HOVER.phrase);
    await sleep(300);
    await screenshot(run.bidi, article.context, 'hover-card.png');
    if (!/Key facts/i.test(card.text) || !/Show on timeline/.test(card.text)) throw new Error(`card without facts or actions: ${card.text}`);
    return `"${card.title}", ${card.text.length} characters: ${JSON.stringify(card.text.slice(0, 80).replace(/\s+/g, ' '))}…`;
  });
  if (!opened) return false;

  // Firefox lets sidebarAction.open() run only in a user action handler, and the click
  // reaches the background as a runtime message, which carries no user action: with no
  // sidebar open, the background opens the timeline in a tab instead.
  await step('"Show on timeline" with no sidebar open: the timeline opens in a tab, on that name', async () => {
    const before = new Set((await tabs(run)).map((t) => t.context));
    await clickShowOnTimeline(run, article.context);
    const opened = await eventually('a timeline tab', async () =>
      (await tabs(run)).find((t) => !before.has(t.context) && t.url.includes('/sidepanel.html')),
    );
    const items = await eventually('its items', async () => {
      const n = await evaluate<number>(run.bidi, opened.context, "return document.querySelectorAll('li.tl-item').length;");
      return n || null;
    });
    await sleep(300);
    await screenshot(run.bidi, opened.context, 'timeline-tab-from-card.png');
    await run.bidi.send('browsingContext.close', { context: opened.context });
    // The request the background stored for a sidebar is withdrawn: a sidebar opened
    // next starts unfiltered.
    const pending = await evaluate<unknown>(run.bidi, extensionPage, "return (await browser.storage.local.get('timelineFocus')).timelineFocus ?? null;");
    if (pending) throw new Error(`a focus request is left for the next sidebar: ${JSON.stringify(pending)}`);
    return `${opened.url.replace(run.base, '')}, ${items} items`;
  });
  return true;
}

async function checkSidebar(run: Run, article: Article, extensionPage: string): Promise<void> {
  // Opened as View → Sidebar → Backstory timeline would, next to the article. The
  // article takes the window's own size meanwhile, so it narrows beside the sidebar as a
  // reader's tab would (a fixed test viewport would not).
  await run.bidi.send('browsingContext.activate', { context: article.context });
  await run.bidi.send('browsingContext.setViewport', { context: article.context, viewport: null });
  const shown = await step('sidebar: the timeline renders in Firefox’s sidebar, without sideways scrolling', async () => {
    await chromeEvaluate(run.bidi, `await SidebarController.show(${JSON.stringify(SIDEBAR_ID)}); return true;`);
    const state = await eventually('timeline items in the sidebar', async () => {
      const s = await sidebarState(run, extensionPage);
      return s && s.items > 0 ? s : null;
    }, 10_000);
    await sleep(300);
    await snapshotBrowser(run.bidi, SIDEBAR_BROWSER, 'sidebar.png');
    await snapshotBrowser(run.bidi, WINDOW, 'window-with-sidebar.png');
    if (state.chips.length) throw new Error(`opened filtered to ${state.chips.join(', ')}`);
    if (state.overflow > 0) throw new Error(`content ${state.overflow}px wider than the ${state.width}px sidebar`);
    return `${state.items} items at ${state.width}px; "${state.status}"; ${state.pageState}`;
  });
  if (!shown) return;

  await step('sidebar: "This page" filters the timeline to the article', async () => {
    const total = (await sidebarState(run, extensionPage))!.items;
    await evaluate(
      run.bidi,
      extensionPage,
      `const doc = browser.extension.getViews({ type: 'sidebar' })[0].document;
       [...doc.querySelectorAll('button')].find((b) => b.textContent.trim() === 'This page').click();`,
    );
    const state = await eventually('fewer items', async () => {
      const s = await sidebarState(run, extensionPage);
      return s && s.items > 0 && s.items < total ? s : null;
    });
    await sleep(300);
    await snapshotBrowser(run.bidi, SIDEBAR_BROWSER, 'sidebar-this-page.png');
    return `${state.items} of ${total} items; "${state.pageState}"`;
  });

  // With the sidebar open, the refused sidebarAction.open() is no loss: the sidebar
  // follows the stored focus request, and no tab should open besides.
  await step('"Show on timeline" with the sidebar open: the sidebar shows that name, no tab opens', async () => {
    const before = (await tabs(run)).length;
    await run.bidi.send('browsingContext.activate', { context: article.context });
    const card = await hoverForCard(run, article.context, 'article', 'Ishaq Dar');
    await clickShowOnTimeline(run, article.context);
    const state = await eventually('the sidebar on that name', async () => {
      const s = await sidebarState(run, extensionPage);
      return s?.chips.join() === card.title ? s : null;
    });
    await sleep(1000);
    const after = await tabs(run);
    await snapshotBrowser(run.bidi, WINDOW, 'window-show-on-timeline.png');
    if (after.length !== before) throw new Error(`a tab opened as well: ${after.slice(before).map((t) => t.url).join(', ')}`);
    return `sidebar filtered to "${state.chips.join(', ')}" (${state.items} items), ${after.length} tabs as before`;
  });
  await chromeEvaluate(run.bidi, 'SidebarController.hide(); return true;');
  await run.bidi.send('browsingContext.setViewport', { context: article.context, viewport: { width: 1280, height: 860 } });
}

async function checkKeyboard(run: Run, article: Article): Promise<void> {
  // The content script takes Alt+Shift+N itself, and in Firefox the same keys are also
  // the add-on's command: one press must step once.
  await step('keyboard: Alt+Shift+N steps to the first mention, then the next', async () => {
    await run.bidi.send('browsingContext.activate', { context: article.context });
    await evaluate(run.bidi, article.context, 'window.scrollTo(0, 0);');
    // A click in the margin: closes any card and puts focus back on the page.
    await click(run.bidi, article.context, 10, 300);
    await closeCard(run, article.context);
    const current = () =>
      evaluate<Record<string, string[]>>(run.bidi, article.context, HIGHLIGHT_TEXTS).then((h) => h[`${HIGHLIGHT_PREFIX}current`]?.[0]);
    const press = () =>
      run.bidi.send('input.performActions', {
        context: article.context,
        actions: [
          {
            type: 'key',
            id: 'keyboard',
            actions: ['\uE00A', '\uE008', 'N'].map((value) => ({ type: 'keyDown', value })).concat(
              ['N', '\uE008', '\uE00A'].map((value) => ({ type: 'keyUp', value })),
            ),
          },
        ],
      });
    await press();
    const first = await eventually('a current mention', current, 3000);
    await press();
    const second = await eventually('the next mention', async () => {
      const now = await current();
      return now && now !== first ? now : null;
    }, 3000);
    if (first !== HOVER.phrase || second !== '12-day war') throw new Error(`went to "${first}", then "${second}"`);
    return `"${first}", then "${second}"`;
  });
}

async function checkToolbarPopup(run: Run, article: Article, extensionPage: string): Promise<void> {
  // The real popup, opened for the article's tab as the toolbar button would open it.
  // Twice: Firefox reuses what it loaded for the first, and the second opening is where
  // focus used to be left on the body.
  await run.bidi.send('browsingContext.activate', { context: article.context });
  await step('toolbar popup: opens on the article, twice, with the search box focused and the page’s names', async () => {
    const seen: string[] = [];
    for (const opening of [1, 2]) {
      await evaluate(run.bidi, extensionPage, 'await browser.browserAction.openPopup();');
      await sleep(500); // focus settles after the panel is shown
      const state = await eventually('the popup’s names', async () => {
        const s = await evaluate<{ focused: string; names: number; size: string } | null>(
          run.bidi,
          extensionPage,
          `const view = browser.extension.getViews({ type: 'popup' })[0];
           if (!view) return null;
           const doc = view.document;
           return {
             focused: doc.activeElement?.id || doc.activeElement?.tagName || '',
             names: doc.querySelectorAll('button[aria-label$="show the next one on the page"]').length,
             size: view.innerWidth + '×' + view.innerHeight,
           };`,
        );
        return s && s.names > 0 ? s : null;
      }, 5000);
      await snapshotBrowser(run.bidi, POPUP_BROWSER, `toolbar-popup-${opening}.png`);
      await evaluate(run.bidi, extensionPage, "browser.extension.getViews({ type: 'popup' })[0]?.close();");
      await sleep(300);
      if (state.focused !== 'pp-q') throw new Error(`opening ${opening}: focus on ${state.focused}, not the search box`);
      seen.push(`${state.size}, ${state.names} names`);
    }
    return `${seen.join('; ')}; focus in the search box both times`;
  });
}

async function checkPopupPage(run: Run, popup: string, article: Article): Promise<void> {
  // The popup's page in a tab, where BiDi can type into it. `?tab=` tells it which tab is
  // "this page", as the toolbar would.
  await navigate(run.bidi, popup, `${run.base}/popup.html?tab=${article.tabId ?? ''}`);
  await run.bidi.send('browsingContext.activate', { context: popup });
  const clearBox = "const box = document.getElementById('pp-q'); box.value = ''; box.dispatchEvent(new Event('input', { bubbles: true }));";
  const results = "return [...document.querySelectorAll('[role=option] .pp-option-name')].map((e) => e.textContent);";

  await step('popup: typo-tolerant search ("larijan" finds Ali Larijani first)', async () => {
    await eventually('focus in the search box', () => evaluate<boolean>(run.bidi, popup, "return document.activeElement?.id === 'pp-q';"));
    await type(run.bidi, popup, 'larijan');
    const names = await eventually('results', async () => {
      const found = await evaluate<string[]>(run.bidi, popup, results);
      return found[0] === 'Ali Larijani' ? found : null;
    });
    await screenshot(run.bidi, popup, 'popup-search.png');
    return `results: ${names.slice(0, 4).join(', ')}`;
  });

  await step('popup: other spellings ("Solemani", "12 day war")', async () => {
    const found: string[] = [];
    for (const [query, expected] of [
      ['Solemani', 'Qasem Soleimani'],
      ['12 day war', 'Twelve-Day War'],
    ] as const) {
      await evaluate(run.bidi, popup, clearBox);
      await type(run.bidi, popup, query);
      await eventually(`"${query}" finds ${expected} first`, async () => (await evaluate<string[]>(run.bidi, popup, results))[0] === expected);
      found.push(`${query} → ${expected}`);
    }
    return found.join('; ');
  });

  await evaluate(run.bidi, popup, clearBox);
  await step('popup: a name in "On this page" reveals its mention in the article', async () => {
    const button = await eventually('Shehbaz Sharif in "On this page"', () =>
      evaluate<Box | null>(run.bidi, popup, elementBox('button[aria-label^="Shehbaz Sharif,"]', '')),
    );
    await click(run.bidi, popup, button.x + button.width / 2, button.y + button.height / 2);
    const flashed = await eventually('the mention flashed', async () => {
      const h = await evaluate<Record<string, string[]>>(run.bidi, article.context, HIGHLIGHT_TEXTS);
      return h[`${HIGHLIGHT_PREFIX}current`]?.find((t) => /Shehbaz Sharif$/.test(t));
    });
    const scrollY = await evaluate<number>(run.bidi, article.context, 'return window.scrollY;');
    return `"${flashed}" is the current mention; the article scrolled to y=${Math.round(scrollY)}`;
  });

  await step('popup: switching Backstory off for the site unmarks the article, on marks it again', async () => {
    const siteSwitch = "document.querySelector('.pp-foot input[role=switch]').closest('label')";
    const marks = () =>
      evaluate<Record<string, string[]>>(run.bidi, article.context, HIGHLIGHT_TEXTS).then((h) => h[`${HIGHLIGHT_PREFIX}person`]?.length ?? 0);
    const label = await evaluate<string>(run.bidi, popup, `return ${siteSwitch}.textContent;`);
    const box = await evaluate<Box>(run.bidi, popup, `const r = ${siteSwitch}.getBoundingClientRect(); return { x: r.left, y: r.top, width: r.width, height: r.height };`);
    await click(run.bidi, popup, box.x + 20, box.y + box.height / 2);
    await eventually('marks gone', async () => (await marks()) === 0);
    await sleep(200);
    await screenshot(run.bidi, popup, 'popup-switched-off.png');
    await click(run.bidi, popup, box.x + 20, box.y + box.height / 2);
    const back = await eventually('marks back', async () => (await marks()) || null);
    return `"${label.trim()}": off → 0 person marks, on → ${back}`;
  });
}

async function checkStrictCsp(run: Run): Promise<void> {
  // A page that allows nothing: no script, style, image or Trusted Types policy. The
  // marks, the card's import() of card-ui.js and its constructed style sheet must not
  // depend on anything the page's CSP governs.
  run.server.route('/hostile/csp', {
    body: readFileSync(resolve('e2e/fixtures/hostile/csp.html'), 'utf8'),
    headers: { 'content-security-policy': STRICT_CSP },
  });
  const tab = await newTab(run.bidi, 1280, 860);
  await navigate(run.bidi, tab, run.server.url('/hostile/csp'));
  await run.bidi.send('browsingContext.activate', { context: tab });
  await step('a page with a strict CSP is marked and shows a styled card', async () => {
    const marks = await marksOf(run, tab);
    const card = await hoverForCard(run, tab, '#p1', 'Ishaq Dar');
    const radius = await evaluate<string>(
      run.bidi,
      tab,
      "return getComputedStyle(document.querySelector('backstory-card').shadowRoot.querySelector('.bs-frame')).borderTopLeftRadius;",
    );
    await sleep(200);
    await screenshot(run.bidi, tab, 'strict-csp-card.png');
    if (radius !== '12px') throw new Error(`card unstyled (border radius ${radius})`);
    return `people marked: ${marks[`${HIGHLIGHT_PREFIX}person`]!.join(', ')}; card "${card.title}", styled`;
  });
}

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
const FIREFOX_TEARDOWN = /^(sendRemoveListener on closed conduit|Promise (resolved|rejected) after context unloaded|WebExtension context not found!)/;

async function checkQuiet(run: Run, trapHits: string[]): Promise<void> {
  await sleep(500);
  // Ours: anything from the add-on's files or naming Backstory. Firefox's own messages
  // in a fresh headless profile are listed, not failed; so is the favicon request the
  // strict-CSP page refuses (the browser's, not ours).
  const entries = await browserConsole(run).catch((error: Error) => [{ level: 'error', text: `could not read the console: ${error.message}`, source: 'smoke test' }]);
  const ours = (e: ConsoleEntry) =>
    (e.source.includes(run.base) || e.source.includes(GECKO_ID) || /backstory|moz-extension:/i.test(e.text)) && !FIREFOX_TEARDOWN.test(e.text);
  const errors = entries.filter((e) => e.level === 'error' && ours(e));
  const pageErrors = run.logs.filter((l) => l.level === 'error' && !/favicon\.ico/.test(l.text));
  record(
    'browser console: no errors from the add-on (background, content scripts, popup, sidebar) or on the pages',
    errors.length === 0 && pageErrors.length === 0,
    errors.length || pageErrors.length
      ? [...errors.map((e) => `[${e.source}] ${e.text}`), ...pageErrors.map((e) => `[${e.context}] ${e.text}`)].join(' | ')
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
  const outside = run.requests.filter((url) => !/^(http:\/\/127\.0\.0\.1[:/]|moz-extension:|about:|data:|blob:)/.test(url));
  record(
    'network: no request left 127.0.0.1',
    outside.length === 0 && trapHits.length === 0,
    outside.length || trapHits.length
      ? [...outside, ...trapHits.map((h) => `via proxy: ${h}`)].join(', ')
      : `${run.requests.length} tab requests, all to 127.0.0.1 or the add-on; nothing reached the proxy trap`,
  );
}

// ---------------------------------------------------------------------------------------
// The run

async function main(): Promise<number> {
  const bin = findFirefox();
  if (!bin) {
    const where = process.env.FIREFOX ? `FIREFOX=${process.env.FIREFOX} does not exist` : 'no firefox-esr or firefox on PATH';
    console.log(`SKIP  Firefox is not installed (${where}): Firefox smoke test skipped`);
    console.log('      (Debian: apt-get install firefox-esr)');
    return 0;
  }
  const version = execSync(`"${bin}" --version`, { encoding: 'utf8' }).trim();
  console.log(`${version} (${bin})`);

  if (!process.argv.includes('--no-build')) {
    execSync('npm run --silent corpus:build && npx wxt build -b firefox', { stdio: 'inherit' });
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.log(`FAIL  no build at ${EXTENSION_DIR} (run without --no-build)`);
    return 1;
  }
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });

  const uuid = randomUUID();
  const trap = await startTrap();
  const profile = mkdtempSync(join(tmpdir(), 'backstory-firefox-'));
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries(profilePrefs(uuid, trap.port))
      .map(([key, value]) => `user_pref(${JSON.stringify(key)}, ${JSON.stringify(value)});`)
      .join('\n') + '\n',
  );
  const server = await startFixtureServer();
  let firefox: ChildProcess | null = null;
  let bidi: Bidi | null = null;
  try {
    const launched = await launchFirefox(bin, profile);
    firefox = launched.child;
    bidi = await Bidi.connect(`${launched.wsUrl}/session`);
    await bidi.send('session.new', { capabilities: {} });
    const run: Run = { bidi, server, base: `moz-extension://${uuid}`, logs: [], requests: [] };

    // What tabs log and request, from here on (the browser console is read at the end).
    const urls = new Map<string, string>();
    bidi.on((method, params) => {
      if (method === 'log.entryAdded') {
        const context = (params.source as { context?: string } | undefined)?.context ?? '';
        run.logs.push({ level: String(params.level), text: String(params.text ?? ''), context: urls.get(context) ?? context });
      } else if (method === 'network.beforeRequestSent') {
        run.requests.push((params.request as { url: string }).url);
      } else if (method === 'browsingContext.load') {
        urls.set(String(params.context), String(params.url));
      }
    });
    await bidi.send('session.subscribe', { events: ['log.entryAdded', 'network.beforeRequestSent', 'browsingContext.load'] });

    if (!(await checkInstall(run))) return summary();

    const article: Article = { context: await newTab(bidi, 1280, 860), tabId: null };
    await navigate(bidi, article.context, server.url(ARTICLE));
    await checkMarks(run, article.context);
    // One of the add-on's pages, for what only the add-on can ask; later the popup page.
    const extensionPage = await newTab(bidi, 400, 600);
    await navigate(bidi, extensionPage, `${run.base}/popup.html`);
    article.tabId = await articleTabId(run, extensionPage, server.url(ARTICLE));

    if (await checkHoverCard(run, article, extensionPage)) await checkSidebar(run, article, extensionPage);
    await checkKeyboard(run, article);
    await checkToolbarPopup(run, article, extensionPage);
    await checkPopupPage(run, extensionPage, article);
    await checkStrictCsp(run);
    await checkQuiet(run, trap.hits);
    return summary();
  } finally {
    bidi?.close();
    if (firefox && firefox.exitCode === null) {
      // Gone before its profile is removed.
      const exited = new Promise((done) => firefox!.once('exit', done));
      firefox.kill();
      await Promise.race([exited, sleep(5000)]);
    }
    await server.close();
    trap.server.close();
    if (process.argv.includes('--keep-profile')) console.log(`profile kept: ${profile}`);
    else rmSync(profile, { recursive: true, force: true });
  }
}

function summary(): number {
  const failed = checks.filter((c) => !c.ok);
  console.log(`\n${checks.length - failed.length} of ${checks.length} checks passed; screenshots in ${OUT}/`);
  if (failed.length) console.log(`FAILED: ${failed.map((c) => c.name).join('; ')}`);
  return failed.length ? 1 : 0;
}

process.exitCode = await main();
