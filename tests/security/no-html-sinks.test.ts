// @vitest-environment node
/**
 * Our code never turns a string into markup or code: no innerHTML and its relatives, no
 * document.write, no dangerouslySetInnerHTML, no eval or Function constructor, no timer
 * given a string. Checked on the TypeScript syntax tree of every source file (so comments
 * and words like "detect:eval" do not count), in every folder the extension or its build
 * is made from. Extension pages' HTML may carry no inline script or handler either.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const FOLDERS = ['entrypoints', 'components', 'adapters', 'engine', 'corpus', 'scripts'];
const SKIP_DIRS = new Set(['node_modules', '.output', '.wxt', 'tests']);

/** Names that parse HTML into the DOM, wherever they appear (property, JSX attribute, string key). */
const HTML_SINKS = new Set([
  'innerHTML',
  'outerHTML',
  'insertAdjacentHTML',
  'dangerouslySetInnerHTML',
  'createContextualFragment',
  'setHTMLUnsafe',
  'parseHTMLUnsafe',
]);

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path, ext));
    else if (ext.test(entry.name)) out.push(path);
  }
  return out;
}

/** Every forbidden construct in one source text, as "line: what". */
function findSinks(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const at = (node: ts.Node, what: string) =>
    found.push(`${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${what}`);
  const calleeName = (e: ts.Expression): string | null => {
    if (ts.isIdentifier(e)) return e.text;
    if (ts.isPropertyAccessExpression(e)) return e.name.text;
    return null;
  };
  const visit = (node: ts.Node): void => {
    // Identifiers include property names and JSX attribute names.
    if ((ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) && HTML_SINKS.has(node.text.replace(/^#/, ''))) {
      at(node, node.text);
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && HTML_SINKS.has(node.text)) {
      at(node, `'${node.text}'`);
    } else if (
      ts.isPropertyAccessExpression(node) &&
      /^(write|writeln)$/.test(node.name.text) &&
      /(^|\.)document$/.test(node.expression.getText(source))
    ) {
      at(node, `document.${node.name.text}`);
    } else if (ts.isIdentifier(node) && node.text === 'eval') {
      at(node, 'eval');
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && calleeName(node.expression) === 'Function') {
      at(node, 'Function constructor');
    } else if (ts.isCallExpression(node) && /^(setTimeout|setInterval)$/.test(calleeName(node.expression) ?? '')) {
      const first = node.arguments[0];
      if (
        first &&
        (ts.isStringLiteral(first) || ts.isTemplateExpression(first) || ts.isNoSubstitutionTemplateLiteral(first))
      ) {
        at(node, `${calleeName(node.expression)} with a string`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no HTML or code from strings in our source', () => {
  it('the checker finds each forbidden construct', () => {
    const bad = [
      'el.innerHTML = s;',
      'el.outerHTML = s;',
      "el.insertAdjacentHTML('beforeend', s);",
      "el['innerHTML'] = s;",
      'document.write(s);',
      'window.document.writeln(s);',
      'eval(s);',
      'globalThis.eval(s);',
      "new Function('return 1');",
      "Function('return 1')();",
      "setTimeout('alert(1)', 10);",
      'range.createContextualFragment(s);',
      'el.setHTMLUnsafe(s);',
    ];
    for (const line of bad) expect(findSinks('x.ts', line), line).toHaveLength(1);
    expect(findSinks('x.tsx', 'const a = <div dangerouslySetInnerHTML={{ __html: s }} />;')).toHaveLength(1);
    const fine = [
      '// never use innerHTML or eval here',
      "const script = 'detect:eval';",
      'el.textContent = s;',
      'writer.write(s);',
      'setTimeout(() => run(), 10);',
      "const html = '<p>' ;",
    ];
    for (const line of fine) expect(findSinks('x.ts', line), line).toEqual([]);
  });

  it('none in entrypoints, components, adapters, engine, corpus or scripts', () => {
    const files = FOLDERS.flatMap((f) => filesUnder(join(ROOT, f), /\.(ts|tsx|mts|js|mjs)$/));
    expect(files.length).toBeGreaterThan(40);
    const report = files.flatMap((file) =>
      findSinks(file, readFileSync(file, 'utf8')).map((hit) => `${relative(ROOT, file)}:${hit}`),
    );
    expect(report).toEqual([]);
  });

  it("extension pages' HTML has no inline script or event handler", () => {
    const pages = filesUnder(join(ROOT, 'entrypoints'), /\.html$/);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
        ([, attrs, body]) => !/\bsrc=/.test(attrs!) || body!.trim(),
      );
      expect(inline, relative(ROOT, page)).toEqual([]);
      expect(html, relative(ROOT, page)).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html, relative(ROOT, page)).not.toMatch(/javascript:/i);
    }
  });
});
