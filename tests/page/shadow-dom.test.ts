import { describe, expect, it } from 'vitest';
import { collectTextBlocks } from '../../adapters/page/text-blocks';
import { ownerOf } from '../../adapters/page/block-owners';

describe('collectTextBlocks, told of shadow roots', () => {
  it('reports every open shadow root it reads, the root’s own and nested ones, in reading order', () => {
    document.body.innerHTML =
      '<div id="host"></div><section><span id="other"></span></section><button><span id="unread"></span></button>';
    const host = document.getElementById('host')!;
    const own = host.attachShadow({ mode: 'open' });
    own.innerHTML = '<p>Outer <b id="inner">x</b></p>';
    const nested = own.getElementById('inner')!.attachShadow({ mode: 'open' });
    nested.innerHTML = '<p>Inner</p>';
    const other = document.getElementById('other')!.attachShadow({ mode: 'open' });
    // Inside a control: its text is not read, so its root is not watched either.
    document.getElementById('unread')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Label</p>';

    const seen = (root: Node) => {
      const roots: ShadowRoot[] = [];
      collectTextBlocks(root, { onShadowRoot: (r) => roots.push(r) });
      return roots;
    };
    expect(seen(document.body)).toEqual([own, nested, other]);
    expect(seen(host)).toEqual([own, nested]);
    // A root being read is not reported again: only those inside it.
    expect(seen(own)).toEqual([nested]);
    expect(seen(document.createTextNode('text'))).toEqual([]);
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
