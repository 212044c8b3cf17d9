import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as ts from 'typescript';
import { collectProgramDiagnostics } from './collect-program-diagnostics';
import { createCheckHost } from './create-check-host';
import { createTypecheckRunCache } from './typecheck-run-cache';

// Real TypeScript: programs built through one shared cache give the diagnostics of programs built
// without it, and share the declaration files that configs differing in module settings parse alike.
let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'nxq-check-host-'));
  const files: Record<string, string> = {
    'package.json': '{ "name": "ws" }',
    'node_modules/dep/package.json': '{ "name": "dep", "types": "index.d.ts" }',
    'node_modules/dep/index.d.ts': 'export declare function greet(name: string): string;\nexport declare const enum Level { Low = 1 }\n',
    'node_modules/esm-dep/package.json': '{ "name": "esm-dep", "type": "module", "types": "index.d.ts" }',
    'node_modules/esm-dep/index.d.ts': 'export declare const answer: number;\n',
    'src/globals.d.ts': 'declare const APP_VERSION: string;\n',
    'src/index.ts': "import { greet, Level } from 'dep';\nimport { answer } from 'esm-dep';\nexport const wrong: number = greet(APP_VERSION);\nexport const level = Level.Low + answer;\n",
    'src/meta.ts': 'export const here = import.meta.url;\n',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

// TypeScript 6 deprecates Node10 resolution and ES5, which Nx spec configs of ts-jest projects still use.
const base: ts.CompilerOptions = { strict: true, noEmit: true, types: [], lib: ['lib.es2022.d.ts'], target: ts.ScriptTarget.ES2022, ignoreDeprecations: '6.0' };
const nodeNext: ts.CompilerOptions = { ...base, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
const bundler: ts.CompilerOptions = { ...base, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler };
const commonjs: ts.CompilerOptions = { ...base, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 };
const rootNames = (): string[] => ['src/globals.d.ts', 'src/index.ts', 'src/meta.ts'].map((file) => join(root, file));

function keys(program: ts.Program): string[] {
  return collectProgramDiagnostics(program)
    .map((diagnostic) => `${diagnostic.file?.fileName.slice(root.length) ?? ''}:${diagnostic.start ?? ''}:TS${diagnostic.code}`)
    .sort();
}

/** Programs of each options, built through one cache (in this order) and each without it. */
function checkAll(optionsList: ts.CompilerOptions[]): { cached: ts.Program[]; fresh: ts.Program[] } {
  const cache = createTypecheckRunCache();
  const cached = optionsList.map((options) => ts.createProgram({ rootNames: rootNames(), options, host: createCheckHost(ts, options, root, cache) }));
  const fresh = optionsList.map((options) => ts.createProgram({ rootNames: rootNames(), options }));
  return { cached, fresh };
}

const same = (a: ts.Program, b: ts.Program, file: string): boolean => a.getSourceFile(join(root, file)) === b.getSourceFile(join(root, file));
const libOf = (program: ts.Program): ts.SourceFile => program.getSourceFiles().find((file) => file.fileName.endsWith('/lib.es5.d.ts'))!;

describe('createCheckHost', () => {
  it('gives every config the diagnostics TypeScript gives it without the cache', () => {
    const { cached, fresh } = checkAll([nodeNext, bundler, commonjs, { ...commonjs, target: ts.ScriptTarget.ES5 }]);
    for (const [index, program] of cached.entries()) {
      expect(keys(program)).toEqual(keys(fresh[index]!));
    }
    // The fixture's errors are there: a string assigned to a number, import.meta where the output is CommonJS.
    expect(keys(cached[0]!)).toEqual(['/src/index.ts:83:TS2322', '/src/meta.ts:20:TS1470', '/src/meta.ts:32:TS2339']);
    expect(keys(cached[1]!)).toEqual(['/src/index.ts:83:TS2322', '/src/meta.ts:32:TS2339']);
    expect(keys(cached[2]!)).toEqual(['/src/index.ts:83:TS2322', '/src/meta.ts:20:TS1343', '/src/meta.ts:32:TS2339']);
  });

  it('shares declaration files between configs that differ in module settings, but not the sources', () => {
    const [esm, cjs] = checkAll([bundler, commonjs]).cached as [ts.Program, ts.Program];
    expect(cjs.getSourceFile(libOf(esm).fileName)).toBe(libOf(esm));
    expect(same(esm, cjs, 'node_modules/dep/index.d.ts')).toBe(true);
    expect(same(esm, cjs, 'src/globals.d.ts')).toBe(true);
    expect(same(esm, cjs, 'src/index.ts')).toBe(false);
  });

  it('parses a declaration file again where TypeScript gives it another format', () => {
    const [esm, cjs] = checkAll([nodeNext, commonjs]).cached as [ts.Program, ts.Program];
    const format = (program: ts.Program, file: string): ts.ResolutionMode => program.getSourceFile(join(root, file))?.impliedNodeFormat;
    expect(cjs.getSourceFile(libOf(esm).fileName)).toBe(libOf(esm));
    // A root file of a package without "type": CommonJS under NodeNext resolution, no format under Node10.
    expect([format(esm, 'src/globals.d.ts'), format(cjs, 'src/globals.d.ts')]).toEqual([ts.ModuleKind.CommonJS, undefined]);
    expect(same(esm, cjs, 'src/globals.d.ts')).toBe(false);
    // The packages imported get the same format from both, so they are shared.
    expect([format(esm, 'node_modules/dep/index.d.ts'), format(cjs, 'node_modules/dep/index.d.ts')]).toEqual([ts.ModuleKind.CommonJS, ts.ModuleKind.CommonJS]);
    expect(format(esm, 'node_modules/esm-dep/index.d.ts')).toBe(ts.ModuleKind.ESNext);
    expect(same(esm, cjs, 'node_modules/dep/index.d.ts')).toBe(true);
    expect(same(esm, cjs, 'node_modules/esm-dep/index.d.ts')).toBe(true);
  });

  it('parses declaration files again for another language level', () => {
    const [es2022, es5] = checkAll([commonjs, { ...commonjs, target: ts.ScriptTarget.ES5 }]).cached as [ts.Program, ts.Program];
    expect(same(es2022, es5, 'node_modules/dep/index.d.ts')).toBe(false);
    expect(es5.getSourceFile(libOf(es2022).fileName)).not.toBe(libOf(es2022));
  });
});
