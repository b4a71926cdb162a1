// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { HoverIntent, type Clock } from '../../adapters/page/hover-intent';
import { TIMING } from '../../adapters/page/timing';

/** A manual clock: time moves only when the test says so. */
function manualClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (id) => void timers.delete(id),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = end;
  };
  return { clock, advance };
}

function setup() {
  const { clock, advance } = manualClock();
  const log: string[] = [];
  const intent = new HoverIntent<string>(
    { prefetch: (m) => log.push(`prefetch ${m}`), show: (m) => log.push(`show ${m}`), hide: () => log.push('hide') },
    clock,
  );
  const at = (m: string) => m;
  return { intent, advance, log, at };
}

describe('hover intent', () => {
  it('prefetches after the lookup delay and shows after the settle delay', () => {
    const { intent, advance, log, at } = setup();
    intent.pointerMoved(100, 100, at('larijani'));
    advance(TIMING.lookupDelayMs);
    expect(log).toEqual(['prefetch larijani']);
    advance(TIMING.showDelayMs - TIMING.lookupDelayMs - 1);
    expect(log).toEqual(['prefetch larijani']);
    advance(1);
    expect(log).toEqual(['prefetch larijani', 'show larijani']);
  });

  it('shows nothing while the pointer sweeps across mentions', () => {
    const { intent, advance, log, at } = setup();
    // 2 px per ms across three mentions, each crossed in under the settle delay.
    let x = 0;
    for (let t = 0; t < 900; t += 16) {
      x += 32;
      const target = x < 600 ? at('a') : x < 1200 ? at('b') : x < 1800 ? at('c') : null;
      intent.pointerMoved(x, 200, target);
      advance(16);
    }
    expect(log.filter((l) => l.startsWith('show'))).toEqual([]);
  });

  it('restarts the settle timer while the pointer moves fast on one mention', () => {
    const { intent, advance, log, at } = setup();
    for (let i = 0; i < 40; i++) {
      intent.pointerMoved(i * 20, 100, at('munir')); // 20 px per 10 ms = 2 px/ms
      advance(10);
    }
    expect(log.some((l) => l.startsWith('show'))).toBe(false);
    advance(TIMING.showDelayMs);
    expect(log).toContain('show munir');
  });

  it('keeps the card while the pointer crosses the gap into it, and stays while hovered', () => {
    const { intent, advance, log, at } = setup();
    intent.pointerMoved(10, 10, at('dar'));
    advance(TIMING.showDelayMs);
    intent.pointerMoved(10, 30, null); // left the mention, heading for the card
    advance(TIMING.hideGraceMs - 50);
    intent.pointerEnteredCard();
    advance(5_000);
    expect(log).not.toContain('hide');
    intent.pointerLeftCard();
    advance(TIMING.hideGraceMs);
    expect(log[log.length - 1]).toBe('hide');
  });

  it('hides after the grace period once the pointer leaves', () => {
    const { intent, advance, log, at } = setup();
    intent.pointerMoved(10, 10, at('dar'));
    advance(TIMING.showDelayMs);
    intent.pointerMoved(400, 400, null);
    advance(TIMING.hideGraceMs - 1);
    expect(log).not.toContain('hide');
    advance(1);
    expect(log).toContain('hide');
  });

  it('returning to the mention within the grace period keeps the card', () => {
    const { intent, advance, log, at } = setup();
    intent.pointerMoved(10, 10, at('dar'));
    advance(TIMING.showDelayMs);
    intent.pointerMoved(10, 40, null);
    advance(100);
    intent.pointerMoved(10, 12, at('dar'));
    advance(2_000);
    expect(log).not.toContain('hide');
  });
});
