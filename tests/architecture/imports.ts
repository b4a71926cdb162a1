/**
 * Reads what our source files import, for the tests that check where imports may go
 * (layers, no zod in the extension). The TypeScript parser, not a regex, so comments
 * and strings that look like imports do not count.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(__dirname, '../..');

export interface ImportOptions {
  /** Count `import type` and `export type`: they tie modules as much as values do, except at run time. */
  types: boolean;
}

/** Every module specifier a source file imports or re-exports, dynamic `import('...')` included. */
export function specifiers(file: string, { types }: ImportOptions): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const typeOnly = ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly : node.isTypeOnly;
      if ((types || !typeOnly) && ts.isStringLiteral(node.moduleSpecifier)) out.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      out.push(node.arguments[0].text);
    } else if (
      types &&
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      out.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The path a relative specifier points at (query such as `?raw` dropped), or null for a package. */
export function targetPath(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return resolve(dirname(from), specifier.replace(/\?.*$/, ''));
}

/** Our source file a relative specifier names, or null for a package or a non-code file. */
export function resolveLocal(from: string, specifier: string): string | null {
  const base = targetPath(from, specifier);
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}
