// @vitest-environment node
/** The arithmetic of `npm run detect:eval`, on small made-up pages. */
import { describe, expect, it } from 'vitest';
import type { CorpusRecords, EntityRecord } from '../../../engine/types';
import {
  citedPairs,
  devPageProblems,
  matchEntities,
  matchMentions,
  rates,
  scorePassages,
  summarise,
  type DevPage,
  type ExpectedSpan,
  type Found,
} from '../../../scripts/evaluate-detection';
import { detector } from './helpers';

const span = (text: string, surface: string, id: string, from = 0): ExpectedSpan => {
  const start = text.indexOf(surface, from);
  if (start < 0) throw new Error(`${surface} not in text`);
  return { start, end: start + surface.length, surface, id };
};
const found = (start: number, end: number, id: string): Found => ({ start, end, id, text: '' });

describe('rates', () => {
  it('computes precision, recall and their harmonic mean', () => {
    const r = rates(3, 4, 6);
    expect(r.precision).toBe(0.75);
    expect(r.recall).toBe(0.5);
    expect(r.f1).toBeCloseTo(0.6, 10);
  });

  it('scores an empty denominator as 1 and zero agreement as F1 0', () => {
    expect(rates(0, 0, 0)).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(rates(0, 0, 5)).toEqual({ precision: 1, recall: 0, f1: 0 });
    expect(rates(0, 2, 0)).toEqual({ precision: 0, recall: 1, f1: 0 });
    expect(rates(0, 2, 3)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('matchMentions', () => {
  const text = "After Soleimani's killing, Soleimani's deputy spoke.";
  const event = span(text, "Soleimani's killing", 'killing-of-qasem-soleimani');
  const person = span(text, 'Soleimani', 'qasem-soleimani');
  const second = span(text, 'Soleimani', 'qasem-soleimani', person.end);

  it('matches overlapping mentions of the same entity, nested gold included, and counts exact spans', () => {
    const r = matchMentions(
      [event, person, second],
      [found(6, 15, 'qasem-soleimani'), found(6, 25, 'killing-of-qasem-soleimani')],
    );
    expect(r.truePositives).toBe(2);
    expect(r.exact).toBe(2);
    expect(r.misses).toEqual([second]);
    expect(r.falsePositives).toEqual([]);
  });

  it('counts a partial overlap as correct but not exact; another entity or no overlap as false', () => {
    const r = matchMentions(
      [event, person],
      [found(6, 21, 'killing-of-qasem-soleimani'), found(6, 15, 'quds-force'), found(27, 36, 'qasem-soleimani')],
    );
    expect(r.truePositives).toBe(1);
    expect(r.exact).toBe(0);
    expect(r.misses).toEqual([person]);
    expect(r.falsePositives.map((f) => f.id)).toEqual(['quds-force', 'qasem-soleimani']);
  });

  it('lets one gold span absorb only one detection', () => {
    const r = matchMentions([person], [found(6, 10, 'qasem-soleimani'), found(11, 15, 'qasem-soleimani')]);
    expect(r.truePositives).toBe(1);
    expect(r.falsePositives).toHaveLength(1);
  });
});

describe('matchEntities', () => {
  it('compares the sets of ids, however often each is mentioned', () => {
    const r = matchEntities(
      [{ id: 'a' }, { id: 'b' }, { id: 'a' }, { id: 'c' }],
      [{ id: 'b' }, { id: 'd' }, { id: 'b' }, { id: 'a' }],
    );
    expect(r).toEqual({
      expected: ['a', 'b', 'c'],
      found: ['a', 'b', 'd'],
      correct: ['a', 'b'],
      missed: ['c'],
      spurious: ['d'],
    });
  });
});

describe('summarise and scorePassages', () => {
  it('sums mention and entity counts over pages', () => {
    const a = { id: 'a', text: 'Imran Khan met Imran Khan.', expected: [] as ExpectedSpan[] };
    a.expected = [span(a.text, 'Imran Khan', 'imran-khan'), span(a.text, 'Imran Khan', 'imran-khan', 5)];
    const b = { id: 'b', text: 'Asim Munir and Ishaq Dar.', expected: [] as ExpectedSpan[] };
    b.expected = [span(b.text, 'Asim Munir', 'asim-munir')];
    const s = scorePassages(detector, [a, b]);
    // Page a: 2 of 2 mentions, 1 of 1 entity. Page b: Dar is found but not expected.
    expect([s.expected, s.found, s.truePositives]).toEqual([3, 4, 3]);
    expect(s.precision).toBe(0.75);
    expect(s.recall).toBe(1);
    expect(s.entity).toMatchObject({ expected: 2, found: 3, correct: 2 });
    expect(s.entity.precision).toBeCloseTo(2 / 3, 10);
    expect(s.results[1]!.entities.spurious).toEqual(['ishaq-dar']);
  });

  it('gives perfect figures to no pages and to a hard negative where nothing is found', () => {
    expect(summarise([]).entity.f1).toBe(1);
    const s = scorePassages(detector, [{ id: 'n', text: 'The actor thanked his fans.', expected: [] }]);
    expect([s.precision, s.recall, s.entity.precision, s.entity.recall]).toEqual([1, 1, 1, 1]);
  });
});

describe('devPageProblems', () => {
  const text = 'Field Marshal Asim Munir spoke.';
  const page: DevPage = {
    id: 'dawn-x',
    outlet: 'Dawn',
    country: 'Pakistan',
    url: 'https://www.dawn.com/news/1',
    published: '2025-05-12',
    category: 'subject',
    text,
    expected: [span(text, 'Field Marshal Asim Munir', 'asim-munir'), span(text, 'Asim Munir', 'asim-munir')],
  };

  it('accepts a well-formed page with nested spans', () => {
    expect(devPageProblems(page)).toEqual([]);
  });

  it('reports a wrong offset, a bad category, a bad url and unsorted spans', () => {
    const bad = {
      ...page,
      category: 'news' as DevPage['category'],
      url: 'dawn.com',
      expected: [page.expected[1]!, { ...page.expected[0]!, start: 1 }],
    };
    const problems = devPageProblems(bad).join('\n');
    expect(problems).toMatch(/unknown category "news"/);
    expect(problems).toMatch(/url must be http/);
    expect(problems).toMatch(/text there is/);
    expect(problems).toMatch(/sorted by start/);
  });

  it('reports a hard negative that expects an entity', () => {
    expect(devPageProblems({ ...page, category: 'hard-negative' })).toEqual([
      'dawn-x: a hard negative expects no entity',
    ]);
  });
});

describe('citedPairs', () => {
  it('lists each source an entity cites once, from facts, relations and its event block', () => {
    const entity = (id: string, extra: Partial<EntityRecord>): EntityRecord => ({
      id,
      kind: 'event',
      name: id,
      aliases: [],
      ambiguous: [],
      role: 'r',
      summary: 's',
      facts: [],
      related: [],
      ...extra,
    });
    const records: CorpusRecords = {
      sources: [],
      events: [],
      entities: [
        entity('x', {
          facts: [
            { date: '2025', text: 't', sources: ['s1', 's2'] },
            { date: '2025', text: 't', sources: ['s1'] },
          ],
          related: [{ type: 'related-to', target: 'y', sources: ['s3'] }],
          event: { start: '2025', participants: [], sources: ['s2', 's4'] },
        }),
        entity('y', { facts: [{ date: '2025', text: 't', sources: [], background: true }] }),
      ],
    };
    expect(citedPairs(records).map((p) => `${p.entity}:${p.source}`)).toEqual(['x:s1', 'x:s2', 'x:s3', 'x:s4']);
  });
});
