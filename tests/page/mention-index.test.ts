import { describe, expect, it } from 'vitest';
import { MentionIndex, type PageMention } from '../../adapters/page/mention-index';
import { ownerOf } from '../../adapters/page/block-owners';
import { countsByEntity, inReadingOrder } from '../../adapters/page/page-navigation';

function mention(entity: number, block: number, start: [Node, number], end: [Node, number]): PageMention {
  const range = document.createRange();
  range.setStart(start[0], start[1]);
  range.setEnd(end[0], end[1]);
  // Holder as the scanner gives it: the block owning the mention's first text node.
  return { entity, kind: 'person', block, range, holder: ownerOf(start[0])! };
}

describe('MentionIndex', () => {
  it('finds a mention from any caret position on it, the text between its ends included', () => {
    document.body.innerHTML = '<p><a>Asim</a> <b>Munir</b> met <i>Ishaq Dar</i>.</p>';
    const asim = document.querySelector('a')!.firstChild!;
    const space = asim.parentNode!.nextSibling!;
    const munir = document.querySelector('b')!.firstChild!;
    const dar = document.querySelector('i')!.firstChild!;
    const index = new MentionIndex();
    const munirMention = mention(1, 1, [asim, 0], [munir, 5]);
    const darMention = mention(2, 1, [dar, 0], [dar, 9]);
    index.setBlock(1, [munirMention, darMention]);
    expect(index.at(asim, 2)).toBe(munirMention);
    expect(index.at(space, 0)).toBe(munirMention);
    expect(index.at(munir, 4)).toBe(munirMention);
    expect(index.at(munir, 5)).toBeUndefined(); // just past the end
    expect(index.at(dar, 3)).toBe(darMention);
    expect(countsByEntity(index).inArticle).toEqual(
      new Map([
        [1, 1],
        [2, 1],
      ]),
    );
  });

  it('counts what the article mentions apart from what only the rest of the page does', () => {
    document.body.innerHTML = '<article><p>Dar and Munir</p></article><aside><p>Munir, Trump</p></aside>';
    const [inside, outside] = [...document.querySelectorAll('p')].map((p) => p.firstChild!);
    const index = new MentionIndex();
    index.setBlock(1, [mention(1, 1, [inside!, 0], [inside!, 3]), mention(2, 1, [inside!, 8], [inside!, 13])]);
    index.setBlock(2, [mention(2, 2, [outside!, 0], [outside!, 5]), mention(3, 2, [outside!, 7], [outside!, 12])]);
    const article = document.querySelector('article')!;
    const { inArticle, elsewhere } = countsByEntity(index, article);
    expect([...inArticle]).toEqual([
      [1, 1],
      [2, 1],
    ]);
    // Munir is the article's (its mention in the rail does not make it "elsewhere"); Trump only the rail's.
    expect([...elsewhere]).toEqual([[3, 1]]);
    // No article apart: the whole page.
    expect(countsByEntity(index, null).inArticle.size).toBe(3);
  });

  it('replaces a block wholesale and returns what it had, and orders mentions for reading', () => {
    document.body.innerHTML = '<p>Dar</p><p>Munir</p>';
    const [first, second] = [...document.querySelectorAll('p')].map((p) => p.firstChild!);
    const index = new MentionIndex();
    const late = mention(1, 2, [second!, 0], [second!, 5]);
    const early = mention(2, 1, [first!, 0], [first!, 3]);
    index.setBlock(2, [late]);
    index.setBlock(1, [early]);
    expect(inReadingOrder(index)).toEqual([early, late]);
    expect(index.setBlock(2, [])).toEqual([late]);
    expect(index.at(second!, 1)).toBeUndefined();
    expect(index.size).toBe(1);
    expect(index.removeBlock(1)).toEqual([early]);
    expect(inReadingOrder(index)).toEqual([]);
  });

  it('inside an event phrase, gives the name at a name and the phrase elsewhere', () => {
    document.body.innerHTML = "<p>After Soleimani's killing, talks stalled.</p>";
    const text = document.querySelector('p')!.firstChild!;
    const index = new MentionIndex();
    const phrase = { ...mention(1, 1, [text, 6], [text, 25]), kind: 'event' as const };
    const name = mention(2, 1, [text, 6], [text, 15]);
    index.setBlock(1, [phrase, name]);
    expect(index.at(text, 6)).toBe(name);
    expect(index.at(text, 14)).toBe(name);
    expect(index.at(text, 15)).toBe(phrase);
    expect(index.at(text, 20)).toBe(phrase);
  });

  it('finds mentions in a block inside a block, each by its own holder', () => {
    document.body.innerHTML =
      '<div>Dar said <p>Munir and <em>Asim</em> <b>Munir</b></p> to Rubio, <p>then left</p></div>';
    const div = document.querySelector('div')!;
    const [inner, other] = [...document.querySelectorAll('p')];
    const said = div.firstChild!;
    const rubio = inner!.nextSibling!;
    const munir = inner!.firstChild!;
    const asim = inner!.querySelector('em')!.firstChild!;
    const space = inner!.querySelector('em')!.nextSibling!;
    const munir2 = inner!.querySelector('b')!.firstChild!;
    const left = other!.firstChild!;
    const index = new MentionIndex();
    // The div's text runs either side of the paragraph: two blocks of one holder.
    const dar = mention(1, 1, [said, 0], [said, 3]);
    const rubioMention = mention(2, 3, [rubio, 4], [rubio, 9]);
    const munirMention = mention(3, 2, [munir, 0], [munir, 5]);
    const asimMunir = mention(3, 2, [asim, 0], [munir2, 5]);
    index.setBlock(1, [dar]);
    index.setBlock(2, [munirMention, asimMunir]);
    index.setBlock(3, [rubioMention]);
    expect(dar.holder).toBe(div);
    expect(asimMunir.holder).toBe(inner);
    expect(index.at(said, 1)).toBe(dar);
    expect(index.at(said, 5)).toBeUndefined();
    expect(index.at(rubio, 5)).toBe(rubioMention);
    expect(index.at(munir, 2)).toBe(munirMention);
    expect(index.at(munir, 6)).toBeUndefined(); // "and": the paragraph's, not on a mention
    expect(index.at(space, 0)).toBe(asimMunir);
    expect(index.at(munir2, 4)).toBe(asimMunir);
    // A paragraph without mentions inside a block with some: none of the outer ones covers it.
    expect(index.at(left, 2)).toBeUndefined();
    expect(index.forRange(asimMunir.range)).toBe(asimMunir);
    expect(index.forRange(rubioMention.range)).toBe(rubioMention);
    expect(index.forRange(document.createRange())).toBeUndefined();
    // One of the holder's blocks goes: the other's mentions still hit, the removed ones never.
    expect(index.removeBlock(1)).toEqual([dar]);
    expect(index.at(said, 1)).toBeUndefined();
    expect(index.forRange(dar.range)).toBeUndefined();
    expect(index.at(rubio, 5)).toBe(rubioMention);
    // Replaced: the paragraph's new mentions hit, the old ones are gone.
    const asimOnly = mention(4, 2, [asim, 0], [asim, 4]);
    expect(index.setBlock(2, [asimOnly])).toEqual([munirMention, asimMunir]);
    expect(index.at(asim, 1)).toBe(asimOnly);
    expect(index.at(space, 0)).toBeUndefined();
    expect(index.at(munir, 2)).toBeUndefined();
    expect(index.removeBlock(3)).toEqual([rubioMention]);
    expect(index.removeBlock(2)).toEqual([asimOnly]);
    expect(index.at(asim, 1)).toBeUndefined();
    expect(index.size).toBe(0);
  });

  it('finds a mention inside an open shadow root, by the block around its host', () => {
    document.body.innerHTML = '<p>Met <x-name></x-name> today</p>';
    const host = document.querySelector('x-name')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<span>Ishaq Dar</span>';
    const text = root.querySelector('span')!.firstChild!;
    const index = new MentionIndex();
    const dar = mention(1, 1, [text, 0], [text, 9]);
    expect(dar.holder).toBe(document.querySelector('p'));
    index.setBlock(1, [dar]);
    expect(index.at(text, 6)).toBe(dar);
    expect(index.forRange(dar.range)).toBe(dar);
  });
});
