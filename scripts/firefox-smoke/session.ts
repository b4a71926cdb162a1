/**
 * One Firefox session for the checks: a fresh profile, the proxy trap, the fixture
 * server, Firefox connected over BiDi, and all of it gone again at the end.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { startFixtureServer, type FixtureServer } from '../../e2e/harness/fixture-server';
import { Bidi } from './bidi';
import { launchFirefox, stopFirefox } from './launch';
import { createProfile, startTrap } from './profile';

/** What the checks share. Each takes what it needs from a Run and records its own pass or fail. */
export interface Run {
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
export interface Article {
  context: string;
  tabId: number | null;
}

/**
 * Runs `checks` in a Firefox started for them and answers what they answer; `trapHits`
 * are the requests the proxy trap refused.
 */
export async function runInFirefox(
  bin: string,
  checks: (run: Run, trapHits: string[]) => Promise<number>,
): Promise<number> {
  const uuid = randomUUID();
  const trap = await startTrap();
  const profile = createProfile(uuid, trap.port);
  const server = await startFixtureServer();
  let firefox: ChildProcess | null = null;
  let bidi: Bidi | null = null;
  try {
    const launched = await launchFirefox(bin, profile);
    firefox = launched.child;
    bidi = await Bidi.connect(`${launched.wsUrl}/session`);
    await bidi.send('session.new', { capabilities: {} });
    const run: Run = { bidi, server, base: `moz-extension://${uuid}`, logs: [], requests: [] };
    await followTabs(run);
    return await checks(run, trap.hits);
  } finally {
    bidi?.close();
    // Gone before its profile is removed.
    if (firefox) await stopFirefox(firefox);
    await server.close();
    trap.server.close();
    if (process.argv.includes('--keep-profile')) console.log(`profile kept: ${profile}`);
    else rmSync(profile, { recursive: true, force: true });
  }
}

/** What tabs log and request, from here on, into `run` (the browser console is read at the end). */
async function followTabs(run: Run): Promise<void> {
  const urls = new Map<string, string>();
  run.bidi.on((method, params) => {
    if (method === 'log.entryAdded') {
      const context = (params.source as { context?: string } | undefined)?.context ?? '';
      run.logs.push({
        level: String(params.level),
        text: String(params.text ?? ''),
        context: urls.get(context) ?? context,
      });
    } else if (method === 'network.beforeRequestSent') {
      run.requests.push((params.request as { url: string }).url);
    } else if (method === 'browsingContext.load') {
      urls.set(String(params.context), String(params.url));
    }
  });
  await run.bidi.send('session.subscribe', {
    events: ['log.entryAdded', 'network.beforeRequestSent', 'browsingContext.load'],
  });
}
