/**
 * A card with a history: following a connection switches the card and pushes the
 * previous one, so "Back" returns to it. Views are loaded through `loadView`, which the
 * hover card answers by asking the background and the popup answers from its records.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Correction } from '../../adapters/page/card-ui-contract';
import type { EntityView } from '../../engine/entity-view';
import { EntityCard } from './EntityCard';
import { STRINGS } from '../strings';

/**
 * `R`: how the first card is named. The hover card names it by its index in the page's
 * matcher table (the content script has no ids); cards opened from a card by id.
 */
export interface CardBrowserProps<R = string> {
  entityId: R;
  loadView(id: R | string): Promise<EntityView | null> | EntityView | null;
  onShowTimeline(id: string): void;
  onSearch(query: string): void;
  idPrefix?: string;
  /** Called after the card content changes, so a host can re-measure and re-place it. */
  onRendered?(): void;
  /** Taking the mark back, on the card opened on the mention (not on cards reached from it). */
  correction?: Correction;
}

export function CardBrowser<R = string>({
  entityId,
  loadView,
  onShowTimeline,
  onSearch,
  idPrefix,
  onRendered,
  correction,
}: CardBrowserProps<R>) {
  // A view that is already at hand (prefetched during hover intent) renders in the first
  // paint; only a view still on its way shows "Loading" for a moment.
  const [stack, setStack] = useState<EntityView[]>(() => {
    const first = loadView(entityId);
    return first && !(first instanceof Promise) ? [first] : [];
  });
  const [missing, setMissing] = useState(false);
  /** The first card asked for and shown (or under way). */
  const shown = useRef<R | undefined>(stack.length ? entityId : undefined);

  const open = async (id: R | string, push: boolean) => {
    const view = await loadView(id);
    if (!view) {
      if (!push) setMissing(true);
      return;
    }
    setMissing(false);
    setStack((s) => (push ? [...s, view] : [view]));
  };

  useEffect(() => {
    if (shown.current === entityId) return;
    shown.current = entityId;
    void open(entityId, false);
  }, [entityId]);

  useEffect(() => onRendered?.(), [stack, missing]);

  const current = stack[stack.length - 1];
  const previous = stack[stack.length - 2];
  if (missing) return <p class="bs-card bs-empty">{STRINGS.card.notFound}</p>;
  if (!current)
    return (
      <p class="bs-card bs-empty" aria-busy="true">
        {STRINGS.card.loading}
      </p>
    );
  return (
    <EntityCard
      key={current.id + stack.length}
      view={current}
      onOpenEntity={(id) => void open(id, true)}
      onShowTimeline={onShowTimeline}
      onSearch={onSearch}
      {...(previous ? { backTo: previous.name, onBack: () => setStack((s) => s.slice(0, -1)) } : {})}
      {...(idPrefix ? { idPrefix } : {})}
      {...(correction && stack.length === 1 ? { correction } : {})}
    />
  );
}
