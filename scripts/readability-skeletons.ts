/**
 * `npx tsx scripts/readability-skeletons.ts PATH/TO/readability`
 *
 * Writes tests/fixtures/readability-skeletons.json.gz from Mozilla Readability's test
 * pages (test/test-pages/NAME/{source,expected}.html in a checkout of
 * github.com/mozilla/readability): each page's markup with what a main-article finder
 * reads (elements, ids, classes, roles, where the text is and how long) and none of its
 * words. Every letter becomes `x` where Readability's expected output keeps that text
 * and `o` where it drops it, so a test can measure how far a finder agrees with
 * Readability without the project storing anyone's article.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';

export const SKELETONS_PATH = 'tests/fixtures/readability-skeletons.json.gz';

const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'link',
  'meta',
  'object',
  'embed',
]);
const KEPT_ATTRIBUTES = new Set(['id', 'class', 'role', 'itemprop', 'hidden', 'aria-hidden']);

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

function textsOf(root: Node, into: Set<string>): void {
  for (let n = root.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3) {
      const t = norm((n as Text).data);
      if (t) into.add(t);
    } else if (n.nodeType === 1) textsOf(n, into);
  }
}

function skeleton(node: Node, expected: Set<string>): void {
  for (let n = node.firstChild; n;) {
    const next = n.nextSibling;
    if (n.nodeType === 8) n.parentNode!.removeChild(n);
    else if (n.nodeType === 3) {
      const text = n as Text;
      const letter = expected.has(norm(text.data)) ? 'x' : 'o';
      text.data = text.data.replace(/\p{L}/gu, letter);
    } else if (n.nodeType === 1) {
      const el = n as Element;
      if (DROPPED.has(el.localName)) el.remove();
      else {
        for (const name of el.getAttributeNames()) if (!KEPT_ATTRIBUTES.has(name)) el.removeAttribute(name);
        skeleton(el, expected);
      }
    }
    n = next;
  }
}

function main(): void {
  const root = process.argv[2];
  const pagesDir = root ? join(root, 'test/test-pages') : '';
  if (!root || !existsSync(pagesDir)) {
    console.error('usage: npx tsx scripts/readability-skeletons.ts PATH/TO/readability-checkout');
    process.exit(2);
  }
  const pages: { name: string; html: string }[] = [];
  for (const name of readdirSync(pagesDir).sort()) {
    const source = join(pagesDir, name, 'source.html');
    const expectedPath = join(pagesDir, name, 'expected.html');
    if (!existsSync(source) || !existsSync(expectedPath)) continue;
    const expected = new Set<string>();
    textsOf(parseHTML(`<html><body>${readFileSync(expectedPath, 'utf8')}</body></html>`).document.body, expected);
    const { document } = parseHTML(readFileSync(source, 'utf8'));
    skeleton(document.documentElement, expected);
    pages.push({ name, html: String(document.documentElement).replace(/\n\s*\n+/g, '\n') });
  }
  const json = JSON.stringify(pages);
  writeFileSync(SKELETONS_PATH, gzipSync(json, { level: 9 }));
  console.log(`${pages.length} pages, ${(json.length / 1e6).toFixed(1)} MB of skeletons, written to ${SKELETONS_PATH}`);
}

main();
