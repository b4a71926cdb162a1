import { describe, expect, it } from 'vitest';
import { MentionIndex, type PageMention } from '../../adapters/page/mention-index';
import { countsByEntity, inReadingOrder } from '../../adapters/page/page-navigation';

function mention(entity: number, block: number, start: [Node, number], end: [Node, number]): PageMention {
  const range = document.createRange();
  range.setStart(start[0], start[1]);
  range.setEnd(end[0], end[1]);
  return { entity, kind: 'person', block, range, holder: start[0].parentElement! };
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
});
