/** The article's marks, its card, its keyboard steps, and both again on a page with a strict CSP. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HIGHLIGHT_PREFIX } from '../../../adapters/page/highlighter';
import { CARD_STATE, HIGHLIGHT_TEXTS, phraseBox, type Box, type CardState } from '../page-probes';
import { blueShare } from '../pixels';
import { step } from '../report';
import type { Article, Run } from '../session';
import { click, evaluate, moveMouse, navigate, newTab, screenshot } from '../tabs';
import { eventually, sleep } from '../wait';

/** The mention the demo hovers: the first "Ali Larijani", in the standfirst. */
const HOVER = { selector: 'article', phrase: 'Ali Larijani' };

const STRICT_CSP =
  "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; " +
  "require-trusted-types-for 'script'; trusted-types 'none'";

/** Waits until a page's person highlight has ranges; answers every highlight's texts. */
async function marksOf(run: Run, context: string, timeout = 10_000): Promise<Record<string, string[]>> {
  return eventually(
    'person marks',
    async () => {
      const h = await evaluate<Record<string, string[]> & { unsupported?: boolean }>(
        run.bidi,
        context,
        HIGHLIGHT_TEXTS,
      );
      if (h.unsupported) throw new Error('CSS.highlights missing in this Firefox');
      return (h[`${HIGHLIGHT_PREFIX}person`]?.length ?? 0) > 0 ? h : null;
    },
    timeout,
  );
}

/** Closes any open card with a click in the page's left margin (which also focuses the page). */
async function closeCard(run: Run, context: string): Promise<void> {
  if (!(await evaluate<CardState>(run.bidi, context, CARD_STATE)).open) return;
  await click(run.bidi, context, 10, 300);
  await eventually('the card closed', async () => !(await evaluate<CardState>(run.bidi, context, CARD_STATE)).open);
}

/** Rests the pointer on `phrase` (scrolled into view) and waits for its card, titled `phrase`. */
export async function hoverForCard(run: Run, context: string, selector: string, phrase: string): Promise<CardState> {
  await closeCard(run, context);
  const box = await evaluate<Box | null>(run.bidi, context, phraseBox(selector, phrase, true));
  if (!box) throw new Error(`"${phrase}" not found`);
  await moveMouse(run.bidi, context, box.x + box.width / 2, box.y + box.height / 2);
  return eventually(
    `the card for "${phrase}"`,
    async () => {
      const s = await evaluate<CardState>(run.bidi, context, CARD_STATE);
      return s.open && s.title === phrase && s.text.length > 100 ? s : null;
    },
    5000,
  ).catch(async (error: Error) => {
    const s = await evaluate<CardState>(run.bidi, context, CARD_STATE);
    throw new Error(`${error.message}; the card: ${s.open ? `"${s.title}"` : 'closed'}`);
  });
}

export async function checkMarks(run: Run, context: string): Promise<void> {
  await step('names on the demo article are marked (CSS.highlights)', async () => {
    await marksOf(run, context);
    await sleep(500); // the scan's later slices
    const all = await evaluate<Record<string, string[]>>(run.bidi, context, HIGHLIGHT_TEXTS);
    for (const name of ['Ali Larijani', 'Qasem Soleimani']) {
      if (!all[`${HIGHLIGHT_PREFIX}person`]!.some((text) => text.endsWith(name))) {
        throw new Error(`"${name}" not marked; people: ${all[`${HIGHLIGHT_PREFIX}person`]!.join(', ')}`);
      }
    }
    if (!all[`${HIGHLIGHT_PREFIX}event`]?.some((s) => /Operation Sindoor/.test(s)))
      throw new Error('"Operation Sindoor" not marked as an event');
    return Object.entries(all)
      .map(([name, texts]) => `${name.replace(HIGHLIGHT_PREFIX, '')} ${texts.length}`)
      .join(', ');
  });
  await screenshot(run.bidi, context, 'page.png');

  // The registry can hold ranges that are never painted (a missing ::highlight rule, a
  // style sheet not adopted): the pixels say whether the reader sees them.
  await step('the marks are painted (blue tint on "Ali Larijani" in a screenshot)', async () => {
    const box = await evaluate<Box | null>(run.bidi, context, phraseBox(HOVER.selector, HOVER.phrase));
    if (!box) throw new Error(`"${HOVER.phrase}" not found`);
    const marked = blueShare(await screenshot(run.bidi, context, 'mark-closeup.png', box));
    const plainBox = await evaluate<Box | null>(run.bidi, context, phraseBox(HOVER.selector, 'bid to turn a wary'));
    const plain = plainBox ? blueShare(await screenshot(run.bidi, context, '', plainBox)) : 0;
    const detail = `${(marked * 100).toFixed(0)}% of the mention's pixels tinted, ${(plain * 100).toFixed(0)}% of plain text's`;
    if (marked < 0.2 || plain > 0.05) throw new Error(detail);
    return detail;
  });
}

/** Answers whether the card opened: the timeline checks start from it. */
export async function checkHoverCard(run: Run, article: Article): Promise<boolean> {
  await run.bidi.send('browsingContext.activate', { context: article.context });
  return step('resting the pointer on a name opens its card (card-ui.js imported)', async () => {
    const card = await hoverForCard(run, article.context, HOVER.selector, HOVER.phrase);
    await sleep(300);
    await screenshot(run.bidi, article.context, 'hover-card.png');
    if (!/Key facts/i.test(card.text) || !/Show on timeline/.test(card.text))
      throw new Error(`card without facts or actions: ${card.text}`);
    return `"${card.title}", ${card.text.length} characters: ${JSON.stringify(card.text.slice(0, 80).replace(/\s+/g, ' '))}…`;
  });
}

export async function checkKeyboard(run: Run, article: Article): Promise<void> {
  // The content script takes Alt+Shift+N itself, and in Firefox the same keys are also
  // the add-on's command: one press must step once.
  await step('keyboard: Alt+Shift+N steps to the first mention, then the next', async () => {
    await run.bidi.send('browsingContext.activate', { context: article.context });
    await evaluate(run.bidi, article.context, 'window.scrollTo(0, 0);');
    // A click in the margin: closes any card and puts focus back on the page.
    await click(run.bidi, article.context, 10, 300);
    await closeCard(run, article.context);
    const current = () =>
      evaluate<Record<string, string[]>>(run.bidi, article.context, HIGHLIGHT_TEXTS).then(
        (h) => h[`${HIGHLIGHT_PREFIX}current`]?.[0],
      );
    const press = () =>
      run.bidi.send('input.performActions', {
        context: article.context,
        actions: [
          {
            type: 'key',
            id: 'keyboard',
            actions: ['\uE00A', '\uE008', 'N']
              .map((value) => ({ type: 'keyDown', value }))
              .concat(['N', '\uE008', '\uE00A'].map((value) => ({ type: 'keyUp', value }))),
          },
        ],
      });
    await press();
    const first = await eventually('a current mention', current, 3000);
    await press();
    const second = await eventually(
      'the next mention',
      async () => {
        const now = await current();
        return now && now !== first ? now : null;
      },
      3000,
    );
    if (first !== HOVER.phrase || second !== '12-day war') throw new Error(`went to "${first}", then "${second}"`);
    return `"${first}", then "${second}"`;
  });
}

export async function checkStrictCsp(run: Run): Promise<void> {
  // A page that allows nothing: no script, style, image or Trusted Types policy. The
  // marks, the card's import() of card-ui.js and its constructed style sheet must not
  // depend on anything the page's CSP governs.
  run.server.route('/hostile/csp', {
    body: readFileSync(resolve('e2e/fixtures/hostile/csp.html'), 'utf8'),
    headers: { 'content-security-policy': STRICT_CSP },
  });
  const tab = await newTab(run.bidi, 1280, 860);
  await navigate(run.bidi, tab, run.server.url('/hostile/csp'));
  await run.bidi.send('browsingContext.activate', { context: tab });
  await step('a page with a strict CSP is marked and shows a styled card', async () => {
    const marks = await marksOf(run, tab);
    const card = await hoverForCard(run, tab, '#p1', 'Ishaq Dar');
    const radius = await evaluate<string>(
      run.bidi,
      tab,
      "return getComputedStyle(document.querySelector('backstory-card').shadowRoot.querySelector('.bs-frame')).borderTopLeftRadius;",
    );
    await sleep(200);
    await screenshot(run.bidi, tab, 'strict-csp-card.png');
    if (radius !== '12px') throw new Error(`card unstyled (border radius ${radius})`);
    return `people marked: ${marks[`${HIGHLIGHT_PREFIX}person`]!.join(', ')}; card "${card.title}", styled`;
  });
}
