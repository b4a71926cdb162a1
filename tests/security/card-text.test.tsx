/**
 * Corpus text is rendered only as text. A corpus whose every string carries markup
 * (an <img onerror>, a <script>, an attribute break-out) passes the validator (it is
 * valid text), goes through the same records → view path as the bundled corpus, and
 * the card shows it literally: no element is made from it, no handler is set, nothing
 * runs. Rendered in happy-dom, as in the popup and the hover card.
 */
import { fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CardBrowser } from '../../components/card/CardBrowser';
import { EntityCard } from '../../components/card/EntityCard';
import { compileRecords } from '../../corpus/compile';
import { validate } from '../../corpus/validate';
import { buildEntityView, indexCorpus, type EntityView } from '../../engine/entity-view';

const IMG = '<img src=x onerror="window.__pwned = \'img\'">';
const SCRIPT = '<script>window.__pwned = "script"</script>';
const BREAKOUT = '"><svg onload="window.__pwned = \'svg\'">';
const payload = (label: string) => `${label} ${IMG} ${SCRIPT} ${BREAKOUT} &amp; &lt;b&gt;`;

const SOURCES = [
  {
    id: 'hostile-source',
    title: payload('Title'),
    outlet: payload('Outlet'),
    author: payload('Author'),
    published: '2025-11',
    kind: 'news',
    file: 'x.txt',
  },
];

const ENTITIES = [
  {
    id: 'hostile-person',
    kind: 'person',
    name: payload('Name'),
    aliases: ['Hostile Person'],
    role: payload('Role'),
    summary: payload('Summary'),
    facts: [
      {
        date: '2025-11-02',
        text: payload('Fact one'),
        sources: ['hostile-source'],
        attribution: payload('Attribution'),
      },
      { date: '2025-10', text: payload('Fact two'), sources: ['hostile-source'] },
      { date: '2025', text: payload('Fact three'), background: true },
      { date: '2024', text: payload('Fact four'), background: true },
    ],
    related: [
      { type: 'met', target: 'hostile-event', date: '2025-11', note: payload('Note'), sources: ['hostile-source'] },
    ],
  },
  {
    id: 'hostile-event',
    kind: 'event',
    name: payload('Event'),
    role: payload('Event role'),
    summary: payload('Event summary'),
    event: {
      start: '2025-11-01',
      place: 'hostile-place',
      participants: ['hostile-person'],
      sources: ['hostile-source'],
    },
  },
  {
    id: 'hostile-place',
    kind: 'place',
    name: payload('Place'),
    role: payload('Place role'),
    summary: payload('Place summary'),
  },
];

function views(): Map<string, EntityView> {
  const result = validate({
    sources: { file: 'data/sources.json', text: JSON.stringify(SOURCES) },
    entities: [{ file: 'data/entities/hostile.json', text: JSON.stringify(ENTITIES) }],
  });
  // Structurally valid; the editorial checks rightly flag a payload repeated in every field.
  expect(result.problems.filter((p) => p.check === undefined)).toEqual([]);
  const index = indexCorpus(
    compileRecords(
      result.sources,
      result.entities.map((e) => e.entity),
    ),
  );
  return new Map(ENTITIES.map((e) => [e.id, buildEntityView(index, e.id)!]));
}

/** Elements markup would have made, handlers it would have set, and script that ran. */
function assertInert(container: Element): void {
  expect(container.querySelectorAll('img, script, svg, iframe, object, embed, b').length).toBe(0);
  for (const el of container.querySelectorAll('*')) {
    for (const attr of el.attributes) expect(attr.name, `<${el.localName} ${attr.name}>`).not.toMatch(/^on/i);
  }
  expect((window as unknown as { __pwned?: string }).__pwned).toBeUndefined();
}

const noop = () => undefined;

afterEach(() => {
  delete (window as unknown as { __pwned?: string }).__pwned;
});

describe('corpus text in the card', () => {
  it('every field of a person shows as literal text, and nothing runs', async () => {
    const view = views().get('hostile-person')!;
    const { container } = render(<EntityCard view={view} onOpenEntity={noop} onShowTimeline={noop} onSearch={noop} />);
    fireEvent.click(screen.getByRole('button', { name: /more/i })); // the fourth fact too
    await new Promise((r) => setTimeout(r, 20)); // an <img> would have fired onerror by now
    assertInert(container);
    expect(container.querySelector('h2')!.textContent).toBe(payload('Name'));
    const text = container.textContent!;
    for (const label of [
      'Role',
      'Summary',
      'Fact one',
      'Fact two',
      'Fact three',
      'Fact four',
      'Attribution',
      'Outlet',
      'Event',
    ]) {
      expect(text, label).toContain(payload(label));
    }
    // Attribute values stay inside their attribute: the break-out is just characters.
    const cite = container.querySelector('cite')!;
    expect(cite.getAttribute('title')).toBe(`${payload('Title')} — ${payload('Author')}`);
    expect(container.querySelector('article')!.getAttribute('data-entity')).toBe('hostile-person');
  });

  it('an event with a place, and following links through the card history, stay inert', async () => {
    const all = views();
    const { container } = render(
      <CardBrowser
        entityId="hostile-event"
        loadView={(id) => all.get(id) ?? null}
        onShowTimeline={noop}
        onSearch={noop}
      />,
    );
    expect(container.querySelector('h2')!.textContent).toBe(payload('Event'));
    fireEvent.click(screen.getByRole('button', { name: payload('Place') }));
    await screen.findByRole('heading', { level: 2, name: payload('Place') });
    // The Back button carries the previous card's name in its label.
    const back = container.querySelector('.bs-back')!;
    expect(back.getAttribute('aria-label')).toContain(payload('Event'));
    await new Promise((r) => setTimeout(r, 20));
    assertInert(container);
  });

  it('Search passes the name on as a plain string', () => {
    const view = views().get('hostile-person')!;
    const onSearch = vi.fn();
    render(<EntityCard view={view} onOpenEntity={noop} onShowTimeline={noop} onSearch={onSearch} />);
    fireEvent.click(screen.getByRole('button', { name: /search/i }));
    expect(onSearch).toHaveBeenCalledWith(payload('Name'));
  });
});
