// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { admitsLowerCaseStart, checkCasePolicy, inferCasePolicy } from '../../../engine/case-policy';
import { seededRandom } from '../../../bench/synthetic-corpus';

const passes = (alias: string, text: string) => checkCasePolicy(inferCasePolicy(alias), text, 0, text.length);

describe('case policy inferred from the alias', () => {
  it('reads acronyms and camel case as exact-case words', () => {
    expect(inferCasePolicy('LeT')).toBe('UlU');
    expect(inferCasePolicy('IRGC')).toBe('UUUU');
    expect(inferCasePolicy('PM Shehbaz')).toBe('UU C');
  });

  it('requires capitals where the alias has them and relaxes lower-case words and particles', () => {
    expect(inferCasePolicy('Imran Khan')).toBe('C C');
    expect(inferCasePolicy('Tehreek-e-Taliban')).toBe('C * C');
    expect(inferCasePolicy('Mohammed bin Salman')).toBe('C * C');
    expect(inferCasePolicy('Al-Qaeda')).toBe('* C');
    expect(inferCasePolicy('sindoor')).toBe('*');
  });
});

describe('case policy checked against text', () => {
  it('accepts acronyms only in their own case', () => {
    expect(passes('LeT', 'LeT')).toBe(true);
    for (const t of ['let', 'Let', 'LET', 'lET']) expect(passes('LeT', t)).toBe(false);
    expect(passes('TTP', 'ttp')).toBe(false);
  });

  it('accepts capitalised and all-caps names, not lower case', () => {
    expect(passes('Graham', 'Graham')).toBe(true);
    expect(passes('Graham', 'GRAHAM')).toBe(true);
    expect(passes('Graham', 'graham')).toBe(false);
    expect(passes('Imran Khan', 'IMRAN KHAN')).toBe(true);
    expect(passes('Imran Khan', 'Imran khan')).toBe(false);
  });

  it('lets particles inside names take any case', () => {
    expect(passes('Tehreek-e-Taliban', 'Tehreek-E-Taliban')).toBe(true);
    expect(passes('Al-Qaeda', 'al-Qaeda')).toBe(true);
    expect(passes('Al-Qaeda', 'al-qaeda')).toBe(false);
  });

  it('checks capitals on decomposed letters', () => {
    expect(passes('Élysée', 'E\u0301lyse\u0301e')).toBe(true);
  });
});

describe('lower-case starts (the scanner skips words no alias could start)', () => {
  it('admits a lower-case first letter whenever some text starting so can pass', () => {
    const rand = seededRandom(5);
    const letters = 'aAbBeEiIlLmMsStT12';
    const word = () =>
      Array.from({ length: 1 + Math.floor(rand() * 4) }, () => letters[Math.floor(rand() * letters.length)]).join('');
    const recase = (s: string) => [...s].map((ch) => (rand() < 0.5 ? ch.toLowerCase() : ch.toUpperCase())).join('');
    const wronglyRefused: string[] = [];
    for (let k = 0; k < 3000; k++) {
      const alias = Array.from({ length: 1 + Math.floor(rand() * 3) }, word).join(' ');
      const policy = inferCasePolicy(alias);
      for (let j = 0; j < 8; j++) {
        const text = recase(alias);
        const first = /[a-zA-Z]/.exec(text)?.[0];
        if (first === undefined || first !== first.toLowerCase()) continue;
        // A text whose first cased letter is lower-case passes only if the policy admits it.
        if (checkCasePolicy(policy, text, 0, text.length) && !admitsLowerCaseStart(policy)) wronglyRefused.push(text);
      }
    }
    expect(wronglyRefused).toEqual([]);
    expect(admitsLowerCaseStart('C C')).toBe(false);
    expect(admitsLowerCaseStart('UlU')).toBe(false);
    expect(admitsLowerCaseStart('* C')).toBe(true);
    expect(admitsLowerCaseStart('lUll')).toBe(true);
  });
});
