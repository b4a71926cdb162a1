import { describe, expect, it } from 'vitest';
import { Highlighter } from '../../adapters/page/highlighter';

describe('Highlighter without the Custom Highlight API', () => {
  it('says so, and every call is a harmless no-op that leaves the page untouched', () => {
    // happy-dom has neither `Highlight` nor `CSS.highlights`: like an older browser.
    document.body.innerHTML = '<p>Ali Larijani met Ishaq Dar.</p>';
    const before = document.documentElement.outerHTML;
    const highlighter = new Highlighter(document);
    expect(highlighter.supported).toBe(false);
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('p')!);
    highlighter.attach();
    highlighter.add('person', range);
    highlighter.setCurrent(range);
    highlighter.remove('person', range);
    highlighter.detach();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(document.adoptedStyleSheets ?? []).toHaveLength(0);
  });
});
