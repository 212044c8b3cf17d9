import { z } from 'zod';

// The option pieces every generator shares, so their types, defaults and CLI behaviour (positional
// project, prompt) stay the same across generators; only the wording differs per generator.

/** The target project, also taken from the first positional argument and prompted for when missing. */
export function projectOption(description: string, prompt: string) {
  return z.string().min(1).describe(description).meta({ $default: { $source: 'argv', index: 0 }, 'x-prompt': prompt, 'x-priority': 'important' });
}

/** `--force` (default false); the description says what it allows overwriting. */
export function forceOption(description: string) {
  return z.boolean().default(false).describe(description);
}

/** `--skipFormat` (default false): `Do not format <what> with Prettier.` */
export function skipFormatOption(what: string) {
  return z.boolean().default(false).describe(`Do not format ${what} with Prettier.`);
}
