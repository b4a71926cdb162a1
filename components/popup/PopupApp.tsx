/**
 * The toolbar popup: search the corpus as you type (typos and other spellings
 * forgiven), see what the current page mentions, open any card, switch Backstory on or
 * off for the site or everywhere, and open the timeline.
 *
 * Keyboard: the search box keeps focus while ↑ ↓ move through the results (the active
 * one is announced through aria-activedescendant) and Enter opens its card; Esc goes
 * back from a card, then clears the box, then closes the popup.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CorpusRecords } from '../../engine/types';
import {
  contextOfDigest,
  DIGEST_RETRY_MS,
  digestOfReport,
  tableRefOf,
  type PageEntity,
} from '../../adapters/extension/page-report';
import { viewForArticle } from '../../engine/article-view';
import { DEFAULT_SETTINGS, withMuted, withSite, type Settings } from '../../adapters/extension/settings';
import { buildEntityView, indexCorpus } from '../../engine/entity-view';
import { recentEvents } from '../../engine/result-list';
import { createSearchIndex, type SearchHit } from '../../engine/search';
import { CardBrowser } from '../card/CardBrowser';
import { stepOption } from '../combobox-keys';
import { PAGE_TIMING } from '../timing';
import { STRINGS } from '../strings';
import { BackIcon, SearchIcon, TimelineIcon } from './icons';
import type { PopupEnv, PopupTab } from './popup-env';
import { PopupSwitches } from './PopupSwitches';
import { RESULTS_ID, SearchResults, displayOrder, optionId } from './SearchResults';
import { nameDigest, StartingPoints, type PageState } from './StartingPoints';
import '../card/card.css';
import './popup.css';

const S = STRINGS.popup;

const RECENT_EVENTS = 5;
/** Hits asked of the search; the list then shows each kind's names and a few of its mentions. */
const SEARCH_LIMIT = 30;

export interface PopupAppProps {
  records: CorpusRecords;
  env: PopupEnv;
  /** `?q=`: the search box starts with this. */
  initialQuery?: string;
  /** `?tab=`: the tab to read instead of the active one. */
  pinnedTab?: number;
}

type View = { kind: 'search' } | { kind: 'card'; id: string; from: 'results' | 'start' };

export function PopupApp({ records, env, initialQuery = '', pinnedTab }: PopupAppProps) {
  const searchIndex = useMemo(() => createSearchIndex(records), [records]);
  const corpus = useMemo(() => indexCorpus(records), [records]);
  const events = useMemo(() => recentEvents(records, RECENT_EVENTS), [records]);

  const [query, setQuery] = useState(initialQuery);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [view, setView] = useState<View>({ kind: 'search' });
  const [tab, setTab] = useState<PopupTab | null | undefined>(undefined);
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const refreshPage = useRef<() => void>(() => undefined);

  // Searching is synchronous: the results are ready in the same frame as the keystroke.
  const hits = useMemo(() => (query.trim() ? searchIndex.search(query, SEARCH_LIMIT) : []), [searchIndex, query]);
  const ordered = useMemo(() => displayOrder(hits), [hits]);
  const active = ordered.find((h) => h.id === activeId) ?? null;

  // The tab, then what its content script found.
  useEffect(() => {
    let live = true;
    env.resolveTab(pinnedTab).then(
      (t) => live && setTab(t),
      () => live && setTab(null),
    );
    return () => {
      live = false;
    };
  }, [env, pinnedTab]);

  useEffect(() => {
    if (tab === undefined) return;
    if (tab === null) {
      setPage({ status: 'unavailable' });
      return;
    }
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = (again: boolean) => {
      clearTimeout(timer);
      env
        .report(tab.tabId)
        // Throws for a report of another corpus (a tab read before an update): unavailable.
        .then((report) => digestOfReport(report, records.entities))
        .then(
          (digest) => {
            if (!live) return;
            setPage({ status: 'ready', digest: nameDigest(digest, (id) => corpus.byId.get(id)?.name) });
            // Its content script may still be reading the page.
            if (again && digest.active && digest.entities.length === 0)
              timer = setTimeout(() => load(false), DIGEST_RETRY_MS);
          },
          () => {
            if (!live) return;
            if (again) timer = setTimeout(() => load(false), DIGEST_RETRY_MS);
            else setPage({ status: 'unavailable' });
          },
        );
    };
    load(true);
    refreshPage.current = () => load(false);
    return () => {
      live = false;
      clearTimeout(timer);
      refreshPage.current = () => undefined;
    };
  }, [env, tab]);

  // The switches, followed live (another window may flip them too).
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    env.loadSettings().then(
      (s) => live && setSettings(s),
      () => live && setSettings({ ...DEFAULT_SETTINGS, disabledSites: [] }),
    );
    const stop = env.watchSettings((s) => {
      setSettings(s);
      clearTimeout(timer);
      timer = setTimeout(() => refreshPage.current(), PAGE_TIMING.settingsSettleMs);
    });
    return () => {
      live = false;
      clearTimeout(timer);
      stop();
    };
  }, [env]);

  // Tell screen readers how many results there are, once typing pauses.
  useEffect(() => {
    if (view.kind !== 'search' || !query.trim()) return;
    const timer = setTimeout(() => setAnnouncement(S.resultCount(ordered.length)), PAGE_TIMING.announceAfterMs);
    return () => clearTimeout(timer);
  }, [ordered, view.kind]);

  // Firefox loads the toolbar popup before it shows it, and focuses the popup's window
  // only once the panel is up: by then `autoFocus` has had its turn and focus sits on the
  // body, so typing at once would go nowhere. The first time the window gains focus with
  // nothing focused, the search box takes it.
  useEffect(() => {
    const onWindowFocus = () => {
      const focused = document.activeElement;
      if (!focused || focused === document.body) inputRef.current?.focus();
    };
    window.addEventListener('focus', onWindowFocus, { once: true });
    return () => window.removeEventListener('focus', onWindowFocus);
  }, []);

  // Focus follows the view, in the same frame: the back button on a card, the search box on return.
  const firstRender = useRef(true);
  useLayoutEffect(() => {
    if (view.kind === 'card') {
      backRef.current?.focus();
      bodyRef.current?.scrollTo?.(0, 0);
    } else if (!firstRender.current) {
      inputRef.current?.focus();
    }
    firstRender.current = false;
  }, [view]);

  const host = page.status === 'ready' && page.digest.host ? page.digest.host : null;

  const openCard = (id: string, from: 'results' | 'start') => {
    const name = corpus.byId.get(id)?.name;
    setView({ kind: 'card', id, from });
    if (name) setAnnouncement(S.showingCard(name));
  };
  const choose = (hit: SearchHit) => {
    setActiveId(hit.id);
    openCard(hit.id, 'results');
  };
  const back = () => setView({ kind: 'search' });
  const searchFor = (text: string) => {
    setQuery(text);
    setActiveId(null);
    setView({ kind: 'search' });
  };
  const clear = () => {
    setQuery('');
    setActiveId(null);
  };

  // Called straight from clicks: opening a side panel needs the click's user gesture.
  const openTimeline = (entityId?: string) => {
    void env.openTimeline(tab ?? null, entityId).then((opened) => {
      // The toolbar popup would sit over the panel; a popup opened as a page stays.
      if (opened && pinnedTab === undefined) env.close();
    });
  };

  const reveal = (entity: PageEntity) => {
    if (!tab) return;
    const ref = tableRefOf(entity.id, records.entities);
    if (ref) void env.reveal(tab.tabId, ref).catch(() => false);
  };

  const save = (next: Settings) => {
    setSettings(next);
    void env.saveSettings(next).catch(() => undefined);
  };

  // A layout effect, so the listener follows each render before the next key can
  // arrive: with a plain effect, an Esc pressed just after opening a card could still
  // meet the search view's listener and clear the box instead of going back.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      if (view.kind === 'card') back();
      else if (query) {
        clear();
        inputRef.current?.focus();
      } else env.close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [view, query, env]);

  const onSearchKey = (event: KeyboardEvent) => {
    const step = (delta: 1 | -1) => {
      const next = ordered[stepOption(active ? ordered.indexOf(active) : -1, ordered.length, delta)];
      if (next) setActiveId(next.id);
    };
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (ordered.length) step(1);
        else if (!query.trim()) bodyRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
        break;
      case 'ArrowUp':
        event.preventDefault();
        step(-1);
        break;
      case 'Enter': {
        const hit = active ?? ordered[0];
        if (hit) {
          event.preventDefault();
          choose(hit);
        }
        break;
      }
    }
  };

  const searching = view.kind === 'search';
  const expanded = searching && hits.length > 0;

  return (
    <div class="pp">
      <header class="pp-head">
        <img class="pp-logo" src="/icon/32.png" alt="" width={22} height={22} />
        <h1 class="pp-title">{STRINGS.appName}</h1>
        <button
          type="button"
          class="pp-timeline"
          aria-label={S.timelineLabel}
          title={S.timelineLabel}
          onClick={() => openTimeline()}
        >
          <TimelineIcon />
          <span>{S.timeline}</span>
        </button>
      </header>

      <div class="pp-search">
        <label for="pp-q" class="pp-visually-hidden">
          {S.searchLabel}
        </label>
        <SearchIcon />
        <input
          ref={inputRef}
          id="pp-q"
          class="pp-input"
          type="search"
          role="combobox"
          // Preact's types tie role="combobox" to a `list` attribute; ours pops up its own listbox.
          list={undefined}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={RESULTS_ID}
          aria-activedescendant={searching && active ? optionId(active) : undefined}
          placeholder={S.searchPlaceholder}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellcheck={false}
          autoFocus
          value={query}
          onInput={(e) => {
            setQuery((e.currentTarget as HTMLInputElement).value);
            setActiveId(null);
            if (view.kind === 'card') setView({ kind: 'search' });
          }}
          onKeyDown={onSearchKey}
        />
      </div>

      <div class="pp-body" ref={bodyRef}>
        {view.kind === 'card' ? (
          <div class="pp-cardview">
            <button ref={backRef} type="button" class="pp-back" onClick={back}>
              <BackIcon />
              {view.from === 'results' && query.trim() ? S.backToResults : S.back}
            </button>
            <CardBrowser
              key={view.id}
              entityId={view.id}
              loadView={(id) => {
                // Read with the tab's article, as the hover card on it is.
                const card = buildEntityView(corpus, id);
                return card && page.status === 'ready' && page.digest.active
                  ? viewForArticle(card, contextOfDigest(page.digest))
                  : card;
              }}
              onShowTimeline={(id) => openTimeline(id)}
              onSearch={searchFor}
              idPrefix="pp-card"
            />
          </div>
        ) : query.trim() ? (
          <SearchResults
            query={query}
            hits={hits}
            activeId={active?.id ?? null}
            onActivate={setActiveId}
            onChoose={choose}
          />
        ) : (
          <StartingPoints
            page={page}
            enabled={settings?.enabled ?? true}
            events={events}
            onReveal={reveal}
            onOpenCard={(id) => openCard(id, 'start')}
            onRelink={() => {
              if (!tab) return;
              void env
                .relink(tab.tabId)
                .then(() => refreshPage.current())
                .catch(() => false);
            }}
          />
        )}
      </div>

      <PopupSwitches
        settings={settings}
        host={host}
        onSite={(on) => settings && host && save(withSite(settings, host, on))}
        onEverywhere={(on) => settings && save({ ...settings, enabled: on })}
        onMarks={(marks) => settings && save({ ...settings, marks })}
        onUnmute={(name, site) => settings && save(withMuted(settings, name, site, false))}
      />

      <p class="pp-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </div>
  );
}
