/**
 * How to fix a crash whose cause is known from its error code or message, for the result's `hint`.
 * Undefined when nothing specific is known.
 */
export function hintForToolCrash(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  const text = `${typeof code === 'string' ? code : ''} ${error instanceof Error ? error.message : String(error)}`;
  return hintForCrashText(text);
}

/** The same, from text a dead process printed (its last lines of stderr). */
export function hintForCrashText(text: string): string | undefined {
  if (text.includes('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG') || text.includes('--experimental-vm-modules')) {
    return "Code loaded by the tests or the Jest config uses import() inside Jest's VM: Node needs NODE_OPTIONS=--experimental-vm-modules. Put it in the .env file of the official target this one stands beside (e.g. .env.test), which nx-quality applies to its test target too, or in the target's environment.";
  }
  if (/JavaScript heap out of memory|ERR_WORKER_OUT_OF_MEMORY|Reached heap limit/.test(text)) {
    return 'The process ran out of memory: raise it with NODE_OPTIONS=--max-old-space-size=<MiB> in the .env file of the official target, or lower NX_QUALITY_BATCH_WORKERS so fewer test workers share the memory.';
  }
  return undefined;
}
