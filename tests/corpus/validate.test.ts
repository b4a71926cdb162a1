// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { foldAlias, validate, type CorpusInput, type Problem } from '../../corpus/validate';

const SOURCE = {
  id: 'outlet-2025',
  title: 'A title',
  outlet: 'An Outlet',
  author: null,
  published: '2025-08-05',
  kind: 'news',
  file: 'seed.txt',
};

function person(id: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    kind: 'person',
    name,
    aliases: [],
    role: 'A role',
    summary: 'One sentence. Another sentence.',
    facts: [{ date: '2025-01', text: 'Something happened.', sources: ['outlet-2025'] }],
    ...extra,
  };
}

function event(id: string, name: string, block: unknown, extra: Record<string, unknown> = {}) {
  return { ...person(id, name, extra), kind: 'event', event: block };
}

/** An in-memory corpus: one sources file and entity files keyed by name. */
function corpus(files: Record<string, unknown>, sources: unknown = [SOURCE]): CorpusInput {
  return {
    sources: { file: 'data/sources.json', text: JSON.stringify(sources, null, 2) },
    entities: Object.entries(files).map(([name, value]) => ({
      file: `data/entities/${name}.json`,
      text: typeof value === 'string' ? value : JSON.stringify(value, null, 2),
    })),
  };
}

/**
 * The structural problems of a corpus. These fixtures are minimal on purpose (one fact,
 * days without provenance); the editorial checks they would trip are tested on their
 * own in checks.test.ts.
 */
function problemsOf(files: Record<string, unknown>, sources?: unknown): Problem[] {
  return validate(corpus(files, sources)).problems.filter((p) => p.check === undefined);
}

/** The single problem a corpus has; fails the test with the full list otherwise. */
function only(files: Record<string, unknown>, sources?: unknown): Problem {
  const problems = problemsOf(files, sources);
  expect(problems, JSON.stringify(problems, null, 2)).toHaveLength(1);
  return problems[0]!;
}

describe('validate: a clean corpus', () => {
  it('has no problems, structural or editorial', () => {
    const facts = [
      { date: '2025-01', text: 'Something happened.', sources: ['outlet-2025'] },
      { date: '2025-05-07', dateSource: 'article', text: 'Talks opened.', sources: ['outlet-2025'] },
    ];
    const result = validate(
      corpus({
        people: [
          person('a-b', 'A B', { aliases: ['Mr B'], facts, related: [{ type: 'met', target: 'c-d' }] }),
          person('c-d', 'C D', { facts }),
        ],
        events: [
          event(
            'an-event',
            'The Event',
            { start: '2025-05-07', end: '2025-05-10', participants: ['a-b'], sources: ['outlet-2025'] },
            { facts },
          ),
        ],
      }),
    );
    expect(result.problems).toEqual([]);
    expect(result.entities.map((e) => e.entity.id)).toEqual(['a-b', 'c-d', 'an-event']);
  });
});

describe('validate: rejects each kind of bad input', () => {
  it('reports a JSON syntax error with its line instead of throwing', () => {
    const p = only({ people: '[\n  {"id": "a-b",\n  "kind": "person"\n  "name": "A"}\n]' });
    expect(p.file).toBe('data/entities/people.json');
    expect(p.path).toBe('line 4');
    expect(p.message).toMatch(/^invalid JSON/);
  });

  it('reports unknown fields by name', () => {
    const p = only({ people: [person('a-b', 'A B', { nickname: 'AB' })] });
    expect(p).toEqual({
      file: 'data/entities/people.json',
      path: 'entities[0].nickname',
      message: 'unknown field "nickname"',
    });
  });

  it('reports wrong types, bad kinds and malformed ids', () => {
    const problems = problemsOf({ people: [person('A_B', 'A B', { kind: 'human', aliases: 'AB' })] });
    expect(problems.map((p) => p.path).sort()).toEqual(['entities[0].aliases', 'entities[0].id', 'entities[0].kind']);
    expect(problems.find((p) => p.path.endsWith('.id'))!.message).toMatch(/kebab-case/);
  });

  it('reports empty text, including an empty summary', () => {
    const p = only({ people: [person('a-b', 'A B', { summary: '   ' })] });
    expect(p.path).toBe('entities[0].summary');
    expect(p.message).toBe('must not be empty');
  });

  it('reports a malformed date', () => {
    const p = only({
      people: [person('a-b', 'A B', { facts: [{ date: '7 May 2025', text: 'x', sources: ['outlet-2025'] }] })],
    });
    expect(p.path).toBe('entities[0].facts[0].date');
    expect(p.message).toMatch(/YYYY/);
  });

  it('reports impossible calendar dates', () => {
    const p = only({
      people: [person('a-b', 'A B', { facts: [{ date: '2025-02-29', text: 'x', sources: ['outlet-2025'] }] })],
    });
    expect(p).toMatchObject({ path: 'entities[0].facts[0].date', message: '"2025-02-29" is not a calendar date' });
    expect(
      only({ people: [person('a-b', 'A B', { facts: [{ date: '2025-13', text: 'x', sources: ['outlet-2025'] }] })] })
        .message,
    ).toMatch(/no month 13/);
  });

  it('accepts 29 February in a leap year', () => {
    expect(
      problemsOf({
        people: [person('a-b', 'A B', { facts: [{ date: '2024-02-29', text: 'x', sources: ['outlet-2025'] }] })],
      }),
    ).toEqual([]);
  });

  it('reports an interval that starts after it ends', () => {
    const p = only({
      people: [person('a-b', 'A B', { facts: [{ date: '2025-06/2025-05-31', text: 'x', sources: ['outlet-2025'] }] })],
    });
    expect(p.message).toMatch(/starts after it ends/);
  });

  it('reports an event that ends before it starts', () => {
    const p = only({
      events: [event('e-1', 'E', { start: '2025-06-24', end: '2025-06-13', sources: ['outlet-2025'] })],
    });
    expect(p).toMatchObject({
      path: 'entities[0].event.end',
      message: 'the event ends (2025-06-13) before it starts (2025-06-24)',
    });
  });

  it('reports dangling relation targets, participants, places and sources', () => {
    const problems = problemsOf({
      people: [
        person('a-b', 'A B', {
          facts: [{ date: '2025', text: 'x', sources: ['nowhere-2025'] }],
          related: [{ type: 'met', target: 'ghost', sources: ['outlet-2025'] }],
        }),
      ],
      events: [
        event('e-1', 'E', { start: '2025', participants: ['phantom'], place: 'atlantis', sources: ['missing'] }),
      ],
    });
    expect(problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).sort()).toEqual([
      'data/entities/events.json: entities[0].event.participants[0]: unknown entity "phantom"',
      'data/entities/events.json: entities[0].event.place: unknown entity "atlantis"',
      'data/entities/events.json: entities[0].event.sources[0]: unknown source "missing"',
      'data/entities/people.json: entities[0].facts[0].sources[0]: unknown source "nowhere-2025"',
      'data/entities/people.json: entities[0].related[0].target: unknown entity "ghost"',
    ]);
  });

  it('reports a description with an unknown @id, no trigger, no participant, a phrase as trigger, or on a person', () => {
    const block = { start: '2025', sources: ['outlet-2025'] };
    const problems = problemsOf({
      people: [person('a-b', 'A B', { describedAs: [{ triggers: ['visit'], with: [['@a-b']] }] })],
      events: [
        event('e-1', 'E', block, {
          describedAs: [
            { triggers: ['war'], with: [['India'], ['@phantom']] },
            { triggers: [], with: [['India']] },
            { triggers: ['war'], with: [] },
            { triggers: ['air strike'], onPage: [['@a-b']] },
          ],
        }),
      ],
    });
    expect(problems.map((p) => `${p.path}: ${p.message}`).sort()).toEqual([
      'entities[0].describedAs: only events, agreements and places are described, not a person',
      'entities[0].describedAs[0].with[1][0]: unknown entity "phantom"',
      'entities[0].describedAs[1].triggers: a description needs at least one trigger',
      'entities[0].describedAs[2]: a trigger with no participant links nothing: give "with" or "onPage"',
      'entities[0].describedAs[3].triggers[0]: a trigger is one word ("air strike")',
    ]);
  });

  it('reports an event place that is not a place', () => {
    const p = only({
      people: [person('a-b', 'A B')],
      events: [event('e-1', 'E', { start: '2025', place: 'a-b', sources: ['outlet-2025'] })],
    });
    expect(p.message).toBe('"a-b" is a person, not a place');
  });

  it('reports duplicate entity ids across files and duplicate source ids', () => {
    const problems = problemsOf(
      { people: [person('a-b', 'A B')], places: [{ ...person('a-b', 'Elsewhere'), kind: 'place' }] },
      [SOURCE, SOURCE],
    );
    expect(problems).toEqual([
      { file: 'data/sources.json', path: 'sources[1].id', message: 'duplicate source id "outlet-2025"' },
      {
        file: 'data/entities/places.json',
        path: 'entities[0].id',
        message: 'duplicate entity id "a-b" (also at data/entities/people.json entities[0])',
      },
    ]);
  });

  it('reports a fact with neither sources nor background, and a background fact that cites', () => {
    const problems = problemsOf({
      people: [
        person('a-b', 'A B', {
          facts: [
            { date: '2025', text: 'Unsourced.' },
            { date: '2025', text: 'Both.', sources: ['outlet-2025'], background: true },
            { date: '2020-01-03', text: 'Widely documented.', background: true },
          ],
        }),
      ],
    });
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['entities[0].facts[0]', 'a fact cites at least one source or is marked "background": true'],
      ['entities[0].facts[1].sources', 'a background fact cites no sources'],
    ]);
  });

  it('reports an event without an event block, and an event block on a non-event', () => {
    const problems = problemsOf({
      events: [{ ...person('e-1', 'E'), kind: 'event' }],
      people: [person('a-b', 'A B', { event: { start: '2025', sources: ['outlet-2025'] } })],
    });
    expect(problems.map((p) => [p.file, p.path, p.message])).toEqual([
      ['data/entities/events.json', 'entities[0]', 'an event needs an "event" block (start, sources)'],
      ['data/entities/people.json', 'entities[0].event', 'only events carry an "event" block, not a person'],
    ]);
  });

  it('reports an event block without sources', () => {
    const p = only({ events: [event('e-1', 'E', { start: '2025', sources: [] })] });
    expect(p).toMatchObject({ path: 'entities[0].event.sources', message: 'an event cites at least one source' });
  });

  it('reports an alias on two entities, comparing case- and diacritic-insensitively', () => {
    const p = only({
      people: [person('a-b', 'A B', { aliases: ['Nicolás'] }), person('c-d', 'C D', { aliases: ['NICOLAS'] })],
    });
    expect(p).toMatchObject({
      path: 'entities[1].aliases[0]',
      message: expect.stringMatching(/also claimed by entity "a-b"/),
    });
  });

  it('allows a shared short form only when both entities mark it ambiguous', () => {
    expect(
      problemsOf({
        people: [person('a-b', 'A B', { ambiguous: ['Khan'] }), person('c-d', 'C D', { ambiguous: ['Khan'] })],
      }),
    ).toEqual([]);
    const p = only({
      people: [person('a-b', 'A B', { ambiguous: ['Khan'] }), person('c-d', 'C D', { aliases: ['Khan'] })],
    });
    expect(p.path).toBe('entities[1].aliases[0]');
  });

  it("reports an alias that is another entity's name, even when marked ambiguous", () => {
    const p = only({ people: [person('a-b', 'Taliban'), person('c-d', 'C D', { ambiguous: ['TALIBAN'] })] });
    expect(p).toMatchObject({ path: 'entities[1].ambiguous[0]', message: '"TALIBAN" is the name of entity "a-b"' });
  });

  it('reports forms listed twice or both plain and ambiguous, and lower-case single words', () => {
    const problems = problemsOf({
      people: [person('a-b', 'A B', { aliases: ['Mr B', 'mr B', 'Mr B', 'Bee'], ambiguous: ['BEE', 'war'] })],
    });
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['entities[0].aliases[2]', '"Mr B" is listed twice'],
      ['entities[0].ambiguous[0]', '"BEE" is listed both as an alias and as ambiguous'],
      ['entities[0].ambiguous[1]', '"war" is a single lower-case word; it would match ordinary text'],
    ]);
  });

  it('reports a file that is not a list', () => {
    expect(only({ people: { id: 'a-b' } })).toEqual({
      file: 'data/entities/people.json',
      path: '(file)',
      message: 'expected a list of entities',
    });
  });

  it('reports source problems with the sources path', () => {
    const p = only({ people: [person('a-b', 'A B')] }, [{ ...SOURCE, kind: 'rumour' }]);
    expect(p).toMatchObject({ file: 'data/sources.json', path: 'sources[0].kind' });
  });
});

describe('validate: reports every problem at once', () => {
  it('collects problems from every file and entity in one run', () => {
    const problems = problemsOf(
      {
        broken: '{ not json',
        people: [
          person('a-b', 'A B', { extra: 1, facts: [{ date: '2025-04-31', text: 'x', sources: ['nope'] }] }),
          person('c-d', 'C D', { related: [{ type: 'met', target: 'zz' }], aliases: ['A B'] }),
        ],
        events: [{ ...person('e-1', 'E'), kind: 'event' }],
      },
      [{ ...SOURCE, published: '2025-02-30' }],
    );
    const files = new Set(problems.map((p) => p.file));
    expect(files).toEqual(
      new Set([
        'data/sources.json',
        'data/entities/broken.json',
        'data/entities/people.json',
        'data/entities/events.json',
      ]),
    );
    // The unknown field does not hide the bad date and source in the same entity.
    expect(problems.map((p) => `${p.file}: ${p.path}`).sort()).toEqual([
      'data/entities/broken.json: line 1',
      'data/entities/events.json: entities[0]',
      'data/entities/people.json: entities[0].extra',
      'data/entities/people.json: entities[0].facts[0].date',
      'data/entities/people.json: entities[0].facts[0].sources[0]',
      'data/entities/people.json: entities[1].aliases[0]',
      'data/entities/people.json: entities[1].related[0].target',
      'data/sources.json: sources[0].published',
    ]);
  });

  it('still cross-checks the rest of an entity whose fact is malformed', () => {
    const problems = problemsOf({
      people: [
        person('a-b', 'A B', {
          facts: [
            { date: 'May 2025', text: 'x', sources: ['outlet-2025'] },
            { date: '2025-09-31', text: 'y', sources: ['outlet-2025'] },
          ],
          related: [{ type: 'met', target: 'nobody' }],
        }),
      ],
    });
    expect(problems.map((p) => p.path)).toEqual([
      'entities[0].facts[0].date',
      'entities[0].facts[1].date',
      'entities[0].related[0].target',
    ]);
  });

  it('does not report references to an entity that only failed the schema as dangling', () => {
    const problems = problemsOf({
      people: [
        person('a-b', 'A B', { summary: '' }),
        person('c-d', 'C D', { related: [{ type: 'met', target: 'a-b' }] }),
      ],
    });
    expect(problems.map((p) => p.path)).toEqual(['entities[0].summary']);
  });
});

describe('validate: editorial checks', () => {
  it('runs them too, naming the check that found each problem', () => {
    const problems = validate(corpus({ people: [person('a-b', 'A B')] })).problems;
    expect(problems).toEqual([
      {
        file: 'data/entities/people.json',
        path: 'entities[0].facts',
        check: 'thin-cards',
        message: '"a-b" has 1 fact; give it at least 2, or say why not in "fewFacts"',
      },
    ]);
  });
});

describe('helpers', () => {
  it('foldAlias folds case, diacritics, apostrophes and dashes like the matcher', () => {
    expect(foldAlias('Nicolás  Maduro')).toBe(foldAlias('NICOLAS MADURO'));
    expect(foldAlias('Tehreek-e-Taliban')).toBe(foldAlias('Tehreek e Taliban'));
    expect(foldAlias('Iran–Israel war')).toBe(foldAlias('Iran-Israel War'));
    expect(foldAlias('Qa’ani')).toBe(foldAlias("Qa'ani"));
    // What the matcher tells apart, the validator does too (the search key would merge these).
    expect(foldAlias("Khamene'i")).not.toBe(foldAlias('Khamenei'));
    expect(foldAlias('Ghaani')).not.toBe(foldAlias('Qaani'));
  });
});

describe('validate: dated roles', () => {
  const role = (extra: Record<string, unknown>) => ({ title: 'Speaker of parliament', from: '2008-05', ...extra });

  it('accepts a cited role and a background one', () => {
    const roles = [role({ to: '2020-05', sources: ['outlet-2025'] }), role({ from: '2025-08', background: true })];
    expect(problemsOf({ people: [person('a', 'A', { roles })] })).toEqual([]);
  });

  it('wants a citation or background, like a fact', () => {
    const problem = only({ people: [person('a', 'A', { roles: [role({})] })] });
    expect(problem.path).toMatch(/roles\[0\]$/);
    expect(problem.message).toMatch(/cites at least one source or is marked "background"/);
  });

  it('refuses a role that ends before it begins, or a bad date', () => {
    expect(only({ people: [person('a', 'A', { roles: [role({ to: '2001', background: true })] })] }).message).toMatch(
      /cannot end before it begins/,
    );
    expect(only({ people: [person('a', 'A', { roles: [role({ from: '2025-13', background: true })] })] }).path).toMatch(
      /roles\[0\]\.from$/,
    );
  });
});

describe('validate: names in the regional scripts (data/native-names.json)', () => {
  const withNative = (native: unknown): CorpusInput => ({
    ...corpus({ people: [person('ali-larijani', 'Ali Larijani')] }),
    native: { file: 'data/native-names.json', text: JSON.stringify(native) },
  });
  const problems = (native: unknown) =>
    validate(withNative(native)).problems.filter((p) => p.file === 'data/native-names.json');

  it('takes each language in its own script, and hands the names on', () => {
    const native = {
      'ali-larijani': {
        ur: { names: ['علی لاریجانی'], ambiguous: ['لاریجانی'] },
        fa: { names: ['علی\u200cلاریجانی'] },
        hi: { names: ['अली लारीजानी'] },
      },
    };
    const result = validate(withNative(native));
    expect(result.problems.filter((p) => p.file === 'data/native-names.json')).toEqual([]);
    expect(result.native['ali-larijani']?.hi?.names).toEqual(['अली लारीजानी']);
  });

  it('refuses Latin letters, another script, an unknown entity, a form twice, and an unknown language', () => {
    expect(problems({ 'ali-larijani': { ur: { names: ['علی Larijani'] } } })[0]!.message).toBe(
      '"علی Larijani" has "L", not Arabic script',
    );
    expect(problems({ 'ali-larijani': { hi: { names: ['علی لاریجانی'] } } })[0]!.message).toMatch(
      /not Devanagari script$/,
    );
    expect(problems({ 'ali-larijani': { fa: { names: ['अली'] } } })[0]!.message).toMatch(/not Arabic script$/);
    expect(
      problems({ 'ali-larijani': { fa: { names: ['علی لاریجانی'], longerNames: ['Larijani Street'] } } })[0]!.message,
    ).toMatch(/not Arabic script$/);
    expect(problems({ nobody: { fa: { names: ['کسی'] } } })[0]!.message).toBe('unknown entity "nobody"');
    // The same after folding: Arabic and Persian yeh, a nukta.
    expect(problems({ 'ali-larijani': { fa: { names: ['علي', 'علی'] } } })[0]!.message).toMatch(/listed twice$/);
    expect(problems({ 'ali-larijani': { hi: { names: ['ख़ान', 'खान'] } } })[0]!.message).toMatch(/listed twice$/);
    expect(problems({ 'ali-larijani': { ps: { names: ['علی'] } } })).toHaveLength(1);
  });

  it('checks how the press describes an event: its script, its @ids, one-word triggers, events only', () => {
    const attack = (describedAs: unknown): CorpusInput => ({
      ...corpus({
        people: [person('ali-larijani', 'Ali Larijani')],
        events: [event('pahalgam-attack', 'Pahalgam attack', { start: '2025-04-22', sources: ['outlet-2025'] })],
      }),
      native: { file: 'data/native-names.json', text: JSON.stringify({ 'pahalgam-attack': { hi: { describedAs } } }) },
    });
    const found = (describedAs: unknown) =>
      validate(attack(describedAs)).problems.filter((p) => p.file === 'data/native-names.json');
    expect(found([{ triggers: ['हमले'], with: [['पहलगाम', '@ali-larijani']] }])).toEqual([]);
    expect(found([{ triggers: ['attack'], with: [['पहलगाम']] }])[0]!.message).toMatch(
      /"attack" has "a", not Devanagari/,
    );
    expect(found([{ triggers: ['हमले'], with: [['Pahalgam']] }])[0]!.message).toMatch(/not Devanagari script$/);
    expect(found([{ triggers: ['हमले'], with: [['@nobody']] }])[0]!.message).toBe('unknown entity "nobody"');
    expect(found([{ triggers: ['आतंकी हमले'], with: [['पहलगाम']] }])[0]!.message).toMatch(/a trigger is one word/);
    expect(found([{ triggers: ['हमले'] }])).not.toEqual([]);
    expect(
      problems({ 'ali-larijani': { hi: { describedAs: [{ triggers: ['दौरा'], with: [['पाकिस्तान']] }] } } })[0]!.message,
    ).toMatch(/only events, agreements and places are described/);
  });
});
