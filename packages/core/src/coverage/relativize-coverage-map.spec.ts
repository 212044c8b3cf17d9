import type { CoverageMapData } from 'istanbul-lib-coverage';
import { relativizeCoverageMap } from './relativize-coverage-map';
import { summarizeCoverage } from './summarize-coverage';

function fileCoverage(path: string, hits: number[]): CoverageMapData[string] {
  return {
    path,
    statementMap: Object.fromEntries(hits.map((_, i) => [String(i), { start: { line: i + 1, column: 0 }, end: { line: i + 1, column: 5 } }])),
    fnMap: {},
    branchMap: {},
    s: Object.fromEntries(hits.map((hit, i) => [String(i), hit])),
    f: {},
    b: {},
  } as CoverageMapData[string];
}

describe('relativizeCoverageMap', () => {
  it('makes keys and paths workspace-relative POSIX and merges two spellings of one file', () => {
    const data: CoverageMapData = {
      '/ws/libs/a/src/x.ts': fileCoverage('/ws/libs/a/src/x.ts', [1, 0]),
      '/ws/libs/a/../a/src/x.ts': fileCoverage('/ws/libs/a/../a/src/x.ts', [0, 2]),
      '/ws/libs/b/y.ts': fileCoverage('/ws/libs/b/y.ts', [0]),
    };
    const out = relativizeCoverageMap(data, '/ws');
    expect(Object.keys(out).sort()).toEqual(['libs/a/src/x.ts', 'libs/b/y.ts']);
    expect(out['libs/a/src/x.ts']!.path).toBe('libs/a/src/x.ts');
    expect(out['libs/a/src/x.ts']!.s).toEqual({ '0': 1, '1': 2 });
  });
});

describe('summarizeCoverage', () => {
  it('gives istanbul totals and a sorted per-file summary', () => {
    const { totals, files } = summarizeCoverage({ 'b.ts': fileCoverage('b.ts', [1, 0, 0, 0]), 'a.ts': fileCoverage('a.ts', [1, 1]) });
    expect(files.map((file) => file.file)).toEqual(['a.ts', 'b.ts']);
    expect(totals.statements).toEqual({ total: 6, covered: 3, skipped: 0, pct: 50 });
    expect(totals.functions).toEqual({ total: 0, covered: 0, skipped: 0, pct: 100 });
    expect(files[1]!.lines.pct).toBe(25);
  });
});
