// @vitest-environment node
/** Live pages: blocks arrive and leave, context follows them. */
import { describe, expect, it } from 'vitest';
import type { Update } from '../../../engine/detect';
import { detector, labels } from './helpers';

const texts = new Map<number, string>();
function add(session: ReturnType<typeof detector.session>, blocks: [number, string][]): Record<number, string[]> {
  for (const [key, text] of blocks) texts.set(key, text);
  return shown(session.add(blocks.map(([key, text]) => ({ key, text }))));
}
function shown(update: Update): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const b of update.blocks) out[b.key] = labels(texts.get(b.key)!, b.mentions);
  return out;
}

describe('detection session', () => {
  it('reports only blocks that have mentions', () => {
    const s = detector.session();
    expect(
      add(s, [
        [1, 'Nothing here.'],
        [2, 'Larijani arrived.'],
      ]),
    ).toEqual({ 2: ['ali-larijani:Larijani'] });
  });

  it('links earlier short forms when their context arrives later', () => {
    const s = detector.session();
    expect(
      add(s, [
        [1, 'Khan spoke first.'],
        [2, 'Then the crowd left.'],
      ]),
    ).toEqual({});
    expect(add(s, [[3, 'Imran Khan arrived later.']])).toEqual({
      1: ['imran-khan:Khan'],
      3: ['imran-khan:Imran Khan'],
    });
    expect(s.mentions(1)).toHaveLength(1);
  });

  it('keeps context across calls and resolves by document order of keys', () => {
    const s = detector.session();
    add(s, [
      [10, 'Imran Khan spoke.'],
      [30, 'Khurram Khan spoke.'],
    ]);
    expect(
      add(s, [
        [20, 'Khan said more.'],
        [40, 'Khan replied.'],
      ]),
    ).toEqual({
      20: ['imran-khan:Khan'],
      40: ['khurram-khan:Khan'],
    });
  });

  it('withdraws links whose context leaves the page', () => {
    const s = detector.session();
    add(s, [
      [1, 'Imran Khan spoke.'],
      [2, 'Khan left.'],
    ]);
    expect(shown(s.remove([1]))).toEqual({ 2: [] });
    expect(s.mentions(2)).toEqual([]);
  });

  it('replaces a block added again under the same key', () => {
    const s = detector.session();
    add(s, [[1, 'Larijani arrived.']]);
    expect(add(s, [[1, 'Nobody arrived.']])).toEqual({ 1: [] });
    expect(add(s, [[1, 'Soleimani arrived.']])).toEqual({ 1: ['qasem-soleimani:Soleimani'] });
  });

  it('reports a changed block once, with its complete mention list', () => {
    const s = detector.session();
    add(s, [[1, 'Khan and Larijani met.']]);
    const update = s.add([{ key: 2, text: 'Imran Khan spoke.' }]);
    expect(update.blocks.map((b) => b.key)).toEqual([1, 2]);
    texts.set(2, 'Imran Khan spoke.');
    expect(shown(update)[1]).toEqual(['imran-khan:Khan', 'ali-larijani:Larijani']);
  });

  it('lets a competing name in another block count', () => {
    const s = detector.session();
    add(s, [
      [1, 'PM Shehbaz spoke.'],
      [2, 'Nawaz Sharif replied.'],
    ]);
    expect(add(s, [[3, 'Sharif then left.']])).toEqual({});
    expect(
      add(s, [
        [4, 'PM Shehbaz closed it.'],
        [5, 'Sharif agreed.'],
      ]),
    ).toEqual({
      4: ['shehbaz-sharif:PM Shehbaz'],
      5: ['shehbaz-sharif:Sharif'],
    });
  });

  it('lets a linked surname anchor an ambiguous form in another block, and withdraws it', () => {
    const s = detector.session();
    expect(add(s, [[1, 'The Supreme Leader spoke.']])).toEqual({});
    expect(add(s, [[2, 'Khamenei agreed.']])).toEqual({
      1: ['ali-khamenei:Supreme Leader'],
      2: ['ali-khamenei:Khamenei'],
    });
    expect(add(s, [[0, 'Mojtaba Khamenei arrived.']])).toEqual({ 1: [], 2: [] });
    expect(shown(s.remove([0]))).toEqual({
      1: ['ali-khamenei:Supreme Leader'],
      2: ['ali-khamenei:Khamenei'],
    });
  });

  it('matches detect() on a single block', () => {
    const text = 'Imran Khan met Khurram Khan. Khan left. Operation Sindoor, Sindoor.';
    const s = detector.session();
    s.add([{ key: 0, text }]);
    expect(s.mentions(0)).toEqual(detector.detect(text));
  });
});
