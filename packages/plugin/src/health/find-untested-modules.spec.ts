import type { ModuleGraph, ModuleNode } from './build-module-graph';
import { computeFanIn, findTestReach } from './find-untested-modules';

function graphOf(nodes: (Partial<ModuleNode> & { file: string; to?: (string | [string, 'type' | 'reexport' | 'type-reexport'])[] })[]): ModuleGraph {
  return new Map(
    nodes.map(({ file, to = [], ...rest }) => [
      file,
      {
        file,
        isTest: false,
        inProject: true,
        hasRuntimeCode: true,
        ...rest,
        edges: to.map((edge) =>
          typeof edge === 'string'
            ? { target: edge, typeOnly: false, reexport: false }
            : { target: edge[0], typeOnly: edge[1].startsWith('type'), reexport: edge[1].endsWith('reexport') },
        ),
      },
    ]),
  );
}

describe('findTestReach and computeFanIn', () => {
  const graph = graphOf([
    { file: 't.spec', isTest: true, to: ['index', ['typed', 'type']] },
    { file: 'index', hasRuntimeCode: false, to: [['a', 'reexport'], ['types', 'type-reexport']] },
    { file: 'a', to: ['b'] },
    { file: 'b', to: ['a', 'c'] },
    { file: 'c' },
    { file: 'typed', to: ['c'] },
    { file: 'types', hasRuntimeCode: false },
  ]);

  it('looks through barrels, ignores type-only imports, survives cycles', () => {
    const reach = findTestReach(graph);
    expect([...reach.direct].sort()).toEqual(['a', 'index']);
    expect([...reach.indirect].sort()).toEqual(['b', 'c']);
  });

  it('counts distinct importers with code, not tests, not barrels, not the module itself', () => {
    expect(Object.fromEntries(computeFanIn(graph))).toEqual({ a: 1, b: 1, c: 2 });
  });
});
