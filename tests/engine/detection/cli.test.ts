// @vitest-environment node
/** `npm run detect`: the command-line contract (output shape, offsets, errors). */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileMatcherTable } from '../../../engine/table';
import { SOURCES } from './helpers';

const ROOT = resolve(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const dir = mkdtempSync(join(tmpdir(), 'backstory-detect-'));
const table = join(dir, 'matcher.json');

interface Output {
  mentions: { id: string; name: string; kind: string; start: number; end: number; text: string }[];
}

function detect(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, [join(ROOT, 'scripts/detect.ts'), ...args, `--table=${table}`], {
    input,
    encoding: 'utf8',
    cwd: ROOT,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  // A compiled corpus as the build writes it: the table, and the records that name its entities.
  writeFileSync(table, JSON.stringify(compileMatcherTable(SOURCES)));
  writeFileSync(join(dir, 'records.json'), JSON.stringify({ entities: SOURCES.map(({ id, name }) => ({ id, name })) }));
});

describe('detect CLI', () => {
  it('prints mentions of a text file with UTF-16 offsets, in document order', () => {
    const text = 'Nicolás Maduro 😀 met Imran Khan; Khan said LeT is banned.\n';
    const file = join(dir, 'a.txt');
    writeFileSync(file, text);
    const out = JSON.parse(detect([file]).stdout) as Output;
    expect(out.mentions.map((m) => m.id)).toEqual(['nicolas-maduro', 'imran-khan', 'imran-khan', 'lashkar-e-tayyiba']);
    for (const m of out.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(out.mentions[1]).toEqual({
      id: 'imran-khan',
      name: 'Imran Khan',
      kind: 'person',
      start: 22,
      end: 32,
      text: 'Imran Khan',
    });
  });

  it('reads stdin', () => {
    const out = JSON.parse(detect(['-'], 'Ali Larijani arrived.').stdout) as Output;
    expect(out.mentions.map((m) => m.text)).toEqual(['Ali Larijani']);
  });

  it('reads an HTML page as the content script does, with offsets into the --text output', () => {
    const file = join(dir, 'page.html');
    writeFileSync(
      file,
      '<html><body><h1>Larijani in Islamabad</h1><p>Operation <em>Sindoor</em> and <a>Asim</a> Munir.</p>' +
        '<script>Larijani</script><p hidden>Imran Khan</p></body></html>',
    );
    const text = detect([file, '--text']).stdout.replace(/\n$/, '');
    expect(text).toBe('Larijani in Islamabad\n\nOperation Sindoor and Asim Munir.');
    const out = JSON.parse(detect([file]).stdout) as Output;
    expect(out.mentions.map((m) => [m.id, text.slice(m.start, m.end)])).toEqual([
      ['ali-larijani', 'Larijani'],
      ['operation-sindoor', 'Operation Sindoor'],
      ['asim-munir', 'Asim Munir'],
    ]);
  });

  it('reads an HTML fragment without <html> or <body>', () => {
    const file = join(dir, 'fragment.html');
    writeFileSync(file, '<p>Ali Larijani met <b>Imran</b> Khan</p><p>Khan said</p>');
    const out = JSON.parse(detect([file]).stdout) as Output;
    expect(out.mentions.map((m) => m.text)).toEqual(['Ali Larijani', 'Imran Khan', 'Khan']);
  });

  it('fails clearly on a missing file (exit 2) and on a missing table', () => {
    const missing = detect([join(dir, 'nope.txt')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
    const noTable = spawnSync(TSX, [join(ROOT, 'scripts/detect.ts'), '-', `--table=${join(dir, 'none.json')}`], {
      input: 'x',
      encoding: 'utf8',
    });
    expect(noTable.status).not.toBe(0);
    expect(noTable.stderr).toMatch(/corpus:build/);
    const lone = mkdtempSync(join(tmpdir(), 'backstory-detect-'));
    writeFileSync(join(lone, 'matcher.json'), JSON.stringify(compileMatcherTable(SOURCES)));
    const noRecords = spawnSync(TSX, [join(ROOT, 'scripts/detect.ts'), '-', `--table=${join(lone, 'matcher.json')}`], {
      input: 'Imran Khan',
      encoding: 'utf8',
    });
    expect(noRecords.status).not.toBe(0);
    expect(noRecords.stderr).toMatch(/records\.json is missing: run `npm run corpus:build`/);
  });

  it('runs through npm run detect', () => {
    const file = join(dir, 'b.txt');
    writeFileSync(file, 'Larijani');
    const stdout = execFileSync('npm', ['run', '--silent', 'detect', '--', file, `--table=${table}`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}` },
    });
    expect((JSON.parse(stdout) as Output).mentions).toHaveLength(1);
  });
});
