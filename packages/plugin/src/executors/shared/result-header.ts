import { RESULT_SCHEMA_VERSION } from '@nx-quality/core';

/** The fields every result file (test, lint, typecheck, health) starts with. */
export interface ResultHeader<Kind extends string> {
  kind: Kind;
  schemaVersion: typeof RESULT_SCHEMA_VERSION;
  project: string;
  projectRoot: string;
  startedAt: string;
  durationMs: number;
}

/** A result's header for `project` (name, workspace-relative root), timed from `startedAt` to now. */
export function resultHeader<Kind extends string>(kind: Kind, project: { name: string; root: string }, startedAt: Date): ResultHeader<Kind> {
  return {
    kind,
    schemaVersion: RESULT_SCHEMA_VERSION,
    project: project.name,
    projectRoot: project.root,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
  };
}
