/** Nx's log channel from a plugin worker to the Nx process (`nx/src/project-graph/plugins/isolation/worker-streaming`, Nx 22.7+). */
interface WorkerLogChannel {
  emitPluginWorkerLog?: (level: 'log' | 'error', message: string) => void;
}

/** Where `printFromHook` runs: the process's entry script, and how it loads Nx's modules. */
export interface HookProcess {
  entry: string | undefined;
  load: (request: string) => unknown;
}

const PLUGIN_WORKER_ENTRY = /[\\/]project-graph[\\/]plugins[\\/]isolation[\\/]plugin-worker\.js$/;

/**
 * Writes the after-run hook's text where the user sees it. Nx runs the hook in an isolated plugin
 * worker, whose stdout and stderr are pipes the Nx process relays and destroys as soon as the hook
 * has returned: text still in a pipe then is lost (seen under load, the whole summary). In such a
 * worker the text goes instead through Nx's log channel, over the socket the hook's result comes
 * back on and ahead of it, and Nx prints it. Elsewhere (plugins not isolated, an Nx without the
 * channel) it goes to stdout or stderr.
 */
export function printFromHook(level: 'log' | 'error', text: string, hookProcess: HookProcess = { entry: process.argv[1], load: require }): void {
  const channel = hookProcess.entry && PLUGIN_WORKER_ENTRY.test(hookProcess.entry) ? workerLogChannel(hookProcess.load) : undefined;
  // Nx prints each message as a line of its own.
  if (channel) channel(level, text.endsWith('\n') ? text.slice(0, -1) : text);
  else (level === 'error' ? process.stderr : process.stdout).write(text);
}

function workerLogChannel(load: HookProcess['load']): WorkerLogChannel['emitPluginWorkerLog'] {
  try {
    return (load('nx/src/project-graph/plugins/isolation/worker-streaming') as WorkerLogChannel).emitPluginWorkerLog;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' || (error as NodeJS.ErrnoException).code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return undefined;
    throw error;
  }
}
