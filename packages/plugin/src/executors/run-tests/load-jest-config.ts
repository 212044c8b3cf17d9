import { ConfigLoadError, toWorkspacePath } from '@nx-quality/core';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInThisContext } from 'node:vm';
import { resolveToolModule } from '../shared/resolve-tool-module';

/** A Jest config object as the user's config file produced it (after calling a function export). */
export type JestConfigObject = Record<string, unknown>;

const TYPESCRIPT_EXTENSIONS = new Set(['.ts', '.cts', '.mts']);

/**
 * Loads a Jest config file without Jest's own loader. TypeScript configs are evaluated as CommonJS
 * with `require` rooted at the config's folder: as they are when they hold plain JavaScript, else
 * transpiled with the workspace's `typescript` (no type-check: ts-node's type-check is what breaks
 * fresh Nx workspaces on TS 6); `.json` configs are parsed. Default exports, functions and async
 * functions are supported. Throws ConfigLoadError naming the file.
 */
export async function loadJestConfig(configFile: string, workspaceRoot: string): Promise<JestConfigObject> {
  const relativeFile = toWorkspacePath(workspaceRoot, configFile);
  const loadFailure = (cause: unknown, what = 'threw while loading'): ConfigLoadError => {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new ConfigLoadError('JEST_CONFIG_LOAD_FAILED', relativeFile, `Jest config ${relativeFile} ${what}: ${firstLine(reason)}`, {
      cause,
      hint: `Fix ${relativeFile} so that \`node\` can evaluate it (the error above comes from the config file or a module it requires).`,
    });
  };

  let exported: unknown;
  try {
    const extension = extname(configFile);
    // Node 20 refuses import() of JSON without an import attribute; Jest itself reads it as JSON.
    exported =
      extension === '.json'
        ? (JSON.parse(readFileSync(configFile, 'utf8')) as unknown)
        : TYPESCRIPT_EXTENSIONS.has(extension)
          ? defaultExport(evaluateTypeScript(configFile, workspaceRoot, new Map()))
          : await importModule(configFile);
  } catch (error) {
    // Whatever the user's config (or a module it requires) throws is a load failure of that file.
    if (error instanceof ConfigLoadError) throw error;
    throw loadFailure(error);
  }

  let config: unknown;
  try {
    config = typeof exported === 'function' ? await (exported as () => unknown)() : exported;
  } catch (error) {
    throw loadFailure(error, 'exports a function that threw');
  }
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new ConfigLoadError('JEST_CONFIG_INVALID', relativeFile, `Jest config ${relativeFile} does not export a config object (got ${describeValue(config)}).`, {
      hint: 'Export the config object (module.exports = {...} or export default {...}), or a function returning it.',
    });
  }
  return config as JestConfigObject;
}

function transpileTypeScript(source: string, configFile: string, workspaceRoot: string, relativeFile: string): string {
  const resolved = resolveToolModule('typescript', [dirname(configFile), workspaceRoot]);
  if (!resolved) {
    throw new ConfigLoadError('JEST_CONFIG_LOAD_FAILED', relativeFile, `Jest config ${relativeFile} is TypeScript, but the \`typescript\` package is not installed.`, {
      hint: 'Install typescript in the workspace (npm install -D typescript), or write the config as jest.config.js.',
    });
  }
  const ts = require(resolved.path) as typeof import('typescript');
  const output = ts.transpileModule(source, {
    // As `.ts`: TypeScript keeps ESM syntax in `.mts` output whatever `module` says, and we evaluate CommonJS.
    fileName: configFile.replace(/\.[cm]ts$/, '.ts'),
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      inlineSourceMap: true,
    },
  });
  const syntaxError = output.diagnostics?.find((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
  if (syntaxError) {
    const position =
      syntaxError.file && syntaxError.start !== undefined ? syntaxError.file.getLineAndCharacterOfPosition(syntaxError.start) : undefined;
    const where = position ? `:${position.line + 1}:${position.character + 1}` : '';
    throw new ConfigLoadError(
      'JEST_CONFIG_LOAD_FAILED',
      relativeFile,
      `Jest config ${relativeFile}${where} has a syntax error: ${ts.flattenDiagnosticMessageText(syntaxError.messageText, '\n')}`,
      { hint: `Fix the syntax error in ${relativeFile}.` },
    );
  }
  return output.outputText;
}

/**
 * Evaluates a TypeScript file as CommonJS. Its `require` also loads local TypeScript modules (a shared
 * `jest.base.ts`, say) the same way, since plain Node 20 cannot; everything else goes to Node.
 */
function evaluateTypeScript(file: string, workspaceRoot: string, cache: Map<string, { exports: unknown }>): unknown {
  const cached = cache.get(file);
  if (cached) return cached.exports;
  const module = { exports: {} as unknown };
  cache.set(file, module);
  const source = readFileSync(file, 'utf8');
  let wrapper: CommonJsWrapper;
  try {
    // A config with no TypeScript syntax in it (a CommonJS jest.config.cts, as Nx generates) runs as
    // it is: loading the TypeScript compiler to strip nothing would cost every test worker its load
    // time and memory. Any TypeScript or ES module syntax fails to compile as CommonJS.
    wrapper = compileAsCommonJs(source, file);
  } catch (error) {
    // By name: the error comes from the context the code was compiled in, whose SyntaxError class a
    // caller in another context (a test sandbox) does not share.
    if ((error as { name?: unknown } | null)?.name !== 'SyntaxError') throw error;
    wrapper = compileAsCommonJs(transpileTypeScript(source, file, workspaceRoot, toWorkspacePath(workspaceRoot, file)), file);
  }
  const nodeRequire = createRequire(file);
  const requireWithTypeScript = Object.assign(
    (request: string): unknown => {
      const local = resolveLocalTypeScript(request, dirname(file));
      return local ? evaluateTypeScript(local, workspaceRoot, cache) : nodeRequire(request);
    },
    { resolve: nodeRequire.resolve, cache: nodeRequire.cache, main: nodeRequire.main },
  );
  wrapper.call(module.exports, module.exports, requireWithTypeScript, module, file, dirname(file));
  return module.exports;
}

type CommonJsWrapper = (...args: unknown[]) => void;

/** `code` compiled as the body of a CommonJS module function; nothing in it runs yet. */
function compileAsCommonJs(code: string, file: string): CommonJsWrapper {
  // The wrapper stays on the code's first line so stack traces keep the file's line numbers.
  return runInThisContext(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, { filename: file }) as CommonJsWrapper;
}

/** The TypeScript file a relative require names (`./base`, `./base.js` written for nodenext), if any. */
function resolveLocalTypeScript(request: string, fromDir: string): string | undefined {
  if (!request.startsWith('./') && !request.startsWith('../') && !isAbsolute(request)) return undefined;
  const base = resolve(fromDir, request);
  if (TYPESCRIPT_EXTENSIONS.has(extname(base))) return existsSync(base) ? base : undefined;
  if (existsSync(base) && !statSync(base).isDirectory()) return undefined;
  const withoutJs = base.replace(/\.[cm]?js$/, '');
  const candidates = [`${base}.ts`, `${base}.cts`, `${base}.mts`, join(base, 'index.ts')];
  if (withoutJs !== base) candidates.unshift(`${withoutJs}.ts`, `${withoutJs}.cts`, `${withoutJs}.mts`);
  return candidates.find((candidate) => existsSync(candidate));
}

function defaultExport(exported: unknown): unknown {
  const module = exported as { __esModule?: boolean; default?: unknown } | undefined;
  return module && module.__esModule && 'default' in module ? module.default : exported;
}

async function importModule(file: string): Promise<unknown> {
  // Node's ESM loader reads .mjs, ESM .js and CommonJS (module.exports becomes `default`) alike.
  const namespace = (await import(pathToFileURL(file).href)) as { default?: unknown };
  const value = 'default' in namespace ? namespace.default : namespace;
  const inner = value as { __esModule?: boolean; default?: unknown } | undefined;
  return inner && typeof inner === 'object' && inner.__esModule && 'default' in inner ? inner.default : value;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
