/**
 * An entity's card over the timeline, as a modal sheet: focus moves into it, Tab stays
 * in it, Escape or the close button closes it, and focus returns to what opened it.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { EntityView } from '../../engine/entity-view';
import { CardBrowser } from '../card/CardBrowser';
import { trapTab } from '../focus-trap';
import { STRINGS } from '../strings';

export interface CardSheetProps {
  entityId: string;
  name: string;
  loadView(id: string): EntityView | null;
  onClose(): void;
  onShowTimeline(id: string): void;
  onSearch(query: string): void;
}

export function CardSheet({ entityId, name, loadView, onClose, onShowTimeline, onSearch }: CardSheetProps) {
  const sheet = useRef<HTMLDivElement>(null);

  // A layout effect, not a plain one: a plain effect waits for the next frame, and a key
  // pressed in that gap would go to whatever had focus behind the sheet.
  useLayoutEffect(() => {
    sheet.current?.focus();
  }, [entityId]);

  // Escape is heard on the whole document while the sheet is open, so it closes the sheet
  // even when focus is not inside it; a layout effect again, so it listens from the first
  // frame the sheet is on screen. One listener for the sheet's life, calling the latest
  // `onClose` (the parent passes a new one on every render).
  const close = useRef(onClose);
  close.current = onClose;
  useLayoutEffect(() => {
    const onEscape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      close.current();
    };
    document.addEventListener('keydown', onEscape);
    return () => document.removeEventListener('keydown', onEscape);
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (sheet.current) trapTab(e, sheet.current, document.activeElement);
  };

  return (
    <div class="tl-sheet-layer">
      <div class="tl-sheet-backdrop" onClick={onClose} />
      <div
        ref={sheet}
        class="tl-sheet"
        role="dialog"
        aria-modal="true"
        aria-label={STRINGS.card.dialogLabel(name)}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <button type="button" class="tl-sheet-close" aria-label={STRINGS.timeline.close} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
        <CardBrowser
          entityId={entityId}
          loadView={loadView}
          onShowTimeline={onShowTimeline}
          onSearch={onSearch}
          idPrefix="tl-card"
        />
      </div>
    </div>
  );
}
