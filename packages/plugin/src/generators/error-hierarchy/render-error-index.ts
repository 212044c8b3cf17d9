import type { HierarchyModel } from './hierarchy-model';

/** Source of the module's index: every class, option type and guard. */
export function renderErrorIndex(model: HierarchyModel, importExtension: string): string {
  const lines = [`export * from './${model.base.fileName}${importExtension}';`];
  for (const category of model.categories) lines.push(`export * from './${category.fileName}${importExtension}';`);
  lines.push(`export * from './guards${importExtension}';`);
  return `${lines.join('\n')}\n`;
}
