/**
 * Type-ahead entity chips: a combobox (ARIA 1.2 pattern: the input owns a listbox of
 * suggestions, the active one named by aria-activedescendant) with the chosen entities
 * as chips before it. Arrow keys move through suggestions, Enter adds, Escape closes,
 * Backspace in an empty input removes the last chip; each chip has its own remove button.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { TimelineEntity, TimelineEntityOption } from '../../engine/timeline';
import { suggestEntities } from '../../engine/timeline';
import { stepOption } from '../combobox-keys';
import { STRINGS } from '../strings';

const S = STRINGS.timeline;

export interface EntityPickerProps {
  options: readonly TimelineEntityOption[];
  chosen: readonly TimelineEntity[];
  onAdd(id: string): void;
  onRemove(id: string): void;
  idPrefix?: string;
}

export function EntityPicker({ options, chosen, onAdd, onRemove, idPrefix = 'tl-entity' }: EntityPickerProps) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const chosenIds = chosen.map((c) => c.id);
  const suggestions = useMemo(() => suggestEntities(options, query, chosenIds), [options, query, chosenIds.join(' ')]);
  const expanded = open && query.trim() !== '';
  const listId = `${idPrefix}-list`;
  const optionId = (i: number) => `${idPrefix}-opt-${i}`;
  const current = expanded ? suggestions[Math.min(active, suggestions.length - 1)] : undefined;

  const add = (id: string) => {
    onAdd(id);
    setQuery('');
    setOpen(false);
    setActive(0);
    input.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!expanded) setOpen(true);
        else if (suggestions.length)
          setActive((a) => stepOption(Math.min(a, suggestions.length - 1), suggestions.length, 1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (suggestions.length)
          setActive((a) => stepOption(Math.min(a, suggestions.length - 1), suggestions.length, -1));
        break;
      case 'Enter':
        if (current) {
          e.preventDefault();
          add(current.id);
        }
        break;
      case 'Escape':
        if (expanded) {
          e.preventDefault();
          setOpen(false);
        } else if (query) {
          e.preventDefault();
          setQuery('');
        }
        break;
      case 'Backspace': {
        const last = chosen[chosen.length - 1];
        const el = e.currentTarget as HTMLInputElement;
        if (last && el.value === '' && el.selectionStart === 0 && el.selectionEnd === 0) {
          e.preventDefault();
          onRemove(last.id);
        }
        break;
      }
    }
  };

  return (
    <div class="tl-picker">
      <label class="tl-label" for={`${idPrefix}-input`}>
        {S.entityLabel}
      </label>
      <div class="tl-field" onClick={(e) => e.target === e.currentTarget && input.current?.focus()}>
        {chosen.length > 0 && (
          <ul class="tl-chips" aria-label={S.entityLabel}>
            {chosen.map((c) => (
              <li key={c.id} class={`tl-chip tl-chip--${c.kind}`}>
                <span class="tl-chip-name">{c.name}</span>
                <button
                  type="button"
                  class="tl-chip-remove"
                  aria-label={S.removeChip(c.name)}
                  onClick={() => {
                    onRemove(c.id);
                    input.current?.focus();
                  }}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          ref={input}
          id={`${idPrefix}-input`}
          class="tl-input"
          type="text"
          role="combobox"
          autoComplete="off"
          spellcheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-describedby={`${idPrefix}-hint`}
          {...(current ? { 'aria-activedescendant': optionId(suggestions.indexOf(current)) } : {})}
          placeholder={chosen.length ? '' : S.entityPlaceholder}
          value={query}
          onInput={(e) => {
            setQuery((e.currentTarget as HTMLInputElement).value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => query && setOpen(true)}
        />
      </div>
      <p id={`${idPrefix}-hint`} class="tl-visually-hidden">
        {S.entityHint}
      </p>
      <ul id={listId} role="listbox" aria-label={S.suggestions} class="tl-listbox" hidden={!expanded}>
        {expanded && suggestions.length === 0 && (
          <li class="tl-option tl-option--none" role="option" aria-disabled="true" aria-selected={false}>
            {S.noSuggestions}
          </li>
        )}
        {expanded &&
          suggestions.map((s, i) => (
            <li
              key={s.id}
              id={optionId(i)}
              role="option"
              aria-selected={s === current}
              class={`tl-option${s === current ? ' is-active' : ''}`}
              // Keep the focus in the input: the click adds without a blur first.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => add(s.id)}
              onMouseMove={() => setActive(i)}
            >
              <span class={`tl-dot-small tl-kind-${s.kind}`} aria-hidden="true" />
              <span class="tl-option-name">{s.name}</span>
              <span class="tl-option-count">{S.itemCount(s.count)}</span>
            </li>
          ))}
      </ul>
    </div>
  );
}
