import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { relativizeCoverageMap } from './relativize-coverage-map';
import { istanbulMerge, istanbulRender } from '../report/__fixtures__/istanbul-reference';
import { CoverageFileChangedError } from './coverage-file-changed-error';
import { CoverageFileOnDisk } from './coverage-file-on-disk';
import { mergeCoverage, type CoverageSource } from './merge-coverage';
import { parseCoverageJson, ScannedCoverage } from './parse-coverage-json';
import { coverageFileContents, renderCoverageFiles } from './render-coverage-files';
import { contentText, type ChunkedText } from '../io/report-file-content';

const PROJECT = join(__dirname, '..', 'report', '__fixtures__', 'coverage-project');
const REPO = join(__dirname, '..', '..', '..', '..');
const TIMESTAMP = 1767323045000;

type CoverageData = Record<string, Record<string, unknown>>;

/** Runs the repository's Jest on the fixture project and returns its coverage with workspace-relative keys. */
function jestCoverage(provider: 'babel' | 'v8'): CoverageData {
  const out = mkdtempSync(join(tmpdir(), `nxq-jest-${provider}-`));
  try {
    const config = {
      rootDir: PROJECT,
      testMatch: ['<rootDir>/test/**/*.test.js'],
      collectCoverage: true,
      collectCoverageFrom: ['<rootDir>/src/**/*.js'],
      coverageProvider: provider,
      coverageReporters: ['json'],
      coverageDirectory: out,
      cacheDirectory: join(out, 'cache'),
    };
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env['JEST_WORKER_ID'];
    execFileSync(process.execPath, [join(REPO, 'node_modules/jest/bin/jest.js'), '--ci', '--silent', '--config', JSON.stringify(config)], {
      cwd: PROJECT,
      env,
      stdio: 'pipe',
    });
    const raw = JSON.parse(readFileSync(join(out, 'coverage-final.json'), 'utf8')) as CoverageData;
    return relativizeCoverageMap(raw as never, PROJECT) as unknown as CoverageData;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

type Via = 'objects' | 'bytes' | 'disk';

// Written per call, so merged maps of the 'disk' way can be rendered while the test runs.
const onDiskDir = mkdtempSync(join(tmpdir(), 'nxq-coverage-on-disk-'));
afterAll(() => rmSync(onDiskDir, { recursive: true, force: true }));
let written = 0;

/** The coverage files of `texts`, each written to a file and read back as the report reads it (the map refers to the file). */
function sourcesOnDisk(texts: Record<string, string>): CoverageSource[] {
  return Object.entries(texts).map(([project, text]) => {
    const path = join(onDiskDir, `${written++}-${project}.json`);
    writeFileSync(path, text);
    const onDisk = CoverageFileOnDisk.read(path);
    return { project, file: `dist/quality/${project}/coverage-final.json`, data: parseCoverageJson(onDisk.bytes), onDisk };
  });
}

/**
 * The three coverage files as the report writes them: our merge and serializers, from parsed objects,
 * from the files' bytes or from files on disk (`scanned`: whether every file must take the scanner's path).
 */
function ours(texts: Record<string, string>, via: Via, root?: string, scanned?: boolean): { files: Record<string, string>; merged: ReturnType<typeof mergeCoverage> } {
  const sources: CoverageSource[] =
    via === 'disk'
      ? sourcesOnDisk(texts)
      : Object.entries(texts).map(([project, text]) => {
          const data = via === 'objects' ? (JSON.parse(text) as unknown) : parseCoverageJson(Buffer.from(text));
          return { project, file: `dist/quality/${project}/coverage-final.json`, data };
        });
  if (via !== 'objects' && scanned !== undefined) {
    for (const { project, data } of sources) expect({ project, scanned: data instanceof ScannedCoverage }).toEqual({ project, scanned });
  }
  const merged = mergeCoverage(sources, root);
  return { files: renderCoverageFiles(merged.map, { timestamp: TIMESTAMP }), merged };
}

function reference(texts: Record<string, string>, root?: string) {
  const sources: CoverageSource[] = Object.entries(texts).map(([project, text]) => ({
    project,
    file: `dist/quality/${project}/coverage-final.json`,
    data: JSON.parse(text) as unknown,
  }));
  const merged = istanbulMerge(sources, root);
  return { files: istanbulRender(merged.map, TIMESTAMP), merged };
}

/** Asserts our output equals istanbul's, byte for byte, whichever way the coverage was read. */
function expectSameAsIstanbul(texts: Record<string, string>, root?: string, scanned?: boolean): Record<string, string> {
  const expected = reference(texts, root);
  // From objects, lcov and cobertura are rendered from each file's data; from bytes, from its compact form.
  for (const via of ['objects', 'bytes', 'disk'] as const) {
    const actual = ours(texts, via, root, scanned);
    expect(Object.keys(actual.files)).toEqual(['coverage-final.json', 'lcov.info', 'cobertura.xml']);
    for (const name of Object.keys(expected.files)) {
      expect({ via, name, text: actual.files[name] }).toEqual({ via, name, text: expected.files[name] });
    }
    expect(actual.merged.summary).toEqual(expected.merged.summary);
    expect(actual.merged.rejected).toEqual(expected.merged.rejected);
  }
  return expected.files;
}

/** Asserts `text` is not JSON and that parseCoverageJson throws JSON.parse's own SyntaxError for it. */
function expectJsonParseError(bad: string, text: string): void {
  let expected: unknown;
  try {
    JSON.parse(text);
  } catch (error) {
    expected = error;
  }
  expect({ bad, error: expected instanceof SyntaxError }).toEqual({ bad, error: true });
  expect(() => parseCoverageJson(Buffer.from(text))).toThrow((expected as Error).message);
}

const pretty = (data: unknown): string => `${JSON.stringify(data, null, 2)}\n`;
const compact = (data: unknown): string => JSON.stringify(data);

/** A deep copy with `edit` applied to every file entry. */
function mapEntries(data: CoverageData, edit: (entry: Record<string, unknown>, key: string) => [string, Record<string, unknown>]): CoverageData {
  const copy = JSON.parse(JSON.stringify(data)) as CoverageData;
  return Object.fromEntries(Object.entries(copy).map(([key, entry]) => edit(entry, key)));
}

describe('lcov.info, cobertura.xml and coverage-final.json', () => {
  let babel: CoverageData;
  let v8: CoverageData;

  beforeAll(() => {
    babel = jestCoverage('babel');
    v8 = jestCoverage('v8');
  }, 120_000);

  it('come from real Jest coverage of every file, including unloaded ones', () => {
    for (const data of [babel, v8]) {
      expect(Object.keys(data).sort()).toEqual([
        'src/index.js',
        'src/math.js',
        'src/shapes.js',
        'src/shapes/area.js',
        'src/shapes/deep/nested/unit.js',
        'src/strings/format.js',
        'src/untested.js',
      ]);
    }
    // The switch is one branch with a location per case; the unloaded file has only zero hits.
    const switchBranch = Object.values(babel['src/math.js']?.['branchMap'] as Record<string, { type: string; locations: unknown[] }>).find((b) => b.type === 'switch');
    expect(switchBranch?.locations.length).toBe(5);
    expect(Object.values(babel['src/untested.js']?.['s'] as Record<string, number>).every((hits) => hits === 0)).toBe(true);
  });

  it("equal istanbul-reports' output on Jest's babel coverage, read from compact, indented or Jest's own JSON", () => {
    const files = expectSameAsIstanbul({ a: compact(babel) }, undefined, true);
    expectSameAsIstanbul({ a: pretty(babel) }, undefined, true);
    const jestStyle = `{${Object.entries(babel).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}}\n`;
    expectSameAsIstanbul({ a: jestStyle }, undefined, true);
    expect(XMLValidator.validate(files['cobertura.xml'] as string)).toBe(true);
    // Folders holding files are packages (nested in their parent's), single-folder chains are folded.
    expect(files['cobertura.xml']).toContain('<package name="deep.nested"');
    expect(files['cobertura.xml']).toMatch(/\n {8}<package name="shapes" /);
  });

  it("equal istanbul-reports' output on Jest's v8 coverage", () => {
    expectSameAsIstanbul({ a: compact(v8) }, undefined, true);
    expectSameAsIstanbul({ a: pretty(v8) }, undefined, true);
  });

  it('merge a file covered by several projects, also with different instrumenters, as istanbul does', () => {
    const half = (data: CoverageData) => Object.fromEntries(Object.entries(data).filter(([key]) => key.includes('shapes')));
    const files = expectSameAsIstanbul({ a: compact(babel), b: pretty(babel), c: compact(half(v8)) }, undefined, true);
    expect(files['lcov.info']).toContain('SF:src/shapes/area.js');
  });

  it('escape names and paths with XML characters, keep odd but valid values, and order files like istanbul', () => {
    const rename = (index: string) =>
      mapEntries(babel, (entry, key) => {
        const name = key === 'src/math.js' ? 'src/b & <c> "d" \'e\'.js' : key === 'src/index.js' ? index : key === 'src/untested.js' ? 'top.js' : key;
        const fnMap = entry['fnMap'] as Record<string, { name: string }>;
        for (const fn of Object.values(fnMap)) fn.name = `${fn.name} <&> "naïve" 🎉 \u2028`;
        return [name, { ...entry, path: name }];
      });
    const files = expectSameAsIstanbul({ a: compact(rename('index')) }, undefined, true);
    expect(XMLValidator.validate(files['cobertura.xml'] as string)).toBe(true);
    expect(files['cobertura.xml']).toContain('filename="src/b &amp; &lt;c&gt; &quot;d&quot; &apos;e&apos;.js"');
    expectSameAsIstanbul({ a: pretty(rename('index')) }, undefined, true);
    // Line breaks in a name or path: istanbul's output is kept (its filename pattern cannot match them).
    const broken = mapEntries(babel, (entry, key) => {
      const name = key === 'src/shapes/area.js' ? 'src/shapes/ar\nea.js' : key;
      for (const fn of Object.values(entry['fnMap'] as Record<string, { name: string }>)) fn.name = `${fn.name}\n  x`;
      return [name, { ...entry, path: name }];
    });
    expectSameAsIstanbul({ a: compact(broken) }, undefined, true);
    // An array-index key is listed first by JSON.parse and by istanbul's map: left to JSON.parse.
    const indexed = expectSameAsIstanbul({ a: compact(rename('7')) }, undefined, false);
    expect(indexed['coverage-final.json']?.startsWith('{"7":')).toBe(true);
  });

  it('drop a source map unread (JSON text, or that text spread into an object of index keys, as Jest records @swc/jest maps), and reject an invalid one as JSON.parse does', () => {
    const sourceMap = JSON.stringify({ version: 3, sources: ['/abs/shapes.ts'], sourcesContent: ['const é = "\u2028</script>";\n\tx\\y \ud83d'], mappings: 'AAAA' });
    const withMaps = compact(mapEntries(babel, (entry, key) => [key, { ...entry, inputSourceMap: sourceMap }]));
    expectSameAsIstanbul({ a: withMaps }, undefined, true);
    // The same text spread into an object, index keys first as JSON.stringify writes them, with a key repeated.
    const spread = compact(mapEntries(babel, (entry, key) => [key, { ...entry, inputSourceMap: Object.assign({}, [...sourceMap.slice(0, 40)]) }])).replace(/"inputSourceMap":\{/g, '"inputSourceMap":{"1":"x",');
    expectSameAsIstanbul({ a: spread }, undefined, true);
    const marker = '"inputSourceMap":"';
    for (const bad of ['\\x', '\\u12G4', '\u0001', '\\']) {
      const text = withMaps.replace(marker, `${marker}${bad}`);
      expectJsonParseError(bad, text);
    }
  });

  it('step over long source maps without decoding them, as JSON.parse reads them, wherever "inputSourceMap" appears', () => {
    // Long enough to be left out of the scanned text: escapes, non-ASCII, nesting, numbers, literals, whitespace,
    // and the member's own name inside it (as a key, and as text a source file holds).
    const content = `const key = '"inputSourceMap":{"x":1}';\n\t\\é \u2028 ${'x'.repeat(400)}`;
    const map = { version: 3, sources: ['/abs/shapes.ts'], sourcesContent: [content], mappings: 'AAAA;'.repeat(100), names: [], x: [1.5e-3, -0, true, false, null, {}, []], inputSourceMap: { nested: content } };
    const asObject = compact(mapEntries(babel, (entry, key) => [key, { ...entry, inputSourceMap: map }]));
    const asString = compact(mapEntries(babel, (entry, key) => [key, { ...entry, inputSourceMap: JSON.stringify(map) }]));
    const spaced = asObject.replace(/"inputSourceMap":\{"version"/g, '"inputSourceMap": \n {  "version" ').replace(/"mappings":/g, '"mappings" :\t');
    for (const text of [asObject, asString, spaced]) expectSameAsIstanbul({ a: text, b: asObject }, undefined, true);

    // A key that only ends with the name (its quote escaped) is an unknown member: JSON.parse reads the file.
    const endsWithName = compact(mapEntries(babel, (entry, key) => [key, { ...entry, inputSourceMap: map, [`x"inputSourceMap`]: 'y'.repeat(300) }]));
    expectSameAsIstanbul({ a: endsWithName }, undefined, false);
    // The name as a key somewhere else than an entry's member: the same.
    const elsewhere = compact(mapEntries(babel, (entry, key) => [key, { ...entry, extra: { inputSourceMap: map } }]));
    expectSameAsIstanbul({ a: elsewhere }, undefined, false);

    // Broken inside a long source map: JSON.parse's own error.
    const marker = '"mappings":"';
    for (const bad of ['\\x', '\\u12G4', '\u0001', '\\', '"', '", ]', '01', '-', '1.', '1e', 'tru', '{"a"}', '[1,]']) {
      const text = asObject.replace(marker, `${marker}${bad}`).replace('"names":[]', bad.startsWith('"') ? '"names":[]' : `"names":[${bad}]`);
      expectJsonParseError(bad, text);
    }
    // Cut short in the middle of a source map.
    const cut = asObject.slice(0, asObject.indexOf(marker) + 40);
    expect(() => parseCoverageJson(Buffer.from(cut))).toThrow(SyntaxError);
  });

  it('handle missing end lines, null and non-integer columns, escapes, unknown members and source maps', () => {
    const odd = mapEntries(babel, (entry, key) => {
      const statements = entry['statementMap'] as Record<string, Record<string, unknown>>;
      const first = statements['0'];
      if (first) first['end'] = {};
      const second = statements['1'];
      if (second) second['end'] = { line: null, column: 1.5 };
      if (key === 'src/shapes.js') entry['inputSourceMap'] = { version: 3, sources: ['/abs/shapes.ts'], mappings: 'AAAA' };
      if (key === 'src/math.js') {
        // Statements out of line order, and a line number beyond array indices (kept in insertion order).
        const last = String(Object.keys(statements).length - 1);
        [statements['2'], statements[last]] = [statements[last] as Record<string, unknown>, statements['2'] as Record<string, unknown>];
        const hits = entry['s'] as Record<string, number>;
        [hits['2'], hits[last]] = [hits[last] as number, hits['2'] as number];
      }
      if (key === 'src/strings/format.js') (statements['3'] as { start: { line: number } }).start.line = 5_000_000_000;
      if (key === 'src/shapes/area.js') entry['extra'] = { note: 'kept' };
      return [key, entry];
    });
    // JSON.stringify never writes these spellings; the files are still the same data.
    const text = compact(odd).replace('"column":0', '"column":0.0e0').replace('"name":"area"', '"name":"\\u0061rea\\/x"');
    expectSameAsIstanbul({ a: text }, undefined, false);
    // An unknown member is left to JSON.parse; the rest is read by the scanner.
    const withoutExtra = compact(
      mapEntries(odd, (entry, key) => {
        delete entry['extra'];
        return [key, entry];
      }),
    );
    expectSameAsIstanbul({ a: withoutExtra }, undefined, true);
  });

  it('print data of an unusual shape istanbul accepts (fractional or negative hits, a text branch line) as istanbul does', () => {
    const unusual = mapEntries(babel, (entry, key) => {
      if (key === 'src/math.js') {
        const hits = entry['s'] as Record<string, number>;
        hits['0'] = 1.5;
        hits['1'] = -1;
        (entry['f'] as Record<string, number>)['0'] = 2.25;
        const branch = (entry['branchMap'] as Record<string, Record<string, unknown>>)['0'];
        if (branch) branch['line'] = '3';
      }
      if (key === 'src/shapes/area.js') (entry['b'] as Record<string, number[]>)['0'] = [0.5, -2];
      return [key, entry];
    });
    expectSameAsIstanbul({ a: compact(unusual) }, undefined, false);
  });

  it('normalise keys (absolute inside the workspace, ./ prefixes) and reject what istanbul rejects, with its reasons', () => {
    const root = '/work/ws';
    const entries = Object.entries(babel);
    const [firstKey, first] = entries[0] as [string, Record<string, unknown>];
    const [secondKey, second] = entries[1] as [string, Record<string, unknown>];
    const texts = {
      p: compact({
        [`${root}/${firstKey}`]: first,
        [`./${secondKey}`]: second,
        '/elsewhere/out.js': first,
        '../up.js': first,
        'broken.js': { path: 'broken.js', statementMap: 'nope' },
        'no-start.js': { ...second, statementMap: { '0': { end: { line: 1, column: 1 } } }, s: { '0': 1 } },
        [root]: first,
      }),
      q: compact([1, 2]),
    };
    expectSameAsIstanbul(texts, root);
    expect(ours(texts, 'bytes', root).merged.rejected.map((r) => r.key)).toEqual(['/elsewhere/out.js', '../up.js', 'broken.js', 'no-start.js', root, '(file)']);
  });

  it('write an empty map and a single file as istanbul does', () => {
    expectSameAsIstanbul({ a: '{}' }, undefined, true);
    expectSameAsIstanbul({ a: compact({ 'only.js': babel['src/untested.js'] }) }, undefined, true);
    expectSameAsIstanbul({ a: compact({ 'src/lib/only.js': babel['src/math.js'] }) }, undefined, true);
  });

  it.each(['bytes', 'disk'] as const)('produces the files piece by piece, the same on every pass (from %s)', (via) => {
    const { merged } = ours({ a: compact(babel), b: pretty(v8) }, via);
    const contents = coverageFileContents(merged.map, { timestamp: TIMESTAMP });
    // Each piece copied as it comes: its bytes may be reused for the next one.
    const bytes = (chunks: Iterable<string | Uint8Array>) => {
      const copies: Buffer[] = [];
      for (const chunk of chunks) copies.push(Buffer.from(chunk));
      return Buffer.concat(copies);
    };
    expect([...(contents['coverage-final.json']?.chunks() ?? [])].length).toBeGreaterThan(Object.keys(babel).length);
    for (const content of Object.values(contents)) expect(bytes(content.chunks()).equals(bytes(content.chunks()))).toBe(true);
  });

  it('names a coverage file that changed or vanished after it was merged, instead of writing another version of it', () => {
    const sources = sourcesOnDisk({ a: compact(babel) });
    const { map } = mergeCoverage(sources);
    const lcov = contentText(coverageFileContents(map, { timestamp: TIMESTAMP })['lcov.info'] as ChunkedText);
    const path = (sources[0]?.onDisk as { file: CoverageFileOnDisk }).file.path;
    const coverageJson = () => contentText(coverageFileContents(map, { timestamp: TIMESTAMP })['coverage-final.json'] as ChunkedText);
    writeFileSync(path, compact(v8));
    expect(coverageJson).toThrow(new CoverageFileChangedError(path));
    rmSync(path);
    expect(coverageJson).toThrow(expect.objectContaining({ code: 'COVERAGE_FILE_CHANGED', file: path, cause: expect.objectContaining({ code: 'ENOENT' }) }));
    // Only coverage-final.json is written from the file: lcov and cobertura come from what the merge kept.
    expect(contentText(coverageFileContents(map, { timestamp: TIMESTAMP })['lcov.info'] as ChunkedText)).toBe(lcov);
  });
});

describe('parseCoverageJson', () => {
  it('throws what JSON.parse throws on text that is not JSON', () => {
    for (const text of ['{"a": {', '{"a": 1,}', '', '\uFEFF{}', '{"a": {"path": "x\u0001"}}']) {
      let expected: unknown;
      try {
        JSON.parse(text);
      } catch (error) {
        expected = error;
      }
      expect(() => parseCoverageJson(Buffer.from(text))).toThrow((expected as Error).message);
    }
  });

  it('returns what JSON.parse returns for any other JSON, repeated keys included', () => {
    for (const text of ['[1]', '"x"', 'null', '{"a": 1}', '{"a": {"b": 1}, "a": {"c": 2}}', '{"5": {}, "a": {}}']) {
      expect(parseCoverageJson(Buffer.from(text))).toEqual(JSON.parse(text));
    }
  });
});
