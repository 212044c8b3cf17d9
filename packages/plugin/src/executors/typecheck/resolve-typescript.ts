import { QualityError } from '@nx-quality/core';
import { resolveToolModule } from '../shared/resolve-tool-module';

/** The TypeScript module of the user's workspace. */
export type TypeScriptModule = typeof import('typescript');

/** Loads the `typescript` the project itself compiles with (project root first, then workspace root); throws TYPESCRIPT_NOT_FOUND. */
export function resolveTypeScript(searchFrom: string[]): { ts: TypeScriptModule; path: string } {
  const path = resolveToolModule('typescript', searchFrom)?.path;
  if (!path) {
    throw new QualityError('TYPESCRIPT_NOT_FOUND', `TypeScript is not installed where the project can resolve it (searched from ${searchFrom.join(', ')}).`, {
      hint: 'Install it in the workspace: npm install -D typescript.',
    });
  }
  return { ts: require(path) as TypeScriptModule, path };
}
