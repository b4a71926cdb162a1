/**
 * The side panel: the timeline of the whole corpus, with filters by name, kind, dates
 * and "This page" (what the tab being read mentions). "Show on timeline" anywhere in
 * the extension lands here through the `timelineFocus` storage key (or `?entity=`):
 * the panel filters to that entity and scrolls its first item into view.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CorpusRecords } from '../../engine/types';
import { buildEntityView, indexCorpus } from '../../engine/entity-view';
import { formatIsoDate } from '../../engine/dates';
import {
  EMPTY_FILTER,
  anchorItem,
  buildTimeline,
  filterTimeline,
  firstItemFor,
  isFiltering,
  yearsWithItems,
  type TimelineEntity,
  type TimelineFilter,
} from '../../engine/timeline';
import { clearTimelineFocus, readTimelineFocus, watchTimelineFocus } from '../../adapters/extension/timeline-focus';
import { sendToBackground } from '../../adapters/extension/messages';
import { STRINGS } from '../strings';
import { PAGE_TIMING } from '../timing';
import { CardSheet } from './CardSheet';
import { TimelineFilters } from './TimelineFilters';
import { TimelineList } from './TimelineList';
import { usePageDigest } from './use-page-digest';
import '../card/card.css';
import './timeline.css';

const S = STRINGS.timeline;

export interface TimelineAppProps {
  records: CorpusRecords;
  /** Follow this tab for "This page" instead of the active one (`?tab=<id>`). */
  pinnedTab?: number;
  /** Open focused on this entity (`?entity=<id>`). */
  initialEntity?: string;
}

type Filters = Omit<TimelineFilter, 'page'>;

export function TimelineApp({ records, pinnedTab, initialEntity }: TimelineAppProps) {
  const index = useMemo(() => indexCorpus(records), [records]);
  const model = useMemo(() => buildTimeline(records), [records]);
  const years = useMemo(() => yearsWithItems(model.items), [model]);
  const page = usePageDigest(records.entities, pinnedTab);

  const [filters, setFilters] = useState<Filters>(EMPTY_FILTER);
  const [pageOn, setPageOn] = useState(false);
  const [card, setCard] = useState<{ id: string; opener: HTMLElement | null } | null>(null);
  const [target, setTarget] = useState<{ entityId: string; n: number } | null>(null);
  const [flash, setFlash] = useState<string | null>(null);

  const pageIds = page.status === 'ready' && page.digest.active ? page.digest.entities.map((e) => e.id) : [];
  const articleDate = page.status === 'ready' && page.digest.active ? page.digest.date : undefined;
  /** Set once the panel has been placed (around the article, at the latest items, or on a focus request). */
  const placed = useRef(false);
  const filter: TimelineFilter = { ...filters, page: pageOn ? pageIds : null };
  const visible = useMemo(
    () => filterTimeline(model.items, filter),
    [model, filters, pageOn, pageOn ? pageIds.join(' ') : ''],
  );

  const entityRef = (id: string): TimelineEntity | null => {
    const e = index.byId.get(id);
    return e ? { id: e.id, name: e.name, kind: e.kind } : null;
  };
  const chosen = filters.entities.flatMap((id) => entityRef(id) ?? []);

  // "Show on timeline": that entity alone, its first item brought into view.
  const focusEntity = (entityId: string) => {
    if (!index.byId.has(entityId)) return;
    placed.current = true;
    setCard(null);
    setFilters({ ...EMPTY_FILTER, entities: [entityId] });
    setPageOn(false);
    setTarget((t) => ({ entityId, n: (t?.n ?? 0) + 1 }));
  };
  const focusRef = useRef(focusEntity);
  focusRef.current = focusEntity;

  useEffect(() => {
    let live = true;
    if (initialEntity) focusRef.current(initialEntity);
    else
      void readTimelineFocus()
        .then((focus) => {
          if (!live || !focus) return;
          focusRef.current(focus.entityId);
          // Handled: a panel opened later starts unfiltered. (A panel already open when a
          // request comes follows it below, and leaves it for one that may be opening.)
          return clearTimelineFocus(focus);
        })
        .catch(() => undefined);
    const stop = watchTimelineFocus((focus) => focusRef.current(focus.entityId));
    return () => {
      live = false;
      stop();
    };
  }, []);

  useEffect(() => {
    if (!target) return;
    const item = firstItemFor(visible, target.entityId);
    if (!item) return;
    const el = document.getElementById(item.id);
    if (!el) return;
    const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    el.scrollIntoView?.({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
    el.focus({ preventScroll: true });
    setFlash(item.id);
  }, [target]);

  /** Brings the anchor into view: around the article's date, else the latest items. */
  const goToAnchor = (date: string | undefined, focus: boolean) => {
    const item = anchorItem(visible, date);
    const el = item && document.getElementById(item.id);
    if (!item || !el) return;
    el.scrollIntoView?.({ block: date ? 'center' : 'end' });
    if (focus) {
      el.focus({ preventScroll: true });
      setFlash(item.id);
    }
  };

  // Opens where the reader is: once the tab has answered (or could not), unless a
  // "Show on timeline" request placed the panel first. Before paint: no jump.
  useLayoutEffect(() => {
    if (placed.current || page.status === 'loading') return;
    placed.current = true;
    goToAnchor(articleDate, false);
  }, [page.status]);

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), PAGE_TIMING.flashMs);
    return () => clearTimeout(timer);
  }, [flash]);

  const closeCard = () => {
    const opener = card?.opener;
    setCard(null);
    if (opener?.isConnected) opener.focus();
  };

  const filtering = isFiltering(filter);
  const clear = () => {
    setFilters(EMPTY_FILTER);
    setPageOn(false);
  };

  return (
    <div class="tl-app">
      <header class="tl-header">
        <img class="tl-logo" src="/icon/32.png" alt="" width={20} height={20} />
        <h1 class="tl-h1">
          <span class="tl-visually-hidden">{STRINGS.appName} </span>
          {S.title}
        </h1>
        <p class="tl-tagline">{S.tagline}</p>
      </header>

      <main class="tl-main">
        <TimelineFilters
          filter={filter}
          pageOn={pageOn}
          page={page}
          options={model.entities}
          chosen={chosen}
          years={years}
          onChange={(next) => setFilters((f) => ({ ...f, ...next }))}
          onPageToggle={setPageOn}
        />

        <div class="tl-statusbar">
          <p class="tl-status" role="status" aria-live="polite" aria-atomic="true">
            {S.status(visible.length, model.items.length)}
          </p>
          {articleDate && (
            <button type="button" class="tl-around" onClick={() => goToAnchor(articleDate, true)}>
              {S.aroundArticle(formatIsoDate(articleDate))}
            </button>
          )}
          {filtering && (
            <button type="button" class="tl-clear" onClick={clear}>
              {S.clear}
            </button>
          )}
        </div>

        {model.items.length === 0 ? (
          <p class="tl-empty">{S.emptyCorpus}</p>
        ) : visible.length === 0 ? (
          <p class="tl-empty">{S.empty}</p>
        ) : (
          <TimelineList
            items={visible}
            marked={new Set(filters.entities)}
            flash={flash}
            onOpenEntity={(id, from) => setCard({ id, opener: from })}
          />
        )}
      </main>

      {card && (
        <CardSheet
          entityId={card.id}
          name={index.byId.get(card.id)?.name ?? ''}
          loadView={(id) => buildEntityView(index, id)}
          onClose={closeCard}
          onShowTimeline={focusEntity}
          onSearch={(query) => void sendToBackground({ type: 'open-search', query }).catch(() => undefined)}
        />
      )}
    </div>
  );
}
