/**
 * `npm run --silent detect -- FILE [--text]`
 *
 * Prints {"mentions":[{id,name,kind,start,end,text}]} for FILE: a text file, `-` for
 * stdin (text; add --html to read HTML from stdin), or an .html/.htm page. A page is
 * read the way the content script reads it: visible text in blocks, detected as one
 * session; offsets are into the blocks joined by a blank line, which `--text` prints.
 * `--table=PATH` reads another compiled table than generated/matcher.json; the entities'
 * names come from the records.json beside it (the corpus build writes both).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { collectTextBlocks, isHiddenByAttributes, joinBlocks, type PageBlock } from '../adapters/page/text-blocks';
import {
  createNamedDetector,
  type Detector,
  type MatcherTable,
  type Mention,
  type NamedDetector,
} from '../engine/detect';
import { foldRegionalScripts } from '../engine/regional-script';

// Text here is read with the regional scripts' folds (engine/regional-script.ts).
foldRegionalScripts();

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MATCHER_PATH = resolve(ROOT, 'generated/matcher.json');

export class UsageError extends Error {}

/** The table at `path` with the ids of the records.json beside it (the same build). */
function loadDetector(path = MATCHER_PATH): NamedDetector {
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run \`npm run corpus:build\` first.`);
  }
  const table = JSON.parse(readFileSync(path, 'utf8')) as MatcherTable;
  return createNamedDetector(table, [...loadNames(path).keys()]);
}

/**
 * Display names by entity id. The matcher table carries none (it is the content
 * script's, which never shows a name), so they come from the records the same build
 * wrote beside the table.
 */
function loadNames(tablePath = MATCHER_PATH): Map<string, string> {
  const path = join(dirname(tablePath), 'records.json');
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run \`npm run corpus:build\` first.`);
  }
  const records = JSON.parse(readFileSync(path, 'utf8')) as { entities?: { id: string; name: string }[] };
  return new Map((records.entities ?? []).map((e) => [e.id, e.name]));
}

export interface PageText {
  text: string;
  mentions: Mention[];
}

/** The page's blocks. linkedom mangles bare fragments, so they get a document around them. */
function pageBlocks(html: string): PageBlock[] {
  const whole = /<(html|body)[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
  const { document } = parseHTML(whole);
  return collectTextBlocks(document.body ?? document.documentElement, { isHidden: isHiddenByAttributes });
}

/** Detects on an HTML page's visible text, block by block as the content script does. */
export function detectHtml(detector: Detector, html: string): PageText {
  const blocks = pageBlocks(html);
  const { text, offsets } = joinBlocks(blocks);
  const session = detector.session();
  session.add(blocks);
  const mentions: Mention[] = [];
  blocks.forEach((b, k) => {
    for (const m of session.mentions(b.key)) {
      mentions.push({ entity: m.entity, start: m.start + offsets[k]!, end: m.end + offsets[k]! });
    }
  });
  return { text, mentions };
}

export function detectText(detector: Detector, text: string): PageText {
  return { text, mentions: detector.detect(text) };
}

function readInput(file: string): string {
  if (file === '-') return readFileSync(0, 'utf8');
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
  }
}

function main(argv: string[]): void {
  const table = argv.find((a) => a.startsWith('--table='))?.slice('--table='.length);
  const flags = new Set(argv.filter((a) => a.startsWith('--') && !a.startsWith('--table=')));
  const files = argv.filter((a) => !a.startsWith('--') || a === '-');
  for (const f of flags) if (f !== '--text' && f !== '--html') throw new UsageError(`unknown option ${f}`);
  if (files.length !== 1)
    throw new UsageError('usage: npm run --silent detect -- FILE|- [--text] [--html] [--table=PATH]');
  const file = files[0]!;
  const input = readInput(file);
  const ext = extname(file).toLowerCase();
  const isHtml = flags.has('--html') || ext === '.html' || ext === '.htm';
  if (flags.has('--text')) {
    process.stdout.write(isHtml ? `${joinBlocks(pageBlocks(input)).text}\n` : input);
    return;
  }
  const tablePath = table === undefined ? MATCHER_PATH : resolve(table);
  const detector = loadDetector(tablePath);
  const names = loadNames(tablePath);
  const { text, mentions } = isHtml ? detectHtml(detector, input) : detectText(detector, input);
  const out = mentions.map((m) => {
    const id = detector.ids[m.entity]!;
    return {
      id,
      name: names.get(id) ?? id,
      kind: detector.kinds[m.entity]!,
      start: m.start,
      end: m.end,
      text: text.slice(m.start, m.end),
    };
  });
  process.stdout.write(JSON.stringify({ mentions: out }) + '\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`detect: ${(err as Error).message}\n`);
    process.exit(err instanceof UsageError ? 2 : 1);
  }
}
