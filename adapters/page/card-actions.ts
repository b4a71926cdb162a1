/**
 * What a card on a page asks of the extension: entity views (from the background, kept
 * for the page's life), the timeline, a search. In the card UI bundle: the content
 * script asks for a view only through the card host (`prefetch`, `open`).
 */
import type { EntityView } from '../../engine/entity-view';
import { sendToBackground, type PageRef } from '../extension/messages';
import { loadSettings, saveSettings, withMuted } from '../extension/settings';
import type { CardActions, CardRef } from './card-ui-contract';
import { liveRange } from './mention-index';

/** The words a mention covers, as printed (the card admits doubt about them). */
function textOf(range: AbstractRange): string {
  const doc = range.startContainer.ownerDocument;
  return (doc && liveRange(doc, range)?.toString().replace(/\s+/g, ' ').trim()) ?? '';
}

/** `page` says what the card is read with (article-context.ts), asked afresh for each view. */
export function pageCardActions(page: () => PageRef, unlink: (range: AbstractRange) => void): CardActions {
  /**
   * Views by entity id (cards opened from a card) or table index (from the page), and the
   * number of entities then on the page (a page still being read finds more): the answer
   * once it has arrived, else the request under way.
   */
  const views = new Map<string, EntityView | Promise<EntityView | null>>();
  return {
    // A view already fetched is returned as it is, not wrapped in a promise, so the card
    // prefetched during hover intent renders in the very frame it opens.
    loadView(ref: CardRef) {
      const context = page();
      const form = typeof ref !== 'string' && 'range' in ref ? textOf(ref.range) : '';
      const id = typeof ref === 'string' ? ref : { entity: ref.entity, corpus: ref.corpus };
      const key = `${typeof ref === 'string' ? ref : `#${ref.entity}`} ${context.onPage.length} ${form}`;
      const known = views.get(key);
      if (known) return known;
      const request = sendToBackground({ type: 'card', id, page: context, ...(form ? { form } : {}) })
        .catch((error: unknown) => {
          // The background refuses indices of another corpus: this page was read before an update.
          console.warn(error);
          return null;
        })
        .then((view) => {
          // A failed lookup (background restarting) is retried next time, not cached.
          if (view) views.set(key, view);
          else views.delete(key);
          return view;
        });
      views.set(key, request);
      return request;
    },
    correction(ref) {
      if (typeof ref === 'string' || !('range' in ref)) return undefined;
      const form = textOf(ref.range);
      const host = location.hostname;
      if (!form) return undefined;
      return {
        form,
        host,
        unlink: () => unlink(ref.range),
        mute: (everywhere) =>
          void loadSettings()
            .then((s) => saveSettings(withMuted(s, form, everywhere ? null : host, true)))
            .catch((error: unknown) => console.error('Backstory: the name could not be muted', error)),
      };
    },
    showTimeline: (id) => void sendToBackground({ type: 'open-timeline', entityId: id }),
    search: (query) => void sendToBackground({ type: 'open-search', query }),
  };
}
