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
  it('shows the name as a heading, the kind, the role and the summary', () => {
    render(<EntityCard view={view('amira-khan')} onOpenEntity={noop} onShowTimeline={noop} onSearch={noop} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Amira Khan' })).toBeTruthy();
    expect(screen.getByText('Person')).toBeTruthy();
    expect(screen.getByText('Foreign minister of Northland')).toBeTruthy();
    expect(screen.getByText(/She led the Geneva talks/)).toBeTruthy();
  });

  it('lists facts newest first with their dates at their precision and their sources', () => {
    const { container } = render(<EntityCard view={view('amira-khan')} onOpenEntity={noop} onShowTimeline={noop} onSearch={noop} />);
    const dates = [...container.querySelectorAll('.bs-fact time')].map((t) => [t.textContent, t.getAttribute('datetime')]);
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
    render(<EntityCard view={view('boris-lind')} onOpenEntity={onOpen} onShowTimeline={onTimeline} onSearch={onSearch} />);
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
    const { container } = render(<EntityCard view={hostile} onOpenEntity={noop} onShowTimeline={noop} onSearch={noop} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.bs-name b')).toBeNull();
    expect(screen.getByText('<img src=x onerror="window.__pwned=1">')).toBeTruthy();
  });
});

describe('CardBrowser', () => {
  it('follows a connection and comes back', async () => {
    render(<CardBrowser entityId="boris-lind" loadView={(id) => buildEntityView(index, id)} onShowTimeline={noop} onSearch={noop} />);
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
