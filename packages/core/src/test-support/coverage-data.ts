// Minimal but complete istanbul file coverage objects (statements, one function, one if/else branch).

/** Istanbul coverage of one file: statement i is on line i+1 with `hits[i]` hits. */
export function fileCoverage(path: string, hits: number[], branchHits: [number, number] = [1, 0]): Record<string, unknown> {
  const statementMap: Record<string, unknown> = {};
  const s: Record<string, number> = {};
  hits.forEach((count, i) => {
    statementMap[String(i)] = { start: { line: i + 1, column: 0 }, end: { line: i + 1, column: 10 } };
    s[String(i)] = count;
  });
  return {
    path,
    statementMap,
    s,
    fnMap: { '0': { name: 'main', decl: { start: { line: 1, column: 0 }, end: { line: 1, column: 4 } }, loc: { start: { line: 1, column: 0 }, end: { line: hits.length, column: 1 } }, line: 1 } },
    f: { '0': hits[0] ?? 0 },
    branchMap: {
      '0': {
        loc: { start: { line: 2, column: 0 }, end: { line: 2, column: 10 } },
        type: 'if',
        locations: [
          { start: { line: 2, column: 0 }, end: { line: 2, column: 10 } },
          { start: { line: 2, column: 0 }, end: { line: 2, column: 10 } },
        ],
        line: 2,
      },
    },
    b: { '0': [...branchHits] },
  };
}

/** Per-project coverage-final.json contents; `packages/shared/src/util.ts` is covered by both projects. */
export function sampleCoverage(): { project: string; file: string; data: Record<string, unknown> }[] {
  return [
    {
      project: 'alpha',
      file: 'dist/quality/packages/alpha/coverage-final.json',
      data: {
        'packages/alpha/src/a.ts': fileCoverage('packages/alpha/src/a.ts', [1, 1, 0, 0, 3]),
        'packages/shared/src/util.ts': fileCoverage('packages/shared/src/util.ts', [1, 0, 0, 0], [0, 1]),
      },
    },
    {
      project: 'beta',
      file: 'dist/quality/packages/beta/coverage-final.json',
      data: {
        'packages/beta/src/b & <c>.ts': fileCoverage('packages/beta/src/b & <c>.ts', [2, 2, 2]),
        'packages/shared/src/util.ts': fileCoverage('packages/shared/src/util.ts', [0, 1, 1, 0], [1, 0]),
      },
    },
  ];
}
