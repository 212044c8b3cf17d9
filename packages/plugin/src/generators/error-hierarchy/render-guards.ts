import type { HierarchyModel } from './hierarchy-model';

/** Source of the `is…` type guards, one per class (they also narrow `unknown` in catch clauses). */
export function renderGuards(model: HierarchyModel, importExtension: string): string {
  const imports = [`import { ${model.base.className} } from './${model.base.fileName}${importExtension}';`];
  const guards = [guard(model.base.className)];
  for (const category of model.categories) {
    const names = [category.className, ...category.leaves.map((leaf) => leaf.className)];
    imports.push(`import { ${names.join(', ')} } from './${category.fileName}${importExtension}';`);
    guards.push(...names.map(guard));
  }
  return `${imports.join('\n')}\n${guards.join('')}`;
}

function guard(className: string): string {
  return `
/** Whether \`value\` is a ${className} (or a subclass of it). */
export function is${className}(value: unknown): value is ${className} {
  return value instanceof ${className};
}
`;
}
