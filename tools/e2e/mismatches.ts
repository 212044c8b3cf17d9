import { isDeepStrictEqual } from 'node:util';

/**
 * Collects every difference between a recorded value and the tool's own answer, each labelled with
 * project and metric, so one failed assertion shows all of them: `expect(m.list).toEqual([])`.
 */
export class Mismatches {
  readonly list: string[] = [];

  constructor(private readonly project: string) {}

  /** Records a mismatch when `recorded` and `reference` differ (deep equality). */
  eq(metric: string, recorded: unknown, reference: unknown, referenceName: string): void {
    if (!isDeepStrictEqual(recorded, reference)) {
      this.list.push(`${this.project} ${metric}: recorded ${JSON.stringify(recorded)}, ${referenceName} says ${JSON.stringify(reference)}`);
    }
  }

  /** Records a failed expectation that is not a comparison with a tool. */
  check(ok: boolean, what: string): void {
    if (!ok) this.list.push(`${this.project} ${what}`);
  }
}
