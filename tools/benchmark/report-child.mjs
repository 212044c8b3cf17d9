// Child process of the report scenario (run under GNU time for the peak RSS of the process):
//   node report-child.mjs <repoRoot> <workspace> <count> [phases]
// Runs the real report pipeline over the synthetic results of <count> projects and prints one JSON
// line { mode, ms, files, bytes, projects, heapPeakMb } on stdout. The timed part is the report
// only (reading + validating results, merging coverage, building and rendering every format,
// writing the files), not loading modules.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [repoRoot, workspace, countText, mode] = process.argv.slice(2);
const count = Number(countText);
const require = createRequire(join(repoRoot, 'package.json'));

const pluginPipeline = join(repoRoot, 'packages/plugin/dist/report/generate-workspace-report.js');
const pluginOptions = join(repoRoot, 'packages/plugin/dist/report/resolve-report-options.js');
const corePath = join(repoRoot, 'packages/core/dist/index.js');

/** A project graph shaped like the one our createNodes infers: one node per project, our five targets. */
function syntheticGraph() {
  const nodes = {};
  const out = (file) => `{workspaceRoot}/dist/quality/{projectRoot}/${file}`;
  for (let i = 0; i < count; i++) {
    const id = `p${String(i).padStart(4, '0')}`;
    const name = `@bench/${id}`;
    nodes[name] = {
      name,
      type: 'lib',
      data: {
        root: `packages/${id}`,
        tags: [],
        targets: {
          'q-test': { executor: '@nx-quality/plugin:test', options: {}, outputs: [out('test.json'), out('coverage-final.json')] },
          'q-lint': { executor: '@nx-quality/plugin:lint', options: {}, outputs: [out('lint.json')] },
          'q-typecheck': { executor: '@nx-quality/plugin:typecheck', options: {}, outputs: [out('typecheck.json')] },
          health: { executor: '@nx-quality/plugin:health', options: {}, outputs: [out('health.json')] },
          quality: { executor: '@nx-quality/plugin:quality', options: {}, outputs: [out('quality.json')] },
        },
      },
    };
  }
  return { nodes, dependencies: Object.fromEntries(Object.keys(nodes).map((n) => [n, []])), externalNodes: {} };
}

/**
 * The same steps with core's functions only, timing each phase and each rendered format: used when
 * the plugin's pipeline is not built, and with `phases` to show where the report's time goes.
 */
function runCorePipeline(label) {
  const core = require(corePath);
  for (const name of ['readResultFile', 'mergeCoverage', 'buildReport', 'renderReportFiles', 'writeReportFiles']) {
    if (typeof core[name] !== 'function') return finish({ unavailable: `@nx-quality/core has no ${name} export yet` });
  }
  const phases = {};
  let mark = process.hrtime.bigint();
  const lap = (name) => {
    const now = process.hrtime.bigint();
    phases[name] = (phases[name] ?? 0) + Number(now - mark) / 1e6;
    mark = now;
  };
  const started = mark;
  const schemas = { test: core.TestResultSchema, lint: core.LintResultSchema, typecheck: core.TypecheckResultSchema, health: core.HealthResultSchema, quality: core.QualityResultSchema };
  const projects = [];
  const coverage = [];
  for (let i = 0; i < count; i++) {
    const name = `@bench/p${String(i).padStart(4, '0')}`;
    const root = `packages/p${String(i).padStart(4, '0')}`;
    const results = {};
    for (const [kind, schema] of Object.entries(schemas)) {
      const file = `dist/quality/${root}/${kind}.json`;
      const read = core.readResultFile(join(workspace, file), schema);
      results[kind] = read.state === 'ok' ? { origin: 'recorded', file, value: read.value } : { origin: read.state === 'missing' ? 'missing' : 'invalid', file, reason: read.reason };
    }
    lap('read+validate results (zod)');
    const coverageFile = `dist/quality/${root}/coverage-final.json`;
    coverage.push({ project: name, file: coverageFile, data: (core.parseCoverageJson ?? ((b) => JSON.parse(b.toString())))(readFileSync(join(workspace, coverageFile))) });
    lap('read coverage-final.json');
    projects.push({ name, root, tags: [], results });
  }
  const merged = core.mergeCoverage(coverage, workspace);
  lap('merge coverage');
  const report = core.buildReport({ generatedAt: new Date().toISOString(), producer: 'executor', projects, mergedCoverage: merged.summary });
  lap('build report');
  const files = {};
  for (const format of core.REPORT_FORMATS ?? ['json', 'md', 'html', 'junit', 'sarif', 'coverage']) {
    Object.assign(files, core.renderReportFiles({ report, formats: [format], coverage: { map: merged.map, timestamp: 0 } }));
    lap(`render ${format}`);
  }
  const written = core.writeReportFiles(join(workspace, 'dist/quality-report'), files);
  lap('write files');
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const bytes = written.reduce((n, f) => n + statSync(f).size, 0);
  const sizes = Object.fromEntries(Object.entries(files).map(([f, text]) => [f, typeof text === 'string' ? Buffer.byteLength(text) : statSync(join(workspace, 'dist/quality-report', f)).size]));
  finish({ mode: label, ms, files: written.length, bytes, projects: report.projects?.length ?? count, phases, sizes });
}

let heapPeak = 0;
const sampler = setInterval(() => {
  heapPeak = Math.max(heapPeak, process.memoryUsage().rss);
}, 5);

function finish(result) {
  clearInterval(sampler);
  heapPeak = Math.max(heapPeak, process.memoryUsage().rss);
  process.stdout.write(`${JSON.stringify({ ...result, rssSampledPeakMb: heapPeak / 1048576 })}\n`);
}

if (mode === 'phases') {
  runCorePipeline('core pipeline, per phase');
} else if (existsSync(pluginPipeline) && existsSync(pluginOptions)) {
  const { generateWorkspaceReport } = require(pluginPipeline);
  const { resolveReportOptions } = require(pluginOptions);
  const graph = syntheticGraph();
  const started = process.hrtime.bigint();
  const options = resolveReportOptions(workspace, {}, { githubSummary: false, annotations: false });
  const generated = generateWorkspaceReport({ workspaceRoot: workspace, graph, nxJson: {}, options, producer: 'executor', originOf: () => ({ origin: 'recorded' }), env: {} });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const bytes = generated.files.reduce((n, f) => n + statSync(join(workspace, f)).size, 0);
  finish({ mode: 'plugin generateWorkspaceReport', ms, files: generated.files.length, bytes, projects: generated.report.projects.length });
} else if (existsSync(corePath)) {
  runCorePipeline('core pipeline');
} else {
  finish({ unavailable: 'packages/core/dist is not built (run npm run build)' });
}
