// @vitest-environment node
/** The loader on small corpora in temporary directories. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../corpus/load';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempCorpus(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'corpus-'));
  dirs.push(root);
  mkdirSync(join(root, 'data/entities'), { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  return root;
}

const SOURCES = JSON.stringify([
  { id: 's-1', title: 'T', outlet: 'O', author: 'A', published: '2025-11', kind: 'analysis', file: 'x.txt' },
]);

const entity = (id: string, name: string, kind = 'place', extra = {}) => ({
  id,
  kind,
  name,
  role: 'A place',
  summary: 'A place. It matters.',
  facts: [
    { date: '2025-11', text: 'Mentioned.', sources: ['s-1'] },
    { date: '2020', text: 'Founded.', background: true },
  ],
  ...extra,
});

describe('loadCorpus', () => {
  it('compiles a valid corpus: entities sorted by id, events derived, defaults filled in', () => {
    const root = tempCorpus({
      'data/sources.json': SOURCES,
      'data/entities/places.json': JSON.stringify([entity('zeta', 'Zeta'), entity('alpha', 'Alpha')]),
      'data/entities/events.json': JSON.stringify([
        entity('late', 'Late', 'event', { event: { start: '2025-11', place: 'alpha', sources: ['s-1'] } }),
        entity('early', 'Early', 'event', { event: { start: '2024', sources: ['s-1'] } }),
      ]),
    });
    const result = loadCorpus(root);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.records.entities.map((e) => e.id)).toEqual(['alpha', 'early', 'late', 'zeta']);
    expect(result.records.events.map((e) => [e.id, e.name, e.start])).toEqual([
      ['early', 'Early', '2024'],
      ['late', 'Late', '2025-11'],
    ]);
    expect(result.records.entities[0]).toMatchObject({ aliases: [], ambiguous: [], related: [] });
    expect(result.records.sources).toHaveLength(1);
  });

  it('turns a JSON syntax error into a problem with file and line', () => {
    const root = tempCorpus({
      'data/sources.json': SOURCES,
      'data/entities/places.json': '[\n  {\n    "id": "alpha",\n    "kind": "place",,\n  }\n]\n',
    });
    const result = loadCorpus(root);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: 'data/entities/places.json', path: 'line 4' });
  });

  it('reports a missing sources file and an empty entities folder together', () => {
    const result = loadCorpus(tempCorpus({}));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.file)).toEqual(['data/sources.json', 'data/entities']);
  });
});
