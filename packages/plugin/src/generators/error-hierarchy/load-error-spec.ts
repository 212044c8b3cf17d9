import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { Tree } from '@nx/devkit';
import { formatZodIssues, QualityError } from '@nx-quality/core';
import { parse as parseYaml } from 'yaml';
import { ErrorSpecSchema, type ErrorSpec } from './error-spec-schema';
import type { NormalizedErrorHierarchyOptions } from './options';

/** The error spec is not valid: every problem is listed with its path inside the spec. */
export class InvalidErrorSpecError extends QualityError {
  readonly issues: { path: string; message: string }[];

  constructor(source: string, issues: { path: string; message: string }[]) {
    const lines = issues.map((issue) => `  - ${issue.path || '(spec)'}: ${issue.message}`);
    super('INVALID_ERROR_SPEC', `Invalid error hierarchy spec ${source}:\n${lines.join('\n')}`, {
      file: source.startsWith('(') ? undefined : source,
      hint: 'Correct the listed entries (see the error-hierarchy generator docs for the spec format).',
    });
    this.issues = issues;
  }
}

/** Reads and validates the spec from `--spec` (JSON or YAML) or builds it from `--base`/`--categories`. */
export function loadErrorSpec(tree: Tree, options: NormalizedErrorHierarchyOptions): ErrorSpec {
  if (options.spec) return validate(readSpecFile(tree, options.spec), options.spec);
  if (!options.categories || options.categories.length === 0) {
    throw new QualityError('NO_ERROR_SPEC', 'error-hierarchy: nothing to generate: pass --spec=<file.json|yaml> or --categories=<A,B>.', {
      hint: 'Example: nx g @nx-quality/plugin:error-hierarchy my-lib --base=AppError --categories=Authentication,Storage',
    });
  }
  const raw = { base: options.base ?? 'AppError', categories: options.categories.map((name) => ({ name })) };
  return validate(raw, '(from --base/--categories)');
}

function readSpecFile(tree: Tree, file: string): unknown {
  // Absolute paths may point outside the workspace (a shared spec); everything else goes through the Tree.
  const text = isAbsolute(file) ? (existsSync(file) ? readFileSync(file, 'utf8') : null) : tree.read(file, 'utf-8');
  if (text === null) {
    throw new QualityError('ERROR_SPEC_NOT_FOUND', `error-hierarchy: spec file ${file} does not exist.`, {
      file,
      hint: 'Pass --spec with a workspace-relative or absolute path to a .json, .yaml or .yml file.',
    });
  }
  const isYaml = /\.ya?ml$/i.test(file);
  if (!isYaml && !/\.json$/i.test(file)) {
    throw new QualityError('ERROR_SPEC_FORMAT', `error-hierarchy: spec file ${file} must end in .json, .yaml or .yml.`, { file });
  }
  try {
    return isYaml ? parseYaml(text) : JSON.parse(text);
  } catch (cause) {
    // JSON.parse and the yaml package report syntax errors only; the message carries the position.
    throw new QualityError('ERROR_SPEC_SYNTAX', `error-hierarchy: spec file ${file} is not valid ${isYaml ? 'YAML' : 'JSON'}: ${(cause as Error).message}`, {
      file,
      cause,
      hint: 'Fix the syntax error at the reported position.',
    });
  }
}

function validate(raw: unknown, source: string): ErrorSpec {
  const parsed = ErrorSpecSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidErrorSpecError(source, formatZodIssues(parsed.error));
  return parsed.data;
}
