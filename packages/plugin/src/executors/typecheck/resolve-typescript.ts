import { QualityError } from '@nx-quality/core';

/** The TypeScript module of the user's workspace. */
export type TypeScriptModule = typeof import('typescript');

/** Loads the `typescript` the project itself compiles with (project root first, then workspace root); throws TYPESCRIPT_NOT_FOUND. */
export function resolveTypeScript(searchFrom: string[]): { ts: TypeScriptModule; path: string } {
  let path: string;
  try {
    path = require.resolve('typescript', { paths: searchFrom });
  } catch {
    throw new QualityError('TYPESCRIPT_NOT_FOUND', `TypeScript is not installed where the project can resolve it (searched from ${searchFrom.join(', ')}).`, {
      hint: 'Install it in the workspace: npm install -D typescript.',
    });
  }
  return { ts: require(path) as TypeScriptModule, path };
}
