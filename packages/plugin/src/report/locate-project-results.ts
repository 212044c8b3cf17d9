import { existsSync } from 'node:fs';
import { isAbsolute, join, posix } from 'node:path';
import type { ProjectGraph, TargetConfiguration } from '@nx/devkit';
import { isInsideWorkspace, RESULT_FILE_NAMES, resolveResultsDir, type InvalidOutput } from '@nx-quality/core';
import { optionsSchema as qualityOptionsSchema } from '../executors/quality/options';
import { interpolateOutput } from './interpolate-output';
import { qualityTargetKind, type QualityTargetKind } from '../shared/quality-target-kind';

/** Result kinds the report reads, and the file each is recorded in. */
export type LocatedKind = 'test' | 'lint' | 'typecheck' | 'health' | 'quality' | 'coverage';

/** Which of our targets records which result files. */
const FILES_BY_KIND: Record<QualityTargetKind, LocatedKind[]> = {
  test: ['test', 'coverage'],
  lint: ['lint'],
  typecheck: ['typecheck'],
  quality: ['quality', 'health'],
  health: ['health'],
};

/** Where one result of one project is, according to the target that records it. */
export interface LocatedResult {
  kind: LocatedKind;
  target: string;
  /** Workspace-relative POSIX path; absent when the declared output is unusable (see `invalidReason`). */
  file?: string;
  invalidReason?: string;
  /** Why the file is expected although no target of its own writes it (said when it is missing). */
  missingReason?: string;
}

/** A project that has at least one nx-quality target, and where its results are. */
export interface LocatedProject {
  name: string;
  root: string;
  tags: string[];
  projectFile?: string;
  results: Partial<Record<LocatedKind, LocatedResult>>;
  /** Options of the project's quality target (its effective gates and coverage settings). */
  qualityOptions?: Record<string, unknown>;
  /** Name of the project's quality target. */
  qualityTarget?: string;
}

function targetOptions(target: TargetConfiguration): Record<string, unknown> {
  const configuration = target.defaultConfiguration ? target.configurations?.[target.defaultConfiguration] : undefined;
  return { ...(target.options as Record<string, unknown> | undefined), ...(configuration as Record<string, unknown> | undefined) };
}

/**
 * A tool the quality target evaluates (its `tools` option) but that no target of the project
 * records is still expected, where the quality target reads it, so the report judges it as the
 * quality target does (missing fails its gates) instead of dropping its gates.
 */
function locateToolsOfQualityTarget(located: LocatedProject, workspaceRoot: string): void {
  if (!located.qualityOptions || !located.qualityTarget) return;
  const parsed = qualityOptionsSchema.safeParse(located.qualityOptions);
  if (!parsed.success) return;
  const dir = resolveResultsDir(parsed.data.resultsDir, { name: located.name, root: located.root });
  if (!isInsideWorkspace(workspaceRoot, dir)) return;
  for (const tool of parsed.data.tools) {
    if (located.results[tool]) continue;
    located.results[tool] = {
      kind: tool,
      target: located.qualityTarget,
      file: posix.join(dir, RESULT_FILE_NAMES[tool]),
      missingReason: `no ${tool} target records it, but option tools of ${located.qualityTarget} lists ${tool}`,
    };
  }
}

/** Every project's result locations, and the declared outputs that could not be used. */
export interface LocatedResults {
  projects: LocatedProject[];
  invalidOutputs: InvalidOutput[];
}

/**
 * Finds every project's result files through the project graph: the targets run by our executors
 * and the `outputs` they declare (interpolated as Nx does). Folders are never scanned. An output
 * outside the workspace is listed as invalid and not read. When no output names a result file, the
 * executor's `resultsDir` option says where it writes (Nx would not cache it; that is noted).
 */
export function locateProjectResults(graph: ProjectGraph, workspaceRoot: string): LocatedResults {
  const projects: LocatedProject[] = [];
  const invalidOutputs: InvalidOutput[] = [];
  for (const node of Object.values(graph.nodes).sort((a, b) => a.name.localeCompare(b.name))) {
    const root = node.data.root === '' ? '.' : node.data.root;
    const located: LocatedProject = { name: node.name, root, tags: node.data.tags ?? [], results: {} };
    // A dedicated health target records health.json; the quality target's own copy is the fallback.
    let healthFromHealthTarget = false;
    for (const [targetName, target] of Object.entries(node.data.targets ?? {})) {
      const targetKind = qualityTargetKind(target);
      if (!targetKind) continue;
      const options = targetOptions(target);
      if (targetKind === 'quality') {
        located.qualityOptions = options;
        located.qualityTarget = targetName;
      }
      const declared: string[] = [];
      for (const template of target.outputs ?? []) {
        const output = interpolateOutput(template, { workspaceRoot, projectRoot: root, projectName: node.name, options });
        if (output === undefined || output.includes('*')) continue;
        if (isAbsolute(output) || !isInsideWorkspace(workspaceRoot, output)) {
          invalidOutputs.push({ project: node.name, target: targetName, output: template, reason: 'points outside the workspace; results are only read inside it' });
          continue;
        }
        declared.push(output);
      }
      for (const kind of FILES_BY_KIND[targetKind] ?? []) {
        if (kind === 'health' && targetKind !== 'health' && healthFromHealthTarget) continue;
        if (kind === 'health' && targetKind === 'health') healthFromHealthTarget = true;
        const fileName = RESULT_FILE_NAMES[kind];
        const byFile = declared.find((output) => posix.basename(output) === fileName);
        const byFolder = declared.find((output) => !/\.[A-Za-z0-9]+$/.test(posix.basename(output)));
        if (byFile || byFolder) {
          located.results[kind] = { kind, target: targetName, file: byFile ?? posix.join(byFolder as string, fileName) };
          continue;
        }
        const outside = invalidOutputs.some((o) => o.project === node.name && o.target === targetName);
        if (outside) {
          located.results[kind] = { kind, target: targetName, invalidReason: `target ${targetName} declares its outputs outside the workspace` };
          continue;
        }
        const resultsDir = typeof options['resultsDir'] === 'string' ? options['resultsDir'] : undefined;
        const dir = resolveResultsDir(resultsDir ?? 'dist/quality/{projectRoot}', { name: node.name, root });
        if (!isInsideWorkspace(workspaceRoot, dir)) {
          located.results[kind] = { kind, target: targetName, invalidReason: `option resultsDir of ${targetName} points outside the workspace` };
          continue;
        }
        located.results[kind] = { kind, target: targetName, file: posix.join(dir, fileName) };
      }
    }
    locateToolsOfQualityTarget(located, workspaceRoot);
    if (Object.keys(located.results).length === 0) continue;
    for (const candidate of ['project.json', 'package.json']) {
      const file = posix.join(root, candidate);
      if (existsSync(join(workspaceRoot, file))) {
        located.projectFile = file;
        break;
      }
    }
    projects.push(located);
  }
  return { projects, invalidOutputs };
}
