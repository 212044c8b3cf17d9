import { posix } from 'node:path';

/** Values Nx substitutes into a target's `outputs`. */
export interface OutputTokens {
  workspaceRoot: string;
  projectRoot: string;
  projectName: string;
  options: Record<string, unknown>;
}

/**
 * Expands an output template the way Nx does: `{workspaceRoot}`, `{projectRoot}`, `{projectName}`
 * and `{options.a.b}`. Returns undefined when an `{options…}` token has no value (Nx then ignores
 * the output). A leading `{workspaceRoot}/` is dropped so the result is workspace-relative.
 */
export function interpolateOutput(template: string, tokens: OutputTokens): string | undefined {
  let missing = false;
  const expanded = template.replace(/\{([^{}]+)\}/g, (whole, key: string) => {
    if (key === 'workspaceRoot') return '{workspaceRoot}';
    if (key === 'projectRoot') return tokens.projectRoot;
    if (key === 'projectName') return tokens.projectName;
    if (key.startsWith('options.')) {
      let value: unknown = tokens.options;
      for (const part of key.slice('options.'.length).split('.')) {
        value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
      }
      if (value === undefined || value === null || typeof value === 'object') {
        missing = true;
        return whole;
      }
      // Nx resolves {projectRoot}/{projectName} inside options when it builds the graph; a raw graph may still carry them.
      return String(value)
        .replace(/^\{workspaceRoot\}\/?/, '')
        .replaceAll('{projectRoot}', tokens.projectRoot)
        .replaceAll('{projectName}', tokens.projectName);
    }
    return whole;
  });
  if (missing) return undefined;
  const relative = expanded.replace(/^\{workspaceRoot\}\/?/, '');
  return posix.normalize(relative === '' ? '.' : relative).replace(/\/$/, '');
}
