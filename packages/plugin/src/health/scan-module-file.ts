import type * as TS from 'typescript';

/** One module a file refers to. */
export interface ModuleReference {
  specifier: string;
  /** `import type`, `export type … from`, or only `type` specifiers: erased at runtime. */
  typeOnly: boolean;
  /** `export … from`: the file passes the module on (a barrel edge). */
  reexport: boolean;
}

/** What the health analysis needs from one file's syntax tree. */
export interface ScannedModule {
  references: ModuleReference[];
  /** `jest.mock`, `jest.doMock`, `jest.unstable_mockModule`, `vi.mock`, `vi.doMock` calls. */
  mockCalls: number;
  /** Declared test cases: `it`/`test` calls and their `.skip`/`.only`/`.todo`/`.each` forms, `xit`, `fit`, `xtest`. */
  testCalls: number;
  /** False for files with only imports, re-exports and type declarations: nothing in them runs. */
  hasRuntimeCode: boolean;
}

const TEST_FUNCTIONS = new Set(['it', 'test', 'xit', 'xtest', 'fit']);
const MOCK_METHODS = new Set(['mock', 'doMock', 'unstable_mockModule']);
const MOCK_OBJECTS = new Set(['jest', 'vi']);

function rootIdentifier(ts: typeof TS, expression: TS.Expression): string | undefined {
  let current: TS.Expression = expression;
  for (;;) {
    if (ts.isPropertyAccessExpression(current)) current = current.expression;
    else if (ts.isCallExpression(current)) current = current.expression;
    else if (ts.isTaggedTemplateExpression(current)) current = current.tag;
    else break;
  }
  return ts.isIdentifier(current) ? current.text : undefined;
}

function hasDeclareModifier(ts: typeof TS, node: TS.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword);
}

function isTypeLevelStatement(ts: typeof TS, statement: TS.Statement): boolean {
  if (hasDeclareModifier(ts, statement)) return true;
  if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEmptyStatement(statement)) return true;
  if (ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement)) return true;
  // `export … from` and `export { local }` add no code of their own.
  if (ts.isExportDeclaration(statement)) return true;
  if (ts.isEnumDeclaration(statement)) return (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ConstKeyword);
  return false;
}

function stringArgument(ts: typeof TS, call: TS.CallExpression): string | undefined {
  const first = call.arguments[0];
  return first && ts.isStringLiteralLike(first) ? first.text : undefined;
}

/** Reads imports, re-exports, mock calls and test calls of one file with the TypeScript parser. */
export function scanModuleFile(ts: typeof TS, fileName: string, text: string): ScannedModule {
  const kind = /\.(tsx|jsx)$/.test(fileName) ? ts.ScriptKind.TSX : /\.(js|mjs|cjs)$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const scanned: ScannedModule = { references: [], mockCalls: 0, testCalls: 0, hasRuntimeCode: false };

  for (const statement of sourceFile.statements) {
    if (!isTypeLevelStatement(ts, statement)) scanned.hasRuntimeCode = true;
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const onlyTypeSpecifiers = !!clause && !clause.name && !!named && named.length > 0 && named.every((element) => element.isTypeOnly);
      scanned.references.push({
        specifier: statement.moduleSpecifier.text,
        typeOnly: !!clause && (clause.isTypeOnly || onlyTypeSpecifiers),
        reexport: false,
      });
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      const expression = statement.moduleReference.expression;
      if (ts.isStringLiteral(expression)) scanned.references.push({ specifier: expression.text, typeOnly: statement.isTypeOnly, reexport: false });
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.exportClause;
      const onlyTypeSpecifiers = !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly);
      scanned.references.push({ specifier: statement.moduleSpecifier.text, typeOnly: statement.isTypeOnly || onlyTypeSpecifiers, reexport: true });
    }
  }

  const visit = (node: TS.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword) {
        const specifier = stringArgument(ts, node);
        if (specifier) scanned.references.push({ specifier, typeOnly: false, reexport: false });
      } else if (ts.isIdentifier(callee) && callee.text === 'require') {
        const specifier = stringArgument(ts, node);
        if (specifier) scanned.references.push({ specifier, typeOnly: false, reexport: false });
      } else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && MOCK_OBJECTS.has(callee.expression.text)) {
        if (MOCK_METHODS.has(callee.name.text)) scanned.mockCalls += 1;
        if (callee.name.text === 'requireActual') {
          const specifier = stringArgument(ts, node);
          if (specifier) scanned.references.push({ specifier, typeOnly: false, reexport: false });
        }
      }
      const root = rootIdentifier(ts, callee);
      const isInnerPartOfCall = ts.isCallExpression(node.parent) && node.parent.expression === node;
      const isTagOfTemplate = ts.isTaggedTemplateExpression(node.parent) && node.parent.tag === node;
      if (root && TEST_FUNCTIONS.has(root) && !isInnerPartOfCall && !isTagOfTemplate) scanned.testCalls += 1;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return scanned;
}
