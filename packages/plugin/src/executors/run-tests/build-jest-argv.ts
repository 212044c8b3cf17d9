import type { JestConfigObject } from './load-jest-config';
import type { NormalizedTestOptions } from './normalize-test-options';

/** The subset of Jest's CLI argv (`Config.Argv`) we pass to `runCLI`. */
export interface JestArgv {
  $0: string;
  _: string[];
  config: string;
  coverage: boolean;
  coverageReporters?: string[];
  testLocationInResults: boolean;
  passWithNoTests: true;
  watch: false;
  watchAll: false;
  ci?: boolean;
  maxWorkers?: number | string;
  runInBand?: boolean;
  testNamePattern?: string;
  testPathPatterns?: string[];
  testPathPattern?: string;
}

/**
 * Builds runCLI's argv. The config travels as JSON (loaded by us), or as the path of a JSON file we
 * wrote (`configFile`) when it has `projects`: Jest spreads a JSON `--config` over every project. Jest's own coverage reporters
 * would write files into the user's tree, so unless the project's config chose reporters itself,
 * none are set (Jest then only prints its text summary; we write coverage-final.json ourselves).
 */
export function buildJestArgv(config: JestConfigObject, options: NormalizedTestOptions, jestMajor: number, configFile?: string): JestArgv {
  const argv: JestArgv = {
    $0: 'nx-quality',
    _: [],
    config: configFile ?? JSON.stringify(config),
    coverage: options.coverage,
    testLocationInResults: true,
    // Always: without it, Jest ends the process itself (exit code 1) when it finds no test file. The
    // runner decides from the options and the project's config whether that run passes.
    passWithNoTests: true,
    watch: false,
    watchAll: false,
  };
  if (options.coverage && config['coverageReporters'] === undefined) argv.coverageReporters = [];
  if (options.ci !== undefined) argv.ci = options.ci;
  if (options.maxWorkers !== undefined) argv.maxWorkers = options.maxWorkers;
  if (options.runInBand !== undefined) argv.runInBand = options.runInBand;
  if (options.testNamePattern !== undefined) argv.testNamePattern = options.testNamePattern;
  if (options.testPathPatterns?.length) {
    // Jest 30 takes a list; Jest 29 one regular expression.
    if (jestMajor >= 30) argv.testPathPatterns = options.testPathPatterns;
    else argv.testPathPattern = options.testPathPatterns.map((pattern) => `(?:${pattern})`).join('|');
  }
  return argv;
}
