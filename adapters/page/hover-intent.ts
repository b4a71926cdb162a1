/**
 * Hover intent: decides when a pointer resting on a mention means "tell me about this".
 * A small state machine with an injected clock and timers, so its rules are unit-tested
 * without a browser. Rules (see TIMING for the reasons behind each number):
 * - moving faster than the sweep speed counts as passing by: the settle timer restarts;
 * - resting on a mention: prefetch at lookupDelay, show at showDelay;
 * - leaving the mention or the card: hide after the grace period, cancelled if the
 *   pointer reaches the card or comes back.
 */
import { TIMING } from './timing';

export interface HoverIntentHooks<M> {
  prefetch(mention: M): void;
  show(mention: M): void;
  hide(): void;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

/** `M`: a mention, compared by identity (a rescanned paragraph's mentions are new ones). */
export class HoverIntent<M> {
  #samples: { t: number; x: number; y: number }[] = [];
  #candidate: M | null = null;
  #shown: M | null = null;
  #overCard = false;
  #lookupTimer = 0;
  #showTimer = 0;
  #hideTimer = 0;

  constructor(
    private readonly hooks: HoverIntentHooks<M>,
    private readonly clock: Clock,
  ) {}

  /** Pointer moved over the page; `target` is the mention under it, or null. */
  pointerMoved(x: number, y: number, target: M | null): void {
    const speed = this.#speed(x, y);
    if (target === null) {
      this.#cancelSettle();
      this.#candidate = null;
      if (this.#shown !== null && !this.#overCard) this.#scheduleHide();
      return;
    }
    if (this.#shown === target) {
      this.#cancelHide();
      return;
    }
    if (this.#shown !== null) this.#scheduleHide();
    const sweeping = speed > TIMING.sweepSpeedPxPerMs;
    if (this.#candidate !== target || sweeping) {
      this.#candidate = target;
      this.#restartSettle();
    }
  }

  pointerEnteredCard(): void {
    this.#overCard = true;
    this.#cancelHide();
  }

  pointerLeftCard(): void {
    this.#overCard = false;
    if (this.#shown !== null) this.#scheduleHide();
  }

  /** The card was opened or closed some other way (keyboard, tap, Esc). */
  cardOpened(mention: M): void {
    this.#cancelSettle();
    this.#cancelHide();
    this.#shown = mention;
  }

  cardClosed(): void {
    this.#cancelSettle();
    this.#cancelHide();
    this.#shown = null;
    this.#overCard = false;
    this.#candidate = null;
  }

  dispose(): void {
    this.#cancelSettle();
    this.#cancelHide();
  }

  #speed(x: number, y: number): number {
    const t = this.clock.now();
    this.#samples.push({ t, x, y });
    while (this.#samples.length > 2 && t - this.#samples[0]!.t > TIMING.speedWindowMs) this.#samples.shift();
    const first = this.#samples[0]!;
    const dt = t - first.t;
    return dt > 0 ? Math.hypot(x - first.x, y - first.y) / dt : 0;
  }

  #restartSettle(): void {
    this.#cancelSettle();
    const target = this.#candidate;
    if (target === null) return;
    this.#lookupTimer = this.clock.setTimeout(() => this.hooks.prefetch(target), TIMING.lookupDelayMs);
    this.#showTimer = this.clock.setTimeout(() => {
      this.#cancelHide();
      this.#shown = target;
      this.hooks.show(target);
    }, TIMING.showDelayMs);
  }

  #cancelSettle(): void {
    this.clock.clearTimeout(this.#lookupTimer);
    this.clock.clearTimeout(this.#showTimer);
  }

  #scheduleHide(): void {
    if (this.#hideTimer) return;
    this.#hideTimer = this.clock.setTimeout(() => {
      this.#hideTimer = 0;
      this.#shown = null;
      this.hooks.hide();
    }, TIMING.hideGraceMs);
  }

  #cancelHide(): void {
    this.clock.clearTimeout(this.#hideTimer);
    this.#hideTimer = 0;
  }
}
