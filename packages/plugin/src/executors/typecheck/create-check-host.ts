import { ConfigLoadError } from '@nx-quality/core';
import type { CompilerHost, CompilerOptions, CreateSourceFileOptions, ParsedCommandLine, ScriptTarget, SourceFile } from 'typescript';
import type { TypeScriptModule } from './resolve-typescript';
import { parseTsconfig } from './parse-tsconfig';

/**
 * A compiler host for checking one tsconfig without emitting anything.
 *
 * Why `useSourceOfProjectReferenceRedirect`: a plain program resolves imports of a referenced
 * project to that project's built `.d.ts` files. Before `tsc -b` has emitted them (we never emit),
 * or when the referenced project failed to build (`noEmitOnError`), every such import becomes a
 * TS6305 "Output file … has not been built from source file …", a cascade that hides the one
 * root error in the referenced project and shows up in the referencing one (e.g. the spec config
 * of an Nx library). The language service (editors) avoids this by reading the referenced
 * project's sources instead; this host does the same. TypeScript then skips type-checking those
 * redirected sources in the referencing program (they are checked by their own config, which
 * `collectProjectConfigs` orders first), so each root error is reported once, by the config that
 * owns the file. Dropping TS6305 after the fact would instead leave the types of the missing
 * outputs as errors/`any` in the referencing program and change its other diagnostics.
 *
 * Parsed source files go through `sourceFiles`, keyed by the options that change how a file is
 * parsed and bound, so configs and projects of one batch share them. Declaration files take a
 * narrower key (`parseKeys`): a library's spec config often differs from its lib
 * config only in `module` and `moduleResolution`, and without it every project checked in a
 * process would hold TypeScript's libraries and `@types` parsed twice.
 */
export function createCheckHost(
  ts: TypeScriptModule,
  options: CompilerOptions,
  workspaceRoot: string,
  caches: { sourceFiles: Map<string, SourceFile>; parsedConfigs: Map<string, ParsedCommandLine> },
): CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const keys = parseKeys(ts, options);
  const isDeclarationFile = (ts as unknown as { isDeclarationFileName?: (fileName: string) => boolean }).isDeclarationFileName;
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName: string, languageVersionOrOptions: ScriptTarget | CreateSourceFileOptions, onError, shouldCreateNewSourceFile) => {
    const format = typeof languageVersionOrOptions === 'object' ? languageVersionOrOptions.impliedNodeFormat : undefined;
    const key = `${fileName}\0${isDeclarationFile?.(fileName) ? keys.declaration : keys.source}\0${format ?? ''}`;
    const cached = shouldCreateNewSourceFile ? undefined : caches.sourceFiles.get(key);
    if (cached) return cached;
    const created = getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    if (created) caches.sourceFiles.set(key, created);
    return created;
  };
  host.writeFile = () => undefined;
  host.getParsedCommandLine = (fileName: string) => {
    try {
      return parseTsconfig(ts, fileName, workspaceRoot, caches.parsedConfigs);
    } catch (error) {
      // TypeScript reports an unreadable referenced config itself (TS6053) in the referencing program.
      if (error instanceof ConfigLoadError) return undefined;
      throw error;
    }
  };
  (host as CompilerHost & { useSourceOfProjectReferenceRedirect(): boolean }).useSourceOfProjectReferenceRedirect = () => true;
  return host;
}

/**
 * Options of TypeScript's own list that act only on files that are not declaration files: a
 * declaration file is a module exactly when it has imports or exports whatever the module detection,
 * JSX cannot occur in it, no helper import is added to it, and it is bound in strict mode exactly
 * when it is a module. Its format, which `moduleResolution` decides, is keyed beside the options.
 */
const NOT_FOR_DECLARATION_FILES = new Set(['module', 'moduleResolution', 'moduleDetection', 'jsx', 'jsxImportSource', 'importHelpers', 'alwaysStrict']);

/**
 * The keys of the options that change a file's parse or bind result (TypeScript's own list where it
 * exposes one): `source` for every file, `declaration` for declaration files, which leaves out
 * NOT_FOR_DECLARATION_FILES and keeps the language level and the binder's own diagnostics options.
 */
function parseKeys(ts: TypeScriptModule, options: CompilerOptions): { source: string; declaration: string } {
  const affecting = (ts as unknown as { sourceFileAffectingCompilerOptions?: { name: string }[] }).sourceFileAffectingCompilerOptions;
  if (!affecting) return { source: JSON.stringify(options), declaration: JSON.stringify(options) };
  return {
    // strict implies alwaysStrict, which changes binding.
    source: JSON.stringify([...affecting.map((option) => options[option.name]), options.strict]),
    declaration: JSON.stringify(['declaration', ...affecting.filter((option) => !NOT_FOR_DECLARATION_FILES.has(option.name)).map((option) => options[option.name])]),
  };
}
