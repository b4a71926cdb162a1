import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { CardBrowser } from '../../components/card/CardBrowser';
import { EntityCard } from '../../components/card/EntityCard';
import { buildEntityView, indexCorpus } from '../../engine/entity-view';
import { ENTITIES, SOURCES } from './timeline-fixture';

const index = indexCorpus({ entities: ENTITIES, events: [], sources: SOURCES });
const view = (id: string) => buildEntityView(index, id)!;
const noop = () => undefined;

describe('EntityCard', () => {
  it('shows the name as a heading, the kind, the role and the summary’s lead, the rest behind More', () => {
    const { container } = render(
      <EntityCard view={view('amira-khan')} onOpenEntity={noop} onShowTimeline={noop} onSearch={noop} />,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Amira Khan' })).toBeTruthy();
    expect(screen.getByText('Person')).toBeTruthy();
    expect(screen.getByText('Foreign minister of Northland')).toBeTruthy();
    const summary = container.querySelector('.bs-summary')!;
    expect(summary.textContent).not.toMatch(/She led the Geneva talks/);
    fireEvent.click(screen.getByRole('button', { name: 'More' }));
    expect(summary.textContent).toMatch(/She led the Geneva talks/);
    expect(screen.getByRole('button', { name: 'Less' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('shows the name in the region’s scripts under the English one, each in its direction, one line per spelling', () => {
    const amira = ENTITIES.find((e) => e.id === 'amira-khan')!;
    const withNative = indexCorpus({
      entities: [
        {
          ...amira,
          native: { ur: { names: ['امیرہ خان'] }, fa: { names: ['امیرہ خان'] }, hi: { names: ['अमीरा ख़ान'] } },
        },
      ],
      events: [],
      sources: SOURCES,
    });
    const { container } = render(
      <EntityCard
        view={buildEntityView(withNative, 'amira-khan')!}
        onOpenEntity={noop}
        onShowTimeline={noop}
        onSearch={noop}
      />,
    );
    const names = [...container.querySelectorAll('.bs-native-name')].map((n) => [
      n.textContent,
      n.getAttribute('lang'),
      n.getAttribute('dir'),
      n.getAttribute('title'),
    ]);
    expect(names).toEqual([
      ['امیرہ خان', 'ur', 'rtl', 'Urdu, Persian'],
      ['अमीरा ख़ान', 'hi', 'ltr', 'Hindi'],
    ]);
    // Without native names, no line.
    const plain = render(
      <EntityCard view={view('amira-khan')} onOpenEntity={noop} onShowTimeline={noop} onSearch={noop} />,
    );
    expect(plain.container.querySelector('.bs-native')).toBeNull();
  });

  it('lists facts newest first with their dates at their precision and their sources', () => {
    const { container } = render(
      <EntityCard view={view('amira-khan')} onOpenEntity={noop} onShowTimeline={noop} onSearch={noop} />,
    );
    const dates = [...container.querySelectorAll('.bs-fact time')].map((t) => [
      t.textContent,
      t.getAttribute('datetime'),
    ]);
    expect(dates).toEqual([
      ['7 May 2025', '2025-05-07'],
      ['May 2025', '2025-05'],
      ['2024', '2024'],
    ]);
    expect(screen.getByText('The Wire Desk, 8 May 2025')).toBeTruthy();
    expect(screen.getByText('Background')).toBeTruthy();
    expect(screen.getByText(/According to her office/)).toBeTruthy();
  });

  it('hides facts beyond the first three behind "more"', () => {
    const many = { ...view('amira-khan') };
    many.facts = Array.from({ length: 5 }, (_, i) => ({ ...many.facts[0]!, text: `Fact number ${i}` }));
    render(<EntityCard view={many} onOpenEntity={noop} onShowTimeline={noop} onSearch={noop} />);
    expect(screen.queryByText('Fact number 4')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show 2 more facts' }));
    expect(screen.getByText('Fact number 4')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Show fewer facts' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('offers connections in both directions and the timeline and search actions', () => {
    const onOpen = vi.fn();
    const onTimeline = vi.fn();
    const onSearch = vi.fn();
    render(
      <EntityCard view={view('boris-lind')} onOpenEntity={onOpen} onShowTimeline={onTimeline} onSearch={onSearch} />,
    );
    const related = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(related.some((t) => t?.startsWith('Met'))).toBe(true);
    fireEvent.click(screen.getAllByRole('button').find((b) => b.classList.contains('bs-chip'))!);
    expect(onOpen).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Show on timeline' }));
    expect(onTimeline).toHaveBeenCalledWith('boris-lind');
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(onSearch).toHaveBeenCalledWith('Boris Lind');
  });

  it('renders markup in corpus text as literal text', () => {
    const hostile = { ...view('amira-khan'), summary: '<img src=x onerror="window.__pwned=1">', name: '<b>Bold</b>' };
    const { container } = render(
      <EntityCard view={hostile} onOpenEntity={noop} onShowTimeline={noop} onSearch={noop} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.bs-name b')).toBeNull();
    expect(screen.getByText('<img src=x onerror="window.__pwned=1">')).toBeTruthy();
  });
});

describe('CardBrowser', () => {
  it('follows a connection and comes back', async () => {
    render(
      <CardBrowser
        entityId="boris-lind"
        loadView={(id) => buildEntityView(index, id)}
        onShowTimeline={noop}
        onSearch={noop}
      />,
    );
    await waitFor(() => screen.getByRole('heading', { level: 2, name: 'Boris Lind' }));
    const chip = screen.getAllByRole('button').find((b) => b.classList.contains('bs-chip'))!;
    const target = chip.textContent!;
    fireEvent.click(chip);
    await waitFor(() => screen.getByRole('heading', { level: 2, name: target }));
    fireEvent.click(screen.getByRole('button', { name: 'Back to Boris Lind' }));
    await waitFor(() => screen.getByRole('heading', { level: 2, name: 'Boris Lind' }));
  });

  it('says so when the entity is not in the corpus', async () => {
    render(<CardBrowser entityId="nobody" loadView={() => null} onShowTimeline={noop} onSearch={noop} />);
    await waitFor(() => screen.getByText('This entry is not in the corpus.'));
  });
});

describe('EntityCard: where a claim and its date come from', () => {
  const sources = [
    ...SOURCES,
    {
      id: 'review-3',
      title: 'What the talks meant',
      outlet: 'The Review',
      author: 'C. Critic',
      published: '2025-09',
      kind: 'opinion' as const,
      file: 'seed/review-3.md',
    },
  ];
  const entities = [
    ...ENTITIES.filter((e) => e.id !== 'amira-khan'),
    {
      ...ENTITIES.find((e) => e.id === 'amira-khan')!,
      facts: [
        // The article says "last week"; the day is public record.
        {
          date: '2025-05-07',
          dateSource: 'background' as const,
          text: 'Met Boris Lind in Geneva.',
          sources: ['daily-2'],
        },
        {
          date: '2025-05',
          text: 'Called the talks a turning point.',
          sources: ['wire-1'],
          attribution: 'her office, as reported by The Wire Desk',
          claim: 'contested' as const,
        },
        // Newest by date, yet a view: it comes after the facts.
        {
          date: '2025-09',
          text: 'The talks achieved little.',
          sources: ['review-3'],
          attribution: 'The Review',
          claim: 'opinion' as const,
          about: 'geneva-talks',
        },
        { date: '2024', text: 'Became foreign minister.', sources: [], background: true },
      ],
      related: [
        {
          type: 'met' as const,
          target: 'boris-lind',
          date: '2025-05-07',
          dateSource: 'background' as const,
          sources: ['daily-2'],
        },
      ],
    },
  ];
  const provenance = indexCorpus({ entities, events: [], sources });
  const card = (onOpen = noop) =>
    render(
      <EntityCard
        view={buildEntityView(provenance, 'amira-khan')!}
        onOpenEntity={onOpen}
        onShowTimeline={noop}
        onSearch={noop}
      />,
    );

  it('says beside the citation that the day comes from the public record, only where it does', () => {
    const { container } = card();
    fireEvent.click(screen.getByRole('button', { name: 'Show 1 more fact' }));
    const facts = [...container.querySelectorAll('.bs-fact')];
    const met = facts.find((f) => f.textContent!.includes('Met Boris Lind'))!;
    const cite = met.querySelector('.bs-cite')!;
    expect(cite.textContent).toContain('Daily Ledger, June 2025');
    expect(cite.querySelector('.bs-date-source')?.textContent).toBe('date: public record');
    expect(met.querySelector('time')?.textContent).toBe('7 May 2025');
    const others = facts.filter((f) => f !== met);
    expect(others.map((f) => f.querySelector('.bs-date-source'))).toEqual([null, null, null]);
  });

  it('shows who makes an attributed claim, and marks it contested', () => {
    const { container } = card();
    const claim = [...container.querySelectorAll('.bs-fact')].find((f) => f.textContent!.includes('turning point'))!;
    expect(claim.querySelector('.bs-attribution')?.textContent).toBe(
      'According to her office, as reported by The Wire Desk: ',
    );
    expect(claim.querySelector('.bs-badge')?.textContent).toBe('Contested');
  });

  it('puts an opinion after the facts although it is newest, marked and linked to what it is about', () => {
    const onOpen = vi.fn();
    const { container } = card(onOpen);
    fireEvent.click(screen.getByRole('button', { name: 'Show 1 more fact' }));
    const texts = [...container.querySelectorAll('.bs-fact-text')].map((t) => t.textContent);
    expect(texts.at(-1)).toBe('According to The Review: The talks achieved little.');
    const opinion = [...container.querySelectorAll('.bs-fact')].at(-1)!;
    expect(opinion.querySelector('time')?.getAttribute('datetime')).toBe('2025-09');
    expect(opinion.querySelector('.bs-badge')?.textContent).toBe('Opinion');
    fireEvent.click(screen.getByRole('button', { name: 'About Geneva talks: open its card' }));
    expect(onOpen).toHaveBeenCalledWith('geneva-talks');
  });

  it('says where a connection’s day comes from', () => {
    const { container } = card();
    const met = [...container.querySelectorAll('.bs-related li')].find((li) => li.textContent!.includes('Boris Lind'))!;
    expect(met.querySelector('.bs-rel-date')?.textContent).toBe(' · 7 May 2025 date: public record');
  });
});

describe('EntityCard read with the article', () => {
  const base = view('amira-khan');
  const [newest, ...older] = base.facts;

  it('says the role as of the article and today’s, and sets later facts apart in a closed disclosure', () => {
    const framed = {
      ...base,
      role: 'Deputy foreign minister',
      facts: older,
      related: base.related.map((r, i) => ({ ...r, onPage: i === 0 })),
      article: { dateLabel: '13 January 2020', nowRole: 'Foreign minister of Northland', since: [newest!] },
    };
    const { container } = render(
      <EntityCard view={framed} onOpenEntity={noop} onShowTimeline={noop} onSearch={noop} />,
    );
    expect(screen.getByText('Deputy foreign minister (as of 13 January 2020)')).toBeTruthy();
    expect(screen.getByText('Now: Foreign minister of Northland')).toBeTruthy();
    const since = container.querySelector<HTMLDetailsElement>('details.bs-since')!;
    expect(since.open).toBe(false);
    expect(since.querySelector('summary')!.textContent).toBe('Since this article (13 January 2020) · 1');
    expect(since.querySelector('.bs-fact-text')!.textContent).toContain(newest!.text);
    // The backstory list holds none of the later facts.
    const backstory = [...container.querySelectorAll('.bs-section:not(details) .bs-fact-text')].map(
      (t) => t.textContent,
    );
    expect(backstory.some((t) => t!.includes(newest!.text))).toBe(false);
    const connections = container.querySelector<HTMLDetailsElement>('details.bs-connections')!;
    expect(connections.open).toBe(false);
    expect(connections.querySelector('summary')!.textContent).toBe(
      `Connections (${base.related.length}, 1 on this page)`,
    );
    expect(connections.querySelectorAll('.bs-on-page')).toHaveLength(1);
  });

  it('shows no since section and one role line without an article', () => {
    const { container } = render(<EntityCard view={base} onOpenEntity={noop} onShowTimeline={noop} onSearch={noop} />);
    expect(container.querySelector('.bs-since')).toBeNull();
    expect(container.querySelectorAll('.bs-role')).toHaveLength(1);
  });
});

describe('EntityCard admitting doubt', () => {
  it('says a short form was read from context, offers the others, and names a namesake', () => {
    const onOpen = vi.fn();
    const doubted = {
      ...view('amira-khan'),
      doubt: {
        form: 'Khan',
        fromContext: true,
        others: [{ id: 'boris-lind', name: 'Boris Lind', kind: 'person' as const }],
        namesakes: ['Amira Khan, the novelist'],
      },
    };
    const { container } = render(
      <EntityCard view={doubted} onOpenEntity={onOpen} onShowTimeline={noop} onSearch={noop} />,
    );
    const note = container.querySelector('.bs-doubt')!;
    expect(note.getAttribute('role')).toBe('note');
    expect(note.textContent).toBe(
      '“Khan” is read as Amira Khan from the page; it could also be Boris Lind or Amira Khan, the novelist.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Boris Lind' }));
    expect(onOpen).toHaveBeenCalledWith('boris-lind');
  });

  it('says nothing when there is no doubt', () => {
    const { container } = render(
      <EntityCard view={view('amira-khan')} onOpenEntity={noop} onShowTimeline={noop} onSearch={noop} />,
    );
    expect(container.querySelector('.bs-doubt')).toBeNull();
  });
});

describe('EntityCard taking a mark back', () => {
  it('offers "Not this one" and muting the words here or everywhere, behind one fold', () => {
    const correction = { form: 'Khan', host: 'news.example', unlink: vi.fn(), mute: vi.fn() };
    const { container } = render(
      <EntityCard
        view={view('amira-khan')}
        onOpenEntity={noop}
        onShowTimeline={noop}
        onSearch={noop}
        correction={correction}
      />,
    );
    const fold = container.querySelector<HTMLDetailsElement>('details.bs-correct')!;
    expect(fold.open).toBe(false);
    expect(fold.querySelector('summary')!.textContent).toBe('Wrong one?');
    fireEvent.click(screen.getByRole('button', { name: 'Not this one' }));
    expect(correction.unlink).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Mute “Khan” on news.example' }));
    expect(correction.mute).toHaveBeenLastCalledWith(false);
    fireEvent.click(screen.getByRole('button', { name: 'Mute “Khan” everywhere' }));
    expect(correction.mute).toHaveBeenLastCalledWith(true);
  });

  it('offers none on a card opened by id', () => {
    const { container } = render(
      <EntityCard view={view('amira-khan')} onOpenEntity={noop} onShowTimeline={noop} onSearch={noop} />,
    );
    expect(container.querySelector('.bs-correct')).toBeNull();
  });
});
