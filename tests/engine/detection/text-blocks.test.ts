/**
 * Page text blocks, in both DOMs the project uses outside the browser: happy-dom
 * (this file's environment, with shadow roots) and linkedom (what the CLI parses with).
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  collectTextBlocks,
  isHiddenByAttributes,
  joinBlocks,
  spanToDom,
  type PageBlock,
} from '../../../adapters/page/text-blocks';
import { detector, labels } from './helpers';

const ARTICLE = `
  <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
  <article>
    <h1>Larijani visits Islamabad</h1>
    <p>Operation <em>Sindoor</em> was discussed as <a href="/p">Asim</a> Munir met the envoy.<br>New line here.</p>
    <p>Field Marshal
       Munir said<span hidden> Imran Khan</span> more.</p>
    <div>Loose text <p>inner paragraph</p> after</div>
    <ul><li>Khan</li><li>Imran <b>Khan</b></li></ul>
    <script>var Larijani = 1;</script><style>.Larijani{}</style><noscript>Larijani</noscript>
    <code>Larijani()</code><pre>Larijani</pre><textarea>Larijani</textarea><button>Larijani</button>
    <div aria-hidden="true">Larijani</div><div contenteditable="true">Larijani</div><div contenteditable="false">Editable off Larijani</div>
    <p style="display: none">Larijani</p><p style="color: red; visibility:hidden">Larijani</p>
    <svg><text>Larijani</text></svg><template><p>Larijani</p></template>
  </article>`;

function texts(blocks: PageBlock[]): string[] {
  return blocks.map((b) => b.text.replace(/\s+/g, ' ').trim());
}

const EXPECTED = [
  'Home World',
  'Larijani visits Islamabad',
  'Operation Sindoor was discussed as Asim Munir met the envoy.',
  'New line here.',
  'Field Marshal Munir said more.',
  'Loose text',
  'inner paragraph',
  'after',
  'Khan',
  'Imran Khan',
  'Editable off Larijani',
];

describe('collectTextBlocks', () => {
  it('joins inline content, splits at blocks and <br>, skips what readers do not read (happy-dom)', () => {
    document.body.innerHTML = ARTICLE;
    expect(texts(collectTextBlocks(document.body))).toEqual(EXPECTED);
  });

  it('reads the same from linkedom', () => {
    const { document: doc } = parseHTML(`<html><body>${ARTICLE}</body></html>`);
    expect(texts(collectTextBlocks(doc.body, { isHidden: isHiddenByAttributes }))).toEqual(EXPECTED);
  });

  it('numbers blocks from firstKey in document order', () => {
    document.body.innerHTML = '<p>a</p><p>b</p>';
    expect(collectTextBlocks(document.body, { firstKey: 10 }).map((b) => b.key)).toEqual([10, 11]);
  });

  it('takes the caller’s visibility check and skip rule', () => {
    document.body.innerHTML = '<p class="x">Larijani</p><p id="ui">Soleimani</p><p>Maduro</p>';
    const blocks = collectTextBlocks(document.body, {
      isHidden: (el) => el.classList.contains('x'),
      skip: (el) => el.id === 'ui',
    });
    expect(texts(blocks)).toEqual(['Maduro']);
  });

  it('descends into open shadow roots', () => {
    document.body.innerHTML = '<p>Before</p><my-card></my-card><p>After</p>';
    const host = document.querySelector('my-card')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<div>Ali <b>Larijani</b> in the shadow</div>';
    expect(texts(collectTextBlocks(document.body))).toEqual(['Before', 'Ali Larijani in the shadow', 'After']);
  });
});

describe('spans back to the DOM', () => {
  it('maps a mention split across inline elements to its text nodes', () => {
    document.body.innerHTML = '<p>Operation <em>Sindoor</em> and <a>Asim</a> Munir.</p>';
    const [block] = collectTextBlocks(document.body);
    const mentions = detector.detect(block!.text);
    expect(labels(block!.text, mentions)).toEqual(['operation-sindoor:Operation Sindoor', 'asim-munir:Asim Munir']);
    const first = spanToDom(block!, mentions[0]!.start, mentions[0]!.end)!;
    expect(first.startNode.data).toBe('Operation ');
    expect(first.startOffset).toBe(0);
    expect(first.endNode.data).toBe('Sindoor');
    expect(first.endOffset).toBe(7);
    const second = spanToDom(block!, mentions[1]!.start, mentions[1]!.end)!;
    expect(second.startNode.data).toBe('Asim');
    expect([second.endNode.data, second.endOffset]).toEqual([' Munir.', 6]);
    const range = document.createRange();
    range.setStart(second.startNode, second.startOffset);
    range.setEnd(second.endNode, second.endOffset);
    expect(range.toString()).toBe('Asim Munir');
  });

  it('starts a span on a node boundary in the later node and ends it in the earlier one', () => {
    document.body.innerHTML = '<p><b>Ali</b><i> Larijani</i></p>';
    const [block] = collectTextBlocks(document.body);
    const at = spanToDom(block!, 3, 12)!;
    expect([at.startNode.data, at.startOffset, at.endNode.data, at.endOffset]).toEqual([' Larijani', 0, ' Larijani', 9]);
    const whole = spanToDom(block!, 0, 3)!;
    expect([whole.endNode.data, whole.endOffset]).toEqual(['Ali', 3]);
  });

  it('refuses spans outside the block', () => {
    document.body.innerHTML = '<p>Larijani</p>';
    const [block] = collectTextBlocks(document.body);
    expect(spanToDom(block!, 2, 100)).toBeNull();
    expect(spanToDom(block!, -1, 2)).toBeNull();
  });

  it('joins blocks with a blank line and reports their offsets', () => {
    document.body.innerHTML = '<p>Ali Larijani</p><p>Imran Khan</p>';
    const { text, offsets } = joinBlocks(collectTextBlocks(document.body));
    expect(text).toBe('Ali Larijani\n\nImran Khan');
    expect(offsets).toEqual([0, 14]);
  });
});
