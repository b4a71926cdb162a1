/**
 * Probes that read, from the page's own world, what the extension did to it: the
 * highlight registry, the card host's shadow root, where a phrase sits on screen.
 * (Highlights registered by a content script are visible to the page, which is what
 * lets a test check them without any hook in the extension.)
 */
import type { Page } from 'playwright-core';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Screen box of the first occurrence of `phrase` inside `selector`. */
export async function phraseBox(page: Page, selector: string, phrase: string): Promise<Box> {
  const box = await page.evaluate(
    ([sel, text]) => {
      const root = document.querySelector(sel!);
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.nodeValue!.indexOf(text!);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + text!.length);
        const r = range.getBoundingClientRect();
        return { x: r.left, y: r.top, width: r.width, height: r.height };
      }
      return null;
    },
    [selector, phrase],
  );
  if (!box) throw new Error(`"${phrase}" not found in ${selector}`);
  return box;
}

export interface CardState {
  open: boolean;
  title: string | null;
  box: Box | null;
  focusedInCard: boolean;
  text: string;
}

/**
 * Runs in a page (pass it to `evaluate`; the Firefox smoke test sends its source): the
 * card as the page sees it, through <backstory-card> and its open shadow root.
 */
export function readCardState(): CardState {
  const host = document.querySelector('backstory-card');
  const shadow = host?.shadowRoot;
  const frame = shadow?.querySelector<HTMLElement>('.bs-frame');
  const open = !!host && (host.matches(':popover-open') || host.hasAttribute('data-fallback-open'));
  const r = frame?.getBoundingClientRect();
  return {
    open,
    title: open ? (shadow?.querySelector('h2')?.textContent ?? null) : null,
    box: open && r ? { x: r.left, y: r.top, width: r.width, height: r.height } : null,
    focusedInCard: document.activeElement === host && !!shadow?.activeElement,
    text: open ? (frame?.innerText ?? '') : '',
  };
}

/** Waits for the open card's entrance animation (a 2px rise) to finish, so it can be measured. */
export async function cardSettled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .querySelector('backstory-card')!
        .shadowRoot!.querySelector('.bs-frame')!
        .getAnimations()
        .map((a) => a.finished),
    ),
  );
}

export async function cardState(page: Page): Promise<CardState> {
  return page.evaluate(readCardState);
}

/**
 * Runs in a page or frame (pass it to `evaluate`): the texts of every highlighted range,
 * by highlight name.
 */
export function readHighlightTexts(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  for (const [name, highlight] of registry) {
    out[name] = [...highlight].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  }
  return out;
}

/** Texts of every highlighted range, by highlight name. */
export async function highlightedTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(readHighlightTexts);
}

/** Whether any highlighted range touches an element matching `selector`. */
export async function highlightsInside(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    let count = 0;
    for (const el of document.querySelectorAll(sel)) {
      for (const [, highlight] of registry) {
        for (const r of highlight) if (el.contains(r.startContainer) || el.contains(r.endContainer)) count++;
      }
    }
    return count;
  }, selector);
}

/** Moves the pointer to the middle of `box` slowly, as a reader who stops on a word. */
export async function restOn(page: Page, box: Box): Promise<void> {
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
}

/** The dates of the timeline items in view, in the side panel's own scroller (its window). */
export async function timelineDatesInView(panel: Page): Promise<string[]> {
  return panel.locator('li.tl-item').evaluateAll((items) =>
    items
      .filter((li) => {
        const r = li.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      })
      .map((li) => li.querySelector('time')!.getAttribute('datetime')!),
  );
}
