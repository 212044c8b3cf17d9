import { tsStringLiteral } from './ts-string-literal';
import type { CategoryModel, HierarchyModel, LeafModel } from './hierarchy-model';

/**
 * Source of the spec that covers the generated module completely: every class (instanceof chain,
 * name, code, status, guard), both sides of every default, and `toJSON` with and without a cause.
 */
export function renderErrorTests(model: HierarchyModel, importExtension: string): string {
  const base = model.base.className;
  const names = [base, ...model.categories.flatMap((category) => [category.className, ...category.leaves.map((leaf) => leaf.className)])];
  const imports = [...names, ...names.map((name) => `is${name}`)].join(',\n  ');
  const blocks = [renderBaseTests(model), ...model.categories.flatMap((category) => [renderCategoryTests(model, category), ...category.leaves.map((leaf) => renderLeafTests(model, category, leaf))])];
  return `import {
  ${imports},
} from './index${importExtension}';
${blocks.join('')}`;
}

function expectStatus(status: number | undefined): string {
  return status === undefined ? 'toBeUndefined()' : `toBe(${status})`;
}

function statusJson(status: number | undefined): string {
  return status === undefined ? '' : ` httpStatus: ${status},`;
}

function renderBaseTests(model: HierarchyModel): string {
  const { className: base, httpStatus } = model.base;
  return `
describe('${base}', () => {
  it('carries code, message, empty details and the default status', () => {
    const error = new ${base}('SOMETHING_FAILED', 'Something failed.');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(${base});
    expect(error.name).toBe('${base}');
    expect(error.code).toBe('SOMETHING_FAILED');
    expect(error.message).toBe('Something failed.');
    expect(error.details).toEqual({});
    expect(error.httpStatus).${expectStatus(httpStatus)};
    expect(error.cause).toBeUndefined();
    expect(error.toJSON()).toEqual({ name: '${base}', code: 'SOMETHING_FAILED', message: 'Something failed.', details: {},${statusJson(httpStatus)} });
    expect(is${base}(error)).toBe(true);
    expect(is${base}(new Error('plain'))).toBe(false);
  });

  it('keeps details, status and an Error cause, and serialises them', () => {
    const cause = new Error('disk full');
    const error = new ${base}('SOMETHING_FAILED', 'Something failed.', { cause, details: { id: 42 }, httpStatus: 503 });
    expect(error.cause).toBe(cause);
    expect(error.details).toEqual({ id: 42 });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: '${base}',
      code: 'SOMETHING_FAILED',
      message: 'Something failed.',
      details: { id: 42 },
      httpStatus: 503,
      cause: { name: 'Error', message: 'disk full' },
    });
  });

  it('serialises a cause that is not an Error as text', () => {
    const error = new ${base}('SOMETHING_FAILED', 'Something failed.', { cause: 'timeout' });
    expect(error.toJSON().cause).toBe('timeout');
  });
});
`;
}

function renderCategoryTests(model: HierarchyModel, category: CategoryModel): string {
  const base = model.base.className;
  const name = category.className;
  return `
describe('${name}', () => {
  it('is a ${base} with its own name and status', () => {
    const error = new ${name}('${category.code}', 'Category failure.');
    expect(error).toBeInstanceOf(${base});
    expect(error).toBeInstanceOf(${name});
    expect(Object.getPrototypeOf(error)).toBe(${name}.prototype);
    expect(error.name).toBe('${name}');
    expect(error.code).toBe('${category.code}');
    expect(error.httpStatus).${expectStatus(category.httpStatus)};
    expect(is${name}(error)).toBe(true);
    expect(is${base}(error)).toBe(true);
    expect(is${name}(new ${base}('OTHER', 'Other.'))).toBe(false);
  });

  it('lets options override status and add details', () => {
    const error = new ${name}('${category.code}', 'Category failure.', { httpStatus: 418, details: { reason: 'test' } });
    expect(error.httpStatus).toBe(418);
    expect(error.details).toEqual({ reason: 'test' });
  });
});
`;
}

function renderLeafTests(model: HierarchyModel, category: CategoryModel, leaf: LeafModel): string {
  const base = model.base.className;
  const name = leaf.className;
  return `
describe('${name}', () => {
  it('has its code, default message and status', () => {
    const error = new ${name}();
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(${base});
    expect(error).toBeInstanceOf(${category.className});
    expect(error).toBeInstanceOf(${name});
    expect(Object.getPrototypeOf(error)).toBe(${name}.prototype);
    expect(error.name).toBe('${name}');
    expect(error.code).toBe(${tsStringLiteral(leaf.code)});
    expect(${name}.code).toBe(${tsStringLiteral(leaf.code)});
    expect(error.message).toBe(${tsStringLiteral(leaf.message)});
    expect(error.httpStatus).${expectStatus(leaf.httpStatus)};
    expect(is${name}(error)).toBe(true);
    expect(is${category.className}(error)).toBe(true);
    expect(is${base}(error)).toBe(true);
  });

  it('keeps a custom message, details and cause, and serialises them', () => {
    const cause = new Error('root cause');
    const error = new ${name}('Custom message.', { cause, details: { attempt: 1 } });
    expect(error.cause).toBe(cause);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: '${name}',
      code: ${tsStringLiteral(leaf.code)},
      message: 'Custom message.',
      details: { attempt: 1 },${statusJson(leaf.httpStatus)}
      cause: { name: 'Error', message: 'root cause' },
    });
  });
});
`;
}
