/**
 * Page text blocks, in both DOMs the project uses outside the browser: happy-dom
 * (this file's environment, with shadow roots) and linkedom (what the CLI parses with).
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  collectTextBlocks,
  isBlockElement,
  isHiddenByAttributes,
  joinBlocks,
  spanToDom,
  type PageBlock,
  type TextBlockOptions,
} from '../../../adapters/page/text-blocks';
import { seededRandom } from '../../../bench/synthetic-corpus';
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

/**
 * The rules above, written as plainly as possible (recursive, every check re-read):
 * the walk must produce exactly this on any tree, however it saves DOM reads.
 */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'code',
  'pre',
  'kbd',
  'samp',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'button',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'meta',
  'link',
]);
function referenceBlocks(
  root: Node,
  o: TextBlockOptions,
): { key: number; text: string; nodes: Node[]; starts: number[] }[] {
  const out: { key: number; text: string; nodes: Node[]; starts: number[] }[] = [];
  let key = o.firstKey ?? 0;
  let text = '';
  let nodes: Node[] = [];
  let starts: number[] = [];
  const flush = () => {
    if (nodes.length > 0) out.push({ key: key++, text, nodes, starts });
    text = '';
    nodes = [];
    starts = [];
  };
  const addText = (t: Text) => {
    if (t.data.length === 0 || (nodes.length === 0 && /^[ \n\t\r\f\u00a0]*$/.test(t.data))) return;
    nodes.push(t);
    starts.push(text.length);
    text += t.data;
  };
  const isBlock = o.isBlock ?? ((el: Element) => isBlockElement(el));
  const accept = (el: Element) => {
    const editable = el.getAttribute('contenteditable');
    return (
      !SKIPPED.has(el.localName) &&
      !el.hasAttribute('hidden') &&
      el.getAttribute('aria-hidden') !== 'true' &&
      !(editable !== null && editable.toLowerCase() !== 'false') &&
      !(o.skip?.(el) ?? false) &&
      !(o.isHidden ?? isHiddenByAttributes)(el)
    );
  };
  const children = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) visit(c);
  };
  const visit = (n: Node) => {
    if (n.nodeType === 3) return addText(n as Text);
    if (n.nodeType !== 1) return;
    const el = n as Element;
    if (!accept(el)) return;
    const block = isBlock(el);
    if (block || el.localName === 'br') flush();
    if (el.shadowRoot) {
      flush();
      children(el.shadowRoot);
      flush();
    }
    children(el);
    if (block) flush();
  };
  if (root.nodeType === 1 && !accept(root as Element)) return [];
  if (root.nodeType === 3) addText(root as Text);
  else {
    const shadow = root.nodeType === 1 ? (root as Element).shadowRoot : null;
    if (shadow) {
      children(shadow);
      flush();
    }
    children(root);
  }
  flush();
  return out;
}

describe('collectTextBlocks on random trees', () => {
  const TAGS = [
    'p',
    'div',
    'span',
    'em',
    'a',
    'br',
    'li',
    'ul',
    'script',
    'code',
    'section',
    'b',
    'h2',
    'td',
    'button',
    'x-widget',
    'table',
    'img',
    'hr',
  ];
  const ATTRS = [
    '',
    '',
    '',
    ' hidden',
    ' aria-hidden="true"',
    ' aria-hidden="false"',
    ' contenteditable',
    ' contenteditable="false"',
    ' contenteditable="FALSE"',
    ' contenteditable="true"',
    ' style="display:none"',
    ' style="color:red"',
    ' class="x"',
    ' data-skip',
  ];
  const WORDS = ['Imran', 'Khan', ' ', '\n  ', 'said', '\u00a0', '<!-- note -->'];
  function html(rand: () => number, depth: number): string {
    let out = '';
    for (let n = Math.floor(rand() * 5); n > 0; n--) {
      if (rand() < 0.35 || depth > 5) out += WORDS[Math.floor(rand() * WORDS.length)];
      else {
        const tag = TAGS[Math.floor(rand() * TAGS.length)]!;
        const attr = ATTRS[Math.floor(rand() * ATTRS.length)];
        out +=
          tag === 'br' || tag === 'img' || tag === 'hr'
            ? `<${tag}${attr}>`
            : `<${tag}${attr}>${html(rand, depth + 1)}</${tag}>`;
      }
    }
    return out;
  }

  it('reads what the plain recursive rules read, in happy-dom (with shadow roots) and linkedom', () => {
    const rand = seededRandom(17);
    const options: TextBlockOptions[] = [
      {},
      { isHidden: () => false },
      { isHidden: () => false, skip: (el) => el.hasAttribute('data-skip'), firstKey: 5 },
      { isBlock: (el) => el.localName === 'span' || el.localName === 'p' },
    ];
    for (let k = 0; k < 300; k++) {
      const markup = `<div id="root">${html(rand, 0)}</div>`;
      document.body.innerHTML = markup;
      for (const host of document.querySelectorAll('x-widget'))
        host.attachShadow({ mode: 'open' }).innerHTML = html(rand, 3);
      const roots: Node[] = [
        document.getElementById('root')!,
        parseHTML(`<html><body>${markup}</body></html>`).document.getElementById('root')!,
      ];
      for (const root of roots) {
        for (const start of [
          root,
          root.firstChild,
          (root as Element).querySelector('p'),
          (root as Element).querySelector('span'),
        ]) {
          if (!start) continue;
          for (const o of options) {
            const got = collectTextBlocks(start, o).map((b) => ({
              key: b.key,
              text: b.text,
              nodes: b.segments.map((s) => s.node),
              starts: b.segments.map((s) => s.start),
            }));
            expect(got).toEqual(referenceBlocks(start, o));
          }
        }
      }
    }
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
    expect([at.startNode.data, at.startOffset, at.endNode.data, at.endOffset]).toEqual([
      ' Larijani',
      0,
      ' Larijani',
      9,
    ]);
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
