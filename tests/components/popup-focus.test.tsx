/**
 * The search box has focus when the toolbar popup opens, so the reader can type at
 * once. Firefox loads its popup before showing it and focuses the popup's window only
 * then; every so often (the second opening, in `npm run smoke:firefox`) `autoFocus` has
 * been spent by that time and focus sits on the body. The first time the window gains
 * focus with nothing focused, the search box takes it; focus the reader has put
 * elsewhere stays.
 */
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import type { CorpusRecords } from '../../engine/types';
import type { PopupEnv } from '../../components/popup/popup-env';

vi.mock('../../adapters/extension/browser-api', () => ({ browser: {} }));

const { PopupApp } = await import('../../components/popup/PopupApp');

const RECORDS: CorpusRecords = {
  entities: [
    {
      id: 'ali-larijani',
      kind: 'person',
      name: 'Ali Larijani',
      aliases: [],
      ambiguous: [],
      role: 'Secretary of the council',
      summary: 'About him.',
      facts: [],
      related: [],
    },
  ],
  events: [],
  sources: [],
};

function env(): PopupEnv {
  return {
    resolveTab: async () => null,
    report: async () => Promise.reject(new Error('no tab')),
    reveal: async () => false,
    relink: async () => false,
    loadSettings: async () => ({ enabled: true, disabledSites: [], marks: 'first', muted: [] }),
    saveSettings: async () => undefined,
    watchSettings: () => () => undefined,
    openTimeline: async () => false,
    close: () => undefined,
  };
}

const searchBox = () => screen.getByRole('combobox', { name: 'Search the Backstory corpus' });

describe('PopupApp: focus when the popup window gains focus', () => {
  it('the search box takes focus left on the body', () => {
    render(<PopupApp records={RECORDS} env={env()} />);
    searchBox().blur();
    expect(document.activeElement).toBe(document.body);
    fireEvent.focus(window);
    expect(document.activeElement).toBe(searchBox());
  });

  it('focus the reader moved elsewhere stays', () => {
    render(<PopupApp records={RECORDS} env={env()} />);
    const timeline = screen.getByRole('button', { name: /timeline/i });
    timeline.focus();
    fireEvent.focus(window);
    expect(document.activeElement).toBe(timeline);
  });

  it('only the first time: later, a body left focused stays so', () => {
    render(<PopupApp records={RECORDS} env={env()} />);
    fireEvent.focus(window);
    searchBox().blur();
    fireEvent.focus(window);
    expect(document.activeElement).toBe(document.body);
  });
});
