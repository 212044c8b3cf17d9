import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import libCoverage from 'istanbul-lib-coverage';
import { mergeCoverage, toCoverageSummary } from './merge-coverage';
import { renderCoverageFiles } from './render-coverage-files';
import { fileCoverage, sampleCoverage } from '../test-support/coverage-data';
import { pathTimeSerializer } from '../report/__fixtures__/path-time-serializer';

expect.addSnapshotSerializer(pathTimeSerializer);

/** Writes the sample per-project coverage files into a workspace folder, as the test executor would. */
function writeWorkspace(root: string): void {
  for (const source of sampleCoverage()) {
    const file = join(root, source.file);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(source.data));
  }
}

/** Reads the workspace's coverage files back and merges them, as the report does. */
function mergeFrom(root: string) {
  const sources = sampleCoverage().map((s) => ({ project: s.project, file: s.file, data: JSON.parse(readFileSync(join(root, s.file), 'utf8')) as unknown }));
  return mergeCoverage(sources, root);
}

describe('mergeCoverage', () => {
  it("equals istanbul's own merge and summary of the same files", () => {
    const istanbul = libCoverage.createCoverageMap({});
    for (const source of sampleCoverage()) istanbul.merge(libCoverage.createCoverageMap(source.data as never));
    const merged = mergeCoverage(sampleCoverage());
    expect(merged.rejected).toEqual([]);
    expect(merged.summary).toEqual(toCoverageSummary(istanbul.getCoverageSummary()));
    // The shared file's hits are added across projects: statements 0,1,2 covered, 3 not.
    expect(merged.map.fileCoverageFor('packages/shared/src/util.ts').toSummary().statements).toMatchObject({ covered: 3, total: 4 });
    expect(merged.summary.lines).toEqual({ total: 12, covered: 9, skipped: 0, pct: 75 });
  });

  it('keeps workspace-relative keys, relativises absolute keys inside the workspace and rejects the rest', () => {
    const root = '/work/ws';
    const merged = mergeCoverage(
      [
        {
          project: 'p',
          file: 'dist/quality/p/coverage-final.json',
          data: {
            '/work/ws/p/src/in.ts': fileCoverage('/work/ws/p/src/in.ts', [1]),
            '/elsewhere/out.ts': fileCoverage('/elsewhere/out.ts', [1]),
            '../up.ts': fileCoverage('../up.ts', [1]),
            'p/src/broken.ts': { path: 'p/src/broken.ts', statementMap: 'nope' },
          },
        },
        { project: 'q', file: 'dist/quality/q/coverage-final.json', data: [1, 2] },
      ],
      root,
    );
    expect(merged.map.files()).toEqual(['p/src/in.ts']);
    expect(merged.map.fileCoverageFor('p/src/in.ts').path).toBe('p/src/in.ts');
    expect(merged.rejected.map((r) => `${r.project} ${r.key}: ${r.reason.split(':')[0]}`)).toEqual([
      'p /elsewhere/out.ts: outside the workspace',
      'p ../up.ts: outside the workspace',
      'p p/src/broken.ts: malformed entry',
      'q (file): not an istanbul coverage object',
    ]);
  });

  it('renders byte-identical coverage files from the same workspace at two absolute paths', () => {
    const base = mkdtempSync(join(tmpdir(), 'nxq-cov-'));
    try {
      const first = join(base, 'one', 'ws');
      const second = join(base, 'a-much-longer', 'other place', 'ws');
      writeWorkspace(first);
      mkdirSync(dirname(second), { recursive: true });
      cpSync(first, second, { recursive: true });
      const a = renderCoverageFiles(mergeFrom(first).map, { timestamp: 1767323045000 });
      const b = renderCoverageFiles(mergeFrom(second).map, { timestamp: 1767323045000 });
      expect(Object.keys(a).sort()).toEqual(['cobertura.xml', 'coverage-final.json', 'lcov.info']);
      for (const name of Object.keys(a)) {
        expect(Buffer.from(a[name] as string).equals(Buffer.from(b[name] as string))).toBe(true);
        expect(a[name]).not.toContain(base);
      }
      expect(XMLValidator.validate(a['cobertura.xml'] as string)).toBe(true);
      expect(a['cobertura.xml']).toContain('filename="packages/beta/src/b &amp; &lt;c&gt;.ts"');
      expect(a['lcov.info']).toMatchSnapshot('lcov.info');
      expect(a['cobertura.xml']).toMatchSnapshot('cobertura.xml');
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('writes lcov totals that agree with the merged summary', () => {
    const { map, summary } = mergeCoverage(sampleCoverage());
    const lcov = renderCoverageFiles(map, { timestamp: 0 })['lcov.info'] as string;
    const sum = (tag: string) => [...lcov.matchAll(new RegExp(`^${tag}:(\\d+)$`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);
    expect({ found: sum('LF'), hit: sum('LH') }).toEqual({ found: summary.lines.total, hit: summary.lines.covered });
    expect({ found: sum('BRF'), hit: sum('BRH') }).toEqual({ found: summary.branches.total, hit: summary.branches.covered });
  });
});
