/**
 * "Show on timeline", whoever asks (a card through the background, the popup, the
 * keyboard command): opens the side panel (Chrome) or sidebar (Firefox), asks it to
 * focus the entity, and where the browser refuses and no sidebar is open already, opens
 * the timeline as a tab with the entity in its URL, withdrawing the stored request so a
 * panel opened later does not jump to it.
 */
import { browser } from './browser-api';
import { isSidePanelOpen, openSidePanel, type SidePanelTarget } from './side-panel';
import { clearTimelineFocus, readTimelineFocus, requestTimelineFocus } from './timeline-focus';

/**
 * Call synchronously from the click or command: the panel is opened before anything is
 * awaited, while the gesture lasts. Resolves true when the panel or sidebar shows the
 * timeline, false when it opened as a tab.
 */
export function openTimeline(target: SidePanelTarget, entityId?: string): Promise<boolean> {
  const opened = openSidePanel(target);
  // The panel follows the focus request whenever it arrives (timeline-focus.ts).
  const focused = entityId ? requestTimelineFocus(entityId).catch(() => undefined) : Promise.resolve();
  return Promise.all([opened, focused]).then(async ([ok]) => {
    // Firefox refuses a request that carries no user action (a card's click reaches the
    // background as a message); a sidebar open already has followed the request.
    if (ok || (await isSidePanelOpen(target))) return true;
    const pending = entityId ? await readTimelineFocus().catch(() => null) : null;
    if (pending && pending.entityId === entityId) await clearTimelineFocus(pending).catch(() => undefined);
    const query = entityId ? `?entity=${encodeURIComponent(entityId)}` : '';
    await browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html${query}`) });
    return false;
  });
}
