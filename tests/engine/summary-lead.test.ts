// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { firstSentence, splitLead } from '../../engine/summary-lead';
import { loadBundledRecords } from './bundled-records';

describe('summary lead', () => {
  it('ends at the first full stop that ends a sentence, not at an initial or a title', () => {
    expect(firstSentence('Gen. Asim Munir heads the army. He took over in 2022.')).toBe(
      'Gen. Asim Munir heads the army.',
    );
    expect(firstSentence('The U.S. strike killed him. Iran replied.')).toBe('The U.S. strike killed him.');
    expect(firstSentence('One sentence only')).toBe('One sentence only');
  });

  it('splits a summary into its lead and the rest, losing nothing', () => {
    expect(splitLead('First one. Second one. Third.')).toEqual({ lead: 'First one.', rest: 'Second one. Third.' });
    expect(splitLead('  Only this.  ')).toEqual({ lead: 'Only this.', rest: '' });
  });

  it('keeps every bundled summary whole across lead and rest', () => {
    for (const e of loadBundledRecords().entities) {
      const { lead, rest } = splitLead(e.summary);
      expect(lead.length).toBeGreaterThan(0);
      expect(`${lead} ${rest}`.trim().replace(/\s+/g, ' ')).toBe(e.summary.trim().replace(/\s+/g, ' '));
    }
  });
});
