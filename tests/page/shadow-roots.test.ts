import { describe, expect, it } from 'vitest';
import { shadowRootsIn } from '../../adapters/page/shadow-roots';
import { ownerOf } from '../../adapters/page/block-owners';

describe('shadowRootsIn', () => {
  it('finds open shadow roots in a subtree, the element’s own and nested ones, in discovery order', () => {
    document.body.innerHTML = '<div id="host"></div><section><span id="other"></span></section>';
    const host = document.getElementById('host')!;
    const own = host.attachShadow({ mode: 'open' });
    own.innerHTML = '<p>Outer <b id="inner">x</b></p>';
    const nested = own.getElementById('inner')!.attachShadow({ mode: 'open' });
    nested.innerHTML = '<p>Inner</p>';
    const other = document.getElementById('other')!.attachShadow({ mode: 'open' });

    expect(shadowRootsIn(document)).toEqual([own, other, nested]);
    expect(shadowRootsIn(host)).toEqual([own, nested]);
    // A root being read is not listed again: only those inside it.
    expect(shadowRootsIn(own)).toEqual([nested]);
    expect(shadowRootsIn(document.createTextNode('text'))).toEqual([]);
  });
});

describe('ownerOf', () => {
  it('is the nearest block element, across shadow boundaries', () => {
    document.body.innerHTML = '<article><p id="p">Some <em>text</em></p></article><div id="host"></div>';
    const em = document.querySelector('em')!;
    expect(ownerOf(em.firstChild!)).toBe(document.getElementById('p'));
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<span>inline only</span>';
    expect(ownerOf(root.querySelector('span')!.firstChild!)).toBe(document.getElementById('host'));
  });
});
