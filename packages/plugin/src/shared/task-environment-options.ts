import { z } from 'zod';

/** An existing target's name, which may contain ":" (a package.json script `test:lib`), unlike the names we give ours. */
export const OFFICIAL_TARGET_NAME = /^\S+$/;

/**
 * Options of the tool executors (test, lint, typecheck) that give the tool the environment of the
 * official target ours stands beside; one shape spread into each executor's options.
 */
export const taskEnvironmentOptionsShape = {
  officialTarget: z
    .string()
    .regex(OFFICIAL_TARGET_NAME, 'must be a target name without spaces')
    .optional()
    .describe(
      "Name of the official target this one stands beside (e.g. 'test' of @nx/jest/plugin, or a package.json script such as 'test:lib'): its .env files (.env.<name>, .env.<name>.<configuration>) and its `env` option give the tool the environment the official target gets. Set by inference.",
    ),
  env: z
    .record(z.string(), z.string())
    .optional()
    .describe("Environment variables for the tool, applied over the .env files as run-commands' `env` option is (e.g. NODE_OPTIONS from targetDefaults)."),
};
