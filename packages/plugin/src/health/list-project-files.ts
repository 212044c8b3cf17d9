import { minimatch } from 'minimatch';
import { globSync } from 'tinyglobby';
import type { NormalizedHealthOptions } from './health-options';

/** The files the health analysis looks at, project-relative POSIX paths, sorted. */
export interface ProjectFiles {
  sources: string[];
  tests: string[];
}

/** Lists a project's source and test files from the globs of the health options. */
export function listProjectFiles(projectDir: string, options: NormalizedHealthOptions): ProjectFiles {
  const files = globSync(options.sourceGlobs, {
    cwd: projectDir,
    ignore: options.excludeGlobs,
    dot: false,
    onlyFiles: true,
    followSymbolicLinks: false,
  }).sort();
  const isTest = (file: string): boolean => options.testGlobs.some((glob) => minimatch(file, glob, { dot: true }));
  return { sources: files.filter((file) => !isTest(file)), tests: files.filter(isTest) };
}
