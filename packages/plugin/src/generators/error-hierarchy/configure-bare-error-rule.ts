import { joinPathFragments, type Tree } from '@nx/devkit';
import * as ts from 'typescript';

const RULE = '@nx-quality/no-bare-error-throw';
const CONFIG_NAMES = ['eslint.config.mjs', 'eslint.config.js', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];

/**
 * Points `@nx-quality/no-bare-error-throw` at the generated base class in the project's ESLint flat
 * config, keeping the configured severity. Returns the files changed; a config without the rule is
 * left alone (we do not turn rules on behind the user's back).
 */
export function configureBareErrorRule(tree: Tree, projectRoot: string, ruleOptions: { baseClass: string; importPath: string }): string[] {
  const changed: string[] = [];
  for (const name of CONFIG_NAMES) {
    const file = joinPathFragments(projectRoot, name);
    const text = tree.exists(file) ? tree.read(file, 'utf-8') : null;
    if (!text || !text.includes(RULE)) continue;
    const updated = rewriteRuleEntries(file, text, ruleOptions);
    if (updated !== text) {
      tree.write(file, updated);
      changed.push(file);
    }
  }
  return changed;
}

function rewriteRuleEntries(file: string, text: string, ruleOptions: { baseClass: string; importPath: string }): string {
  const kind = /\.[cm]?ts$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && (ts.isStringLiteral(node.name) || ts.isNoSubstitutionTemplateLiteral(node.name)) && node.name.text === RULE) {
      const value = node.initializer;
      const severity = ts.isArrayLiteralExpression(value) ? value.elements[0]?.getText(source) ?? "'error'" : value.getText(source);
      const options = `{ baseClass: ${quote(ruleOptions.baseClass)}, importPath: ${quote(ruleOptions.importPath)} }`;
      edits.push({ start: value.getStart(source), end: value.getEnd(), text: `[${severity}, ${options}]` });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let result = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = `${result.slice(0, edit.start)}${edit.text}${result.slice(edit.end)}`;
  }
  return result;
}

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
