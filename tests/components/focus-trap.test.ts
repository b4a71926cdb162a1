import { describe, expect, it } from 'vitest';
import { focusableIn, trapTab } from '../../components/focus-trap';

describe('focus trap', () => {
  const root = () => {
    document.body.innerHTML = `<div id="d">
      <button id="a">a</button>
      <details id="closed"><summary id="s">more</summary><button id="hidden">x</button></details>
      <details open><summary id="s2">open</summary><button id="b">b</button></details>
      <button id="off" disabled>off</button>
    </div>`;
    return document.getElementById('d')!;
  };
  const tab = (shiftKey = false) => new KeyboardEvent('keydown', { key: 'Tab', shiftKey, cancelable: true });

  it('counts summaries, and nothing a closed disclosure holds or a disabled button', () => {
    expect(focusableIn(root()).map((el) => el.id)).toEqual(['a', 's', 's2', 'b']);
  });

  it('wraps Tab from the last to the first, and Shift+Tab from the first to the last', () => {
    const d = root();
    const forward = tab();
    trapTab(forward, d, document.getElementById('b'));
    expect(forward.defaultPrevented).toBe(true);
    expect(document.activeElement?.id).toBe('a');
    const back = tab(true);
    trapTab(back, d, document.getElementById('a'));
    expect(document.activeElement?.id).toBe('b');
    const middle = tab();
    trapTab(middle, d, document.getElementById('s'));
    expect(middle.defaultPrevented).toBe(false);
  });
});
