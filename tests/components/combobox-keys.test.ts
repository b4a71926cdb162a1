// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { stepOption } from '../../components/combobox-keys';

describe('combobox keys', () => {
  it('steps one option, wrapping; from none, down goes first and up goes last', () => {
    expect(stepOption(-1, 3, 1)).toBe(0);
    expect(stepOption(-1, 3, -1)).toBe(2);
    expect(stepOption(2, 3, 1)).toBe(0);
    expect(stepOption(0, 3, -1)).toBe(2);
    expect(stepOption(1, 3, 1)).toBe(2);
    expect(stepOption(5, 3, 1)).toBe(0);
    expect(stepOption(0, 0, 1)).toBe(-1);
  });
});
