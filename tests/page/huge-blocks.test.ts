import { describe, expect, it } from 'vitest';
import { MAX_BLOCK_CHARS, splitHugeBlock } from '../../adapters/page/huge-blocks';
import type { PageBlock } from '../../adapters/page/text-blocks';

const NAME = 'Volodymyr Zelensky';

/** A block of `parts` text nodes, as the page reader builds it. */
function blockOf(parts: string[]): PageBlock {
  let start = 0;
  const segments = parts.map((part) => {
    const segment = { node: document.createTextNode(part), start };
    start += part.length;
    return segment;
  });
  return { key: 7, text: parts.join(''), segments };
}

/** Start of every occurrence of `needle`. */
function starts(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** Where each piece's text starts in the block's text, read back from its first segment. */
function pieceOffset(block: PageBlock, piece: PageBlock): number {
  const first = piece.segments[0]!;
  return block.segments.find((s) => s.node === first.node)!.start - first.start;
}

describe('splitHugeBlock', () => {
  // Names every 97 characters, in text nodes of 1,000: names fall across every kind of cut.
  const words = Array.from({ length: 6000 }, (_, i) => (i % 8 === 3 ? NAME : `word${i}`)).join(' ');
  const parts = words.match(/[^]{1,1000}/g)!;
  const block = blockOf(parts);

  it('cuts a huge block into pieces no longer than the limit plus the overlap on both sides', () => {
    const pieces = splitHugeBlock(block);
    expect(block.text.length).toBeGreaterThan(3 * MAX_BLOCK_CHARS);
    expect(pieces.length).toBeGreaterThan(3);
    for (const { block: piece, own } of pieces) {
      expect(piece.key).toBe(7);
      expect(own.to - own.from).toBeLessThanOrEqual(MAX_BLOCK_CHARS);
      expect(piece.text.length).toBeLessThan(MAX_BLOCK_CHARS + 2 * 256 + 1);
      const at = pieceOffset(block, piece);
      expect(piece.text).toBe(block.text.slice(at, at + piece.text.length));
    }
  });

  it('owns each character once: the owned parts tile the text, cut at whitespace', () => {
    const pieces = splitHugeBlock(block);
    let next = 0;
    const cutsInWords: number[] = [];
    for (const { block: piece, own } of pieces) {
      const at = pieceOffset(block, piece);
      expect(at + own.from).toBe(next);
      next = at + own.to;
      if (next < block.text.length && block.text[next - 1] !== ' ' && block.text[next] !== ' ') cutsInWords.push(next);
    }
    expect(next).toBe(block.text.length);
    expect(cutsInWords).toEqual([]);
  });

  it('reads the overlap: each piece but the first and last reads text its neighbours own', () => {
    const pieces = splitHugeBlock(block);
    for (let i = 1; i < pieces.length - 1; i++) {
      const { block: piece, own } = pieces[i]!;
      expect(own.from).toBeGreaterThan(0);
      expect(own.to).toBeLessThan(piece.text.length);
    }
  });

  it('loses and doubles no mention at the cuts: each is kept by one piece and seen whole there', () => {
    const kept: number[] = [];
    for (const { block: piece, own } of splitHugeBlock(block)) {
      const at = pieceOffset(block, piece);
      for (const start of starts(piece.text, NAME)) if (start >= own.from && start < own.to) kept.push(at + start);
    }
    expect(kept).toEqual(starts(block.text, NAME));
  });

  it('maps piece segments back to the same text nodes (a first segment may start before the piece)', () => {
    for (const { block: piece } of splitHugeBlock(block)) {
      const at = pieceOffset(block, piece);
      for (const segment of piece.segments) {
        const original = block.segments.find((s) => s.node === segment.node)!;
        expect(original.start - at).toBe(segment.start);
      }
      expect(piece.segments[0]!.start).toBeLessThanOrEqual(0);
    }
  });

  it('cuts a run without whitespace hard, still owning every character once', () => {
    const solid = blockOf(['x'.repeat(40_000)]);
    const pieces = splitHugeBlock(solid);
    expect(pieces.map((p) => p.own.to - p.own.from)).toEqual([16_000, 16_000, 8_000]);
  });
});
