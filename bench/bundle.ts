/**
 * What the content script weighs, and what it is made of. The shipped file is gzipped
 * as a whole; its composition comes from a second build of the same config with source
 * maps on (same code, plus the map), each minified byte attributed to the source it came
 * from. A part's gzip share is its marginal cost: gzip(whole) − gzip(whole without it),
 * so the shares account for what compresses against the rest.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'wxt';

export interface BundlePart {
  name: string;
  bytes: number;
  gzipMarginal: number;
}

export interface BundleReport {
  bytes: number;
  gzipBytes: number;
  parts: BundlePart[];
  /** The matcher table as embedded (a JS object literal inside the bundle). */
  matcherLiteralBytes: number;
  matcherLiteralGzip: number;
}

const gzip = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;

/**
 * `wxt build` for Chrome into `outDir`, with the project's wxt.config.ts. The inline
 * `vite` options are merged over the config's (the Preact plugin stays).
 */
export async function buildExtension(outDir: string, sourcemap = false, minify = true): Promise<void> {
  const extra = { ...(sourcemap ? { sourcemap: true } : {}), ...(minify ? {} : { minify: false }) };
  await build({
    browser: 'chrome',
    outDir,
    logLevel: 'warn',
    ...(Object.keys(extra).length ? { vite: () => ({ build: extra }) } : {}),
  } as Parameters<typeof build>[0]);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

/** Decodes one source-map segment (base64 VLQ) into its fields. */
function decodeSegment(seg: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of seg) {
    const digit = B64_INDEX.get(ch)!;
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Source file of every generated character (-1: unmapped). */
function attribute(code: string, map: { mappings: string }): Int32Array {
  const owner = new Int32Array(code.length).fill(-1);
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) lineStarts.push(i + 1);
  let src = 0;
  map.mappings.split(';').forEach((line, lineNo) => {
    if (!line) return;
    const base = lineStarts[lineNo] ?? code.length;
    const lineEnd = lineNo + 1 < lineStarts.length ? lineStarts[lineNo + 1]! - 1 : code.length;
    let col = 0;
    const segs = line.split(',').map((s) => {
      const f = decodeSegment(s);
      col += f[0]!;
      if (f.length >= 4) src += f[1]!;
      return { col, src: f.length >= 4 ? src : -1 };
    });
    segs.forEach((s, k) => {
      const end = k + 1 < segs.length ? segs[k + 1]!.col : lineEnd - base;
      owner.fill(s.src, base + s.col, Math.min(base + end, lineEnd));
    });
  });
  return owner;
}

/** The string literal starting at the quote at `from`. */
function stringAt(code: string, from: number): string {
  const quote = code.charCodeAt(from);
  for (let i = from + 1; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 92) i++;
    else if (c === quote) return code.slice(from, i + 1);
  }
  return '';
}

/** The first balanced {...} starting at `from` (strings respected). */
function literalAt(code: string, from: number): string {
  let depth = 0;
  let quote = 0;
  for (let i = from; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (quote) {
      if (c === 92) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 34 || c === 39 || c === 96) quote = c;
    else if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return code.slice(from, i + 1);
  }
  return '';
}

/** Maps a (0-based) line and column of a generated file to the source it came from. */
export function sourceLocator(codePath: string): (line: number, column: number) => string {
  const code = readFileSync(codePath, 'utf8');
  const map = JSON.parse(readFileSync(codePath + '.map', 'utf8')) as { sources: string[]; mappings: string };
  const owner = attribute(code, map);
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) lineStarts.push(i + 1);
  return (line, column) => {
    const o = owner[(lineStarts[line] ?? 0) + column] ?? -1;
    return o < 0 ? '?' : map.sources[o]!.replace(/^(\.\.\/)+/, '');
  };
}

const group = (source: string): string => {
  const s = source.replace(/^(\.\.\/)+/, '');
  if (s.includes('webextension-polyfill')) return 'webextension-polyfill';
  if (s.includes('node_modules/preact')) return 'preact (+hooks, jsx runtime)';
  if (s.includes('node_modules/wxt') || s.includes('@wxt-dev')) return 'wxt runtime';
  if (s.includes('card.css')) return 'card CSS';
  return s;
};

export function analyseBundle(shippedPath: string, mappedPath: string): BundleReport {
  const shipped = readFileSync(shippedPath, 'utf8');
  const mapped = readFileSync(mappedPath, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '');
  const map = JSON.parse(readFileSync(mappedPath + '.map', 'utf8')) as { sources: string[]; mappings: string };
  const owner = attribute(mapped, map);
  const names = map.sources.map(group);

  // Inlined data carries no useful mapping (Vite's JSON plugin, `?inline` CSS): find it by shape.
  const at = mapped.search(/\{format:\d+,/);
  const literal = at >= 0 ? literalAt(mapped, at) : '';
  const cssMatch = /(['"`])\.bs-card\{/.exec(mapped);
  const cssAt = cssMatch ? cssMatch.index : -1;
  const css = cssAt >= 0 ? stringAt(mapped, cssAt) : '';
  const matcherName = 'matcher table (generated/page-matcher.json)';

  const partOf = (i: number): string => {
    if (literal && i >= at && i < at + literal.length) return matcherName;
    if (css && i >= cssAt && i < cssAt + css.length) return 'card CSS (components/card/card.css)';
    const o = owner[i]!;
    return o < 0 ? '(unmapped glue)' : names[o]!;
  };
  const ranges = new Map<string, [number, number][]>();
  let runStart = 0;
  let runName = partOf(0);
  for (let i = 1; i <= mapped.length; i++) {
    const name = i < mapped.length ? partOf(i) : '';
    if (name === runName) continue;
    let list = ranges.get(runName);
    if (!list) ranges.set(runName, (list = []));
    list.push([runStart, i]);
    runStart = i;
    runName = name;
  }
  const whole = gzip(mapped);
  const parts: BundlePart[] = [];
  for (const [name, list] of ranges) {
    const bytes = list.reduce((n, [a, b]) => n + b - a, 0);
    let without = '';
    let last = 0;
    for (const [a, b] of list) {
      without += mapped.slice(last, a);
      last = b;
    }
    without += mapped.slice(last);
    parts.push({ name, bytes, gzipMarginal: whole - gzip(without) });
  }
  parts.sort((a, b) => b.gzipMarginal - a.gzipMarginal);
  return {
    bytes: Buffer.byteLength(shipped),
    gzipBytes: gzip(shipped),
    parts,
    matcherLiteralBytes: literal.length,
    matcherLiteralGzip: gzip(literal),
  };
}
