/**
 * The timeline itself: a section per year with its heading, and in it an ordered list
 * of items, each dated with `<time datetime>` at the precision the corpus gives.
 * Entities are buttons that open their card; sources are cited by outlet and date.
 */
import type { TimelineItem } from '../../engine/timeline';
import { groupByYear } from '../../engine/timeline';
import { STRINGS } from '../strings';

const S = STRINGS.timeline;

export interface TimelineListProps {
  items: readonly TimelineItem[];
  /** Entity ids to mark in the items (the ones filtered by). */
  marked: ReadonlySet<string>;
  /** The item to draw attention to (after "Show on timeline"). */
  flash?: string | null;
  onOpenEntity(id: string, from: HTMLElement): void;
}

export function TimelineList({ items, marked, flash, onOpenEntity }: TimelineListProps) {
  return (
    <div class="tl-years">
      {groupByYear(items).map((group) => (
        <section key={group.year} class="tl-year" aria-labelledby={`tl-year-${group.year}`}>
          <h2 id={`tl-year-${group.year}`} class="tl-year-head">
            <span class="tl-year-num">{group.year}</span>
            <span class="tl-year-count">{S.yearCount(group.items.length)}</span>
          </h2>
          <ol class="tl-list">
            {group.items.map((item) => (
              <Item key={item.id} item={item} marked={marked} flash={item.id === flash} onOpenEntity={onOpenEntity} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function Item({
  item,
  marked,
  flash,
  onOpenEntity,
}: {
  item: TimelineItem;
  marked: ReadonlySet<string>;
  flash: boolean;
  onOpenEntity: TimelineListProps['onOpenEntity'];
}) {
  const titleId = `${item.id}-title`;
  const others = item.entities.filter((e) => e.id !== item.subject.id);
  return (
    <li
      id={item.id}
      class={`tl-item tl-item--${item.kind}${item.origin === 'event' ? ' tl-item--event-entry' : ''}${flash ? ' is-flash' : ''}`}
      aria-labelledby={titleId}
      tabIndex={-1}
      data-item={item.id}
    >
      <span class="tl-dot" aria-hidden="true" />
      <time class="tl-date" dateTime={item.date}>
        {item.dateLabel}
      </time>
      <h3 class="tl-title" id={titleId}>
        <button
          type="button"
          class={`tl-title-btn${marked.has(item.subject.id) ? ' is-marked' : ''}`}
          title={S.openCard(item.subject.name)}
          onClick={(e) => onOpenEntity(item.subject.id, e.currentTarget as HTMLElement)}
        >
          {item.title}
        </button>
      </h3>
      <p class="tl-text">
        {item.attribution && <span class="tl-attribution">{STRINGS.card.according(item.attribution)}: </span>}
        {item.text}
      </p>
      {item.notes.length > 0 && (
        <ul class="tl-notes" aria-label={S.alsoReported}>
          {item.notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <ul class="tl-entities" aria-label={S.involved}>
          {others.map((e) => (
            <li key={e.id}>
              <button
                type="button"
                class={`tl-entity tl-kind-${e.kind}${marked.has(e.id) ? ' is-marked' : ''}`}
                title={S.openCard(e.name)}
                onClick={(ev) => onOpenEntity(e.id, ev.currentTarget as HTMLElement)}
              >
                {e.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {(item.sources.length > 0 || item.background) && (
        <p class="tl-sources">
          <span class="tl-visually-hidden">{S.sources}: </span>
          {item.background && (
            <span class="tl-background" title={STRINGS.card.backgroundTitle}>
              {STRINGS.card.background}
            </span>
          )}
          {item.sources.map((s) => (
            <cite key={s.id} class="tl-source" title={s.author ? `${s.title} — ${s.author}` : s.title}>
              {STRINGS.card.sourceLine(s.outlet, s.publishedLabel)}
            </cite>
          ))}
        </p>
      )}
    </li>
  );
}
