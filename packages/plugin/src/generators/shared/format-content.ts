import { join } from 'node:path';
import { logger, type Tree } from '@nx/devkit';

const FORMAT_ERRORS = new Set(['SyntaxError', 'UndefinedParserError', 'ConfigError']);

interface PrettierApi {
  format(source: string, options: Record<string, unknown>): Promise<string> | string;
  resolveConfig(file: string, options?: Record<string, unknown>): Promise<Record<string, unknown> | null>;
  getFileInfo?(file: string, options?: Record<string, unknown>): Promise<{ ignored: boolean; inferredParser: string | null }>;
}

let cached: { root: string; api: PrettierApi | null } | undefined;

function loadPrettier(root: string): PrettierApi | null {
  if (cached?.root === root) return cached.api;
  let api: PrettierApi | null;
  try {
    // The workspace's own Prettier (and its config) decides the style, as Nx's formatFiles does.
    api = require(require.resolve('prettier', { paths: [root, process.cwd()] })) as PrettierApi;
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'MODULE_NOT_FOUND') throw error;
    api = null;
  }
  cached = { root, api };
  return api;
}

/**
 * Formats generated text with the workspace's Prettier when it is installed, so the content we compare
 * against existing files (idempotence, overwrite refusal) is exactly what ends up on disk.
 */
export async function formatContent(tree: Tree, path: string, content: string): Promise<string> {
  const prettier = loadPrettier(tree.root);
  if (!prettier) return content;
  const file = join(tree.root, path);
  try {
    const info = prettier.getFileInfo
      ? await prettier.getFileInfo(file, { ignorePath: join(tree.root, '.prettierignore') })
      : { ignored: false, inferredParser: 'x' };
    if (info.ignored || info.inferredParser === null) return content;
    const config = (await prettier.resolveConfig(file, { editorconfig: true })) ?? {};
    return await prettier.format(content, { ...config, filepath: file });
  } catch (error) {
    // Formatting is cosmetic: content Prettier cannot parse, or a parser/plugin it cannot find, must not
    // stop generation; anything else is a real problem.
    if (!(error instanceof Error) || !FORMAT_ERRORS.has(error.name)) throw error;
    logger.warn(`Could not format ${path} with Prettier (${error.message.split('\n')[0]}); it is written unformatted.`);
    return content;
  }
}
