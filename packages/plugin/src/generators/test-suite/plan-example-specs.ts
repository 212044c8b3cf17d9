import { joinPathFragments, type Tree } from '@nx/devkit';
import { join, posix } from 'node:path';
import type { ModuleExport } from '../shared/list-module-exports';
import { renderTemplates } from '../shared/render-templates';
import type { GeneratedFile } from '../shared/write-generated-files';

const KIND_TEMPLATES: Record<string, string> = { unit: 'unit', integration: 'integration', e2e: 'e2e', security: 'security', performance: 'performance' };

/** What the example specs of one project are generated from. */
export interface ExampleContext {
  projectName: string;
  projectRoot: string;
  sourceDir: string;
  /** Project-relative entry module, when the project has one that is safe to import. */
  entry?: string;
  entryExports: ModuleExport[];
  importExtension: string;
  hasPackageJson: boolean;
}

/** Renders the example spec of one kind folder (which template depends on the kind and on the entry). */
export function planExampleSpec(kind: string, folder: string, context: ExampleContext): GeneratedFile[] {
  const entryFile = context.entry ? joinPathFragments(context.projectRoot, context.entry) : undefined;
  const template = !entryFile && kind !== 'security' ? 'sources' : KIND_TEMPLATES[kind] ?? 'generic';
  const importFrom = (file: string) => {
    const relative = posix.relative(folder, file.replace(/\.[cm]?tsx?$/, ''));
    return `${relative.startsWith('.') ? relative : `./${relative}`}${context.importExtension}`;
  };
  const byFile = new Map<string, ModuleExport[]>();
  for (const item of context.entryExports) {
    if (item.declaredIn === entryFile) continue;
    byFile.set(item.declaredIn, [...(byFile.get(item.declaredIn) ?? []), item]);
  }
  const modules = [...byFile.entries()].map(([file, exports]) => ({
    importPath: importFrom(file),
    label: posix.relative(context.projectRoot, file),
    exports,
  }));
  return renderTemplates(join(__dirname, 'files', template), folder, {
    tmpl: '',
    kind,
    projectName: context.projectName,
    entryImport: entryFile ? importFrom(entryFile) : '',
    entryExports: context.entryExports,
    exportNameList: `[${context.entryExports.map((item) => `'${item.name}'`).join(', ')}]`,
    modules,
    rootFromTest: posix.relative(folder, context.projectRoot) || '.',
    sourceDir: context.sourceDir,
    hasPackageJson: context.hasPackageJson,
  });
}

/** Whether a kind folder already holds files (then its example is left alone unless --force). */
export function folderHasFiles(tree: Tree, folder: string): boolean {
  return tree.exists(folder) && tree.children(folder).length > 0;
}
