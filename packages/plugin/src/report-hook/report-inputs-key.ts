import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileVersion } from '@nx-quality/core';
import type { LocatedProject } from '../report/locate-project-results';
import type { ReportSettings } from '../report/load-report-settings';
import type { NormalizedQualityReportOptions } from '../executors/quality-report/options';
import type { OriginOf } from '../report/read-project-results';

// Bump when the report changes for the same inputs in a way the code versions below would not show.
const KEY_FORMAT = 2;

/** Everything the after-run report is made of, before any result is read. */
export interface ReportInputs {
  workspaceRoot: string;
  options: NormalizedQualityReportOptions;
  settings: Pick<ReportSettings, 'config' | 'problems'>;
  located: { projects: LocatedProject[]; invalidOutputs: unknown[] };
  originOf: OriginOf;
  /** The Nx hash of a task this run restored from a cache (see `cachedTaskHashes`). */
  cachedHashOf: (project: string, target: string) => string | undefined;
  invocation: { projectsRun: string[]; targets: string[] };
  /** Whether GitHub annotations are rendered (option and `GITHUB_ACTIONS`). */
  annotate: boolean;
  /** Workspace-relative baseline file, when the report compares against it. */
  baselineFile?: string;
}

/** The installed nx-quality code: a reinstall or an upgrade writes these files anew. */
function codeVersions(): string[] {
  const files = [join(__dirname, '../../package.json'), require.resolve('@nx-quality/core/package.json'), require.resolve('@nx-quality/core'), __filename];
  return files.map((file) => `${file}=${fileVersion(file)}`);
}

/**
 * A digest of the report's inputs: options, settings, where every result is, what is in each result
 * file (the Nx hash of the cache entry it was restored from in this run, else the version of the
 * file on disk: device, inode, size, times), how this run labels it, what was invoked, and the
 * nx-quality code. Equal digests mean the report would come out the same, apart from its
 * `generatedAt` and the source lines SARIF quotes (which the stamp checks itself).
 */
export function reportInputsKey(inputs: ReportInputs): string {
  const files = new Map<string, string>();
  const origins: Record<string, unknown> = {};
  for (const project of inputs.located.projects) {
    for (const [kind, result] of Object.entries(project.results)) {
      origins[`${project.name}\u0000${kind}`] = inputs.originOf(project.name, result.target);
      if (!result.file) continue;
      const hash = inputs.cachedHashOf(project.name, result.target);
      files.set(result.file, hash ? `cache entry ${hash}` : fileVersion(join(inputs.workspaceRoot, result.file)));
    }
  }
  if (inputs.baselineFile) files.set(inputs.baselineFile, fileVersion(join(inputs.workspaceRoot, inputs.baselineFile)));
  const described = {
    format: KEY_FORMAT,
    code: codeVersions(),
    options: inputs.options,
    settings: { config: inputs.settings.config, problems: inputs.settings.problems },
    located: inputs.located,
    origins,
    invocation: inputs.invocation,
    annotate: inputs.annotate,
    files: [...files].sort(([a], [b]) => a.localeCompare(b)),
  };
  return createHash('sha256').update(JSON.stringify(described)).digest('hex');
}
