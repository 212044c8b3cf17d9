import type { ModuleExport } from '../shared/list-module-exports';

/** Source of a spec with one `describe` per runtime export and `it.todo` stubs. */
export function renderSpecStubs(moduleName: string, importPath: string, exports: ModuleExport[]): string {
  const names = exports.map((item) => `'${item.name}'`).join(', ');
  const blocks = exports.map((item) => {
    const title = item.name === 'default' ? 'default export' : item.name;
    return `
describe('${title}', () => {
${todosFor(item)
  .map((todo) => `  it.todo('${todo.replace(/'/g, "\\'")}');`)
  .join('\n')}
});
`;
  });
  // The one real assertion keeps the import used (lint, noUnusedLocals) and fails when an export
  // the stubs describe disappears; everything else is a todo until someone writes the test.
  return `import * as subject from '${importPath}';

describe('${moduleName}', () => {
  it('exports what the stubs below describe', () => {
    expect(Object.keys(subject)).toEqual(expect.arrayContaining([${names}]));
  });
});
${blocks.join('')}`;
}

function todosFor(item: ModuleExport): string[] {
  if (item.kind === 'class') {
    return ['constructs with valid arguments', ...item.methods.map((method) => `${method}()`)];
  }
  if (item.kind === 'function') {
    return ['returns the expected result for typical input', 'handles edge cases (empty, boundary values)', 'rejects invalid input'];
  }
  return ['has the expected value'];
}
