/** Finding, starting and stopping Firefox. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { sleep } from './wait';

export function findFirefox(): string | null {
  if (process.env.FIREFOX) return existsSync(process.env.FIREFOX) ? process.env.FIREFOX : null;
  for (const name of ['firefox-esr', 'firefox']) {
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/** Starts Firefox and resolves with its WebDriver BiDi address, printed on stderr. */
export function launchFirefox(bin: string, profile: string): Promise<{ child: ChildProcess; wsUrl: string }> {
  // --remote-allow-system-access: without it, WebDriver BiDi navigates only to http(s),
  // file and blob URLs (the popup page is a moz-extension:// URL), and cannot reach the
  // browser window, where the sidebar and the toolbar popup live.
  const args = [
    '--headless',
    '--no-remote',
    '--remote-debugging-port=0',
    '--remote-allow-system-access',
    '--profile',
    profile,
    'about:blank',
  ];
  const child = spawn(bin, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    // MOZ_DISABLE_NONLOCAL_CONNECTIONS: Firefox refuses connections to anything but this
    // machine (Mozilla's own test setting), and honours the remote settings pref in profile.ts.
    env: {
      ...process.env,
      MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1',
      MOZ_HEADLESS_WIDTH: '1280',
      MOZ_HEADLESS_HEIGHT: '860',
    },
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

/** Kills Firefox and waits until it has exited, 5 s at most. */
export async function stopFirefox(firefox: ChildProcess): Promise<void> {
  if (firefox.exitCode !== null) return;
  const exited = new Promise((done) => firefox.once('exit', done));
  firefox.kill();
  await Promise.race([exited, sleep(5000)]);
}
