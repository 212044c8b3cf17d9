import type { CoverageThresholds } from '@nx-quality/core';
import type { CoverageMapData } from 'istanbul-lib-coverage';
import type { RunnerCoverage } from './runner-outcome';

/** A runner's coverage data with the thresholds that judge it (none when nothing sets any). */
export function withThresholds(data: CoverageMapData, thresholds: CoverageThresholds | undefined): RunnerCoverage {
  return thresholds ? { data, thresholds } : { data };
}
