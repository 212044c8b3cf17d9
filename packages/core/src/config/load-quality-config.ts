import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigLoadError } from '../errors/config-load-error';
import { parseQualityConfig } from './parse-quality-config';
import { QUALITY_CONFIG_FILE, type QualityConfig } from './quality-config-schema';

/** The workspace quality config and the workspace-relative file it came from (null when there is none). */
export interface LoadedQualityConfig {
  config: QualityConfig;
  file: string | null;
}

/**
 * Reads `quality.config.json` from the workspace root. A missing file is an empty config; an
 * unreadable, non-JSON or invalid file throws a ConfigLoadError naming the file and the key path.
 */
export function loadQualityConfig(workspaceRoot: string): LoadedQualityConfig {
  let text: string;
  try {
    text = readFileSync(join(workspaceRoot, QUALITY_CONFIG_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { config: {}, file: null };
    throw new ConfigLoadError('QUALITY_CONFIG_UNREADABLE', QUALITY_CONFIG_FILE, `${QUALITY_CONFIG_FILE} cannot be read: ${(error as Error).message}`, {
      cause: error,
      hint: `Check the file's permissions.`,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigLoadError('QUALITY_CONFIG_INVALID_JSON', QUALITY_CONFIG_FILE, `${QUALITY_CONFIG_FILE} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
      hint: `Fix the JSON syntax of ${QUALITY_CONFIG_FILE} (comments and trailing commas are not allowed).`,
    });
  }
  return { config: parseQualityConfig(json, QUALITY_CONFIG_FILE), file: QUALITY_CONFIG_FILE };
}
