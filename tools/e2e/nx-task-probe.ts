import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where the probe plugin writes Nx's own task results, relative to the workspace root. */
export const PROBE_RESULTS_FILE = '.nxq-e2e/task-results.json';

/** A task's outcome as Nx itself reports it to `postTasksExecution` hooks. */
export interface ProbedTask {
  id: string;
  project: string;
  target: string;
  status: 'success' | 'failure' | 'skipped' | 'stopped' | 'local-cache-kept-existing' | 'local-cache' | 'remote-cache';
  code?: number;
}

// A local Nx plugin whose postTasksExecution hook records Nx's own task results: a structured,
// product-independent way to see which tasks ran and which were cache hits.
const PROBE_SOURCE = `'use strict';
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
exports.name = 'nxq-e2e-task-probe';
exports.postTasksExecution = async (_options, context) => {
  const file = join(context.workspaceRoot, ${JSON.stringify(PROBE_RESULTS_FILE)});
  mkdirSync(dirname(file), { recursive: true });
  const tasks = Object.entries(context.taskResults).map(([id, r]) => ({
    id,
    project: r.task.target.project,
    target: r.task.target.target,
    status: r.status,
    code: r.code,
  }));
  writeFileSync(file, JSON.stringify({ argv: context.argv, tasks }, null, 2));
};
`;

/** Adds the probe plugin to the workspace (file under tools/, registered in nx.json, its output git-ignored). */
export function installTaskProbe(workspace: string): void {
  writeFileSync(join(workspace, 'tools-nx-task-probe.cjs'), PROBE_SOURCE);
  const nxJsonPath = join(workspace, 'nx.json');
  const nxJson = JSON.parse(readFileSync(nxJsonPath, 'utf8'));
  nxJson.plugins = [...(nxJson.plugins ?? []), './tools-nx-task-probe.cjs'];
  writeFileSync(nxJsonPath, `${JSON.stringify(nxJson, null, 2)}\n`);
  const gitignore = join(workspace, '.gitignore');
  writeFileSync(gitignore, `${existsSync(gitignore) ? readFileSync(gitignore, 'utf8') : ''}\n/.nxq-e2e\n`);
}

/** The tasks of the last Nx invocation, as the probe recorded them. */
export function readProbedTasks(workspace: string): ProbedTask[] {
  const file = join(workspace, PROBE_RESULTS_FILE);
  if (!existsSync(file)) throw new Error(`the task probe wrote no ${PROBE_RESULTS_FILE}: did Nx run the postTasksExecution hooks?`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { tasks: ProbedTask[] }).tasks;
}

/** Whether Nx restored the task from a cache instead of running it. */
export function isCacheHit(task: ProbedTask): boolean {
  return task.status === 'local-cache' || task.status === 'local-cache-kept-existing' || task.status === 'remote-cache';
}
