/**
 * The filter region: names (type-ahead chips), "This page", kinds and a date range.
 * Every control has a visible or programmatic label; the result count is announced
 * by the status line the app renders after this region.
 */
import { useState } from 'preact/hooks';
import { ENTITY_KINDS, type EntityKind } from '../../engine/types';
import type { TimelineEntity, TimelineEntityOption, TimelineFilter } from '../../engine/timeline';
import { monthName } from '../../engine/dates';
import { STRINGS } from '../strings';
import { EntityPicker } from './EntityPicker';
import type { PageState } from './use-page-digest';

const S = STRINGS.timeline;

export interface TimelineFiltersProps {
  filter: TimelineFilter;
  pageOn: boolean;
  page: PageState;
  options: readonly TimelineEntityOption[];
  chosen: readonly TimelineEntity[];
  /** Years that have items, newest first. */
  years: readonly number[];
  onChange(next: Partial<TimelineFilter>): void;
  onPageToggle(on: boolean): void;
}

export function TimelineFilters({
  filter,
  pageOn,
  page,
  options,
  chosen,
  years,
  onChange,
  onPageToggle,
}: TimelineFiltersProps) {
  // Kinds and dates fold away, so the timeline itself starts near the top of the panel;
  // folded, the toggle still says how many of them are set.
  const set = filter.kinds.length + (filter.from ? 1 : 0) + (filter.to ? 1 : 0);
  const [open, setOpen] = useState(false);
  const toggleKind = (kind: EntityKind) =>
    onChange({ kinds: filter.kinds.includes(kind) ? filter.kinds.filter((k) => k !== kind) : [...filter.kinds, kind] });

  return (
    <section class="tl-filters" role="search" aria-label={S.filters}>
      <EntityPicker
        options={options}
        chosen={chosen}
        onAdd={(id) => onChange({ entities: [...filter.entities, id] })}
        onRemove={(id) => onChange({ entities: filter.entities.filter((e) => e !== id) })}
      />
      {chosen.length > 1 && (
        <div class="tl-row tl-match">
          <label for="tl-match">{S.matchLabel}</label>
          <select
            id="tl-match"
            class="tl-select"
            value={filter.match}
            onChange={(e) =>
              onChange({ match: (e.currentTarget as HTMLSelectElement).value === 'all' ? 'all' : 'any' })
            }
          >
            <option value="any">{S.matchAny}</option>
            <option value="all">{S.matchAll}</option>
          </select>
        </div>
      )}

      <div class="tl-row tl-page">
        <button
          type="button"
          class="tl-toggle"
          aria-pressed={pageOn}
          aria-describedby="tl-page-state"
          title={S.thisPageHint}
          onClick={() => onPageToggle(!pageOn)}
        >
          <span class="tl-switch" aria-hidden="true" />
          {S.thisPage}
        </button>
        <span id="tl-page-state" class="tl-page-state">
          {describePage(page)}
        </span>
      </div>

      <button
        type="button"
        class="tl-fold"
        aria-expanded={open}
        aria-controls="tl-more-filters"
        onClick={() => setOpen(!open)}
      >
        {S.moreFilters}
        {set > 0 && <span class="tl-fold-count"> · {S.activeFilters(set)}</span>}
      </button>
      <div id="tl-more-filters" class="tl-more" hidden={!open}>
        <div class="tl-group" role="group" aria-labelledby="tl-kinds-label">
          <span id="tl-kinds-label" class="tl-label tl-label--inline">
            {S.kinds}
          </span>
          <div class="tl-kinds">
            {ENTITY_KINDS.map((kind) => (
              <button
                key={kind}
                type="button"
                class={`tl-kind tl-kind-${kind}`}
                aria-pressed={filter.kinds.includes(kind)}
                onClick={() => toggleKind(kind)}
              >
                <span class="tl-dot-small" aria-hidden="true" />
                {S.kind[kind]}
              </button>
            ))}
          </div>
        </div>

        {years.length > 0 && (
          <fieldset class="tl-dates">
            <legend class="tl-label tl-label--inline">{S.dates}</legend>
            <MonthPicker
              id="tl-from"
              label={S.from}
              value={filter.from}
              years={years}
              onChange={(from) => onChange({ from })}
            />
            <MonthPicker id="tl-to" label={S.to} value={filter.to} years={years} onChange={(to) => onChange({ to })} />
          </fieldset>
        )}
      </div>
    </section>
  );
}

function describePage(page: PageState): string {
  if (page.status === 'loading') return S.pageLoading;
  if (page.status === 'unavailable') return S.pageUnavailable;
  const { digest } = page;
  const host = digest.host || digest.url;
  if (!digest.active) return S.pageOff(host);
  const elsewhere = digest.elsewhere?.length ?? 0;
  if (elsewhere) return S.articleFound(digest.entities.length, host, elsewhere);
  return digest.entities.length ? S.pageFound(digest.entities.length, host) : S.pageNone(host);
}

/** A year select and a month select writing `YYYY` or `YYYY-MM` (or '' for no bound). */
function MonthPicker({
  id,
  label,
  value,
  years,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  years: readonly number[];
  onChange(value: string): void;
}) {
  const [year = '', month = ''] = value.split('-');
  // A bound already set keeps its year in the list.
  const yearList = year && !years.includes(Number(year)) ? [Number(year), ...years].sort((a, b) => b - a) : years;
  return (
    <div class="tl-month" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} class="tl-month-label">
        {label}
      </span>
      <select
        id={`${id}-year`}
        class="tl-select"
        aria-label={`${label}: ${S.year}`}
        value={year}
        onChange={(e) => {
          const y = (e.currentTarget as HTMLSelectElement).value;
          onChange(y ? (month ? `${y}-${month}` : y) : '');
        }}
      >
        <option value="">{S.anyYear}</option>
        {yearList.map((y) => (
          <option key={y} value={String(y)}>
            {y}
          </option>
        ))}
      </select>
      <select
        id={`${id}-month`}
        class="tl-select"
        aria-label={`${label}: ${S.month}`}
        value={month}
        disabled={!year}
        onChange={(e) => {
          const m = (e.currentTarget as HTMLSelectElement).value;
          onChange(m ? `${year}-${m}` : year);
        }}
      >
        <option value="">{S.anyMonth}</option>
        {Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0')).map((m) => (
          <option key={m} value={m}>
            {monthName(Number(m))}
          </option>
        ))}
      </select>
    </div>
  );
}
