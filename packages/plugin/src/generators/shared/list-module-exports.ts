import { posix } from 'node:path';
import type { Tree } from '@nx/devkit';
import * as ts from 'typescript';

/** A runtime export of a module (type-only exports are left out). */
export interface ModuleExport {
  /** Export name; `default` for the default export. */
  name: string;
  /** Name inside the declaring file (`default`, or the original of `export { a as b }`). */
  localName: string;
  kind: 'function' | 'class' | 'value';
  /** A function (or class) callable without arguments. */
  callableWithoutArguments: boolean;
  /** Workspace-relative file that declares it (differs from the module for re-exports). */
  declaredIn: string;
  /** Public instance methods of a class, in declaration order. */
  methods: string[];
}

/**
 * Lists the runtime exports of a TypeScript module with the compiler API (following `export *` and
 * re-exports), reading sources from the generator's Tree so files created in the same run count.
 */
export function listModuleExports(tree: Tree, file: string): ModuleExport[] {
  const root = tree.root.replace(/\/+$/, '') || '/';
  const toAbsolute = (relative: string) => posix.join(root, relative);
  const toRelative = (absolute: string): string | undefined => {
    const normalized = absolute.replace(/\\/g, '/');
    if (root === '/') return normalized.replace(/^\/+/, '');
    return normalized.startsWith(`${root}/`) ? normalized.slice(root.length + 1) : undefined;
  };
  const readText = (absolute: string): string | undefined => {
    const relative = toRelative(absolute);
    // Only workspace sources matter here; packages and lib files stay unresolved on purpose.
    if (relative === undefined || relative.includes('node_modules/') || !tree.exists(relative)) return undefined;
    return tree.read(relative, 'utf-8') ?? undefined;
  };
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noLib: true,
    allowJs: false,
    noEmit: true,
    types: [],
  };
  const host: ts.CompilerHost = {
    getSourceFile: (name, languageVersion) => {
      const text = readText(name);
      return text === undefined ? undefined : ts.createSourceFile(name, text, languageVersion, true);
    },
    getDefaultLibFileName: () => 'lib.d.ts',
    writeFile: () => undefined,
    getCurrentDirectory: () => root,
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (name) => readText(name) !== undefined,
    readFile: (name) => readText(name),
    directoryExists: (name) => {
      const relative = toRelative(name);
      return relative !== undefined && (relative === '' || tree.children(relative).length > 0);
    },
    getDirectories: () => [],
    realpath: (name) => name,
  };
  const absoluteFile = toAbsolute(file);
  const program = ts.createProgram([absoluteFile], options, host);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(absoluteFile);
  const moduleSymbol = source ? checker.getSymbolAtLocation(source) : undefined;
  if (!moduleSymbol) return [];

  const result: ModuleExport[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    if (isTypeOnlyAlias(exported)) continue;
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (!(target.flags & ts.SymbolFlags.Value)) continue;
    const declaration = target.valueDeclaration ?? target.declarations?.[0];
    if (!declaration) continue;
    const type = checker.getTypeOfSymbolAtLocation(target, declaration);
    const isClass = (target.flags & ts.SymbolFlags.Class) !== 0;
    const isFunction = !isClass && ((target.flags & ts.SymbolFlags.Function) !== 0 || type.getCallSignatures().length > 0);
    const signatures = isClass ? type.getConstructSignatures() : type.getCallSignatures();
    const isAbstract = isClass && ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Abstract;
    result.push({
      name: exported.getName(),
      localName: target.getName(),
      kind: isClass ? 'class' : isFunction ? 'function' : 'value',
      callableWithoutArguments: !isAbstract && (isClass || isFunction) && signatures.some((signature) => signature.getParameters().every((parameter) => isOptionalParameter(parameter))),
      declaredIn: toRelative(declaration.getSourceFile().fileName) ?? file,
      methods: isClass && ts.isClassLike(declaration) ? publicMethods(declaration) : [],
    });
  }
  return result.sort((a, b) => a.name.localeCompare(b.name));
}

function isTypeOnlyAlias(symbol: ts.Symbol): boolean {
  return (symbol.declarations ?? []).some(
    (declaration) =>
      (ts.isExportSpecifier(declaration) && (declaration.isTypeOnly || declaration.parent.parent.isTypeOnly)) ||
      (ts.isNamespaceExport(declaration) && declaration.parent.isTypeOnly),
  );
}

function isOptionalParameter(parameter: ts.Symbol): boolean {
  const declaration = parameter.valueDeclaration;
  if (!declaration || !ts.isParameter(declaration)) return false;
  return declaration.questionToken !== undefined || declaration.initializer !== undefined || declaration.dotDotDotToken !== undefined;
}

function publicMethods(declaration: ts.ClassLikeDeclaration): string[] {
  return declaration.members
    .filter((member): member is ts.MethodDeclaration => ts.isMethodDeclaration(member))
    .filter((member) => {
      const flags = ts.getCombinedModifierFlags(member);
      return !(flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Static)) && !ts.isPrivateIdentifier(member.name);
    })
    .map((member) => member.name.getText())
    .filter((name, index, all) => all.indexOf(name) === index);
}
