/** What the checks do in a tab through BiDi: run a script, screenshot, navigate, point, click and type. */
import type { Bidi } from './bidi';
import type { Box } from './page-probes';
import { saveScreenshot } from './screenshots';

/**
 * Evaluates `expression` (may await) in a tab's page and returns its value, passed
 * through JSON. Probes are strings, not functions: a function compiled by tsx may carry
 * helpers (esbuild's `__name`) that do not exist in the page.
 */
export async function evaluate<T>(bidi: Bidi, context: string, expression: string): Promise<T> {
  const result = await bidi.send<{ type: string; result?: { value?: string }; exceptionDetails?: { text: string } }>(
    'script.evaluate',
    {
      expression: `(async () => JSON.stringify(await (async () => { ${expression} })()))()`,
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    },
  );
  if (result.type !== 'success') throw new Error(`page script failed: ${result.exceptionDetails?.text}`);
  const value = result.result?.value;
  return (value === undefined ? undefined : JSON.parse(value)) as T;
}

export async function screenshot(bidi: Bidi, context: string, file: string, clip?: Box): Promise<Buffer> {
  const { data } = await bidi.send<{ data: string }>('browsingContext.captureScreenshot', {
    context,
    ...(clip ? { clip: { type: 'box', ...clip } } : {}),
  });
  const png = Buffer.from(data, 'base64');
  if (file) saveScreenshot(file, png);
  return png;
}

export async function navigate(bidi: Bidi, context: string, url: string): Promise<void> {
  await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
}

export async function newTab(bidi: Bidi, width: number, height: number): Promise<string> {
  const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
  await bidi.send('browsingContext.setViewport', { context, viewport: { width, height } });
  return context;
}

/** Every tab: its BiDi context and URL. */
export async function tabs(bidi: Bidi): Promise<{ context: string; url: string }[]> {
  return (await bidi.send<{ contexts: { context: string; url: string }[] }>('browsingContext.getTree', { maxDepth: 0 }))
    .contexts;
}

/** Moves the mouse to (x, y) in small steps, as a reader who stops on a word. */
export async function moveMouse(
  bidi: Bidi,
  context: string,
  x: number,
  y: number,
  from = { x: 5, y: 5 },
): Promise<void> {
  const steps = 8;
  const actions = [];
  for (let i = 1; i <= steps; i++) {
    actions.push({
      type: 'pointerMove',
      x: Math.round(from.x + ((x - from.x) * i) / steps),
      y: Math.round(from.y + ((y - from.y) * i) / steps),
      duration: 20,
    });
  }
  await bidi.send('input.performActions', {
    context,
    actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
  });
}

export async function click(bidi: Bidi, context: string, x: number, y: number): Promise<void> {
  await bidi.send('input.performActions', {
    context,
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 50 },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ],
  });
}

/** Types `text` key by key into whatever has focus. */
export async function type(bidi: Bidi, context: string, text: string): Promise<void> {
  const actions = [...text].flatMap((value) => [
    { type: 'keyDown', value },
    { type: 'keyUp', value },
    { type: 'pause', duration: 30 },
  ]);
  await bidi.send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions }] });
}
