import { QualityError } from '@nx-quality/core';

/** Why `init --replaceOfficial` cannot carry an official plugin entry over to our options. */
export type NotCarriedCode = 'OFFICIAL_OPTION_NOT_SUPPORTED' | 'OFFICIAL_ENTRIES_DISAGREE' | 'OFFICIAL_DEFAULTS_NOT_SUPPORTED' | 'OFFICIAL_OPTIONS_CONFLICT';

/** One thing that cannot be carried over, and how to fix it. */
interface Refusal {
  reason: string;
  fix: string;
}

/**
 * `init --replaceOfficial` refused: an official plugin entry (or the target defaults of its target)
 * sets something our targets cannot reproduce, so replacing it would change which projects run
 * what, or how. Thrown before nx.json is written. The fix is part of the message, since Nx prints
 * only the message of a generator's error; several refusals are listed at once, so a user does not
 * meet them one run at a time.
 */
export class OfficialPluginNotCarriedError extends QualityError {
  readonly refusals: Refusal[];

  constructor(code: NotCarriedCode, reason: string, fix: string, more: Refusal[] = []) {
    const refusals = [{ reason, fix }, ...more];
    const message =
      refusals.length === 1
        ? `init --replaceOfficial: ${reason} nx.json was left unchanged.\n  Fix: ${fix}`
        : [`init --replaceOfficial: nx.json was left unchanged, for ${refusals.length} reasons:`, ...refusals.map((r) => `  - ${r.reason}\n    Fix: ${r.fix}`)].join('\n');
    super(code, message, { file: 'nx.json', hint: refusals.map((r) => r.fix).join(' ') });
    this.refusals = refusals;
    // A refusal has no useful stack; without one Nx prints no "Pass --verbose" line under it.
    this.stack = undefined;
  }

  /** One error listing every refusal (the first one's code), or undefined when there is none. */
  static combine(errors: OfficialPluginNotCarriedError[]): OfficialPluginNotCarriedError | undefined {
    const [first, ...rest] = errors;
    if (!first) return undefined;
    if (rest.length === 0) return first;
    const [head, ...more] = errors.flatMap((error) => error.refusals);
    return new OfficialPluginNotCarriedError(first.code as NotCarriedCode, head!.reason, head!.fix, more);
  }
}
