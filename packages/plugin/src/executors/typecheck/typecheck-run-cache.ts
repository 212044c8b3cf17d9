import type { ParsedCommandLine, SourceFile } from 'typescript';
import type { TypeScriptModule } from './resolve-typescript';

/**
 * State a batch of typecheck runs in one process can share: the loaded TypeScript modules, parsed
 * tsconfigs and parsed source files (a file shared by several configs or projects, e.g. a lib
 * referenced by its spec config, is parsed once per set of parse-affecting options).
 */
export interface TypecheckRunCache {
  typescript: Map<string, { ts: TypeScriptModule; path: string }>;
  parsedConfigs: Map<string, ParsedCommandLine>;
  sourceFiles: Map<string, SourceFile>;
}

/** An empty cache for `runTypecheckForProject`; pass the same one to every project of a batch. */
export function createTypecheckRunCache(): TypecheckRunCache {
  return { typescript: new Map(), parsedConfigs: new Map(), sourceFiles: new Map() };
}
