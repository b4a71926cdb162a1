// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HUES } from '../../adapters/page/highlighter';
import { ENTITY_KINDS } from '../../engine/types';

describe('kind colours', () => {
  const css = readFileSync('components/card/card.css', 'utf8');
  const hex = (kind: string) => new RegExp(`--bs-kind-${kind}: light-dark\\((#[0-9a-f]{6}),`).exec(css)?.[1];

  it('the page’s marks use the hues of the one table the card, popup and timeline share', () => {
    for (const kind of ENTITY_KINDS) {
      const h = hex(kind)!;
      expect(h, kind).toBeDefined();
      const rgb = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)).join(',');
      expect(HUES[kind]).toBe(rgb);
    }
  });

  it('no other stylesheet declares a kind colour of its own', () => {
    for (const file of ['components/popup/popup.css', 'components/timeline/timeline.css', 'components/theme.css'])
      expect(readFileSync(file, 'utf8')).not.toMatch(/--[a-z]+-(person|organisation|event|agreement|place):\s*#/);
  });
});
