/**
 * The results of a query: a listbox grouped by kind, the matched part of each result
 * emphasised. The search box owns the keyboard (aria-activedescendant), so options are
 * never focused themselves; a click chooses one too.
 */
import { useEffect } from 'preact/hooks';
import { excerpt, groupByKind } from '../../engine/result-list';
import type { SearchHit } from '../../engine/search';
import { KIND_LABEL_PLURAL, STRINGS } from '../strings';
import { Highlight } from './Highlight';

const S = STRINGS.popup;

export const RESULTS_ID = 'pp-results';

export function optionId(hit: SearchHit): string {
  return `pp-opt-${hit.id}`;
}

/** Hits that matched only in a role, date, fact or summary: "mentions". */
const isMention = (hit: SearchHit) => hit.field !== 'name' && hit.field !== 'alias';
/** Mentions shown per kind, after its name matches, so one kind's mentions never bury another kind's names. */
export const MENTIONS_PER_GROUP = 3;
const MENTIONS_PER_GROUP_ALONE = 6;

/**
 * The results as the list shows them: grouped by kind (groups in the order of their
 * best hit), each group's name and alias matches first, then a few of its mentions.
 */
export function arrange(hits: readonly SearchHit[]): { kind: SearchHit['kind']; hits: SearchHit[] }[] {
  return groupByKind(hits).map((group) => {
    const names = group.hits.filter((h) => !isMention(h));
    const mentions = group.hits
      .filter(isMention)
      .slice(0, names.length ? MENTIONS_PER_GROUP : MENTIONS_PER_GROUP_ALONE);
    return { kind: group.kind, hits: [...names, ...mentions] };
  });
}

/** The hits in the order the list shows them, for keyboard stepping. */
export function displayOrder(hits: readonly SearchHit[]): SearchHit[] {
  return arrange(hits).flatMap((g) => g.hits);
}

export interface SearchResultsProps {
  query: string;
  hits: readonly SearchHit[];
  activeId: string | null;
  onActivate(id: string): void;
  onChoose(hit: SearchHit): void;
}

export function SearchResults({ query, hits, activeId, onActivate, onChoose }: SearchResultsProps) {
  useEffect(() => {
    if (!activeId) return;
    document.getElementById(`pp-opt-${activeId}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);

  if (hits.length === 0) {
    return (
      <div class="pp-empty">
        <p class="pp-empty-title">{S.noResults(query.trim())}</p>
        <p class="pp-empty-hint">{S.noResultsHint}</p>
      </div>
    );
  }
  return (
    <div id={RESULTS_ID} role="listbox" aria-label={S.results} class="pp-results">
      {arrange(hits).map((group) => (
        <div key={group.kind} role="group" aria-labelledby={`pp-group-${group.kind}`} class="pp-group">
          <div role="presentation" id={`pp-group-${group.kind}`} class={`pp-group-label pp-kind--${group.kind}`}>
            {KIND_LABEL_PLURAL[group.kind]}
          </div>
          {group.hits.map((hit) => (
            <div
              key={hit.id}
              id={optionId(hit)}
              role="option"
              aria-selected={hit.id === activeId}
              class={`pp-option pp-kind--${hit.kind}`}
              onMouseMove={() => hit.id !== activeId && onActivate(hit.id)}
              onClick={() => onChoose(hit)}
            >
              <span class="pp-option-name">
                <Highlight text={hit.name} ranges={hit.nameRanges} />
              </span>
              <Detail hit={hit} />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

/** The line under the name: the role, or where the query matched when not in the name. */
function Detail({ hit }: { hit: SearchHit }) {
  if (hit.field === 'name') return <span class="pp-option-detail">{hit.role}</span>;
  if (hit.field === 'role') {
    return (
      <span class="pp-option-detail">
        <Highlight text={hit.text} ranges={hit.ranges} />
      </span>
    );
  }
  const shown = hit.field === 'fact' || hit.field === 'summary' ? excerpt(hit.text, hit.ranges, 36, 110) : hit;
  return (
    <span class="pp-option-detail pp-option-detail--match">
      <span class="pp-matched-in">{S.matchedIn[hit.field]}</span> <Highlight text={shown.text} ranges={shown.ranges} />
    </span>
  );
}
