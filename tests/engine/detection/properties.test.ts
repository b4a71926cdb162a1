// @vitest-environment node
/**
 * Whatever the input, detection never throws and returns spans inside the text,
 * sorted and non-overlapping. Inputs come from a seeded generator, so failures repeat.
 */
import { describe, expect, it } from 'vitest';
import type { Mention } from '../../../engine/detect';
import { seededRandom } from '../../../bench/synthetic-corpus';
import { detector } from './helpers';

function checkSpans(text: string, mentions: Mention[]): void {
  let end = 0;
  for (const m of mentions) {
    expect(m.start).toBeGreaterThanOrEqual(end);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(m.entity).toBeGreaterThanOrEqual(0);
    expect(m.entity).toBeLessThan(detector.kinds.length);
    end = m.end;
  }
}

const PIECES = [
  'Imran Khan',
  'Khan',
  'Sharif',
  'LeT',
  'let',
  'Tehreek-e-Taliban',
  'Larijani',
  "'s",
  '\u2019',
  ' ',
  '\n',
  '\n\n',
  '-',
  '\u2014',
  '\u00ad',
  '\u200b',
  '\u0301',
  '\u0301\u0301\u0301',
  '(',
  ')',
  '"',
  '.',
  'Nicolás',
  'Maduro',
  'Sindoor',
  'Operation',
  'Stadium',
  'Sadiq',
  'Mr',
  'Field Marshal Munir',
  'U.S.',
  '\ud83d',
  '\ude00',
  '😀',
  'ß',
  'İ',
  'ǅ',
  'Dar',
  'es',
  'Salaam',
  'Graham',
  'crackers',
];

function randomText(rand: () => number, length: number): string {
  let s = '';
  while (s.length < length) {
    const roll = rand();
    if (roll < 0.5) s += PIECES[Math.floor(rand() * PIECES.length)]!;
    else if (roll < 0.8) s += String.fromCharCode(Math.floor(rand() * 0x10000));
    else s += String.fromCharCode(32 + Math.floor(rand() * 95));
  }
  return s;
}

describe('detection on random and adversarial input', () => {
  it('handles random unicode and corpus fragments', () => {
    const rand = seededRandom(42);
    for (let k = 0; k < 400; k++) {
      const text = randomText(rand, Math.floor(rand() * 400));
      checkSpans(text, detector.detect(text));
    }
  });

  it('handles long runs of combining marks', () => {
    const text = `Imran Khan${'\u0301'.repeat(100_000)} Khan${'\u0308'.repeat(1000)}s Larijani`;
    const mentions = detector.detect(text);
    checkSpans(text, mentions);
    expect(mentions[0]).toEqual({ entity: 0, start: 0, end: 100_010 });
  });

  it('handles split surrogate pairs around names', () => {
    const text = '\ud83dLarijani\ude00 \ude00Larijani\ud83d Larijani\ud83d\ude00';
    const mentions = detector.detect(text);
    checkSpans(text, mentions);
    expect(mentions).toHaveLength(3);
  });

  it('handles a 1 MB single word', () => {
    const text = `Larijani ${'a'.repeat(1_000_000)} Larijani`;
    const mentions = detector.detect(text);
    checkSpans(text, mentions);
    expect(mentions).toHaveLength(2);
  });

  it('handles an alias repeated without spaces and with them', () => {
    const glued = 'Khan'.repeat(50_000);
    expect(detector.detect(glued)).toEqual([]);
    const spaced = 'Imran Khan, '.repeat(20_000);
    const mentions = detector.detect(spaced);
    checkSpans(spaced, mentions);
    expect(mentions).toHaveLength(20_000);
  });

  it('handles only separators, only marks, and the empty string', () => {
    for (const text of ['', ' ', '\n\n\n', '-'.repeat(10_000), '\u0301'.repeat(10_000), '\u200b'.repeat(1000)]) {
      expect(detector.detect(text)).toEqual([]);
    }
  });

  it('handles random blocks in a session', () => {
    const rand = seededRandom(7);
    const session = detector.session();
    const current = new Map<number, string>();
    for (let round = 0; round < 50; round++) {
      const blocks = Array.from({ length: 5 }, () => ({ key: Math.floor(rand() * 40), text: randomText(rand, 120) }));
      for (const b of blocks) current.set(b.key, b.text);
      const update = session.add(blocks);
      for (const b of update.blocks) checkSpans(current.get(b.key)!, b.mentions);
      if (rand() < 0.3) session.remove([Math.floor(rand() * 40)]);
    }
  });
});
