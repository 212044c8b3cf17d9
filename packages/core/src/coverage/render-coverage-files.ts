import { buildCoverageTree, type CoverageTreeNode } from './coverage-report-tree';
import type { MergedCoverageMap } from './merged-coverage-map';
import { renderCobertura } from './render-cobertura';
import { renderCoverageJson } from './render-coverage-json';
import { renderLcov } from './render-lcov';
import { contentText, type ChunkedText } from '../io/report-file-content';

/**
 * The merged coverage as `coverage-final.json`, `lcov.info` and `cobertura.xml` with
 * workspace-relative paths, produced piece by piece while they are written. lcov and cobertura are byte for byte
 * what istanbul-reports' `lcovonly` and `cobertura` write with `projectRoot: '.'` (cobertura's
 * `filename` attributes XML-escaped). The output depends only on the coverage and `timestamp`
 * (never on the absolute location of the workspace or the time of the run), so two clones produce
 * identical files.
 */
export function coverageFileContents(map: MergedCoverageMap, options: { timestamp: number }): Record<string, ChunkedText> {
  let tree: CoverageTreeNode | undefined;
  const treeOf = (): CoverageTreeNode => (tree ??= buildCoverageTree(map.files()));
  return {
    'coverage-final.json': { chunks: () => renderCoverageJson(map) },
    'lcov.info': { chunks: () => renderLcov(treeOf(), map) },
    'cobertura.xml': { chunks: () => renderCobertura(treeOf(), map, options.timestamp) },
  };
}

/** The same files as whole strings (for tests and small maps). */
export function renderCoverageFiles(map: MergedCoverageMap, options: { timestamp: number }): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, content] of Object.entries(coverageFileContents(map, options))) files[name] = contentText(content);
  return files;
}
