// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CARD_MAX_HEIGHT, CARD_WIDTH, placeCard } from '../../adapters/page/card-placement';

const viewport = { width: 1280, height: 800 };
const mention = (left: number, top: number) => ({ left, top, width: 80, height: 20 });

describe('card placement', () => {
  it('goes below the mention, left-aligned with it', () => {
    const p = placeCard(mention(200, 100), 300, viewport);
    expect(p).toMatchObject({ side: 'below', left: 200, top: 126, width: CARD_WIDTH });
  });

  it('in right-to-left text, lines up with the mention’s right edge, still on screen', () => {
    const p = placeCard(mention(800, 100), 300, viewport, true);
    expect(p).toMatchObject({ side: 'below', left: 800 + 80 - CARD_WIDTH, top: 126 });
    const nearLeft = placeCard(mention(100, 100), 300, viewport, true);
    expect(nearLeft.left).toBe(8);
  });

  it('flips above when the mention is near the bottom', () => {
    const p = placeCard(mention(200, 700), 300, viewport);
    expect(p.side).toBe('above');
    expect(p.top + 300).toBeLessThanOrEqual(700);
  });

  it('never runs off the right or left edge', () => {
    const right = placeCard(mention(1250, 100), 300, viewport);
    expect(right.left + right.width).toBeLessThanOrEqual(viewport.width - 8);
    const left = placeCard(mention(-40, 100), 300, viewport);
    expect(left.left).toBeGreaterThanOrEqual(8);
  });

  it('fits a card taller than the room on either side by limiting its height', () => {
    const p = placeCard(mention(200, 390), 2000, viewport);
    expect(p.top).toBeGreaterThanOrEqual(8);
    expect(p.top + Math.min(2000, p.maxHeight)).toBeLessThanOrEqual(viewport.height - 8 + 1);
  });

  it('becomes a bottom sheet on narrow screens', () => {
    const p = placeCard(mention(50, 100), 400, { width: 390, height: 844 });
    expect(p).toMatchObject({ side: 'sheet', left: 0, width: 390 });
    expect(p.top + 400).toBe(844);
  });
});

describe('card height', () => {
  it('is capped so a hover card never buries the paragraph being read', () => {
    const p = placeCard(mention(200, 40), 1500, { width: 1280, height: 1400 });
    expect(p.maxHeight).toBeLessThanOrEqual(CARD_MAX_HEIGHT);
  });
});
