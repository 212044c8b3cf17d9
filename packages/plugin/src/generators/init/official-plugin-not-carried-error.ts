import { QualityError } from '@nx-quality/core';

/** Why `init --replaceOfficial` cannot carry an official plugin entry over to our options. */
export type NotCarriedCode = 'OFFICIAL_OPTION_NOT_SUPPORTED' | 'OFFICIAL_ENTRIES_DISAGREE' | 'OFFICIAL_DEFAULTS_NOT_SUPPORTED' | 'OFFICIAL_OPTIONS_CONFLICT';

/**
 * `init --replaceOfficial` refused: an official plugin entry (or the target defaults of its target)
 * sets something our targets cannot reproduce, so replacing it would change which projects run
 * what, or how. Thrown before nx.json is written.
 */
export class OfficialPluginNotCarriedError extends QualityError {
  constructor(code: NotCarriedCode, reason: string, fix: string) {
    super(code, `init --replaceOfficial: ${reason} nx.json was left unchanged.`, { file: 'nx.json', hint: fix });
  }
}
