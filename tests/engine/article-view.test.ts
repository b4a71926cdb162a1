import { describe, expect, it } from 'vitest';
import { viewForArticle } from '../../engine/article-view';
import { buildEntityView, indexCorpus } from '../../engine/entity-view';
import type { EntityRecord, FactRecord } from '../../engine/types';

const fact = (date: string, text: string, involves: string[] = [], extra: Partial<FactRecord> = {}): FactRecord => ({
  date,
  text,
  sources: [],
  background: true,
  involves,
  ...extra,
});

const larijani: EntityRecord = {
  id: 'ali-larijani',
  kind: 'person',
  name: 'Ali Larijani',
  aliases: [],
  ambiguous: [],
  role: 'Secretary of the Supreme National Security Council',
  summary: 's',
  roles: [
    { title: 'Speaker of parliament', from: '2008-05', to: '2020-05', sources: [], background: true },
    { title: 'Secretary of the Supreme National Security Council', from: '2025-08', sources: [], background: true },
  ],
  facts: [
    fact('2025-11-25', 'Met Ishaq Dar in Islamabad.', ['ishaq-dar']),
    fact('2025-08-05', 'Appointed secretary.', ['masoud-pezeshkian']),
    fact('2019-12', 'Spoke on the Gulf.', []),
    fact('2008/2020', 'Speaker for three terms.'),
    fact('2026-01', 'A commentator judges him.', [], { claim: 'opinion' }),
  ],
  related: [
    { type: 'met', target: 'ishaq-dar', sources: [] },
    { type: 'related-to', target: 'other', sources: [] },
  ],
};
const other = (id: string): EntityRecord => ({ ...larijani, id, name: id, roles: [], facts: [], related: [] });
const index = indexCorpus({ entities: [larijani, other('ishaq-dar'), other('other')], events: [], sources: [] });
const view = buildEntityView(index, 'ali-larijani')!;

describe('a card read with its article', () => {
  it('reads a 2020 article as of 2020: the role then, and what came after set apart', () => {
    const framed = viewForArticle(view, { date: '2020-01-13', onPage: ['qasem-soleimani'] });
    expect(framed.role).toBe('Speaker of parliament');
    expect(framed.article?.nowRole).toBe('Secretary of the Supreme National Security Council');
    expect(framed.article?.dateLabel).toBe('13 January 2020');
    expect(framed.facts.map((f) => f.date)).toEqual(['2019-12', '2008/2020']);
    expect(framed.article?.since.map((f) => f.date)).toEqual(['2025-11-25', '2025-08-05', '2026-01']);
  });

  it('puts first, on a 2025 article about the Islamabad visit, the facts and connections the page names', () => {
    const framed = viewForArticle(view, { date: '2025-11-27', onPage: ['ishaq-dar', 'ali-larijani'] });
    expect(framed.role).toBe(view.role);
    expect(framed.article?.nowRole).toBeUndefined();
    expect(framed.facts[0]!.text).toBe('Met Ishaq Dar in Islamabad.');
    expect(framed.related.map((r) => [r.id, r.onPage])).toEqual([
      ['ishaq-dar', true],
      ['other', false],
    ]);
    // The opinion, dated after the article, is not part of its backstory.
    expect(framed.article?.since.map((f) => f.claim)).toEqual(['opinion']);
  });

  it("without an article date keeps today's view, on-page facts first and opinions last", () => {
    const framed = viewForArticle(view, { onPage: ['masoud-pezeshkian'] });
    expect(framed.role).toBe(view.role);
    expect(framed.facts.map((f) => f.date)).toEqual(['2025-08-05', '2025-11-25', '2019-12', '2008/2020', '2026-01']);
    expect(framed.article?.since).toEqual([]);
  });
});

describe('the name in the region’s scripts, read with the page', () => {
  const native = indexCorpus({
    entities: [
      {
        ...larijani,
        native: { ur: { names: ['علی لاریجانی'] }, fa: { names: ['علی لاریجانی'] }, hi: { names: ['अली लारीजानी'] } },
      },
    ],
    events: [],
    sources: [],
  });
  const card = buildEntityView(native, 'ali-larijani')!;
  const lines = (lang?: string) =>
    viewForArticle(card, lang === undefined ? { onPage: [] } : { onPage: [], lang }).native?.map((n) => n.text);

  it('puts the page’s own script first on a Hindi or Urdu page', () => {
    expect(lines('hi')).toEqual(['अली लारीजानी', 'علی لاریجانی']);
    expect(lines('ur')).toEqual(['علی لاریجانی', 'अली लारीजानी']);
  });

  it('leaves them out on a page in another language, and keeps them all where no page is read', () => {
    expect(lines('en')).toBeUndefined();
    expect(lines('')).toBeUndefined();
    expect(lines()).toEqual(['علی لاریجانی', 'अली लारीजानी']);
  });
});
