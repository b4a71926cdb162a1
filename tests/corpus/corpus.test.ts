// @vitest-environment node
/** The real bundled corpus: it validates, covers what the issue asks for, and compiles. */
import { describe, expect, it } from 'vitest';
import { compileMatcherTable } from '../../engine/table';
import { createNamedDetector } from '../../engine/detect';
import { corpusKey } from '../../engine/table-format';
import { corpusStats, toMatcherSources } from '../../corpus/compile';
import { loadCorpus } from '../../corpus/load';
import type { CorpusRecords } from '../../engine/types';
import { foldAlias, formatProblem } from '../../corpus/validate';

const result = loadCorpus();

function records(): CorpusRecords {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.records;
}

/** Every entity the issue names, by canonical name or a listed surface form. */
const REQUIRED: Record<string, string[]> = {
  person: [
    'Ali Larijani',
    'Qasem Soleimani',
    'Ali Khamenei',
    'Masoud Pezeshkian',
    'Donald Trump',
    'Lindsey Graham',
    'Benjamin Netanyahu',
    'Nicolás Maduro',
    'Reza Pahlavi',
    'Asim Munir',
    'Sina Toosi',
    'Asif Ali Zardari',
    'Hassan Rouhani',
    'Reza Amiri-Moghadam',
    'Ishaq Dar',
    'Abbas Araghchi',
    'Shehbaz Sharif',
    'Imran Khan',
    'Mike Pompeo',
    'Qamar Javed Bajwa',
    'Mark Esper',
    'Shah Mahmood Qureshi',
    'Esmail Qaani',
    'Ashraf Ghani',
  ],
  organisation: [
    'IRGC',
    'Quds Force',
    'Tehreek-e-Taliban Pakistan',
    'Lashkar-e-Tayyiba',
    'The Resistance Front',
    'Taliban',
    'National Resistance Front',
    "Iran's Supreme National Security Council",
    'Hamas',
    'Al Mayadeen',
  ],
  event: [
    'Operation Sindoor',
    '2025 India–Pakistan conflict',
    'Twelve-Day War',
    'Operation Midnight Hammer',
    'Pahalgam attack',
    'Killing of Qasem Soleimani',
    "Iran's missile strikes on US bases in Iraq",
    'Abqaiq–Khurais attack',
    'Operation Opera',
    "Larijani's visit to Pakistan",
    "Pezeshkian's visit to Pakistan",
    '2025 Afghanistan–Pakistan clashes',
  ],
  agreement: [
    'JCPOA',
    'CPEC',
    'Indus Waters Treaty',
    'Abraham Accords',
    'Iran–Pakistan gas pipeline',
    'Pakistan–Saudi defence pact',
  ],
  place: ['Balochistan', 'Kashmir'],
};

/** Surface forms the issue asks for explicitly, with the entity each must name. */
const FORMS: [string, string][] = [
  ['Mr Larijani', 'ali-larijani'],
  ['Field Marshal Asim Munir', 'asim-munir'],
  ['General Munir', 'asim-munir'],
  ['Gen. Qamar Javed Bajwa', 'qamar-javed-bajwa'],
  ['Ayatollah Khamenei', 'ali-khamenei'],
  ['President Pezeshkian', 'masoud-pezeshkian'],
  ['Qassem Soleimani', 'qasem-soleimani'],
  ['Qasim Suleimani', 'qasem-soleimani'],
  ['Pezeshkiyan', 'masoud-pezeshkian'],
  ['Araqchi', 'abbas-araghchi'],
  ['Ghaani', 'esmail-qaani'],
  ["Qa'ani", 'esmail-qaani'],
  ['Shahbaz Sharif', 'shehbaz-sharif'],
  ['Tehrik-e-Taliban Pakistan', 'tehreek-e-taliban-pakistan'],
  ['Tehreek-i-Taliban Pakistan', 'tehreek-e-taliban-pakistan'],
  ['TTP', 'tehreek-e-taliban-pakistan'],
  ['Pakistani Taliban', 'tehreek-e-taliban-pakistan'],
  ['Lashkar-e-Taiba', 'lashkar-e-tayyiba'],
  ['Lashkar-e-Toiba', 'lashkar-e-tayyiba'],
  ['LeT', 'lashkar-e-tayyiba'],
  ['TRF', 'the-resistance-front'],
  ['SNSC', 'supreme-national-security-council'],
  ['Operation Sindur', 'operation-sindoor'],
  ['Baluchistan', 'balochistan'],
  ['Nicolas Maduro', 'nicolas-maduro'],
  ['Lindsay Graham', 'lindsey-graham'],
  ['12-day war', 'twelve-day-war'],
  ['Iran-Israel war', 'twelve-day-war'],
  ['Operation Babylon', 'operation-opera'],
  ['Abqaiq attack', 'abqaiq-khurais-attack'],
  ['Pahalgam massacre', 'pahalgam-attack'],
  ['Baisaran attack', 'pahalgam-attack'],
  ['IWT', 'indus-waters-treaty'],
  ['JCPOA', 'jcpoa'],
  ['CPEC', 'cpec'],
];

/** Short forms that also name other people or things: detection must need context. */
const AMBIGUOUS: [string, string][] = [
  ['Khan', 'imran-khan'],
  ['Dar', 'ishaq-dar'],
  ['Sharif', 'shehbaz-sharif'],
  ['Munir', 'asim-munir'],
  ['Ghani', 'ashraf-ghani'],
  ['Graham', 'lindsey-graham'],
  ['Pahlavi', 'reza-pahlavi'],
  ['Sindoor', 'operation-sindoor'],
  ['Bajwa', 'qamar-javed-bajwa'],
  ['Qureshi', 'shah-mahmood-qureshi'],
  ['Zardari', 'asif-ali-zardari'],
];

describe('the bundled corpus', () => {
  it('validates with zero problems', () => {
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it.each(Object.entries(REQUIRED))('has every %s the issue lists', (kind, names) => {
    const forms = new Map<string, { id: string; kind: string }>();
    for (const e of records().entities) for (const f of [e.name, ...e.aliases]) forms.set(foldAlias(f), e);
    const missing = names.filter((n) => forms.get(foldAlias(n))?.kind !== kind);
    expect(missing).toEqual([]);
  });

  it('links the surface forms the issue asks for', () => {
    const forms = new Map<string, string>();
    for (const e of records().entities) for (const f of [e.name, ...e.aliases]) forms.set(foldAlias(f), e.id);
    expect(FORMS.filter(([form, id]) => forms.get(foldAlias(form)) !== id)).toEqual([]);
  });

  it('marks short shared forms ambiguous, never plain', () => {
    const entities = new Map(records().entities.map((e) => [e.id, e]));
    for (const [form, id] of AMBIGUOUS) {
      const e = entities.get(id)!;
      expect(e.ambiguous, `${form} on ${id}`).toContain(form);
      expect(e.aliases.map(foldAlias), `${form} on ${id}`).not.toContain(foldAlias(form));
    }
  });

  it('gives every fact a source or marks it background, and cites only known sources', () => {
    const ids = new Set(records().sources.map((s) => s.id));
    for (const e of records().entities) {
      for (const f of e.facts) {
        expect(f.sources.length > 0 || f.background === true, `${e.id}: ${f.text}`).toBe(true);
        for (const s of f.sources) expect(ids.has(s)).toBe(true);
      }
    }
  });

  it('cites every seed article and keeps a majority of facts sourced', () => {
    const facts = records().entities.flatMap((e) => e.facts);
    const cited = new Set(facts.flatMap((f) => f.sources));
    expect(
      records()
        .sources.map((s) => s.id)
        .filter((id) => !cited.has(id)),
    ).toEqual([]);
    expect(facts.filter((f) => f.sources.length > 0).length).toBeGreaterThan(facts.length / 2);
  });

  it('has enough dated items for the timeline (at least 30; aiming past 60 facts)', () => {
    const stats = corpusStats(records());
    expect(stats.datedItems).toBeGreaterThanOrEqual(30);
    expect(records().entities.reduce((n, e) => n + e.facts.length, 0)).toBeGreaterThanOrEqual(60);
  });

  it('has one source per seed article, with the fields the pages show', () => {
    const sources = records().sources;
    expect(sources).toHaveLength(5);
    for (const s of sources) expect(s.file).toMatch(/^\d{3}_[0-9a-f]+\.txt$/);
  });

  it('writes summaries of two to four sentences', () => {
    // Split at a full stop followed by a capital, except after common abbreviations.
    const sentences = (text: string) =>
      text.split(/(?<!\b(?:Mr|Dr|Gen|Sen|St|Jr|U\.S|vs))[.!?]\s+(?=[A-Z"'‘“])/).length;
    const off = records()
      .entities.filter((e) => sentences(e.summary) < 2 || sentences(e.summary) > 4)
      .map((e) => e.id);
    expect(off).toEqual([]);
  });

  it('lists events in chronological order with their sources', () => {
    const events = records().events;
    expect(events.length).toBe(records().entities.filter((e) => e.kind === 'event').length);
    const starts = events.map((e) => e.start.slice(0, 10));
    expect([...starts].sort()).toEqual(starts);
    for (const e of events) expect(e.sources.length).toBeGreaterThan(0);
  });

  it("keeps the regional names of other places out of an entity's mentions", () => {
    const sources = toMatcherSources(records());
    const d = createNamedDetector(
      compileMatcherTable(sources),
      sources.map((s) => s.id),
    );
    const ids = (text: string) => d.detect(text).map((m) => d.ids[m.entity]);
    // Iran's province, in Persian and Hindi, is not Pakistan's Balochistan.
    expect(ids('استان سیستان و بلوچستان در جنوب شرق ایران است')).toEqual([]);
    expect(ids('सिस्तान-बलूचिस्तान प्रांत')).toEqual([]);
    expect(ids('بلوچستان میں بارش')).toEqual(['balochistan']);
    // Pakistan's Red Crescent beside Iran's.
    expect(ids('ہلال احمر ایران اور ہلال احمر پاکستان')).toEqual(['iranian-red-crescent']);
  });

  it('compiles into the matcher table, canonical names included', () => {
    const sources = toMatcherSources(records());
    for (const s of sources) expect(s.aliases).toContain(s.name);
    const table = compileMatcherTable(sources);
    expect(table.corpus).toBe(corpusKey(sources.map((s) => s.id)));
  });
});
