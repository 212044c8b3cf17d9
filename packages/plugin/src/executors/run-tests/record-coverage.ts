import {
  checkCoverageThresholds,
  relativizeCoverageMap,
  summarizeCoverage,
  writeFileAtomic,
  type CoverageThresholds,
  type TestCoverage,
} from '@nx-quality/core';
import type { CoverageMapData } from 'istanbul-lib-coverage';
import type { ProjectRef } from '../../shared/project-ref';
import type { NormalizedTestOptions } from './normalize-test-options';

/**
 * Turns a runner's istanbul coverage data into the result's coverage block: keys made
 * workspace-relative, written to coverage-final.json, summarized, thresholds checked.
 */
export function recordCoverage(
  data: CoverageMapData,
  project: ProjectRef,
  options: NormalizedTestOptions,
  thresholds: CoverageThresholds | undefined,
): TestCoverage {
  const relative = relativizeCoverageMap(data, project.workspaceRoot);
  // Compact, like istanbul's own json reporter: a third of the indented size, so cache artifacts and
  // the workspace report's read of every project's coverage stay small.
  writeFileAtomic(options.coverageFile.absolute, `${JSON.stringify(relative)}\n`);
  const { totals, files } = summarizeCoverage(relative);
  const hasThresholds = thresholds && Object.values(thresholds).some((value) => value !== undefined);
  return {
    totals,
    files,
    coverageFile: options.coverageFile.relative,
    ...(hasThresholds ? { thresholds } : {}),
    thresholdViolations: checkCoverageThresholds(totals, thresholds, project.name),
  };
}
