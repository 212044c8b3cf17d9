import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../create-rule';

/** Options of `no-bare-error-throw` (the error-hierarchy generator writes exactly these names). */
export interface NoBareErrorThrowOptions {
  /** Base class of the project's error hierarchy, e.g. `AppError`. */
  baseClass?: string;
  /** Module the hierarchy is imported from, e.g. `@acme/errors`. */
  importPath?: string;
}

type MessageIds = 'bareError' | 'bareErrorUseBase' | 'nonError';

/** What a thrown expression evidently is, when it evidently is not an Error. */
function describeNonError(node: TSESTree.Node, scopeHasUndefined: boolean): string | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      if (node.value === null) return 'null';
      if ('regex' in node && node.regex) return 'a regular expression';
      return `a ${typeof node.value}`;
    case AST_NODE_TYPES.TemplateLiteral:
      return 'a string';
    case AST_NODE_TYPES.ObjectExpression:
      return 'an object literal';
    case AST_NODE_TYPES.ArrayExpression:
      return 'an array';
    case AST_NODE_TYPES.BinaryExpression:
      return node.operator === '+' ? 'a string or number' : 'a primitive value';
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === 'void' ? 'undefined' : 'a primitive value';
    case AST_NODE_TYPES.UpdateExpression:
      return 'a number';
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return 'a function';
    case AST_NODE_TYPES.Identifier:
      return node.name === 'undefined' && !scopeHasUndefined ? 'undefined' : undefined;
    default:
      return undefined;
  }
}

/** Reports `throw new Error(…)`, and throwing strings, literals and other non-Error values. */
export const noBareErrorThrow = createRule<[NoBareErrorThrowOptions], MessageIds>({
  name: 'no-bare-error-throw',
  meta: {
    type: 'suggestion',
    docs: {
      description: "Disallow throwing a bare Error, a string or another non-Error value instead of a class of the project's error hierarchy",
      recommended: true,
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          baseClass: { type: 'string', description: 'Base class of the project error hierarchy, e.g. AppError.' },
          importPath: { type: 'string', description: 'Module the error hierarchy is imported from.' },
        },
      },
    ],
    messages: {
      bareError: "Throwing a bare Error loses the error's kind; throw a class of the project's error hierarchy{{from}}.",
      bareErrorUseBase: 'Throwing a bare Error loses the error\'s kind; throw a subclass of {{baseClass}}{{from}}.',
      nonError: "Throwing {{what}} gives no stack trace and no kind; throw a class of the project's error hierarchy{{from}}.",
    },
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const from = options.importPath ? ` (from '${options.importPath}')` : '';
    const sourceCode = context.sourceCode;

    /** True when `name` resolves to a local binding rather than the global. */
    const isShadowed = (node: TSESTree.Node, name: string): boolean => {
      for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(node); scope; scope = scope.upper) {
        const variable = scope.set.get(name);
        if (variable && variable.defs.length > 0) return true;
      }
      return false;
    };

    const isBareErrorConstruction = (node: TSESTree.Node): boolean =>
      (node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.CallExpression) &&
      node.callee.type === AST_NODE_TYPES.Identifier &&
      node.callee.name === 'Error' &&
      !isShadowed(node, 'Error');

    return {
      ThrowStatement(node) {
        const argument = node.argument;
        if (isBareErrorConstruction(argument)) {
          if (options.baseClass) {
            context.report({ node, messageId: 'bareErrorUseBase', data: { baseClass: options.baseClass, from } });
          } else {
            context.report({ node, messageId: 'bareError', data: { from } });
          }
          return;
        }
        const what = describeNonError(argument, isShadowed(argument, 'undefined'));
        if (what) context.report({ node, messageId: 'nonError', data: { what, from } });
      },
    };
  },
});
