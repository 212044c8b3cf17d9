import { QualityError, type CoverageThresholds } from '@nx-quality/core';
import type { CoverageMapData } from 'istanbul-lib-coverage';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProjectRef } from '../../../shared/project-ref';
import { describeError } from '../../shared/describe-error';
import type { NormalizedTestOptions } from '../normalize-test-options';
import { withThresholds } from '../with-thresholds';
import { resolveToolModule } from '../../shared/resolve-tool-module';
import { unexpectedRunnerError } from '../unexpected-runner-error';
import type { RunnerOutcome } from '../runner-outcome';
import { DEFAULT_NODE_TEST_GLOBS, findNodeTestFiles } from './find-node-test-files';
import { mapNodeTestEvents } from './map-node-test-events';
import { NODE_REPORTER_SOURCE } from './node-reporter-source';
import type { NodeTestEvent } from './node-test-event';

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;

/**
 * Runs a project's tests with `node --test` in a child process under c8: our reporter writes Node's
 * structured events as JSON lines (the spec reporter still prints to the terminal), c8 turns V8
 * coverage into istanbul JSON through source maps. Never throws for tool problems.
 */
export async function runNodeTests(project: ProjectRef, options: NormalizedTestOptions): Promise<RunnerOutcome> {
  let tool = { name: 'node', version: 'unknown' };
  const tempDir = mkdtempSync(join(tmpdir(), 'nx-quality-node-test-'));
  try {
    const cwd = options.projectRoot.absolute;
    const searchFrom = [cwd, project.workspaceRoot];
    const testFiles = findNodeTestFiles(cwd, options.testFiles ?? DEFAULT_NODE_TEST_GLOBS);
    if (testFiles.length === 0) {
      if (options.passWithNoTests) return { tool: { name: 'node', version: 'unknown' } };
      throw new QualityError('NO_TESTS_FOUND', `No test files found for project "${project.name}" in ${options.projectRoot.relative}.`, {
        file: options.projectRoot.relative,
        hint: `Add tests matching ${(options.testFiles ?? DEFAULT_NODE_TEST_GLOBS).join(', ')}, set the testFiles option, or set passWithNoTests.`,
      });
    }

    const nodeExecutable = options.nodeExecutable ?? process.execPath;
    const imports = options.nodeImport ?? defaultImports(testFiles, searchFrom, nodeExecutable);
    for (const request of imports) {
      if (!request.startsWith('.') && !resolveToolModule(request, searchFrom)) {
        throw new QualityError('NODE_LOADER_NOT_FOUND', `The module "${request}" preloaded for the tests of project "${project.name}" is not installed.`, {
          hint: request === 'tsx' ? 'TypeScript tests run through tsx: npm install -D tsx (or set the nodeImport option to your loader).' : `Install ${request} or correct the nodeImport option.`,
        });
      }
    }

    const c8 = options.coverage ? resolveToolModule('c8/bin/c8.js', searchFrom) : undefined;
    if (options.coverage && !c8) {
      throw new QualityError('C8_NOT_FOUND', `Coverage for the node runner needs c8, which project "${project.name}" cannot resolve.`, {
        hint: 'npm install -D c8, or set coverage: false.',
      });
    }

    const reporterFile = join(tempDir, 'reporter.mjs');
    const eventsFile = join(tempDir, 'events.jsonl');
    const reportDir = join(tempDir, 'report');
    writeFileSync(reporterFile, NODE_REPORTER_SOURCE);
    const nodeArgs = [
      ...imports.flatMap((request) => ['--import', request]),
      ...(options.nodeArgs ?? []),
      '--test',
      `--test-reporter=${reporterFile}`,
      `--test-reporter-destination=${eventsFile}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      ...(options.testNamePattern ? [`--test-name-pattern=${options.testNamePattern}`] : []),
      ...(options.runInBand ? ['--test-concurrency=1'] : []),
      ...testFiles,
    ];
    const args = c8
      ? [
          c8.path,
          '--reporter=json',
          `--report-dir=${reportDir}`,
          `--temp-directory=${join(tempDir, 'v8')}`,
          '--clean',
          ...c8Excludes(searchFrom, c8.path, testFiles, options.coverageExclude ?? []).map((glob) => `--exclude=${glob}`),
          nodeExecutable,
          ...nodeArgs,
        ]
      : nodeArgs;

    const child = await runProcess(nodeExecutable, args, cwd);
    const events = readEvents(eventsFile);
    const meta = events.find((event) => event.type === 'meta');
    if (meta?.data.node) tool = { name: 'node', version: meta.data.node };
    if (!meta) {
      throw new QualityError('NODE_TEST_RUN_FAILED', `node --test did not run for project "${project.name}" (exit code ${child.code}): ${lastLines(child.stderr)}`, {
        file: options.projectRoot.relative,
        hint: 'Check the nodeArgs/nodeImport options and that the node executable supports --test-reporter (Node 20.19+).',
      });
    }

    const tests = mapNodeTestEvents(events, project.workspaceRoot, options.failuresCap);
    let coverage;
    if (c8) {
      const coverageJson = join(reportDir, 'coverage-final.json');
      if (!existsSync(coverageJson)) {
        throw new QualityError('C8_REPORT_FAILED', `c8 wrote no coverage report for project "${project.name}": ${lastLines(child.stderr)}`, {
          hint: 'Run the tests with coverage: false to isolate the problem, or check the c8 installation.',
        });
      }
      const data = JSON.parse(readFileSync(coverageJson, 'utf8')) as CoverageMapData;
      coverage = withThresholds(data, options.coverageThreshold as CoverageThresholds | undefined);
    }
    // Node exits non-zero for failures the counts already show; anything else (a crash) must not pass silently.
    const runnerReportedFailure = child.code !== 0 && tests.counts.failed === 0 && tests.suites.errored === 0;
    return { tool, tests, coverage, runnerReportedFailure };
  } catch (error) {
    // The "never throws" boundary: our errors carry code, file and hint; anything else keeps its message.
    return { tool, error: error instanceof QualityError ? describeError(error, 'NODE_TEST_RUN_FAILED') : unexpectedRunnerError(error, 'NODE_TEST_RUN_FAILED', 'Jest/Node/config') };
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}

/**
 * TypeScript tests run through tsx when the project can resolve it; without it, a Node that strips
 * types itself (22.18+, 23.6+) runs them as they are; otherwise tsx is still asked for (and reported missing).
 */
function defaultImports(testFiles: string[], searchFrom: string[], nodeExecutable: string): string[] {
  if (!testFiles.some((file) => TYPESCRIPT_FILE.test(file))) return [];
  if (resolveToolModule('tsx', searchFrom)) return ['tsx'];
  const version = nodeExecutable === process.execPath ? process.versions.node : execFileSync(nodeExecutable, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const stripsTypes = major > 23 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18);
  return stripsTypes ? [] : ['tsx'];
}

/** c8's default excludes (an `--exclude` replaces them) plus the test files run and the user's extra globs. */
function c8Excludes(searchFrom: string[], c8Path: string, testFiles: string[], extra: string[]): string[] {
  const schema = resolveToolModule('@istanbuljs/schema', [c8Path, ...searchFrom]);
  const defaults = schema ? ((require(schema.path) as { defaults: { nyc: { exclude: string[] } } }).defaults.nyc.exclude ?? []) : [];
  return [...new Set([...defaults, ...testFiles, ...extra])];
}

function readEvents(file: string): NodeTestEvent[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as NodeTestEvent);
}

function runProcess(command: string, args: string[], cwd: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    // A terminal is inherited so the spec reporter keeps its colours; otherwise its output goes
    // through process.stdout.write, where a batch captures it as the task's output.
    const inheritStdout = process.stdout.isTTY === true;
    const child = spawn(command, args, { cwd, stdio: ['ignore', inheritStdout ? 'inherit' : 'pipe', 'pipe'], env: process.env });
    child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(chunk));
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on('error', (error) =>
      reject(new QualityError('NODE_TEST_RUN_FAILED', `Could not start ${command}: ${error.message}`, { cause: error, hint: 'Check the nodeExecutable option.' })),
    );
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
  });
}

function lastLines(text: string, count = 5): string {
  const lines = text.trim().split('\n');
  return lines.slice(-count).join('\n') || '(no output)';
}
