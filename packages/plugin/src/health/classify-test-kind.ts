import type { NormalizedHealthOptions } from './health-options';

/**
 * The kind of a test file (project-relative POSIX path) from folder names (`tests/integration/…`) and
 * file-name infixes (`foo.int.spec.ts`, Nest's `foo.e2e-spec.ts`); kinds are tried in configuration
 * order with user-added kinds first, and files no convention matches get `defaultTestKind`.
 */
export function classifyTestKind(file: string, options: Pick<NormalizedHealthOptions, 'testKinds' | 'defaultTestKind'>): string {
  const segments = file.split('/');
  const base = segments.pop() ?? '';
  const folders = new Set(segments.map((segment) => segment.toLowerCase()));
  // "foo.int.spec.ts" → ["int"]; "foo.e2e-spec.ts" → ["e2e"]
  const nameParts = base.toLowerCase().split('.').slice(1, -1);
  const infixes = new Set<string>();
  for (const part of nameParts) {
    const stripped = part.replace(/[-_]?(spec|test)$/, '');
    if (stripped !== '' && stripped !== 'spec' && stripped !== 'test') infixes.add(stripped);
  }
  for (const [kind, convention] of Object.entries(options.testKinds)) {
    if (convention.suffixes.some((suffix) => infixes.has(suffix.toLowerCase()))) return kind;
  }
  for (const [kind, convention] of Object.entries(options.testKinds)) {
    if (convention.folders.some((folder) => folders.has(folder.toLowerCase()))) return kind;
  }
  return options.defaultTestKind;
}
