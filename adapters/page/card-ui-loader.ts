/**
 * The content script's side of the card: a stand-in for the card host that loads the
 * card UI bundle once, on the first hover intent (well before the card is due: lookup
 * at 150 ms, card at 500 ms), and hands every call on to the real host. `import()`
 * from a content script runs the module in the content script's isolated world, under
 * the extension's CSP: a page's strict CSP does not stop it and the page cannot see it.
 */
import {
  CARD_UI_GLOBAL,
  CARD_UI_PATH,
  type CardHooks,
  type CardHostApi,
  type CardRef,
  type CardUi,
  type OpenOptions,
} from './card-ui-contract';
import { onDemand } from './on-demand';
import type { NavigablePage } from './page-navigation';

/** The card UI bundle, loaded once (again after a failed load: the extension updated under the page). */
export const loadCardUi = onDemand<CardUi>(CARD_UI_PATH, CARD_UI_GLOBAL);

export class LazyCardHost implements CardHostApi {
  #host: CardHostApi | null = null;
  /** The card asked for while the UI was on its way. */
  #pending: { entity: CardRef; options: OpenOptions } | null = null;

  constructor(
    private readonly page: NavigablePage,
    private readonly hooks: CardHooks,
  ) {}

  get isOpen(): boolean {
    return this.#host?.isOpen ?? this.#pending !== null;
  }

  contains(node: EventTarget | null): boolean {
    return this.#host?.contains(node) ?? false;
  }

  /** Fetches the card UI ahead of need (a mention is current: Enter may follow). */
  preload(): void {
    if (!this.#host) void this.#ready().catch(() => undefined);
  }

  /** Fetches the card UI and the entity's view ahead of need (hover intent has begun). */
  prefetch(entity: CardRef): void {
    this.#ready().then(
      (host) => host.prefetch(entity),
      () => undefined,
    );
  }

  open(entity: CardRef, options: OpenOptions): void {
    if (this.#host) {
      this.#host.open(entity, options);
      return;
    }
    this.#pending = { entity, options };
    this.#ready().then(
      (host) => {
        const pending = this.#pending;
        this.#pending = null;
        if (pending) host.open(pending.entity, pending.options);
      },
      (error: unknown) => {
        this.#pending = null;
        console.error('Backstory: the card could not be shown', error);
        this.hooks.onClose();
      },
    );
  }

  close(): void {
    if (this.#pending) {
      this.#pending = null;
      this.hooks.onClose();
    }
    this.#host?.close();
  }

  destroy(): void {
    this.#pending = null;
    this.#host?.destroy();
  }

  async #ready(): Promise<CardHostApi> {
    const ui = await loadCardUi();
    this.#host ??= ui.createHost(this.page, this.hooks);
    return this.#host;
  }
}
