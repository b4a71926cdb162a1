// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { doubtFor } from '../../engine/doubt';
import { loadBundledRecords } from './bundled-records';

const index = loadBundledRecords().entities;

describe('doubt on a card', () => {
  it('a short form read from context names the others written the same way', () => {
    const doubt = doubtFor(index, 'imran-khan', 'Khan')!;
    expect(doubt.fromContext).toBe(true);
    expect(doubt.others.map((o) => o.id)).toContain('khurram-khan');
    expect(doubt.namesakes).toEqual(['Imran Khan, the Bollywood actor']);
  });

  it('a full name shared with a namesake says so; an unambiguous name admits nothing', () => {
    const doubt = doubtFor(index, 'imran-khan', 'Imran Khan')!;
    expect(doubt).toMatchObject({ fromContext: false, others: [], namesakes: ['Imran Khan, the Bollywood actor'] });
    expect(doubtFor(index, 'ali-larijani', 'Ali Larijani')).toBeUndefined();
    expect(doubtFor(index, 'ali-larijani', '')).toBeUndefined();
    expect(doubtFor(index, 'nobody', 'Khan')).toBeUndefined();
  });

  it('reads the form as printed, whatever its case and accents', () => {
    expect(doubtFor(index, 'shehbaz-sharif', 'SHARIF')?.fromContext).toBe(true);
  });
});
