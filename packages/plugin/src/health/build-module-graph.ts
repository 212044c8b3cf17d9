import { readFileSync } from 'node:fs';
import type * as TS from 'typescript';
import type { ResolveModule } from './module-resolver';
import type { ScannedModule } from './scan-module-file';

/** One import edge between two workspace files (absolute real paths). */
export interface ModuleEdge {
  target: string;
  typeOnly: boolean;
  reexport: boolean;
}

/** A file of the import graph. */
export interface ModuleNode {
  file: string;
  isTest: boolean;
  /** A file of the analysed project (the others only contribute fan-in). */
  inProject: boolean;
  hasRuntimeCode: boolean;
  edges: ModuleEdge[];
}

/** Import graph keyed by absolute real path. */
export type ModuleGraph = Map<string, ModuleNode>;

/** Adds a project file, already scanned, with its resolved edges. */
export function addScannedFile(graph: ModuleGraph, file: string, isTest: boolean, scanned: ScannedModule, resolve: ResolveModule): void {
  const edges: ModuleEdge[] = [];
  for (const reference of scanned.references) {
    const target = resolve(reference.specifier, file);
    if (target && target !== file) edges.push({ target, typeOnly: reference.typeOnly, reexport: reference.reexport });
  }
  graph.set(file, { file, isTest, inProject: true, hasRuntimeCode: scanned.hasRuntimeCode, edges });
}

/**
 * Adds a file from elsewhere in the workspace, read cheaply with `ts.preProcessFile` (no syntax tree):
 * it only counts towards the fan-in of the project's modules, so the kind of import does not matter.
 */
export function addWorkspaceFile(
  ts: typeof TS,
  graph: ModuleGraph,
  file: string,
  isTest: boolean,
  resolve: ResolveModule,
  couldPointInto: (specifier: string, file: string) => boolean,
): void {
  if (graph.has(file)) return;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    // Unreadable (removed meanwhile, permissions): it simply contributes no fan-in.
    if ((error as NodeJS.ErrnoException).code) return;
    throw error;
  }
  const info = ts.preProcessFile(text, true, true);
  const edges: ModuleEdge[] = [];
  for (const reference of info.importedFiles) {
    if (!couldPointInto(reference.fileName, file)) continue;
    const target = resolve(reference.fileName, file);
    if (target && target !== file) edges.push({ target, typeOnly: false, reexport: false });
  }
  graph.set(file, { file, isTest, inProject: false, hasRuntimeCode: true, edges });
}
