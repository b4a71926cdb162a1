// @vitest-environment node
/**
 * The editorial checks (corpus/checks/), each on a small corpus fragment that breaks
 * exactly one rule: the build must refuse it with a message that says what to fix,
 * and must accept the same fragment once fixed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentWords, similarity } from '../../corpus/checks/duplicates';
import { mentions, sourceNames } from '../../corpus/checks/citations';
import { isDayPrecise } from '../../corpus/checks/date-provenance';
import type { Source } from '../../engine/types';
import { validate, type Problem } from '../../corpus/validate';

const SOURCES: Source[] = [
  {
    id: 'interest-2026-01',
    title: 'An essay',
    outlet: 'The National Interest',
    author: 'Eldar Mamedov',
    published: '2026-01',
    kind: 'opinion',
  },
  {
    id: 'national-2025-11',
    title: 'An analysis',
    outlet: 'The National (UAE)',
    author: null,
    published: '2025-11',
    kind: 'analysis',
  },
  {
    id: 'brief-2025-08-05',
    title: 'A brief',
    outlet: 'The Strategic Brief',
    author: 'Khurram Khan',
    published: '2025-08-05',
    kind: 'opinion',
  },
  {
    id: 'blog-2026-01-12',
    title: 'A recommendation',
    outlet: 'Piotr Pietrzak (personal blog)',
    author: 'Piotr Pietrzak',
    published: '2026-01-12',
    kind: 'blog',
  },
].map((s) => ({ ...s, kind: s.kind as Source['kind'], file: 'seed.txt' }));

type Fact = Record<string, unknown>;

/** A person with two unrelated cited facts unless told otherwise: clean under every check. */
function card(
  id: string,
  name: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> & { facts: Fact[] } {
  return {
    id,
    kind: 'person',
    name,
    role: 'A role',
    summary: 'One sentence. Another sentence.',
    facts: [
      { date: '2025-11', text: `${name} opened a trade office in the capital.`, sources: ['national-2025-11'] },
      { date: '2019', text: `${name} was elected to parliament for a rural seat.`, background: true },
    ],
    ...extra,
  };
}

/** The problems one editorial check reports on a corpus of people. */
function problems(check: string, people: unknown[]): Problem[] {
  const result = validate({
    sources: { file: 'data/sources.json', text: JSON.stringify(SOURCES) },
    entities: [{ file: 'data/entities/people.json', text: JSON.stringify(people) }],
  });
  expect(
    result.problems.filter((p) => !p.check),
    'structural problems',
  ).toEqual([]);
  return result.problems.filter((p) => p.check === check);
}

const withFacts = (id: string, name: string, facts: Fact[], extra: Record<string, unknown> = {}) =>
  card(id, name, { facts, ...extra });

describe('duplicates', () => {
  const lunch = {
    date: '2025-06-18',
    dateSource: 'background',
    text: 'Hosted Asim Munir for lunch at the White House.',
    sources: ['interest-2026-01'],
  };
  const meeting = {
    date: '2025-06',
    text: "Received Pakistan's army chief Asim Munir at the White House for talks.",
    sources: ['interest-2026-01'],
  };

  it('reports the same meeting told twice on one card', () => {
    const [p, ...rest] = problems('duplicates', [withFacts('a-b', 'A B', [meeting, lunch])]);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: 'data/entities/people.json', path: 'entities[0].facts[1]' });
    expect(p!.message).toMatch(/^near-duplicate of entities\[0\]\.facts\[0\] on the same card: "Hosted Asim Munir/);
  });

  it('reports a fact repeated on two cards that do not link to each other, and accepts it once they do', () => {
    const warning = (name: string) => ({
      date: '2026-01',
      text: `${name} warned that the US would come to the rescue of protesters if they were repressed.`,
      sources: ['interest-2026-01'],
    });
    const other = { date: '2019', text: 'Served two terms as governor.', background: true };
    const people = [
      withFacts('a-b', 'A B', [warning('Trump'), lunch]),
      withFacts('c-d', 'C D', [warning('Trump'), other]),
    ];
    const [p, ...rest] = problems('duplicates', people);
    expect(rest).toEqual([]);
    expect(p!.path).toBe('entities[1].facts[0]');
    expect(p!.message).toMatch(/\("a-b"\), and the cards are not connected/);
    people[1] = { ...people[1]!, related: [{ type: 'related-to', target: 'a-b' }] };
    expect(problems('duplicates', people)).toEqual([]);
  });

  it('does not count as one fact the same words years apart, or the same act by two different people', () => {
    const spoke = (date: string) => ({
      date,
      text: 'Talked with General Bajwa about the US–Iran crisis.',
      sources: ['interest-2026-01'],
    });
    expect(problems('duplicates', [withFacts('a-b', 'A B', [spoke('2020-01'), spoke('2023-05')])])).toEqual([]);
    const posted = {
      date: '2020-01-03',
      dateSource: 'article',
      text: "Posted that he had discussed the US action against Soleimani with General Bajwa, calling Iran's conduct destabilising.",
      sources: ['interest-2026-01'],
    };
    const people = [
      withFacts('mark-esper', 'Mark Esper', [spoke('2020-01'), lunch]),
      withFacts('mike-pompeo', 'Mike Pompeo', [posted, meeting]),
    ];
    expect(problems('duplicates', people)).toEqual([]);
    // The same sentence on both cards is still one fact told twice.
    people[1]!.facts[0] = spoke('2020-01');
    expect(problems('duplicates', people).map((p) => p.path)).toEqual(['entities[1].facts[0]']);
  });

  it('measures content words: function words, case, plurals and credited outlets do not count', () => {
    expect([...contentWords("The Talks of the Ministers' aides")]).toEqual(['talk', 'minister', 'aide']);
    const a = contentWords('Pakistan urged restraint.');
    expect(similarity(a, contentWords('PAKISTAN URGED RESTRAINT, according to the outlet'))).toEqual({
      score: 1,
      shared: 3,
    });
  });
});

describe('citations', () => {
  it('asks an attribution to name an outlet the fact cites', () => {
    const [p] = problems('citations', [
      withFacts('a-b', 'A B', [
        {
          date: '2025-11',
          text: 'Relations were entering a new strategic phase.',
          sources: ['national-2025-11'],
          attribution: 'Reza Amiri-Moghadam',
        },
        { date: '2019', text: 'Elected.', background: true },
      ]),
    ]);
    expect(p).toMatchObject({ path: 'entities[0].facts[0].attribution' });
    expect(p!.message).toBe(
      '"Reza Amiri-Moghadam" names none of the outlets the fact cites (The National): credit the outlet, or write "Reza Amiri-Moghadam, as reported by The National"',
    );
  });

  it("credits an article's outlet, not its writer, in attributions and in crediting phrases", () => {
    const found = problems('citations', [
      withFacts('a-b', 'A B', [
        {
          date: '2025-08-05',
          dateSource: 'article',
          text: 'Khurram Khan argues that the bombing was a pretext.',
          sources: ['brief-2025-08-05'],
        },
        {
          date: '2026-01',
          text: 'The strike was a one-off.',
          sources: ['interest-2026-01'],
          attribution: 'Eldar Mamedov',
        },
      ]),
    ]);
    expect(found.map((p) => p.message)).toEqual([
      'the fact credits Khurram Khan; credit the outlet, The Strategic Brief',
      'the attribution credits Eldar Mamedov; credit the outlet, The National Interest',
      '"Eldar Mamedov" names none of the outlets the fact cites (The National Interest): credit the outlet, or write "Eldar Mamedov, as reported by The National Interest"',
    ]);
    // Naming the writer is not crediting him, and the writer's own card may credit him.
    expect(
      problems('citations', [
        withFacts('a-b', 'A B', [
          { date: '2026-01', text: 'Employs Eldar Mamedov as an adviser.', sources: ['interest-2026-01'] },
          { date: '2019', text: 'Founded.', background: true },
        ]),
        withFacts('eldar-mamedov', 'Eldar Mamedov', [
          { date: '2026-01', text: 'Eldar Mamedov argues for talks through Pakistan.', sources: ['interest-2026-01'] },
          { date: '2009', text: 'Joined.', background: true },
        ]),
      ]),
    ).toEqual([]);
  });

  it('reports text that names an article the item does not cite, telling "The National" from "The National Interest"', () => {
    const found = problems('citations', [
      withFacts(
        'a-b',
        'A B',
        [
          { date: '2025-11', text: 'The National Interest calls him the chair.', sources: ['national-2025-11'] },
          { date: '2019', text: 'Elected, The National says.', background: true },
        ],
        { summary: 'A person. Al-Monitor and The Strategic Brief both mention him.' },
      ),
    ]);
    expect(found.map((p) => [p.path, p.message])).toEqual([
      [
        'entities[0].facts[0].text',
        'the fact names The National Interest but does not cite its article "interest-2026-01"',
      ],
      ['entities[0].facts[1].text', 'the fact names The National but does not cite its article "national-2025-11"'],
      ['entities[0].summary', 'the summary names The Strategic Brief but does not cite its article "brief-2025-08-05"'],
    ]);
  });

  it('reports an article cited twice by one item', () => {
    const [p] = problems('citations', [
      withFacts('a-b', 'A B', [
        { date: '2025-11', text: 'Opened an office.', sources: ['national-2025-11', 'national-2025-11'] },
        { date: '2019', text: 'Elected.', background: true },
      ]),
    ]);
    expect(p).toMatchObject({ path: 'entities[0].facts[0].sources[1]', message: 'cites "national-2025-11" twice' });
  });

  it('finds outlet names whole and longest first', () => {
    const names = SOURCES.map(sourceNames);
    expect(mentions('The National Interest and The National; The Nationalist', names).map((m) => m.name)).toEqual([
      'The National Interest',
      'The National',
    ]);
    expect(names.find((n) => n.id === 'blog-2026-01-12')).toEqual({ id: 'blog-2026-01-12', outlet: 'Piotr Pietrzak' });
  });
});

describe('date provenance', () => {
  it('asks a cited fact or relation dated to the day where its day comes from', () => {
    const found = problems('date-provenance', [
      withFacts(
        'a-b',
        'A B',
        [
          { date: '2025-06-18', text: 'Lunched at the White House.', sources: ['interest-2026-01'] },
          { date: '2025-06-13/2025-06-24', text: 'Fought a war.', sources: ['interest-2026-01'] },
          { date: '2025-06', text: 'Met the president.', sources: ['interest-2026-01'] },
        ],
        { related: [{ type: 'met', target: 'c-d', date: '2025-12-29', sources: ['interest-2026-01'] }] },
      ),
      card('c-d', 'C D'),
    ]);
    expect(found.map((p) => p.path)).toEqual([
      'entities[0].facts[0].date',
      'entities[0].facts[1].date',
      'entities[0].related[0].date',
    ]);
    expect(found[0]!.message).toBe(
      'a cited fact dated to the day (2025-06-18) says where the day comes from: "dateSource": "article" if the article gives it, "background" if the public record does',
    );
  });

  it('accepts the day once it says where it comes from, and refuses the field where nothing is cited', () => {
    const found = problems('date-provenance', [
      withFacts('a-b', 'A B', [
        {
          date: '2025-06-18',
          dateSource: 'background',
          text: 'Lunched at the White House.',
          sources: ['interest-2026-01'],
        },
        { date: '2025-06-18', dateSource: 'background', text: 'Was sworn in.', background: true },
      ]),
    ]);
    expect(found).toEqual([
      {
        file: 'data/entities/people.json',
        path: 'entities[0].facts[1].dateSource',
        check: 'date-provenance',
        message: '"dateSource" says where a cited fact\'s date comes from; this fact cites no article',
      },
    ]);
  });

  it('knows a day from a month or a year', () => {
    expect(['2025', '2025-06', '2025-06/2025-07', '2025-06-18', '2025-06/2025-07-02'].map(isDayPrecise)).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
  });
});

describe('opinions', () => {
  const base = {
    text: 'The strike achieved little.',
    sources: ['interest-2026-01'],
    attribution: 'The National Interest',
    claim: 'opinion',
  };

  it("dates an opinion to its article's publication", () => {
    const [p] = problems('opinions', [
      withFacts('a-b', 'A B', [
        { ...base, date: '2025-06' },
        { date: '2019', text: 'Elected.', background: true },
      ]),
    ]);
    expect(p).toMatchObject({ path: 'entities[0].facts[0].date' });
    expect(p!.message).toMatch(/^an opinion is dated to its article's publication \(2026-01\), not 2025-06/);
    expect(
      problems('opinions', [
        withFacts('a-b', 'A B', [
          { ...base, date: '2026-01' },
          { date: '2019', text: 'Elected.', background: true },
        ]),
      ]),
    ).toEqual([]);
  });

  it('asks a marked claim to say whose it is, and its subject link to resolve', () => {
    const found = problems('opinions', [
      withFacts('a-b', 'A B', [
        { date: '2026-01', text: 'The raid was unlawful.', sources: ['interest-2026-01'], claim: 'contested' },
        { ...base, date: '2026-01', about: 'nowhere' },
        { ...base, date: '2026-01', text: 'He matters.', about: 'a-b' },
        { date: '2026-01', text: 'Met the envoy.', sources: ['interest-2026-01'], about: 'c-d' },
      ]),
      card('c-d', 'C D'),
    ]);
    expect(found.map((p) => [p.path, p.message])).toEqual([
      ['entities[0].facts[0].attribution', 'a claim marked "contested" says whose it is in "attribution"'],
      ['entities[0].facts[1].about', 'unknown entity "nowhere"'],
      ['entities[0].facts[2].about', 'an opinion on its own subject\'s card needs no "about"'],
      [
        'entities[0].facts[3].about',
        '"about" links an opinion or contested claim to its subject; this fact is marked neither',
      ],
    ]);
  });
});

describe('thin cards', () => {
  it('asks a card with fewer than two facts for more, or for the reason', () => {
    const one = withFacts('a-b', 'A B', [{ date: '2019', text: 'Elected.', background: true }]);
    const [p] = problems('thin-cards', [one]);
    expect(p).toEqual({
      file: 'data/entities/people.json',
      path: 'entities[0].facts',
      check: 'thin-cards',
      message: '"a-b" has 1 fact; give it at least 2, or say why not in "fewFacts"',
    });
    expect(problems('thin-cards', [{ ...one, fewFacts: 'The articles quote him once.' }])).toEqual([]);
    expect(problems('thin-cards', [card('a-b', 'A B', { fewFacts: 'Stale.' })])[0]!.message).toBe(
      '"a-b" has 2 facts; "fewFacts" no longer applies',
    );
  });
});

describe('the corpus build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-checks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails on editorial problems, listing each of them at once', () => {
    mkdirSync(join(dir, 'data/entities'), { recursive: true });
    writeFileSync(join(dir, 'data/sources.json'), JSON.stringify(SOURCES));
    writeFileSync(
      join(dir, 'data/entities/people.json'),
      JSON.stringify([
        withFacts('a-b', 'A B', [
          { date: '2025-06-18', text: 'Lunched at the White House.', sources: ['interest-2026-01'] },
        ]),
        card('c-d', 'C D', { summary: 'A person. The Strategic Brief profiles him.' }),
      ]),
    );
    const root = resolve(__dirname, '../..');
    const run = spawnSync(
      join(root, 'node_modules/.bin/tsx'),
      [join(root, 'scripts/build-corpus.ts'), '--data', join(dir, 'data'), '--out', join(dir, 'out')],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /data\/entities\/people\.json: entities\[1\]\.summary: the summary names The Strategic Brief/,
      ),
      expect.stringMatching(/entities\[0\]\.facts\[0\]\.date: a cited fact dated to the day \(2025-06-18\)/),
      expect.stringMatching(/entities\[0\]\.facts: "a-b" has 1 fact/),
      'corpus: 3 problems',
    ]);
  }, 60_000);
});
