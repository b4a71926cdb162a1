import { describe, expect, it } from 'vitest';
import { CLOSENESS_POINTS, ON_PAGE_POINTS, onPageFirst, orderForArticle, relevanceOf } from '../../engine/relevance';
import { roleLine, rolesAt, type DatedRole } from '../../engine/roles';

const fact = (date: string, ...involves: string[]) => ({ date, involves, text: `${date} ${involves.join(',')}` });

describe('relevance of a fact to the article', () => {
  const onPage = new Set(['shehbaz-sharif', 'asim-munir']);

  it('counts the entities on the page that a fact involves, up to the cap', () => {
    expect(relevanceOf(fact('2025-06', 'asim-munir'), { onPage }).score).toBe(ON_PAGE_POINTS);
    expect(relevanceOf(fact('2025-06', 'asim-munir', 'shehbaz-sharif', 'x'), { onPage }).score).toBe(
      2 * ON_PAGE_POINTS,
    );
    expect(relevanceOf(fact('2025-06', 'donald-trump'), { onPage }).onPage).toEqual([]);
  });

  it('scores closeness before the article date and sets later facts apart', () => {
    const ctx = { onPage: new Set<string>(), date: '2020-01-13' };
    expect(relevanceOf(fact('2020-01-03'), ctx)).toEqual({ score: CLOSENESS_POINTS.year, onPage: [], since: false });
    expect(relevanceOf(fact('2017'), ctx).score).toBe(CLOSENESS_POINTS.fiveYears);
    expect(relevanceOf(fact('2008-05/2020-05'), ctx)).toMatchObject({ since: false });
    expect(relevanceOf(fact('1998'), ctx).score).toBe(CLOSENESS_POINTS.older);
    expect(relevanceOf(fact('2025-08'), ctx)).toEqual({ score: 0, onPage: [], since: true });
    // The article's own day (and, for a month-precise article date, its month) is backstory.
    expect(relevanceOf(fact('2020-01-13'), ctx).since).toBe(false);
    expect(relevanceOf(fact('2020-01-20'), { ...ctx, date: '2020-01' }).since).toBe(false);
  });

  it('orders a 2020 article: backstory by relevance, then what came after, newest first', () => {
    const facts = [
      fact('2025-11', 'pakistan'),
      fact('2025-08'),
      fact('2020-01-03', 'qasem-soleimani'),
      fact('2016'),
      fact('2019-12', 'qasem-soleimani', 'imran-khan'),
    ];
    const ordered = orderForArticle(facts, { date: '2020-01-13', onPage: new Set(['qasem-soleimani', 'imran-khan']) });
    expect(ordered.backstory.map((o) => o.item.date)).toEqual(['2019-12', '2020-01-03', '2016']);
    expect(ordered.since.map((o) => o.item.date)).toEqual(['2025-11', '2025-08']);
  });

  it('without an article date, keeps newest first with on-page facts ahead', () => {
    const facts = [fact('2019'), fact('2025-05'), fact('2021', 'asim-munir')];
    const ordered = orderForArticle(facts, { onPage });
    expect(ordered.backstory.map((o) => o.item.date)).toEqual(['2021', '2025-05', '2019']);
    expect(ordered.since).toEqual([]);
  });

  it('puts related entities on the page first, marked', () => {
    const related = [{ id: 'a' }, { id: 'asim-munir' }, { id: 'b' }];
    expect(onPageFirst(related, onPage)).toEqual([
      { id: 'asim-munir', onPage: true },
      { id: 'a', onPage: false },
      { id: 'b', onPage: false },
    ]);
  });
});

describe('roles by date', () => {
  const larijani: DatedRole[] = [
    { title: 'Speaker of the Iranian parliament', from: '2008-05', to: '2020-05' },
    { title: 'Secretary of the Supreme National Security Council', from: '2025-08' },
  ];
  const current = 'Secretary of the Supreme National Security Council';

  it('finds the roles held on a date', () => {
    expect(rolesAt(larijani, '2020-01-13').map((r) => r.title)).toEqual(['Speaker of the Iranian parliament']);
    expect(rolesAt(larijani, '2020-05-31').map((r) => r.title)).toEqual(['Speaker of the Iranian parliament']);
    expect(rolesAt(larijani, '2022-03-01')).toEqual([]);
    expect(rolesAt(larijani, 'not a date')).toEqual([]);
  });

  it('says the role at the article date and, when it differs, the role now', () => {
    expect(roleLine(current, larijani, '2020-01-13')).toEqual({
      role: 'Speaker of the Iranian parliament',
      now: current,
    });
    expect(roleLine(current, larijani, '2025-11-25')).toEqual({ role: current });
    expect(roleLine(current, larijani, '2022-03-01')).toEqual({ role: current });
    expect(roleLine(current, larijani)).toEqual({ role: current });
    expect(roleLine(current, [], '2020-01-13')).toEqual({ role: current });
  });

  it('joins roles held at once', () => {
    const munir: DatedRole[] = [
      { title: 'Chief of Army Staff', from: '2022-11' },
      { title: 'Field Marshal', from: '2025-05' },
      { title: 'Director-General of the ISI', from: '2018-10', to: '2019-06' },
    ];
    expect(roleLine('Field Marshal and Chief of Army Staff', munir, '2019-01').role).toBe(
      'Director-General of the ISI',
    );
    expect(roleLine('Field Marshal and Chief of Army Staff', munir, '2025-06')).toEqual({
      role: 'Field Marshal and Chief of Army Staff',
    });
  });
});
