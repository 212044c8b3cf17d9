import { tsStringLiteral } from './ts-string-literal';
import type { CategoryModel, HierarchyModel } from './hierarchy-model';

/** Source of one category class and its leaf classes (one file per category). */
export function renderCategoryFile(model: HierarchyModel, category: CategoryModel, importExtension: string): string {
  const base = model.base.className;
  const categoryStatus = category.ownHttpStatus === undefined ? '' : `httpStatus: ${category.ownHttpStatus}, `;
  const leaves = category.leaves.map((leaf) => {
    const leafStatus = leaf.ownHttpStatus === undefined ? '' : `httpStatus: ${leaf.ownHttpStatus}, `;
    return `
/** ${leaf.description} */
export class ${leaf.className} extends ${category.className} {
  static readonly code = ${tsStringLiteral(leaf.code)};

  constructor(message = ${tsStringLiteral(leaf.message)}, options: ${base}Options = {}) {
    super(${leaf.className}.code, message, ${leafStatus ? `{ ${leafStatus}...options }` : 'options'});
  }
}
`;
  });
  return `import { ${base}, type ${base}Options } from './${model.base.fileName}${importExtension}';

/** ${category.description} */
export class ${category.className} extends ${base} {
  constructor(code: string, message: string, options: ${base}Options = {}) {
    super(code, message, ${categoryStatus ? `{ ${categoryStatus}...options }` : 'options'});
  }
}
${leaves.join('')}`;
}
