import { RESULT_SCHEMA_VERSION } from '@nx-quality/core';

/** The fields every result file (test, lint, typecheck, health) starts with. */
export interface ResultHeader<Kind extends string> {
  kind: Kind;
  schemaVersion: typeof RESULT_SCHEMA_VERSION;
  project: string;
  projectRoot: string;
  startedAt: string;
  durationMs: number;
  /** The Nx task hash (NX_TASK_HASH) of the task that wrote it, when Nx ran it. */
  taskHash?: string;
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
    ...taskHashField(),
  };
}

/** `{ taskHash }` from the task's NX_TASK_HASH (set by Nx for a task, and per task inside our batches). */
export function taskHashField(env: NodeJS.ProcessEnv = process.env): { taskHash?: string } {
  const hash = env['NX_TASK_HASH'];
  return hash ? { taskHash: hash } : {};
}
