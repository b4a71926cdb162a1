/**
 * Serves fixture pages from 127.0.0.1 on a free port. Test pages come from e2e/fixtures,
 * the demo articles from data/demo, so a test reads what the reader would see, and the
 * web fonts the regional pages use from the @fontsource packages.
 * Extra routes let a test serve a page with its own headers (a strict CSP, say).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const ROOTS: Record<string, string> = {
  '/fixtures/': resolve('e2e/fixtures'),
  '/demo/': resolve('data/demo'),
  // Fonts for the Urdu, Persian and Hindi pages: the test machines have none for those scripts.
  '/fonts/': resolve('node_modules/@fontsource'),
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export interface FixtureRoute {
  body: string;
  headers?: Record<string, string>;
}

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  /** Serve `body` at `path` until the server closes. */
  route(path: string, route: FixtureRoute): void;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, FixtureRoute>();
  const server = createServer((req, res) => void handle(req, res, routes));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => origin + path,
    route: (path, route) => routes.set(path, route),
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, routes: Map<string, FixtureRoute>) {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const custom = routes.get(path);
  if (custom) {
    res.writeHead(200, { 'content-type': TYPES['.html']!, ...custom.headers });
    res.end(custom.body);
    return;
  }
  for (const [prefix, root] of Object.entries(ROOTS)) {
    if (!path.startsWith(prefix)) continue;
    const file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) break; // no climbing out of the fixture folders
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
      return;
    } catch {
      break;
    }
  }
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}
