/** Small inline icons (decorative: the controls that use them carry their own names). */

export function SearchIcon() {
  return (
    <svg class="pp-icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
      <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2" />
      <path d="M12.7 12.7 17 17" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </svg>
  );
}

export function TimelineIcon() {
  return (
    <svg class="pp-icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M5 3v14" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
      <circle cx="5" cy="6" r="2.2" fill="currentColor" />
      <circle cx="5" cy="13" r="2.2" fill="currentColor" />
      <path d="M9.5 6h7M9.5 13h5" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
    </svg>
  );
}

export function BackIcon() {
  return (
    <svg class="pp-icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d="M12 4 6 10l6 6"
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}

export function InfoIcon() {
  return (
    <svg class="pp-icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="7.2" fill="none" stroke="currentColor" stroke-width="1.6" />
      <path d="M10 9v5" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
      <circle cx="10" cy="6.3" r="1.1" fill="currentColor" />
    </svg>
  );
}

export function PageIcon() {
  return (
    <svg class="pp-icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d="M5 2.8h6.5L15 6.3v10.9H5z"
        fill="none"
        stroke="currentColor"
        stroke-width="1.6"
        stroke-linejoin="round"
      />
      <path d="M7.5 9.5h5M7.5 12.5h5" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
    </svg>
  );
}
