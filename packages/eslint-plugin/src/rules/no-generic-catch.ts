import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { minimatch } from 'minimatch';
import { relative, sep } from 'node:path';
import { createRule } from '../create-rule';

/** Options of `no-generic-catch`. */
export interface NoGenericCatchOptions {
  /** A handler that logs and then rethrows is fine (default true); false reports it as double handling. */
  allowLogAndRethrow?: boolean;
  /** Also check promise `.catch(callback)` handlers (default true). */
  checkPromiseCatch?: boolean;
  /** Top-level boundaries where a catch-all is intended. */
  boundaries?: {
    /** Enclosing function names, or `/regex/` strings. */
    functions?: string[];
    /** Globs of files, relative to ESLint's working directory. */
    files?: string[];
  };
}

type MessageIds = 'swallowed' | 'logOnly' | 'generic' | 'logAndRethrow';

// Properties whose comparison tells one kind of error from another.
const DISCRIMINATING_PROPERTIES = new Set(['code', 'name', 'status', 'statusCode', 'errno', 'type', 'kind']);
// Calls that hand the error on to someone who will handle it (promise, Express, Node callbacks).
const FORWARDING_CALLEES = new Set(['reject', 'next', 'done', 'callback', 'cb']);
const TYPE_GUARD_NAME = /^(is|assert)[A-Z_]/;
const LOG_FUNCTION_NAME = /^(log|warn|error|debug|info|trace|print)|^(captureException|captureError|reportError)$/i;
const LOGGER_OBJECT_NAME = /^console$|log(ger)?$/i;
const COMPARISON_OPERATORS = new Set(['==', '===', '!=', '!==']);

interface HandlerFacts {
  narrows: boolean;
  rethrows: boolean;
  logs: boolean;
}

type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

function childNodes(node: TSESTree.Node): TSESTree.Node[] {
  const children: TSESTree.Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent') continue;
    const candidates: unknown[] = Array.isArray(value) ? value : [value];
    for (const candidate of candidates) {
      if (candidate && typeof candidate === 'object' && typeof (candidate as { type?: unknown }).type === 'string') {
        children.push(candidate as TSESTree.Node);
      }
    }
  }
  return children;
}

/** Strips `as`, `!`, `<T>` and optional-chain wrappers. */
function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSTypeAssertion ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.ChainExpression
  ) {
    current = current.expression;
  }
  return current;
}

/** The outermost wrapper of a node (so its parent is the real consumer of the value). */
function outermostWrapper(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.parent.type === AST_NODE_TYPES.ChainExpression)
  ) {
    current = current.parent;
  }
  return current;
}

function propertyName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) return node.property.name;
  if (node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string') return node.property.value;
  return undefined;
}

function calleeName(callee: TSESTree.Node): string | undefined {
  const target = unwrap(callee);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type === AST_NODE_TYPES.MemberExpression) return propertyName(target);
  return undefined;
}

function isInTestPosition(node: TSESTree.Node): boolean {
  let outer = outermostWrapper(node);
  // `!e.code`, `typeof e.code === 'string'`
  while (outer.parent?.type === AST_NODE_TYPES.UnaryExpression && (outer.parent.operator === '!' || outer.parent.operator === 'typeof')) {
    outer = outer.parent;
  }
  const parent = outer.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.BinaryExpression:
      return COMPARISON_OPERATORS.has(parent.operator);
    case AST_NODE_TYPES.SwitchStatement:
      return parent.discriminant === outer;
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === outer;
    case AST_NODE_TYPES.LogicalExpression:
      return parent.left === outer || isInTestPosition(parent);
    case AST_NODE_TYPES.CallExpression: {
      const name = calleeName(parent.callee);
      return parent.arguments.includes(outer as TSESTree.CallExpressionArgument) && (name === 'includes' || name === 'has' || name === 'test');
    }
    default:
      return false;
  }
}

/** Names bound by a catch parameter (identifier or destructuring). */
function boundNames(pattern: TSESTree.Node | null | undefined, names: Set<string>, discriminants: Set<string>): void {
  if (!pattern) return;
  if (pattern.type === AST_NODE_TYPES.Identifier) names.add(pattern.name);
  if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of pattern.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
      const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      if (key && DISCRIMINATING_PROPERTIES.has(key) && value.type === AST_NODE_TYPES.Identifier) discriminants.add(value.name);
    }
  }
}

function isLogCall(expression: TSESTree.Node): boolean {
  let target = unwrap(expression);
  if (target.type === AST_NODE_TYPES.AwaitExpression) target = unwrap(target.argument);
  if (target.type === AST_NODE_TYPES.UnaryExpression && target.operator === 'void') target = unwrap(target.argument);
  if (target.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(target.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return LOG_FUNCTION_NAME.test(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrap(callee.object);
  const objectName =
    object.type === AST_NODE_TYPES.Identifier ? object.name : object.type === AST_NODE_TYPES.MemberExpression ? propertyName(object) : undefined;
  const method = propertyName(callee) ?? '';
  if (objectName && LOGGER_OBJECT_NAME.test(objectName)) return true;
  if (objectName === 'stderr' || objectName === 'stdout') return method === 'write';
  return /^(captureException|captureError|reportError)$/.test(method);
}

/** Walks a handler body and records whether it narrows, rethrows/forwards or logs the error. */
function collectFacts(body: TSESTree.Node, param: TSESTree.Node | null | undefined): HandlerFacts {
  const names = new Set<string>();
  const discriminants = new Set<string>();
  boundNames(param, names, discriminants);
  const facts: HandlerFacts = { narrows: false, rethrows: false, logs: false };
  const refersToError = (node: TSESTree.Node): boolean => {
    const target = unwrap(node);
    return target.type === AST_NODE_TYPES.Identifier && names.has(target.name);
  };

  const visit = (node: TSESTree.Node, insideNestedFunction: boolean): void => {
    switch (node.type) {
      case AST_NODE_TYPES.ThrowStatement:
        if (!insideNestedFunction) facts.rethrows = true;
        break;
      case AST_NODE_TYPES.BinaryExpression:
        if (node.operator === 'instanceof') facts.narrows = true;
        if (node.operator === 'in' && refersToError(node.right)) facts.narrows = true;
        break;
      case AST_NODE_TYPES.VariableDeclarator:
        // `const err = e as NodeJS.ErrnoException` makes `err` the error too.
        if (node.init && refersToError(node.init)) boundNames(node.id, names, discriminants);
        break;
      case AST_NODE_TYPES.MemberExpression: {
        const name = propertyName(node);
        if (name && DISCRIMINATING_PROPERTIES.has(name) && refersToError(node.object) && isInTestPosition(node)) facts.narrows = true;
        break;
      }
      case AST_NODE_TYPES.Identifier:
        if (discriminants.has(node.name) && isInTestPosition(node)) facts.narrows = true;
        break;
      case AST_NODE_TYPES.CallExpression: {
        const name = calleeName(node.callee);
        if (name && TYPE_GUARD_NAME.test(name) && node.arguments.some(refersToError)) facts.narrows = true;
        if (!insideNestedFunction && name && FORWARDING_CALLEES.has(name) && node.arguments.some(refersToError)) facts.rethrows = true;
        if (isLogCall(node)) facts.logs = true;
        break;
      }
      case AST_NODE_TYPES.ReturnStatement: {
        const argument = node.argument && unwrap(node.argument);
        if (!insideNestedFunction && argument?.type === AST_NODE_TYPES.CallExpression) {
          const callee = unwrap(argument.callee);
          if (
            callee.type === AST_NODE_TYPES.MemberExpression &&
            callee.object.type === AST_NODE_TYPES.Identifier &&
            callee.object.name === 'Promise' &&
            propertyName(callee) === 'reject'
          ) {
            facts.rethrows = true;
          }
        }
        break;
      }
      default:
        break;
    }
    for (const child of childNodes(node)) visit(child, insideNestedFunction || isFunctionNode(child));
  };
  visit(body, false);
  return facts;
}

function isLogOnlyStatement(statement: TSESTree.Node): boolean {
  if (statement.type === AST_NODE_TYPES.ExpressionStatement) return isLogCall(statement.expression);
  return isLogCall(statement);
}

function functionName(node: FunctionNode): string | undefined {
  if (node.id) return node.id.name;
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (
    (parent.type === AST_NODE_TYPES.MethodDefinition ||
      parent.type === AST_NODE_TYPES.Property ||
      parent.type === AST_NODE_TYPES.PropertyDefinition) &&
    parent.key.type === AST_NODE_TYPES.Identifier
  ) {
    return parent.key.name;
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    return propertyName(parent.left);
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.Identifier) return parent.left.name;
  return undefined;
}

function toMatcher(pattern: string): (name: string) => boolean {
  const regex = /^\/(.+)\/([a-z]*)$/.exec(pattern);
  if (regex) {
    const compiled = new RegExp(regex[1] as string, regex[2]);
    return (name) => compiled.test(name);
  }
  return (name) => name === pattern;
}

/** Reports `catch` handlers that swallow errors or treat every error the same. */
export const noGenericCatch = createRule<[NoGenericCatchOptions], MessageIds>({
  name: 'no-generic-catch',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow catch handlers that swallow errors or handle every error the same way without narrowing or rethrowing',
      recommended: true,
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowLogAndRethrow: { type: 'boolean', description: 'Allow handlers that log and then rethrow (default true).' },
          checkPromiseCatch: { type: 'boolean', description: 'Also check promise .catch(callback) handlers (default true).' },
          boundaries: {
            type: 'object',
            additionalProperties: false,
            description: 'Top-level boundaries where catching everything is intended.',
            properties: {
              functions: { type: 'array', items: { type: 'string' }, description: 'Enclosing function names or /regex/ strings.' },
              files: { type: 'array', items: { type: 'string' }, description: 'File globs relative to the working directory.' },
            },
          },
        },
      },
    ],
    messages: {
      swallowed: 'This catch swallows every error (empty handler). Catch only the errors you expect (instanceof, a type guard or a code check) and rethrow the rest.',
      logOnly:
        'This catch only logs the error and carries on as if nothing failed. Narrow to the errors you expect (instanceof, a type guard or a code check) and rethrow the rest.',
      generic:
        'This catch handles every error the same way. Narrow to the errors you expect (instanceof, a type guard or a code check) and rethrow the rest.',
      logAndRethrow: 'This catch logs and rethrows, so the error gets logged twice. Either handle it here or only rethrow it.',
    },
  },
  defaultOptions: [{ allowLogAndRethrow: true, checkPromiseCatch: true, boundaries: { functions: [], files: [] } }],
  create(context, [options]) {
    const allowLogAndRethrow = options.allowLogAndRethrow !== false;
    const functionMatchers = (options.boundaries?.functions ?? []).map(toMatcher);
    const relativeFile = relative(context.cwd, context.filename).split(sep).join('/');
    const inBoundaryFile = (options.boundaries?.files ?? []).some((pattern) =>
      minimatch(relativeFile, pattern, { dot: true, matchBase: !pattern.includes('/') }),
    );
    if (inBoundaryFile) return {};

    const inBoundaryFunction = (node: TSESTree.Node): boolean => {
      if (functionMatchers.length === 0) return false;
      for (let current = node.parent; current; current = current.parent) {
        if (!isFunctionNode(current)) continue;
        const name = functionName(current);
        if (name && functionMatchers.some((matches) => matches(name))) return true;
      }
      return false;
    };

    const check = (
      reportNode: TSESTree.Node,
      handlerNode: TSESTree.Node,
      statements: TSESTree.Node[],
      body: TSESTree.Node,
      param: TSESTree.Node | null | undefined,
    ): void => {
      if (inBoundaryFunction(handlerNode)) return;
      const report = (messageId: MessageIds): void => context.report({ node: reportNode, messageId });
      if (statements.length === 0) return report('swallowed');
      const facts = collectFacts(body, param);
      if (facts.narrows) return;
      if (facts.rethrows) {
        if (!allowLogAndRethrow && facts.logs) report('logAndRethrow');
        return;
      }
      report(statements.every(isLogOnlyStatement) ? 'logOnly' : 'generic');
    };

    const listeners: TSESLint.RuleListener = {
      CatchClause(node) {
        check(node, node, node.body.body, node.body, node.param);
      },
    };
    if (options.checkPromiseCatch !== false) {
      listeners.CallExpression = (node) => {
        const callee = node.callee;
        if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'catch') return;
        const handler = node.arguments[0];
        if (!handler || (handler.type !== AST_NODE_TYPES.ArrowFunctionExpression && handler.type !== AST_NODE_TYPES.FunctionExpression)) return;
        const statements = handler.body.type === AST_NODE_TYPES.BlockStatement ? handler.body.body : [handler.body];
        check(callee.property, handler, statements, handler.body, handler.params[0]);
      };
    }
    return listeners;
  },
});
