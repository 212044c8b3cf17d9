import type { ExecutorContext, TargetConfiguration } from '@nx/devkit';
import type { ProjectRef } from '../../shared/project-ref';
import { officialTargetOf } from './nx-task-env';
import { projectTargets } from './project-targets';

/** The official target a tool task stands beside, as Nx would run it. */
export interface OfficialTargetOptions {
  /** Its name (`test`, `lint`). */
  target: string;
  /** Its executor (`nx:run-commands` for a target an official plugin infers as a command). */
  executor?: string;
  /** Its options merged with its configuration: our task's configuration when it has one of that name, else its `defaultConfiguration`. */
  options: Record<string, unknown>;
}

/**
 * The official target named by a task's `officialTarget` option, read from the task's executor
 * context (project graph, else project configurations): undefined when there is none, or when it
 * is the task's own target.
 */
export function readOfficialTargetOptions(project: ProjectRef, rawOptions: unknown, context: ExecutorContext | undefined): OfficialTargetOptions | undefined {
  const target = officialTargetOf(rawOptions);
  if (!target || !context || target === context.targetName) return undefined;
  return readTargetOptions(project, target, context);
}

/** The project's target `target` as Nx would run it in this task's configuration (see readOfficialTargetOptions); undefined when there is none. */
export function readTargetOptions(project: ProjectRef, target: string, context: ExecutorContext): OfficialTargetOptions | undefined {
  const config: TargetConfiguration | undefined = projectTargets(context, project.name)[target];
  if (!config) return undefined;
  const configuration =
    context.configurationName && config.configurations?.[context.configurationName] ? context.configurationName : config.defaultConfiguration;
  const options = { ...(config.options as Record<string, unknown> | undefined), ...(configuration ? (config.configurations?.[configuration] as Record<string, unknown> | undefined) : undefined) };
  return { target, ...(config.executor ? { executor: config.executor } : {}), options };
}
