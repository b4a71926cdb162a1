import { describe, expect, it, vi, beforeEach } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { PageReport } from '../../adapters/extension/page-report';
import { reportOf } from './page-report-fixture';
import { RECORDS } from './timeline-fixture';

vi.mock('../../adapters/extension/browser-api', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));
const { fakeBrowser } = await import('wxt/testing/fake-browser');

/** The tabs: which one is active, and the digest each one's content script answers with. */
const tabs = { active: 1, digests: new Map<number, unknown>() };
/** Messages the page sent to the background. */
let sent: unknown[] = [];
const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];
type Tab = Awaited<ReturnType<typeof fakeBrowser.tabs.query>>[number];

const { TimelineApp } = await import('../../components/timeline/TimelineApp');
const { anchorItem, buildTimeline, yearsWithItems } = await import('../../engine/timeline');
const { requestTimelineFocus } = await import('../../adapters/extension/timeline-focus');

/** What the tab's content script reports (entity indices) for a page naming `ids`. */
function digest(host: string, ids: string[], active = true): PageReport {
  const entities = ids.map((id) => ({ id, kind: 'person' as const, count: 1 }));
  return reportOf({ url: `https://${host}/story`, host, active, entities }, RECORDS.entities);
}

const status = () => screen.getByRole('status').textContent;
const titles = () => screen.queryAllByRole('heading', { level: 3 }).map((h) => h.textContent);
const input = () => screen.getByRole('combobox', { name: 'Names' });

beforeEach(() => {
  fakeBrowser.reset();
  tabs.active = 1;
  tabs.digests.clear();
  sent = [];
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => [{ id: tabs.active, active: true } as Tab]);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number) => {
    const digest = tabs.digests.get(tabId);
    if (!digest) throw new Error('Could not establish connection. Receiving end does not exist.');
    return digest;
  });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => void sent.push(message));
});

describe('TimelineApp', () => {
  it('renders a year-headed ordered timeline with dates at their precision', async () => {
    render(<TimelineApp records={RECORDS} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Timeline');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      '20231 item',
      '20241 item',
      '20257 items',
    ]);
    const lists = screen.getAllByRole('list').filter((l) => l.tagName === 'OL');
    expect(lists).toHaveLength(3);
    const times = [...document.querySelectorAll('time')].map((t) => [t.getAttribute('datetime'), t.textContent]);
    expect(times).toContainEqual(['2024', '2024']);
    expect(times).toContainEqual(['2025-05', 'May 2025']);
    expect(times).toContainEqual(['2025-05-07', '7 May 2025']);
    expect(times).toContainEqual(['2025-05-07/2025-05-09', '7–9 May 2025']);
    expect(status()).toBe('9 events and facts');
    // Sources by outlet and date; background marked.
    const talks = document.getElementById('event-geneva-talks')!;
    expect(talks.textContent).toContain('The Wire Desk, 8 May 2025');
    expect(talks.textContent).toContain('Delegations met for three days.');
    expect(within(talks).getByRole('list', { name: 'Involved' }).textContent).toBe('Amira KhanBoris LindGeneva');
  });

  it('filters by names typed ahead, several at once, removable by button and Backspace', async () => {
    render(<TimelineApp records={RECORDS} />);
    const box = input();
    fireEvent.input(box, { target: { value: 'bor' } });
    const listbox = screen.getByRole('listbox');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    const options = within(listbox).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Boris Lind4 items']);
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(within(screen.getByRole('list', { name: 'Names' })).getByText('Boris Lind')).toBeTruthy();
    expect(status()).toBe('Showing 4 of 9 events and facts');
    expect(box.getAttribute('aria-expanded')).toBe('false');

    // A second name: "any of them" by default, "all of them" on request.
    fireEvent.input(box, { target: { value: 'nort' } });
    fireEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: /Northland Council/ }));
    expect(status()).toBe('Showing 5 of 9 events and facts');
    fireEvent.change(screen.getByRole('combobox', { name: 'Involving' }), { target: { value: 'all' } });
    expect(status()).toBe('Showing 1 of 9 events and facts');
    expect(titles()).toEqual(['Boris Lind']);

    // Backspace in the empty input removes the last chip; the button removes any.
    fireEvent.keyDown(box, { key: 'Backspace' });
    expect(screen.queryByRole('button', { name: 'Remove Northland Council' })).toBeNull();
    expect(status()).toBe('Showing 4 of 9 events and facts');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Boris Lind' }));
    expect(status()).toBe('9 events and facts');
  });

  it('moves through suggestions with the arrow keys and closes them with Escape', () => {
    render(<TimelineApp records={RECORDS} />);
    const box = input();
    fireEvent.input(box, { target: { value: 'gen' } });
    const [first, second] = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(first!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(second!.getAttribute('aria-selected')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toBe(second!.id);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(first!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(box.getAttribute('aria-expanded')).toBe('false');
    fireEvent.input(box, { target: { value: 'zzz' } });
    expect(screen.getByRole('listbox').textContent).toBe('No matching names');
  });

  it('filters by kind and by a date range, behind their fold', () => {
    render(<TimelineApp records={RECORDS} />);
    const fold = screen.getByRole('button', { name: 'Kinds and dates' });
    expect(fold.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Events' })).toBeNull();
    fireEvent.click(fold);
    expect(fold.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Events' }));
    expect(screen.getByRole('button', { name: 'Events' }).getAttribute('aria-pressed')).toBe('true');
    expect(titles()).toEqual(['Geneva talks', 'Geneva talks', 'Signing ceremony']);
    fireEvent.click(screen.getByRole('button', { name: 'Events' }));

    fireEvent.change(screen.getByRole('combobox', { name: 'From: Year' }), { target: { value: '2025' } });
    const month = screen.getByRole('combobox', { name: 'From: Month' }) as HTMLSelectElement;
    expect(month.disabled).toBe(false);
    fireEvent.change(month, { target: { value: '06' } });
    expect(titles()).toEqual(['Signing ceremony', 'Harbour Accord']);
    fireEvent.change(screen.getByRole('combobox', { name: 'From: Year' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'To: Year' }), { target: { value: '2024' } });
    expect(titles()).toEqual(['Northland Council', 'Amira Khan']);
    // Folded, the toggle still says a filter is set.
    fireEvent.click(fold);
    expect(fold.textContent).toBe('Kinds and dates · 1 set');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(status()).toBe('9 events and facts');
  });

  it('offers only years that have items in the date pickers', () => {
    render(<TimelineApp records={RECORDS} />);
    fireEvent.click(screen.getByRole('button', { name: 'Kinds and dates' }));
    const years = [...(screen.getByRole('combobox', { name: 'From: Year' }) as HTMLSelectElement).options]
      .map((o) => o.value)
      .filter(Boolean);
    const model = buildTimeline(RECORDS);
    expect(years.map(Number)).toEqual(yearsWithItems(model.items));
  });

  it('opens around the article’s date, and jumps back there on request', async () => {
    const scrolled: string[] = [];
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolled.push(this.id);
    });
    tabs.digests.set(1, { ...digest('news.example', ['northland-council']), date: '2025-05-20' });
    render(<TimelineApp records={RECORDS} />);
    const around = await screen.findByRole('button', { name: 'Around this article (20 May 2025)' });
    const expected = anchorItem(buildTimeline(RECORDS).items, '2025-05-20')!.id;
    expect(scrolled).toEqual([expected]);
    fireEvent.click(around);
    expect(scrolled).toEqual([expected, expected]);
    expect(document.activeElement?.id).toBe(expected);
    scroll.mockRestore();
  });

  it('opens at the latest items when the tab gives no date', async () => {
    const scrolled: string[] = [];
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolled.push(this.id);
    });
    tabs.digests.set(1, digest('news.example', ['northland-council']));
    render(<TimelineApp records={RECORDS} />);
    await screen.findByText('1 name found on news.example');
    expect(scrolled).toEqual([buildTimeline(RECORDS).items.at(-1)!.id]);
    expect(screen.queryByRole('button', { name: /Around this article/ })).toBeNull();
    scroll.mockRestore();
  });

  it('"This page" keeps what the tab mentions, and follows tab switches and loads', async () => {
    tabs.digests.set(1, digest('news.example', ['northland-council']));
    tabs.digests.set(2, digest('other.example', ['harbour-accord', 'not-in-corpus']));
    render(<TimelineApp records={RECORDS} />);
    await screen.findByText('1 name found on news.example');
    const toggle = screen.getByRole('button', { name: 'This page' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(titles()).toEqual(['Northland Council', 'Boris Lind']);

    tabs.active = 2;
    await act(async () => void (await fakeBrowser.tabs.onActivated.trigger({ tabId: 2, windowId: 1 })));
    // An index its records do not have is left out.
    await screen.findByText('1 name found on other.example');
    expect(titles()).toEqual(['Harbour Accord']);

    // The same tab navigates: asked again once the page is complete.
    tabs.digests.set(2, digest('other.example', ['geneva']));
    await act(
      async () => void (await fakeBrowser.tabs.onUpdated.trigger(2, { status: 'loading' }, { active: true } as Tab)),
    );
    expect(titles()).toEqual(['Harbour Accord']);
    await act(
      async () => void (await fakeBrowser.tabs.onUpdated.trigger(2, { status: 'complete' }, { active: true } as Tab)),
    );
    await screen.findByText('1 name found on other.example');
    expect(titles()).toEqual(['Amira Khan', 'Geneva talks', 'Signing ceremony']);
  });

  it('"This page" on a tab it cannot read, or where Backstory is off, shows nothing and says why', async () => {
    tabs.digests.set(3, digest('off.example', ['geneva'], false));
    render(<TimelineApp records={RECORDS} pinnedTab={5} />);
    await screen.findByText('Backstory cannot read this tab');
    fireEvent.click(screen.getByRole('button', { name: 'This page' }));
    expect(screen.getByText('Nothing on the timeline matches these filters.')).toBeTruthy();
    expect(status()).toBe('Showing 0 of 9 events and facts');
  });

  it('follows a pinned tab, not the active one', async () => {
    tabs.digests.set(1, digest('active.example', ['geneva']));
    tabs.digests.set(4, digest('pinned.example', ['northland-council'], false));
    render(<TimelineApp records={RECORDS} pinnedTab={4} />);
    await screen.findByText('Backstory is switched off on pinned.example');
    await act(async () => void (await fakeBrowser.tabs.onActivated.trigger({ tabId: 1, windowId: 1 })));
    expect(screen.getByText('Backstory is switched off on pinned.example')).toBeTruthy();
  });

  it('opens focused on ?entity=, and on a fresh timelineFocus request', async () => {
    const { unmount } = render(<TimelineApp records={RECORDS} initialEntity="harbour-accord" />);
    expect(screen.getByRole('button', { name: 'Remove Harbour Accord' })).toBeTruthy();
    expect(titles()).toEqual(['Harbour Accord']);
    await waitFor(() =>
      expect(document.activeElement?.id).toBe(
        'fact-harbour-accord-2025-06-03-' + document.activeElement!.id.split('-').pop(),
      ),
    );
    expect(document.activeElement!.classList.contains('is-flash')).toBe(true);
    unmount();

    await requestTimelineFocus('boris-lind');
    render(<TimelineApp records={RECORDS} />);
    await screen.findByRole('button', { name: 'Remove Boris Lind' });
    expect(status()).toBe('Showing 4 of 9 events and facts');
    // Handled: the next panel to open starts unfiltered.
    await waitFor(async () => expect(await stored('timelineFocus')).toBeUndefined());
  });

  it('ignores a stale focus request on load, and follows new ones while open', async () => {
    await fakeBrowser.storage.local.set({ timelineFocus: { entityId: 'boris-lind', at: Date.now() - 10 * 60_000 } });
    render(<TimelineApp records={RECORDS} />);
    await screen.findByText('Backstory cannot read this tab');
    await act(async () => undefined);
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'This page' }));
    await act(() => requestTimelineFocus('geneva'));
    expect(screen.getByRole('button', { name: 'Remove Geneva' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'This page' }).getAttribute('aria-pressed')).toBe('false');
    expect(titles()).toEqual(['Amira Khan', 'Geneva talks', 'Signing ceremony']);
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('data-item')).toMatch(/^fact-amira-khan-2025-05-07/),
    );
  });

  it('opens an entity card in a dialog; Escape closes it and focus returns; "Show on timeline" filters', async () => {
    render(<TimelineApp records={RECORDS} />);
    const talks = document.getElementById('event-geneva-talks')!;
    const chip = within(talks).getByRole('button', { name: 'Boris Lind' });
    chip.focus();
    fireEvent.click(chip);
    const dialog = screen.getByRole('dialog', { name: 'Backstory: Boris Lind' });
    expect(document.activeElement).toBe(dialog);
    await within(dialog).findByRole('heading', { name: 'Boris Lind' });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(chip);

    fireEvent.click(within(talks).getByRole('button', { name: 'Geneva talks' }));
    const card = screen.getByRole('dialog');
    fireEvent.click(await within(card).findByRole('button', { name: 'Show on timeline' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Remove Geneva talks' })).toBeTruthy();
    expect(titles()).toEqual(['Geneva talks', 'Geneva talks']);

    fireEvent.click(within(document.getElementById('event-geneva-talks')!).getByRole('button', { name: 'Geneva' }));
    fireEvent.click(await within(screen.getByRole('dialog')).findByRole('button', { name: 'Search' }));
    await waitFor(() => expect(sent).toEqual([{ type: 'open-search', query: 'Geneva' }]));
    fireEvent.click(screen.getByRole('button', { name: 'Close card' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    // Escape closes the sheet even when focus has left it.
    fireEvent.click(within(document.getElementById('event-geneva-talks')!).getByRole('button', { name: 'Geneva' }));
    (document.activeElement as HTMLElement).blur();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says so when the corpus has nothing dated', () => {
    render(<TimelineApp records={{ entities: [], events: [], sources: [] }} />);
    expect(screen.getByText('The timeline is empty: the corpus has no dated events or facts.')).toBeTruthy();
  });
});
