import { describe, expect, it } from 'vitest';
import { isInlineDisplay, splitAtLayoutBreaks, type FlowsInline } from '../../adapters/page/layout-breaks';
import { collectTextBlocks, spanToDom } from '../../adapters/page/text-blocks';

/** Layout as the markup says it: `data-display` on an element, inline otherwise. */
const byAttribute: FlowsInline = (el) => isInlineDisplay(el.getAttribute('data-display') ?? 'inline');

function read(html: string, flowsInline: FlowsInline = byAttribute): string[] {
  document.body.innerHTML = html;
  return collectTextBlocks(document.body).flatMap((b) => splitAtLayoutBreaks(b, flowsInline).map((p) => p.text));
}

describe('blocks cut where layout breaks the line', () => {
  it('separates links laid out as blocks, which tags alone glue together', () => {
    const html =
      '<div><span data-display="block">Related</span><a data-display="block" href="#">Imran Khan’s party rallies</a>' +
      '<a data-display="block" href="#">Trump says talks go on</a></div>';
    expect(read(html, () => true)).toEqual(['RelatedImran Khan’s party ralliesTrump says talks go on']);
    expect(read(html)).toEqual(['Related', 'Imran Khan’s party rallies', 'Trump says talks go on']);
  });

  it('keeps inline markup in one phrase', () => {
    const html =
      '<p>Operation <em>Sindoor</em> began; <a href="#"><b>Asim</b> Munir</a>’s army <span>spoke</span>.</p>';
    expect(read(html)).toEqual(['Operation Sindoor began; Asim Munir’s army spoke.']);
  });

  it('cuts at flex and grid items, inline blocks, hidden elements and elements between two text nodes', () => {
    expect(read('<div><span data-display="flex"><i>Pakistan</i></span><b>Imran Khan said</b></div>')).toEqual([
      'Pakistan',
      'Imran Khan said',
    ]);
    expect(read('<p>Tehran<span data-display="inline-block"></span>Abbas Araghchi</p>')).toEqual([
      'Tehran',
      'Abbas Araghchi',
    ]);
    expect(read('<p>Seen <span data-display="none">Hidden</span> text</p>')).toEqual(['Seen ', 'Hidden', ' text']);
    expect(read('<p><a><i>Kicker</i></a><span data-display="block"></span><a><i>Headline</i></a></p>')).toEqual([
      'Kicker',
      'Headline',
    ]);
  });

  it('drops whitespace left between cut items, and maps every piece back to its own nodes', () => {
    document.body.innerHTML =
      '<ul><li>\n  <a data-display="block">Larijani visits</a>\n  <a data-display="block">Munir meets</a>\n</li></ul>';
    const [block] = collectTextBlocks(document.body);
    const pieces = splitAtLayoutBreaks(block!, byAttribute);
    expect(pieces.map((p) => p.text)).toEqual(['Larijani visits', 'Munir meets']);
    const span = spanToDom(pieces[1]!, 0, 5)!;
    expect(span.startNode.data.slice(span.startOffset, span.endOffset)).toBe('Munir');
    expect(pieces[1]!.key).toBe(block!.key);
  });

  it('returns the block itself when nothing breaks it, reading only the elements at joins', () => {
    document.body.innerHTML = '<p>A <a>b</a> c <a>d</a> e</p>';
    const [block] = collectTextBlocks(document.body);
    const seen: Element[] = [];
    const pieces = splitAtLayoutBreaks(block!, (el) => (seen.push(el), true));
    expect(pieces).toEqual([block]);
    // Each link is left once and entered once: four joins, no more than one read per side.
    expect(seen.length).toBeLessThanOrEqual(4);
  });

  it('treats an unknown display (no layout engine) as inline', () => {
    expect(isInlineDisplay('')).toBe(true);
    expect(isInlineDisplay('inline')).toBe(true);
    expect(isInlineDisplay('contents')).toBe(true);
    expect(isInlineDisplay('block')).toBe(false);
    expect(isInlineDisplay('inline-block')).toBe(false);
    expect(isInlineDisplay('list-item')).toBe(false);
  });
});
