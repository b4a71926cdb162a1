/**
 * The Firefox profile of a run: a fresh folder whose user.js keeps Firefox quiet, and the
 * proxy trap those preferences send everything else to.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GECKO_ID } from './extension';

/** A new profile folder with the quiet preferences in its user.js. */
export function createProfile(extensionUuid: string, trapPort: number): string {
  const profile = mkdtempSync(join(tmpdir(), 'backstory-firefox-'));
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries(profilePrefs(extensionUuid, trapPort))
      .map(([key, value]) => `user_pref(${JSON.stringify(key)}, ${JSON.stringify(value)});`)
      .join('\n') + '\n',
  );
  return profile;
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
    // launchFirefox in launch.ts); with both, remote settings skips all network activity.
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
export async function startTrap(): Promise<{ port: number; hits: string[]; server: Server }> {
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
