/**
 * The toolbar popup in happy-dom, with hand-written records and a fake PopupEnv (the
 * popup's one door to the browser): search and its listbox keyboard, the card inside
 * the popup, "On this page" in each of its states, the switches and the timeline.
 */
import { describe, expect, it, vi, beforeEach } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { CorpusRecords, EntityRecord } from '../../engine/types';
import { tableRefOf, type PageDigest } from '../../adapters/extension/page-report';
import { reportOf } from './page-report-fixture';
import type { Settings } from '../../adapters/extension/settings';
import type { PopupEnv } from '../../components/popup/popup-env';

// settings.ts reaches for the extension API when loaded; the popup itself only uses its pure helpers.
vi.mock('../../adapters/extension/browser-api', () => ({ browser: {} }));

const { PopupApp } = await import('../../components/popup/PopupApp');
const { DIGEST_RETRY_MS } = await import('../../adapters/extension/page-report');

function entity(id: string, kind: EntityRecord['kind'], name: string, extra: Partial<EntityRecord> = {}): EntityRecord {
  return {
    id,
    kind,
    name,
    aliases: [],
    ambiguous: [],
    role: `Role of ${name}`,
    summary: `About ${name}.`,
    facts: [],
    related: [],
    ...extra,
  };
}

const RECORDS: CorpusRecords = {
  entities: [
    entity('ali-larijani', 'person', 'Ali Larijani', {
      aliases: ['Larijani'],
      role: "Secretary of Iran's Supreme National Security Council",
      facts: [{ date: '2025-11', text: 'Visited Islamabad and met the prime minister.', sources: ['s1'] }],
      related: [{ type: 'leads', target: 'snsc', sources: [] }],
    }),
    entity('shehbaz-sharif', 'person', 'Shehbaz Sharif', {
      aliases: ['Shahbaz Sharif'],
      role: 'Prime Minister of Pakistan',
      facts: [{ date: '2025-11', text: 'Received Ali Larijani in Islamabad.', sources: ['s1'] }],
    }),
    entity('snsc', 'organisation', 'Supreme National Security Council', { aliases: ['SNSC'] }),
    entity('twelve-day-war', 'event', 'Twelve-Day War', {
      aliases: ['12-Day War'],
      event: { start: '2025-06-13', end: '2025-06-24', participants: ['ali-larijani'], sources: ['s1'] },
    }),
    entity('pahalgam-attack', 'event', 'Pahalgam attack', {
      event: { start: '2025-04-22', participants: [], place: 'pahalgam', sources: ['s1'] },
    }),
    entity('pahalgam', 'place', 'Pahalgam'),
    entity('odd-name', 'organisation', '<b>Bold</b> & Co', { role: 'A name full of markup characters' }),
  ],
  events: [
    {
      id: 'twelve-day-war',
      name: 'Twelve-Day War',
      summary: '',
      start: '2025-06-13',
      end: '2025-06-24',
      participants: [],
      sources: ['s1'],
    },
    {
      id: 'pahalgam-attack',
      name: 'Pahalgam attack',
      summary: '',
      start: '2025-04-22',
      participants: [],
      sources: ['s1'],
    },
  ],
  sources: [
    {
      id: 's1',
      title: 'A story',
      outlet: 'The Fixture',
      author: null,
      published: '2025-11-20',
      kind: 'news',
      file: 'x.txt',
    },
  ],
};

const report = (digest: PageDigest) => reportOf(digest, RECORDS.entities);

const DIGEST: PageDigest = {
  url: 'https://news.example/story',
  host: 'news.example',
  active: true,
  entities: [
    { id: 'ali-larijani', kind: 'person', count: 3 },
    { id: 'twelve-day-war', kind: 'event', count: 1 },
    { id: 'shehbaz-sharif', kind: 'person', count: 2 },
  ],
};

interface FakeEnv extends PopupEnv {
  settingsListeners: Set<(s: Settings) => void>;
}

function fakeEnv(
  overrides: Partial<PopupEnv> = {},
): FakeEnv & { [K in keyof PopupEnv]: PopupEnv[K] & ReturnType<typeof vi.fn> } {
  const settingsListeners = new Set<(s: Settings) => void>();
  const env = {
    settingsListeners,
    resolveTab: vi.fn(async () => ({ tabId: 7, windowId: 3 })),
    report: vi.fn(async () => report(DIGEST)),
    reveal: vi.fn(async () => true),
    relink: vi.fn(async () => true),
    loadSettings: vi.fn(async (): Promise<Settings> => ({
      enabled: true,
      disabledSites: [],
      marks: 'first',
      muted: [],
    })),
    saveSettings: vi.fn(async (s: Settings) => settingsListeners.forEach((l) => l(s))),
    watchSettings: vi.fn((l: (s: Settings) => void) => {
      settingsListeners.add(l);
      return () => settingsListeners.delete(l);
    }),
    openTimeline: vi.fn(async () => true),
    close: vi.fn(),
    ...overrides,
  };
  return env as never;
}

const searchBox = () => screen.getByRole('combobox', { name: 'Search the Backstory corpus' });
const type = (text: string) => fireEvent.input(searchBox(), { target: { value: text } });
const key = (k: string) => fireEvent.keyDown(searchBox(), { key: k });
const optionNames = () =>
  within(screen.getByRole('listbox'))
    .getAllByRole('option')
    .map((o) => o.querySelector('.pp-option-name')!.textContent);

let env: ReturnType<typeof fakeEnv>;
beforeEach(() => {
  env = fakeEnv();
});

describe('PopupApp: search', () => {
  it('has a labelled search box and heading, and no listbox before typing', async () => {
    render(<PopupApp records={RECORDS} env={env} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Backstory');
    const box = searchBox();
    expect(box.getAttribute('type')).toBe('search');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('listbox')).toBeNull();
    await screen.findByText('Ali Larijani');
  });

  it('finds through a typo, groups by kind, and marks the matched part', () => {
    render(<PopupApp records={RECORDS} env={env} />);
    type('Larijni');
    const listbox = screen.getByRole('listbox', { name: 'Search results' });
    expect(searchBox().getAttribute('aria-expanded')).toBe('true');
    expect(searchBox().getAttribute('aria-controls')).toBe(listbox.id);
    const groups = within(listbox).getAllByRole('group');
    expect(
      groups.map(
        (g) =>
          g.getAttribute('aria-labelledby') && document.getElementById(g.getAttribute('aria-labelledby')!)!.textContent,
      ),
    ).toEqual(['People']);
    const first = within(listbox).getAllByRole('option')[0]!;
    expect(first.querySelector('.pp-option-name')!.textContent).toBe('Ali Larijani');
    expect([...first.querySelectorAll('.pp-option-name mark')].map((m) => m.textContent)).toEqual(['Larijani']);
    // A mention says where it matched.
    const mention = within(listbox).getAllByRole('option')[1]!;
    expect(mention.textContent).toContain('Shehbaz Sharif');
    expect(mention.querySelector('.pp-matched-in')!.textContent).toBe('Fact');
    expect(mention.querySelector('.pp-option-detail mark')!.textContent).toBe('Larijani');
  });

  it('folds hyphens and number words: "12 day war" finds the Twelve-Day War', () => {
    render(<PopupApp records={RECORDS} env={env} />);
    type('12 day war');
    expect(optionNames()[0]).toBe('Twelve-Day War');
  });

  it('says so when nothing matches', () => {
    render(<PopupApp records={RECORDS} env={env} />);
    type('qqqxz');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.getByText('Nothing in the corpus matches “qqqxz”.')).toBeTruthy();
    expect(searchBox().getAttribute('aria-expanded')).toBe('false');
  });

  it('renders names as text, never as markup', () => {
    render(<PopupApp records={RECORDS} env={env} />);
    type('bold');
    const option = within(screen.getByRole('listbox')).getAllByRole('option')[0]!;
    expect(option.querySelector('.pp-option-name')!.textContent).toBe('<b>Bold</b> & Co');
    expect(option.querySelector('b')).toBeNull();
    expect(option.querySelector('mark')!.textContent).toBe('Bold');
  });

  it('steps through options with ↑ ↓ (wrapping), marks the active one, and opens its card with Enter', async () => {
    render(<PopupApp records={RECORDS} env={env} />);
    type('pahalgam');
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.length).toBeGreaterThanOrEqual(2);
    expect(searchBox().getAttribute('aria-activedescendant')).toBeNull();

    key('ArrowDown');
    expect(searchBox().getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    key('ArrowDown');
    expect(searchBox().getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    expect(options[0]!.getAttribute('aria-selected')).toBe('false');
    key('ArrowUp');
    key('ArrowUp');
    expect(searchBox().getAttribute('aria-activedescendant')).toBe(options[options.length - 1]!.id);
    key('ArrowDown');
    expect(searchBox().getAttribute('aria-activedescendant')).toBe(options[0]!.id);

    const chosen = options[0]!.querySelector('.pp-option-name')!.textContent!;
    key('Enter');
    const card = await screen.findByRole('article');
    expect(within(card).getByRole('heading', { level: 2 }).textContent).toBe(chosen);
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Back to results' }));
    expect(screen.getByRole('status').textContent).toBe(`Showing the card for ${chosen}`);

    // Back: the same results, the same active option, focus in the box.
    fireEvent.click(screen.getByRole('button', { name: 'Back to results' }));
    expect(searchBox().getAttribute('aria-activedescendant')).toBe(
      within(screen.getByRole('listbox')).getAllByRole('option')[0]!.id,
    );
    expect(document.activeElement).toBe(searchBox());
  });

  it('opens the first result on Enter when none is active, and a clicked one', async () => {
    render(<PopupApp records={RECORDS} env={env} />);
    type('sharif');
    key('Enter');
    expect(within(await screen.findByRole('article')).getByRole('heading', { level: 2 }).textContent).toBe(
      'Shehbaz Sharif',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Back to results' }));
    type('snsc');
    fireEvent.click(within(screen.getByRole('listbox')).getAllByRole('option')[0]!);
    expect(within(await screen.findByRole('article')).getByRole('heading', { level: 2 }).textContent).toBe(
      'Supreme National Security Council',
    );
  });

  it('follows connections inside the card, and its Search button searches', async () => {
    render(<PopupApp records={RECORDS} env={env} />);
    type('larijani');
    key('Enter');
    const card = await screen.findByRole('article');
    fireEvent.click(within(card).getByRole('button', { name: 'Supreme National Security Council' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Supreme National Security Council'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(searchBox()).toHaveProperty('value', 'Supreme National Security Council');
    expect(optionNames()[0]).toBe('Supreme National Security Council');
  });

  it('Esc goes back from a card, then clears the box, then closes the popup', async () => {
    render(<PopupApp records={RECORDS} env={env} />);
    type('larijani');
    key('Enter');
    await screen.findByRole('article');
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    expect(screen.getByRole('listbox')).toBeTruthy();
    key('Escape');
    expect(searchBox()).toHaveProperty('value', '');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(env.close).not.toHaveBeenCalled();
    key('Escape');
    expect(env.close).toHaveBeenCalledTimes(1);
  });

  it('starts with ?q= filled in', () => {
    render(<PopupApp records={RECORDS} env={env} initialQuery="Suleimani Larijani" />);
    expect(searchBox()).toHaveProperty('value', 'Suleimani Larijani');
    render(<PopupApp records={RECORDS} env={fakeEnv()} initialQuery="Twelve-Day War" />);
    expect(screen.getAllByRole('listbox')).toHaveLength(1);
    expect(optionNames()[0]).toBe('Twelve-Day War');
  });

  it('announces the number of results', async () => {
    render(<PopupApp records={RECORDS} env={env} />);
    type('pahalgam');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('2 results'));
  });
});

describe('PopupApp: on this page', () => {
  it('lists the tab’s names by kind with counts, and reveals one on the page', async () => {
    render(<PopupApp records={RECORDS} env={env} pinnedTab={7} />);
    expect(env.resolveTab).toHaveBeenCalledWith(7);
    const host = await screen.findByText('news.example');
    const section = screen.getByRole('heading', { name: /On this page/ }).closest('section')!;
    expect(section.contains(host)).toBe(true);
    expect(
      within(section)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['People', 'Events']);
    const reveal = within(section).getByRole('button', {
      name: 'Ali Larijani, 3 mentions: show the next one on the page',
    });
    expect(reveal.textContent).toContain('3');
    fireEvent.click(reveal);
    expect(env.reveal).toHaveBeenCalledWith(7, tableRefOf('ali-larijani', RECORDS.entities));
    expect(env.report).toHaveBeenCalledWith(7);
  });

  it('names the tab’s entities from its records, most mentioned first, and leaves out ids it does not know', async () => {
    env = fakeEnv({
      report: vi.fn(async () =>
        report({
          ...DIGEST,
          entities: [
            { id: 'shehbaz-sharif', kind: 'person' as const, count: 2 },
            { id: 'not-in-these-records', kind: 'person' as const, count: 9 },
            { id: 'ali-larijani', kind: 'person' as const, count: 2 },
            { id: 'twelve-day-war', kind: 'event' as const, count: 5 },
          ],
        }),
      ),
    });
    render(<PopupApp records={RECORDS} env={env} />);
    await screen.findByRole('button', { name: /Ali Larijani, 2 mentions/ });
    const section = screen.getByRole('heading', { name: /On this page/ }).closest('section')!;
    const rows = [...section.querySelectorAll('.pp-row-name')].map((r) => r.textContent);
    // Kinds in one fixed order on every page; within a kind by count, then by name.
    expect(rows).toEqual(['Ali Larijani', 'Shehbaz Sharif', 'Twelve-Day War']);
  });

  it('opens a page name’s card from its info button, and goes back', async () => {
    render(<PopupApp records={RECORDS} env={env} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Card for Twelve-Day War' }));
    expect(within(await screen.findByRole('article')).getByRole('heading', { level: 2 }).textContent).toBe(
      'Twelve-Day War',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('heading', { name: /On this page/ })).toBeTruthy();
  });

  it('says the article’s date, and opens a page name’s card as of it', async () => {
    env = fakeEnv({ report: vi.fn(async () => ({ ...report(DIGEST), date: '2025-06-01' })) });
    render(<PopupApp records={RECORDS} env={env} />);
    expect(await screen.findByText('Article of 1 June 2025: cards read as of then')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Card for Ali Larijani' }));
    const card = await screen.findByRole('article');
    // The November 2025 visit came after this article: set apart, not among its backstory.
    const since = card.querySelector<HTMLDetailsElement>('details.bs-since')!;
    expect(since.querySelector('summary')!.textContent).toBe('Since this article (1 June 2025) · 1');
    expect(since.textContent).toContain('Visited Islamabad');
  });

  it('lists what only the page’s rails and menus name apart, folded, and reveals it the same way', async () => {
    const elsewhere = [{ id: 'shehbaz-sharif', kind: 'person' as const, count: 1 }];
    env = fakeEnv({
      report: vi.fn(async () => report({ ...DIGEST, entities: DIGEST.entities.slice(0, 2), elsewhere })),
    });
    render(<PopupApp records={RECORDS} env={env} />);
    const summary = await screen.findByText('Elsewhere on the page (1)');
    const fold = summary.closest('details')!;
    expect(fold.open).toBe(false);
    // The article's list above does not hold it.
    const section = screen.getByRole('heading', { name: /On this page/ }).closest('section')!;
    const outside = within(fold).getByRole('button', {
      name: 'Shehbaz Sharif, 1 mention: show the next one on the page',
    });
    expect(
      within(section)
        .getAllByRole('button', { name: /show the next one/ })
        .filter((b) => !fold.contains(b)),
    ).toHaveLength(2);
    fireEvent.click(outside);
    expect(env.reveal).toHaveBeenCalledWith(7, tableRefOf('shehbaz-sharif', RECORDS.entities));
  });

  it('says the article names nothing when only the rest of the page does', async () => {
    const elsewhere = [{ id: 'ali-larijani', kind: 'person' as const, count: 2 }];
    env = fakeEnv({ report: vi.fn(async () => report({ ...DIGEST, entities: [], elsewhere })) });
    render(<PopupApp records={RECORDS} env={env} />);
    expect(await screen.findByText('The article names nothing from Backstory’s corpus.')).toBeTruthy();
    expect(screen.getByText('Elsewhere on the page (1)')).toBeTruthy();
  });

  it('moves from an empty box into the list with ↓', async () => {
    render(<PopupApp records={RECORDS} env={env} />);
    await screen.findByRole('button', { name: /Ali Larijani, 3 mentions/ });
    key('ArrowDown');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /Ali Larijani, 3 mentions/ }));
  });

  it('lists recent events, newest first', async () => {
    render(<PopupApp records={RECORDS} env={env} />);
    const section = (await screen.findByRole('heading', { name: 'Recent events' })).closest('section')!;
    expect(
      within(section)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Twelve-Day War13–24 June 2025', 'Pahalgam attack22 April 2025']);
  });

  it('says plainly when the page names nobody (after asking twice)', async () => {
    env = fakeEnv({ report: vi.fn(async () => report({ ...DIGEST, entities: [] })) });
    render(<PopupApp records={RECORDS} env={env} />);
    expect(await screen.findByText('Backstory found no names from its corpus on this page.')).toBeTruthy();
    await waitFor(() => expect(env.report).toHaveBeenCalledTimes(2), { timeout: DIGEST_RETRY_MS + 1000 });
  });

  it('says plainly when the tab cannot be reached, after one retry', async () => {
    env = fakeEnv({ report: vi.fn(async () => Promise.reject(new Error('Could not establish connection'))) });
    render(<PopupApp records={RECORDS} env={env} />);
    expect(screen.getByText('Reading this page…')).toBeTruthy();
    expect(
      await screen.findByText('Backstory can’t read this tab.', undefined, { timeout: DIGEST_RETRY_MS + 1000 }),
    ).toBeTruthy();
    expect(screen.getByText(/chrome:\/\//)).toBeTruthy();
    expect(env.report).toHaveBeenCalledTimes(2);
    // No site to switch.
    expect(screen.queryByRole('switch', { name: /^On / })).toBeTruthy(); // "On all sites" only
    expect(screen.getAllByRole('switch')).toHaveLength(1);
  });

  it('says so when there is no tab at all', async () => {
    env = fakeEnv({ resolveTab: vi.fn(async () => null) });
    render(<PopupApp records={RECORDS} env={env} />);
    expect(await screen.findByText('Backstory can’t read this tab.')).toBeTruthy();
    expect(env.report).not.toHaveBeenCalled();
  });

  it('says so when Backstory is off on the site', async () => {
    env = fakeEnv({ report: vi.fn(async () => report({ ...DIGEST, active: false, entities: [] })) });
    render(<PopupApp records={RECORDS} env={env} />);
    expect(await screen.findByText('Backstory is switched off on this site.')).toBeTruthy();
  });
});

describe('PopupApp: switches and timeline', () => {
  it('switches the site off and on, and everywhere off, saving each at once', async () => {
    render(<PopupApp records={RECORDS} env={env} />);
    const site = await screen.findByRole('switch', { name: 'On news.example' });
    const all = screen.getByRole('switch', { name: 'On all sites' });
    await waitFor(() => expect(site).toHaveProperty('disabled', false));
    expect(site).toHaveProperty('checked', true);

    fireEvent.click(site);
    expect(env.saveSettings).toHaveBeenLastCalledWith({
      enabled: true,
      disabledSites: ['news.example'],
      marks: 'first',
      muted: [],
    });
    expect(site).toHaveProperty('checked', false);
    fireEvent.click(site);
    expect(env.saveSettings).toHaveBeenLastCalledWith({ enabled: true, disabledSites: [], marks: 'first', muted: [] });

    fireEvent.click(all);
    expect(env.saveSettings).toHaveBeenLastCalledWith({ enabled: false, disabledSites: [], marks: 'first', muted: [] });
    expect(all).toHaveProperty('checked', false);
    expect(site).toHaveProperty('disabled', true);
    expect(await screen.findByText('Backstory is switched off everywhere.')).toBeTruthy();
  });

  it('chooses which mentions show a mark, saved at once', async () => {
    render(<PopupApp records={RECORDS} env={env} />);
    const marks = (await screen.findByRole('combobox', { name: 'Marks' })) as HTMLSelectElement;
    await waitFor(() => expect(marks.disabled).toBe(false));
    expect(marks.value).toBe('first');
    expect([...marks.options].map((o) => o.textContent)).toEqual([
      'Every mention',
      'First mentions',
      'None (hover only)',
    ]);
    fireEvent.change(marks, { target: { value: 'none' } });
    expect(env.saveSettings).toHaveBeenLastCalledWith({ enabled: true, disabledSites: [], marks: 'none', muted: [] });
  });

  it('lists muted names, each undone with one click', async () => {
    env = fakeEnv({
      loadSettings: vi.fn(async (): Promise<Settings> => ({
        enabled: true,
        disabledSites: [],
        marks: 'first',
        muted: [{ name: 'Khan', site: 'news.example' }, { name: 'Sharif' }],
      })),
    });
    render(<PopupApp records={RECORDS} env={env} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Unmute Khan (news.example)' }));
    expect(env.saveSettings).toHaveBeenLastCalledWith({
      enabled: true,
      disabledSites: [],
      marks: 'first',
      muted: [{ name: 'Sharif' }],
    });
    expect(screen.queryByRole('button', { name: 'Unmute Khan (news.example)' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Unmute Sharif (everywhere)' })).toBeTruthy();
  });

  it('says how many mentions were unlinked on the page, and takes them back', async () => {
    env = fakeEnv({ report: vi.fn(async () => ({ ...report(DIGEST), unlinked: 2 })) });
    render(<PopupApp records={RECORDS} env={env} />);
    expect(await screen.findByText(/2 mentions unlinked on this page\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(env.relink).toHaveBeenCalledWith(7));
    await waitFor(() => expect(env.report).toHaveBeenCalledTimes(2));
  });

  it('follows settings changed elsewhere, and asks the page again', async () => {
    render(<PopupApp records={RECORDS} env={env} />);
    const site = await screen.findByRole('switch', { name: 'On news.example' });
    await waitFor(() => expect(env.report).toHaveBeenCalledTimes(1));
    act(() =>
      env.settingsListeners.forEach((l) =>
        l({ enabled: true, disabledSites: ['news.example'], marks: 'first', muted: [] }),
      ),
    );
    expect(site).toHaveProperty('checked', false);
    await waitFor(() => expect(env.report).toHaveBeenCalledTimes(2));
  });

  it('opens the timeline from the header, and for a card’s entity', async () => {
    render(<PopupApp records={RECORDS} env={env} pinnedTab={7} />);
    await waitFor(() => expect(env.resolveTab).toHaveBeenCalled());
    await screen.findByText('news.example');
    fireEvent.click(screen.getByRole('button', { name: 'Open the timeline in the side panel' }));
    expect(env.openTimeline).toHaveBeenLastCalledWith({ tabId: 7, windowId: 3 }, undefined);

    type('twelve');
    key('Enter');
    fireEvent.click(within(await screen.findByRole('article')).getByRole('button', { name: 'Show on timeline' }));
    expect(env.openTimeline).toHaveBeenLastCalledWith({ tabId: 7, windowId: 3 }, 'twelve-day-war');
    // Opened as a page (?tab=), the popup stays open.
    await Promise.resolve();
    expect(env.close).not.toHaveBeenCalled();
  });

  it('closes the toolbar popup once the side panel is open', async () => {
    render(<PopupApp records={RECORDS} env={env} />);
    await screen.findByText('news.example');
    fireEvent.click(screen.getByRole('button', { name: 'Open the timeline in the side panel' }));
    await waitFor(() => expect(env.close).toHaveBeenCalledTimes(1));
  });
});
