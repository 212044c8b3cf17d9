import { appendFileSync } from 'node:fs';

/** Duration of one named e2e phase. */
export interface PhaseTiming {
  phase: string;
  durationMs: number;
  ok: boolean;
}

const timings: PhaseTiming[] = [];

/** Runs `work`, recording how long the phase took (also when it throws) and logging it as it ends. */
export async function timePhase<T>(phase: string, work: () => T | Promise<T>): Promise<T> {
  const started = Date.now();
  let ok = false;
  try {
    const value = await work();
    ok = true;
    return value;
  } finally {
    const timing = { phase, durationMs: Date.now() - started, ok };
    timings.push(timing);
    const line = `[e2e] ${ok ? 'done ' : 'FAILED'} ${phase}: ${(timing.durationMs / 1000).toFixed(1)}s`;
    process.stderr.write(`${line}\n`);
    if (process.env.NXQ_E2E_TIMINGS_FILE) appendFileSync(process.env.NXQ_E2E_TIMINGS_FILE, `${JSON.stringify(timing)}\n`);
  }
}

/** Every phase timed so far, in order. */
export function phaseTimings(): readonly PhaseTiming[] {
  return timings;
}
