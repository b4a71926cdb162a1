// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addedFolds, CharClass, charClass, normalizeText } from '../../../engine/normalize';
import { REGIONAL_FOLDS } from '../../../engine/regional-script';

describe('normalizeText folds what readers treat as the same', () => {
  it('folds the letter forms of Arabic, Persian and Urdu pages together', () => {
    // Arabic yeh and kaf (Arab and many Iranian sites) against the Persian and Urdu ones.
    expect(normalizeText('علي لاريجاني')).toBe(normalizeText('علی لاریجانی'));
    expect(normalizeText('كشمیر')).toBe(normalizeText('کشمیر'));
    // Urdu gol he and do-chashmi he, Persian he, teh marbuta: one letter.
    expect(normalizeText('خامنہ ای')).toBe(normalizeText('خامنه ای'));
    expect(normalizeText('غزہ')).toBe(normalizeText('غزه'));
    // Not Urdu's noon ghunna: the honorific میاں (Mian Shehbaz Sharif) is no Persian میان ("between").
    expect(normalizeText('میاں')).not.toBe(normalizeText('میان'));
    // Harakat (the izafe's zer), tatweel and Arabic-Indic or Persian digits.
    expect(normalizeText('پاسدارانِ انقلاب')).toBe(normalizeText('پاسداران انقلاب'));
    expect(normalizeText('سلیـــمانی')).toBe(normalizeText('سلیمانی'));
    expect(normalizeText('جنگ ۱۲ روزه')).toBe(normalizeText('جنگ 12 روزه'));
    expect(normalizeText('٢٠٢٥')).toBe('2025');
  });

  it('says which folds it has added, for a bundle with tables of its own (the event phrases)', () => {
    // tests/setup.ts adds the regional folds once, as the content script does on a page in these scripts.
    expect(addedFolds()).toBe(REGIONAL_FOLDS);
  });

  it('reads the Persian zero-width non-joiner as the space Urdu writes', () => {
    expect(normalizeText('خامنه\u200cای')).toBe(normalizeText('خامنہ ای'));
    expect(normalizeText('لاریجانی\u200cها')).toBe(normalizeText('لاریجانی ها'));
    expect(charClass(0x200c)).toBe(CharClass.Space);
  });

  it('folds Devanagari nukta, precomposed or not, chandrabindu, and digits', () => {
    expect(normalizeText('इमरान ख़ान')).toBe(normalizeText('इमरान खान'));
    expect(normalizeText('शहबाज़ शरीफ़')).toBe(normalizeText('शहबाज शरीफ'));
    expect(normalizeText('\u0958\u093e\u0938\u093f\u092e')).toBe(normalizeText('कासिम'));
    expect(normalizeText('\u0915\u093c\u093e\u0938\u093f\u092e')).toBe(normalizeText('कासिम'));
    expect(normalizeText('अँगूर')).toBe(normalizeText('अंगूर'));
    expect(normalizeText('१२ दिन')).toBe('12 दिन');
    // Vowel signs are letters of their word, never dropped: सिंदूर is not सदर.
    expect(normalizeText('सिंदूर')).not.toBe(normalizeText('सदर'));
  });

  it('folds case and diacritics', () => {
    expect(normalizeText('Nicolás MADURO')).toBe('nicolas maduro');
    expect(normalizeText('Ñandú Çelik Øresund Łódź Đorđe')).toBe('nandu celik oresund lodz dorde');
  });

  it('drops combining marks, so decomposed and precomposed letters agree', () => {
    expect(normalizeText('Nicola\u0301s')).toBe(normalizeText('Nicolás'));
  });

  it('maps every apostrophe to one', () => {
    for (const a of ["'", '\u2019', '\u2018', '\u02bc', '`']) expect(normalizeText(`Qa${a}ani`)).toBe("qa'ani");
  });

  it('treats hyphens, dashes and spaces alike and collapses runs', () => {
    const forms = [
      'Tehreek-e-Taliban',
      'Tehreek e Taliban',
      'Tehreek\u2011e\u2011Taliban',
      'Tehreek \u2013 e \u2014 Taliban',
      'Tehreek\u00a0e\n  Taliban',
    ];
    for (const f of forms) expect(normalizeText(f)).toBe('tehreek e taliban');
  });

  it('ignores soft hyphens, zero-width and bidi characters', () => {
    expect(normalizeText('Pezesh\u00adkian')).toBe('pezeshkian');
    expect(normalizeText('Lari\u200bjani\u200d\u2066')).toBe('larijani');
  });

  it('keeps a blank line as a hard break', () => {
    expect(normalizeText('Imran\n\nKhan')).toBe('imran \nkhan');
    expect(normalizeText('Imran\r\nKhan')).toBe('imran khan');
  });
});

describe('charClass', () => {
  it('classifies letters of several scripts as word characters', () => {
    for (const ch of ['a', 'Z', '7', 'é', 'ß', 'Ж', 'ع', 'क', '中'])
      expect(charClass(ch.charCodeAt(0))).toBe(CharClass.Word);
  });

  it('classifies punctuation, quotes and surrogates as word ends', () => {
    for (const ch of ['.', ',', '(', '"', '\u201c', '\u00bb', '\u060c'])
      expect(charClass(ch.charCodeAt(0))).toBe(CharClass.Other);
    expect(charClass('😀'.charCodeAt(0))).toBe(CharClass.Other);
  });
});
