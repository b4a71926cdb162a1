// @vitest-environment node
/**
 * Bad input: a corpus that fails validation fails the build, listing every problem at
 * once and writing nothing. The build script runs as `npm run corpus:build` would, on a
 * copy of the real corpus broken in five files at once, in a temporary directory.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const BUILD = join(ROOT, 'scripts/build-corpus.ts');

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'backstory-broken-corpus-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function build(data: string, out: string) {
  const run = spawnSync(TSX, [BUILD, '--data', data, '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

type Json = Record<string, unknown> & { facts?: Record<string, unknown>[] };

function edit(file: string, change: (records: Json[]) => void): void {
  const records = JSON.parse(readFileSync(file, 'utf8')) as Json[];
  change(records);
  writeFileSync(file, JSON.stringify(records, null, 2));
}

describe('corpus build on a broken corpus', () => {
  it('the real corpus copied elsewhere builds, into the output folder given', () => {
    const data = join(dir, 'good');
    cpSync(join(ROOT, 'data'), data, { recursive: true });
    const out = join(dir, 'good-out');
    const run = build(data, out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'matcher.json',
      'native-matcher.json',
      'page-matcher.json',
      'phrases.json',
      'records.json',
    ]);
  });

  it('fails with exit code 1, names every problem in every file, and writes nothing', () => {
    const data = join(dir, 'broken');
    cpSync(join(ROOT, 'data'), data, { recursive: true });
    const entities = join(data, 'entities');
    // 1. people: a date with no such month, and a fact citing a source that does not exist.
    edit(join(entities, 'people.json'), (people) => {
      people[0]!.facts![0]!.date = '2025-13-01';
      people[1]!.facts![0]!.sources = ['no-such-source'];
    });
    // 2. events: a relation to an entity that does not exist.
    edit(join(entities, 'events.json'), (events) => {
      const withRelation = events.find((e) => Array.isArray(e.related) && e.related.length > 0)!;
      (withRelation.related as Record<string, unknown>[])[0]!.target = 'no-such-entity';
    });
    // 3. organisations: an entity without a name, and a duplicate id.
    edit(join(entities, 'organisations.json'), (orgs) => {
      delete orgs[0]!.name;
      orgs[2]!.id = orgs[1]!.id;
    });
    // 4. places: not JSON at all.
    writeFileSync(join(entities, 'places.json'), '[\n  { "id": "gaza", "kind": "place",, }\n');
    // 5. sources: a source of an unknown kind.
    edit(join(data, 'sources.json'), (sources) => {
      sources[0]!.kind = 'rumour';
    });
    const out = join(dir, 'broken-out');
    const run = build(data, out);

    expect(run.status).toBe(1);
    expect(existsSync(out)).toBe(false);
    const lines = run.stderr.trim().split('\n');
    const summary = lines.at(-1)!;
    const count = Number(/^corpus: (\d+) problems?$/.exec(summary)?.[1]);
    const problems = lines.slice(0, -1);
    expect(count).toBe(problems.length);
    expect(count).toBeGreaterThanOrEqual(7);
    // Each line is "file: path: message", and every broken file is named.
    for (const line of problems) expect(line).toMatch(/^\S+\.json: \S.*: \S/);
    const said = (file: string, ...patterns: RegExp[]) => {
      const mine = problems.filter((l) => l.includes(file));
      for (const pattern of patterns) {
        expect(
          mine.some((l) => pattern.test(l)),
          `${file}: ${pattern} in\n${problems.join('\n')}`,
        ).toBe(true);
      }
    };
    said('people.json', /facts\[0\]\.date.*2025-13-01/, /no-such-source/);
    said('events.json', /related\[0\]\.target: unknown entity "no-such-entity"/);
    said('organisations.json', /entities\[0\]\.name/, /entities\[2\]\.id: duplicate entity id/);
    said('places.json', /line 2: invalid JSON/);
    said('sources.json', /sources\[0\]\.kind/);
  });
});
