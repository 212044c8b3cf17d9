import type { ModuleGraph } from './build-module-graph';

/** How tests reach each source module of the project. */
export interface TestReach {
  /** Imported by a test file (through barrels that re-export it, too). */
  direct: Set<string>;
  /** Reached by following imports from directly tested modules, but not imported by any test. */
  indirect: Set<string>;
}

/** The module and every module it re-exports (value re-exports only, transitively, cycle-safe). */
function throughBarrels(graph: ModuleGraph, start: string, includeTypeOnly: boolean, out: Set<string> = new Set()): Set<string> {
  const stack = [start];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (out.has(file)) continue;
    out.add(file);
    for (const edge of graph.get(file)?.edges ?? []) {
      if (edge.reexport && (includeTypeOnly || !edge.typeOnly)) stack.push(edge.target);
    }
  }
  return out;
}

/**
 * Which project modules the project's tests reach. A test "imports" a module when it has a value import of
 * it or of a barrel re-exporting it; type-only imports test nothing. Everything reachable from those through
 * value imports is reached indirectly. Circular imports are handled by the visited sets.
 */
export function findTestReach(graph: ModuleGraph): TestReach {
  const direct = new Set<string>();
  for (const node of graph.values()) {
    if (!node.isTest || !node.inProject) continue;
    for (const edge of node.edges) {
      if (!edge.typeOnly) throughBarrels(graph, edge.target, false, direct);
    }
  }
  const reached = new Set<string>(direct);
  const stack = [...direct];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    for (const edge of graph.get(file)?.edges ?? []) {
      if (!edge.typeOnly && !reached.has(edge.target)) {
        reached.add(edge.target);
        stack.push(edge.target);
      }
    }
  }
  const indirect = new Set([...reached].filter((file) => !direct.has(file)));
  return { direct, indirect };
}

/**
 * Fan-in of every module: how many distinct non-test files with code of their own (barrels are looked
 * through) import it, directly or through barrels re-exporting it; type-only imports count, they are
 * dependencies too.
 */
export function computeFanIn(graph: ModuleGraph): Map<string, number> {
  const importers = new Map<string, Set<string>>();
  for (const node of graph.values()) {
    if (node.isTest || !node.hasRuntimeCode) continue;
    const targets = new Set<string>();
    for (const edge of node.edges) throughBarrels(graph, edge.target, true, targets);
    targets.delete(node.file);
    for (const target of targets) {
      const set = importers.get(target) ?? new Set<string>();
      set.add(node.file);
      importers.set(target, set);
    }
  }
  return new Map([...importers].map(([file, set]) => [file, set.size]));
}
