import * as ts from 'typescript';
import { scanModuleFile } from './scan-module-file';

describe('scanModuleFile', () => {
  it('records value, type-only and re-export references', () => {
    const scanned = scanModuleFile(
      ts,
      '/ws/src/a.ts',
      [
        "import { a } from './a1';",
        "import type { B } from './b';",
        "import { type C, type D } from './cd';",
        "import { type E, f } from './ef';",
        "import './side-effect';",
        "export * from './all';",
        "export type { G } from './g';",
        "export { h } from './h';",
        "const lazy = () => import('./lazy');",
        "const req = require('./req');",
        "type T = import('./type-query').T;",
      ].join('\n'),
    );
    expect(scanned.references).toEqual([
      { specifier: './a1', typeOnly: false, reexport: false },
      { specifier: './b', typeOnly: true, reexport: false },
      { specifier: './cd', typeOnly: true, reexport: false },
      { specifier: './ef', typeOnly: false, reexport: false },
      { specifier: './side-effect', typeOnly: false, reexport: false },
      { specifier: './all', typeOnly: false, reexport: true },
      { specifier: './g', typeOnly: true, reexport: true },
      { specifier: './h', typeOnly: false, reexport: true },
      { specifier: './lazy', typeOnly: false, reexport: false },
      { specifier: './req', typeOnly: false, reexport: false },
    ]);
    expect(scanned.hasRuntimeCode).toBe(true);
  });

  it('counts jest.mock calls and declared tests (each/skip/only/todo count once, describe not at all)', () => {
    const scanned = scanModuleFile(
      ts,
      '/ws/src/a.spec.ts',
      [
        "jest.mock('./a');",
        "jest.doMock('./b', () => ({}));",
        "const actual = jest.requireActual('./c');",
        "describe('x', () => {",
        "  it('one', () => {});",
        "  test.each([[1], [2]])('two %i', () => {});",
        '  it.each`\n    a\n    ${1}\n  `(\'three\', () => {});',
        "  it.skip('four', () => {});",
        "  xit('five', () => {});",
        "  it.todo('six');",
        "  fit('seven', () => {});",
        "  helper.it('not a test', () => {});",
        '});',
      ].join('\n'),
    );
    expect(scanned.mockCalls).toBe(2);
    expect(scanned.testCalls).toBe(7);
    expect(scanned.references).toEqual([{ specifier: './c', typeOnly: false, reexport: false }]);
  });

  it('knows files without code of their own', () => {
    const barrel = scanModuleFile(ts, '/ws/src/index.ts', "export * from './a';\nexport type { B } from './b';\n");
    const types = scanModuleFile(ts, '/ws/src/types.ts', 'export interface A { a: 1 }\nexport type B = A;\nconst enum C { X }\ndeclare const d: number;\n');
    const code = scanModuleFile(ts, '/ws/src/e.ts', 'export enum E { A }\n');
    expect([barrel.hasRuntimeCode, types.hasRuntimeCode, code.hasRuntimeCode]).toEqual([false, false, true]);
  });
});
