import { describe, expect, it } from 'vitest';
import { pageThemeAt, themeOfColour } from '../../adapters/page/page-theme';

describe('page theme', () => {
  it('reads light and dark from computed colours, and nothing from see-through ones', () => {
    expect(themeOfColour('rgb(255, 255, 255)')).toBe('light');
    expect(themeOfColour('rgb(251, 250, 247)')).toBe('light');
    expect(themeOfColour('rgb(18, 18, 18)')).toBe('dark');
    expect(themeOfColour('rgb(40 44 52 / 0.9)')).toBe('dark');
    expect(themeOfColour('rgba(0, 0, 0, 0)')).toBeNull();
    expect(themeOfColour('rgba(0, 0, 0, 0.2)')).toBeNull();
    expect(themeOfColour('transparent')).toBeNull();
    // Mid grey reads as light text's background would: dark enough for light text.
    expect(themeOfColour('rgb(90, 90, 90)')).toBe('dark');
    expect(themeOfColour('rgb(200, 200, 200)')).toBe('light');
  });

  it('finds the first opaque background on the way up from the mention', () => {
    document.body.innerHTML = `
      <div id="dark" style="background-color: rgb(17, 17, 17)"><p><span id="in-dark">x</span></p></div>
      <div id="light" style="background-color: rgb(255, 255, 255)"><span id="in-light">y</span></div>
      <div style="background-color: rgba(0, 0, 0, 0)"><span id="bare">z</span></div>`;
    expect(pageThemeAt(document.getElementById('in-dark'))).toBe('dark');
    expect(pageThemeAt(document.getElementById('in-light'))).toBe('light');
    expect(pageThemeAt(document.getElementById('bare'))).toBe('light');
    expect(pageThemeAt(null)).toBe('light');
  });
});
