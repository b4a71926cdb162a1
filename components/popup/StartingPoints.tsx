/**
 * What an empty search box shows: the names the current tab mentions (choose one to
 * scroll the page to its next mention; the info button opens its card), and the
 * corpus's latest events.
 */
import type { PageDigest, PageEntity } from '../../adapters/extension/messages';
import type { PageState as TabPageState } from '../../adapters/extension/page-report';
import { formatIsoDate } from '../../engine/dates';
import { groupByKind, type RecentEvent } from '../../engine/result-list';
import { KIND_LABEL_PLURAL, STRINGS } from '../strings';
import { InfoIcon, PageIcon } from './icons';

const S = STRINGS.popup;

/** A page's entity with the display name the popup's records give it. */
export interface NamedPageEntity extends PageEntity {
  name: string;
}

export type NamedPageDigest = Omit<PageDigest, 'entities' | 'elsewhere'> & {
  entities: NamedPageEntity[];
  /** Named only in the page's furniture; empty when the article is not told apart. */
  elsewhere: NamedPageEntity[];
};

export type PageState = TabPageState<NamedPageDigest>;

/**
 * Names a tab's digest from the corpus records, most mentioned first, then by name. An id
 * the records do not know (a content script left from an older version of the
 * extension, until its tab reloads) is left out rather than shown without a name.
 */
export function nameDigest(digest: PageDigest, nameOf: (id: string) => string | undefined): NamedPageDigest {
  const named = (list: readonly PageEntity[]): NamedPageEntity[] => {
    const entities: NamedPageEntity[] = [];
    for (const e of list) {
      const name = nameOf(e.id);
      if (name !== undefined) entities.push({ ...e, name });
    }
    return entities.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  };
  return { ...digest, entities: named(digest.entities), elsewhere: named(digest.elsewhere ?? []) };
}

export interface StartingPointsProps {
  page: PageState;
  /** False when Backstory is switched off everywhere. */
  enabled: boolean;
  events: readonly RecentEvent[];
  onReveal(entity: NamedPageEntity): void;
  onOpenCard(id: string): void;
  /** Takes back the page's "Not this one"s. */
  onRelink(): void;
}

export function StartingPoints({ page, enabled, events, onReveal, onOpenCard, onRelink }: StartingPointsProps) {
  return (
    <div class="pp-start">
      <section class="pp-section" aria-labelledby="pp-page-heading">
        <h2 id="pp-page-heading" class="pp-section-title">
          <PageIcon />
          <span>{S.onThisPage}</span>
          {page.status === 'ready' && page.digest.host && <span class="pp-host">{page.digest.host}</span>}
        </h2>
        <OnThisPage page={page} enabled={enabled} onReveal={onReveal} onOpenCard={onOpenCard} onRelink={onRelink} />
      </section>

      {events.length > 0 && (
        <section class="pp-section" aria-labelledby="pp-events-heading">
          <h2 id="pp-events-heading" class="pp-section-title">
            <span>{S.recentEvents}</span>
          </h2>
          <ul class="pp-list">
            {events.map((ev) => (
              <li key={ev.id}>
                <button type="button" class="pp-row pp-kind--event" onClick={() => onOpenCard(ev.id)}>
                  <span class="pp-dot" aria-hidden="true" />
                  <span class="pp-row-name">{ev.name}</span>
                  <span class="pp-row-meta">{ev.dateLabel}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function OnThisPage({ page, enabled, onReveal, onOpenCard, onRelink }: Omit<StartingPointsProps, 'events'>) {
  if (page.status === 'loading')
    return (
      <p class="pp-note" aria-busy="true">
        {S.pageLoading}
      </p>
    );
  if (page.status === 'unavailable') {
    return (
      <div class="pp-note pp-note--unreachable">
        <p class="pp-note-title">{S.pageUnreachable}</p>
        <p>{S.pageUnreachableWhy}</p>
      </div>
    );
  }
  const { digest } = page;
  if (!enabled) return <p class="pp-note">{S.pageOffEverywhere}</p>;
  if (!digest.active) return <p class="pp-note">{S.pageOff}</p>;
  const unlinked = digest.unlinked ? (
    <p class="pp-unlinked">
      {S.unlinked(digest.unlinked)}{' '}
      <button type="button" class="pp-link" onClick={onRelink}>
        {S.relink}
      </button>
    </p>
  ) : null;
  const elsewhere = digest.elsewhere.length ? (
    <details class="pp-elsewhere">
      <summary class="pp-elsewhere-summary">{S.elsewhere(digest.elsewhere.length)}</summary>
      <p class="pp-hint">{S.elsewhereHint}</p>
      <EntityGroups entities={digest.elsewhere} onReveal={onReveal} onOpenCard={onOpenCard} />
    </details>
  ) : null;
  if (digest.entities.length === 0)
    return (
      <>
        <p class="pp-note">{elsewhere ? S.articleNone : S.pageNone}</p>
        {unlinked}
        {elsewhere}
      </>
    );
  return (
    <>
      {unlinked}
      {digest.date && <p class="pp-article-date">{S.articleOf(formatIsoDate(digest.date))}</p>}
      <p class="pp-hint">{S.revealHint}</p>
      <EntityGroups entities={digest.entities} onReveal={onReveal} onOpenCard={onOpenCard} />
      {elsewhere}
    </>
  );
}

/** A page's entities by kind, in the popup's fixed order: each scrolls to its next mention, or opens its card. */
function EntityGroups({
  entities,
  onReveal,
  onOpenCard,
}: Pick<StartingPointsProps, 'onReveal' | 'onOpenCard'> & { entities: NamedPageEntity[] }) {
  return (
    <>
      {groupByKind(entities, 'fixed').map((group) => (
        <div key={group.kind} class="pp-page-group">
          <h3 class={`pp-group-label pp-kind--${group.kind}`}>{KIND_LABEL_PLURAL[group.kind]}</h3>
          <ul class="pp-list">
            {group.hits.map((entity) => (
              <li key={entity.id} class="pp-page-item">
                <button
                  type="button"
                  class={`pp-row pp-kind--${entity.kind}`}
                  aria-label={S.reveal(entity.name, entity.count)}
                  onClick={() => onReveal(entity)}
                >
                  <span class="pp-dot" aria-hidden="true" />
                  <span class="pp-row-name">{entity.name}</span>
                  <span class="pp-count" title={S.mentions(entity.count)}>
                    {entity.count}
                  </span>
                </button>
                <button
                  type="button"
                  class="pp-info"
                  aria-label={S.about(entity.name)}
                  title={S.about(entity.name)}
                  onClick={() => onOpenCard(entity.id)}
                >
                  <InfoIcon />
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
