/**
 * Tab kept inside a dialog (the hover card, the timeline's card sheet), as a modal does:
 * from the last focusable element to the first and back. A disclosure's summary takes
 * focus; what a closed disclosure holds does not.
 */
const FOCUSABLE = 'button:not([disabled]), [href], input, select, summary, [tabindex]:not([tabindex="-1"])';

export function focusableIn(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.localName === 'summary' || !el.parentElement?.closest('details:not([open])'),
  );
}

/** Handles a Tab keydown inside `root`; `active` is the focused element as `root`'s document or shadow root sees it. */
export function trapTab(event: KeyboardEvent, root: ParentNode, active: Element | null): void {
  if (event.key !== 'Tab') return;
  const focusable = focusableIn(root);
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && (active === first || !active || !focusable.includes(active as HTMLElement))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
