/** Huge blocks (a 5 MB text node) handed to the engine in overlapping pieces. */
import type { PageBlock, TextSegment } from './text-blocks';

/**
 * A block longer than this is handed to the engine in pieces (`splitHugeBlock`). The
 * engine reads a block in one call, in time linear in its length: a 5 MB text node is
 * 60 ms to over half a second in one go, depending on how many names it holds. Pieces
 * of 16,000 characters take about a millisecond each, so slices keep their budget.
 */
export const MAX_BLOCK_CHARS = 16_000;
/**
 * Each piece also reads this much of its neighbours' text, so a name cut by the split,
 * and the words around a name that the proper-name rules look at, are seen whole. Far
 * longer than any alias in the corpus.
 */
const PIECE_OVERLAP = 256;

/**
 * Cuts a huge block into pieces for the engine, at whitespace, each reading
 * `PIECE_OVERLAP` characters of its neighbours on both sides and owning the text between
 * its cuts: a mention is kept by the one piece its start falls in, seen whole thanks to
 * the overlap, so none is lost or doubled at a cut. A piece's segments are the block's,
 * shifted to the piece's text; the first may start before the piece (a negative start),
 * which `spanToDom` maps back to the right offset in that text node.
 */
export function splitHugeBlock(block: PageBlock): { block: PageBlock; own: { from: number; to: number } }[] {
  const { text, segments } = block;
  const pieces: { block: PageBlock; own: { from: number; to: number } }[] = [];
  let start = 0;
  let seg = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + MAX_BLOCK_CHARS);
    if (end < text.length) {
      // Cut at the last whitespace in the second half of the piece; hard cut in a run without any.
      const space = lastSpace(text, start + MAX_BLOCK_CHARS / 2, end);
      if (space > start) end = space;
    }
    // Read from a word start in the overlap before `start`, up to a whitespace after `end`.
    let from = Math.max(0, start - PIECE_OVERLAP);
    if (from > 0) {
      const space = firstSpace(text, from, start);
      if (space >= 0) from = space + 1;
    }
    let to = Math.min(text.length, end + PIECE_OVERLAP);
    if (to < text.length) {
      const space = lastSpace(text, end, to);
      if (space > end) to = space;
    }
    while (seg + 1 < segments.length && segments[seg + 1]!.start <= from) seg++;
    const pieceSegments: TextSegment[] = [];
    for (let i = seg; i < segments.length && segments[i]!.start < to; i++) {
      pieceSegments.push({ node: segments[i]!.node, start: segments[i]!.start - from });
    }
    pieces.push({
      block: { key: block.key, text: text.slice(from, to), segments: pieceSegments },
      own: { from: start - from, to: end - from },
    });
    start = end;
  }
  return pieces;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 0xa0;
}

/** Index of the last whitespace in [from, to), or -1. */
function lastSpace(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (isSpace(text.charCodeAt(i))) return i;
  return -1;
}

/** Index of the first whitespace in [from, to), or -1. */
function firstSpace(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (isSpace(text.charCodeAt(i))) return i;
  return -1;
}
