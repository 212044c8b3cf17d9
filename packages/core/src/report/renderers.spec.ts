import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { XMLValidator } from 'fast-xml-parser';
import { buildReport } from './build-report';
import { renderGithubAnnotations } from './render-annotations';
import { renderReportHtml } from './render-html';
import { renderReportJson } from './render-json';
import { renderJunit } from './render-junit';
import { renderReportMarkdown } from './render-markdown';
import { renderSarif } from './render-sarif';
import { ReportSchema } from './report-schema';
import { serializableReport } from './serializable-report';
import type { Baseline } from '../baseline/baseline-schema';
import { HOSTILE_NAME, sampleProjects } from '../test-support/sample-inputs';
import { pathTimeSerializer } from './__fixtures__/path-time-serializer';

expect.addSnapshotSerializer(pathTimeSerializer);

const baseline: Baseline = {
  schemaVersion: 1,
  directions: { 'lint.errors': 'lower', 'coverage.lines': 'higher' },
  projects: { alpha: { 'lint.errors': 241, 'coverage.lines': 75 } },
};
const projects = sampleProjects();
const report = buildReport({
  generatedAt: '2026-01-02T03:04:05.000Z',
  producer: 'hook',
  projects,
  baseline: { file: 'quality-baseline.json', state: 'ok', value: baseline },
  invalidOutputs: [
    {
      project: 'evil',
      target: 'test',
      output: '/etc/{projectName}',
      reason: 'points outside the workspace; results are only read inside it',
    },
  ],
  invocation: { projectsRun: ['alpha', 'beta'], targets: ['quality', 'test'] },
});

/** Parses JUnit XML with junit2json (an ESM-only JUnit consumer) in a child Node process. */
function parseJunit(xml: string): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'nxq-junit-'));
  try {
    writeFileSync(join(dir, 'junit.xml'), xml);
    const script = `import { parse } from 'junit2json'; import { readFileSync } from 'node:fs';
      const out = await parse(readFileSync(${JSON.stringify(join(dir, 'junit.xml'))}, 'utf8'));
      process.stdout.write(JSON.stringify(out));`;
    return JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: join(__dirname, '../../../..'),
        encoding: 'utf8',
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('report.json', () => {
  it('round-trips through the report schema', () => {
    const text = renderReportJson(report);
    expect(ReportSchema.parse(JSON.parse(text))).toEqual(serializableReport(report));
    expect(text).toMatchSnapshot();
  });
});

describe('report.md', () => {
  const markdown = renderReportMarkdown(report);

  it('matches its snapshot', () => {
    expect(markdown).toMatchSnapshot();
  });

  it('escapes user strings for tables: no raw HTML, pipes, backticks, newlines or ANSI', () => {
    expect(markdown).not.toMatch(/<script|<img|<evil>/);
    expect(markdown).not.toContain('\u001b');
    expect(markdown).toContain('src/&lt;evil&gt;\\|mod.ts');
    // Every table row keeps its column count, however hostile the cells are.
    for (const table of markdown.split('\n\n').filter((block) => block.startsWith('|'))) {
      const rows = table.split('\n').filter((line) => line.startsWith('|'));
      const columns = (line: string) => line.replace(/\\\|/g, '').split('|').length;
      expect(new Set(rows.map(columns)).size).toBe(1);
    }
  });

  it('stays under the byte limit by cutting sections with a note', () => {
    const many = buildReport({
      generatedAt: report.generatedAt,
      producer: 'executor',
      projects: Array.from({ length: 3000 }, (_, i) => ({
        ...projects[0]!,
        name: `project-${i}-${'x'.repeat(40)}`,
      })),
    });
    const limited = renderReportMarkdown(many, 60_000);
    expect(Buffer.byteLength(limited)).toBeLessThanOrEqual(60_000);
    expect(limited).toMatch(/more projects not shown/);
    expect(limited).toMatch(/more failing conditions not shown/);
    expect(Buffer.byteLength(renderReportMarkdown(many))).toBeLessThan(1024 * 1024);
  });
});

describe('index.html', () => {
  const html = renderReportHtml(report);

  it('matches its snapshot', () => {
    expect(html).toMatchSnapshot();
  });

  it('escapes every user string and forbids external loads', () => {
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('renders &lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'sha256-[^']+'; script-src 'sha256-[^']+';/,
    );
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    // Exactly two script elements: the JSON data and the sorter.
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('embeds the report as JSON that cannot close its script element', () => {
    const data = /<script type="application\/json" id="nxq-report-data">([^<]*)<\/script>/.exec(html)?.[1];
    expect(data).toBeDefined();
    expect(JSON.parse(data as string)).toEqual(serializableReport(report));
  });
});

describe('junit.xml', () => {
  const xml = renderJunit(report);

  it('matches its snapshot and is well-formed XML without forbidden characters', () => {
    expect(xml).toMatchSnapshot();
    expect(XMLValidator.validate(xml)).toBe(true);
    // eslint-disable-next-line no-control-regex -- asserting control characters are gone
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  it('parses with a real JUnit consumer: one suite per project with a test result', () => {
    const parsed = parseJunit(xml) as {
      tests: number;
      failures: number;
      errors: number;
      testsuite: {
        name: string;
        tests: number;
        testcase?: { name: string; failure?: { message: string }[] }[];
      }[];
    };
    expect(parsed.testsuite.map((s) => s.name)).toEqual(['alpha', 'beta', 'delta', 'gamma']);
    expect(parsed).toMatchObject({
      tests: 4 + 3 + 3 + 1,
      failures: 1,
      errors: 1,
    });
    const failing = parsed.testsuite[0]?.testcase?.find((c) => c.failure);
    // eslint-disable-next-line no-control-regex -- asserting control characters are gone
    expect(failing?.name).toBe(HOSTILE_NAME.replace(/\u001b\[\d+m/g, ''));
    expect(failing?.failure?.[0]?.message).toBe('expect(received).toBe(expected) <b>&amp;</b>');
  });
});

describe('quality.sarif', () => {
  const lines: Record<string, string[]> = {
    'packages/alpha/src/a.ts': ['const a: any = 1;', 'let unused;', 'x'],
  };
  const sarif = renderSarif(report, {
    readSourceLine: (file, line) => lines[file]?.[line - 1],
  });
  const log = JSON.parse(sarif);

  it('validates against the published SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const ajv = new Ajv({
      allErrors: true,
      strict: false,
      validateFormats: false, // The published schema has a pattern that is invalid with the u flag (language tags).
      unicodeRegExp: false,
    });
    const validate = ajv.compile(schema);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
  });

  it('has one run per project and tool with workspace-relative URIs and stable fingerprints', () => {
    expect(log.runs.map((r: { automationDetails: { id: string } }) => r.automationDetails.id)).toEqual([
      'nx-quality/eslint/alpha/',
      'nx-quality/typescript/alpha/',
      'nx-quality/eslint/beta/',
      'nx-quality/typescript/beta/',
    ]);
    const first = log.runs[0].results[0];
    expect(first.locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'packages/alpha/src/a.ts',
      uriBaseId: '%SRCROOT%',
    });
    const warning = log.runs[0].results.find((r: { level: string }) => r.level === 'warning');
    expect(warning.locations[0].physicalLocation.artifactLocation.uri).toBe('packages/alpha/src/b%20c.ts');
    // Moving the finding to another line with the same text keeps its fingerprint.
    const moved = JSON.parse(
      renderSarif(report, {
        readSourceLine: (file, line) => (file === 'packages/alpha/src/a.ts' && line === 1 ? 'const a: any = 1;' : undefined),
      }),
    );
    expect(moved.runs[0].results[0].partialFingerprints).toEqual(first.partialFingerprints);
    expect(sarif).not.toContain(tmpdir());
    expect(sarif).toMatchSnapshot();
  });
});

describe('GitHub annotations', () => {
  it('lists failing conditions first, escapes workflow-command syntax and stays within 10 errors and 10 warnings', () => {
    const annotations = renderGithubAnnotations(report);
    const errors = annotations.filter((a) => a.startsWith('::error '));
    const warnings = annotations.filter((a) => a.startsWith('::warning '));
    expect(errors).toHaveLength(10);
    expect(warnings).toHaveLength(2);
    expect(errors[0]).toBe('::error file=packages/alpha/project.json,title=quality gate%3A alpha::tests.failed 1 != 0 (project alpha)');
    // eslint-disable-next-line no-control-regex -- asserting control characters are gone
    for (const line of annotations) expect(line).not.toMatch(/[\n\r\u001b]/);
    expect(errors[9]).toMatch(/and more errors: see the nx-quality report\)$/);
    expect(annotations.join('\n')).toMatchSnapshot();
  });
});
