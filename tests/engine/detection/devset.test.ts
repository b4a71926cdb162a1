// @vitest-environment node
/**
 * The real-text dev set (tests/fixtures/devset/): well-formed pages whose gold names
 * only corpus entities. The figures are reported by `npm run detect:eval`, not
 * asserted here: the set measures issue-13 and issue-17 work that is still under way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEV_CATEGORIES,
  DEVSET_DIR,
  devLanguage,
  devPageProblems,
  loadCorpusTable,
  loadDevPages,
  type DevPage,
} from '../../../scripts/evaluate-detection';

const pages = loadDevPages();
const ids = new Set(loadCorpusTable().ids);

describe('dev set', () => {
  it('has pages of every category', () => {
    for (const c of DEV_CATEGORIES)
      expect(
        pages.some((p) => p.category === c),
        c,
      ).toBe(true);
  });

  it('annotates only corpus entities', () => {
    for (const p of pages)
      for (const e of p.expected) expect(ids.has(e.id), `${p.id}: unknown entity ${e.id}`).toBe(true);
  });

  it('keeps each page within the paraphrase length of the shared format', () => {
    for (const p of pages) {
      const words = p.text.split(/\s+/).filter(Boolean).length;
      expect(words, p.id).toBeGreaterThanOrEqual(100);
      expect(words, p.id).toBeLessThanOrEqual(380);
    }
  });

  it('rejects a page whose language is not one the set reports', () => {
    const page = { ...pages[0]!, language: 'ps' } as unknown as DevPage;
    expect(devPageProblems(page).join('\n')).toMatch(/unknown language "ps"/);
  });
});

/** Issue 17: Urdu, Persian and Hindi pages, each language in its own files (ur-*.json, ...). */
const NATIVE_SCRIPTS = { ur: /\p{Script=Arabic}/u, fa: /\p{Script=Arabic}/u, hi: /\p{Script=Devanagari}/u } as const;
const NATIVE = Object.keys(NATIVE_SCRIPTS) as (keyof typeof NATIVE_SCRIPTS)[];

describe("dev set in the region's languages", () => {
  it('holds at least 10 pages per language, hard negatives among them', () => {
    for (const language of NATIVE) {
      const inLanguage = pages.filter((p) => devLanguage(p) === language);
      expect(inLanguage.length, language).toBeGreaterThanOrEqual(10);
      expect(inLanguage.filter((p) => p.category === 'hard-negative').length, language).toBeGreaterThanOrEqual(2);
    }
  });

  it('keeps each language to its own files, and English pages without a language field', () => {
    for (const file of readdirSync(DEVSET_DIR).filter((f) => f.endsWith('.json'))) {
      const prefix = file.split('-')[0] as string;
      const expected = (NATIVE as string[]).includes(prefix) ? prefix : undefined;
      for (const p of JSON.parse(readFileSync(join(DEVSET_DIR, file), 'utf8')) as DevPage[]) {
        expect(p.language, `${file}: ${p.id}`).toBe(expected);
      }
    }
  });

  it('writes each native page in its own script, with native-script gold', () => {
    for (const p of pages) {
      if (devLanguage(p) === 'en') continue;
      const script = NATIVE_SCRIPTS[p.language as keyof typeof NATIVE_SCRIPTS];
      const letters = [...p.text].filter((c) => /\p{L}/u.test(c));
      const inScript = letters.filter((c) => script.test(c)).length;
      // Real pages carry some Latin (kickers like "Operation Sindoor:", TTP, PoK), kept as printed.
      expect(inScript / letters.length, p.id).toBeGreaterThan(0.8);
      expect(p.expected.filter((e) => script.test(e.surface)).length, p.id).toBeGreaterThanOrEqual(
        p.expected.length / 2,
      );
    }
  });
});
