/**
 * Backstory on or off, for the tab's site and everywhere, and which mentions show a
 * mark. Saved to storage at once; the content scripts watch storage, so the page
 * follows while the popup is open.
 */
import type { MarkMode, Settings } from '../../adapters/extension/settings';
import { isActiveOn, MARK_MODES } from '../../adapters/extension/settings';
import { STRINGS } from '../strings';

const S = STRINGS.popup;

export interface PopupSwitchesProps {
  settings: Settings | null;
  /** The tab's host; no site switch without one. */
  host: string | null;
  onSite(on: boolean): void;
  onEverywhere(on: boolean): void;
  onMarks(marks: MarkMode): void;
  onUnmute(name: string, site: string | null): void;
}

export function PopupSwitches({ settings, host, onSite, onEverywhere, onMarks, onUnmute }: PopupSwitchesProps) {
  return (
    <footer class="pp-foot" role="group" aria-label={S.switches}>
      {settings && settings.muted.length > 0 && (
        <div class="pp-muted">
          <span class="pp-marks-label">{S.muted}</span>
          <ul class="pp-muted-list">
            {settings.muted.map((m) => (
              <li key={`${m.name} ${m.site ?? ''}`}>
                {m.name} <span class="pp-muted-where">{m.site ?? S.mutedEverywhere}</span>{' '}
                <button
                  type="button"
                  class="pp-link"
                  aria-label={S.unmuteLabel(m.name, m.site ?? S.mutedEverywhere)}
                  onClick={() => onUnmute(m.name, m.site ?? null)}
                >
                  {S.unmute}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <label class="pp-marks">
        <span class="pp-marks-label">{S.marks}</span>
        <select
          class="pp-marks-select"
          value={settings?.marks ?? 'first'}
          disabled={!settings}
          onChange={(e) => onMarks((e.currentTarget as HTMLSelectElement).value as MarkMode)}
        >
          {MARK_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {S.markMode[mode]}
            </option>
          ))}
        </select>
      </label>
      {host && (
        <Switch
          label={S.onSite(host)}
          checked={settings ? isActiveOn({ ...settings, enabled: true }, host) : true}
          disabled={!settings || !settings.enabled}
          onChange={onSite}
        />
      )}
      <Switch label={S.everywhere} checked={settings?.enabled ?? true} disabled={!settings} onChange={onEverywhere} />
    </footer>
  );
}

function Switch({
  label,
  checked,
  disabled,
  onChange,
}: {
  label: string;
  checked: boolean;
  disabled: boolean;
  onChange(on: boolean): void;
}) {
  return (
    <label class={`pp-switch${disabled ? ' pp-switch--disabled' : ''}`}>
      <input
        type="checkbox"
        role="switch"
        class="pp-switch-input"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <span class="pp-switch-track" aria-hidden="true">
        <span class="pp-switch-thumb" />
      </span>
      <span class="pp-switch-label">{label}</span>
    </label>
  );
}
