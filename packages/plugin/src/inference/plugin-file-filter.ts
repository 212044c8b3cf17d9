import { Minimatch } from 'minimatch';

/** Whether a workspace-relative file passes a plugin registration's `include`/`exclude`. */
export type PluginFileFilter = (file: string) => boolean;

/**
 * The filter Nx applies to the files a plugin's createNodes glob matched before the plugin sees them
 * (nx/src/project-graph/utils/project-configuration-utils: findMatchingConfigFiles and
 * createMatcher, Nx 23), reproduced so our targets cover exactly the projects an official plugin
 * entry covers: minimatch with `dot: true`; an empty or absent `include` includes everything, an
 * empty or absent `exclude` excludes nothing; a list with `!` patterns is read in order, the last
 * matching pattern deciding, starting from "matches" when the list starts with a negation.
 */
export function createPluginFileFilter(include: readonly string[] | undefined, exclude: readonly string[] | undefined): PluginFileFilter {
  const included = createMatcher(include, true);
  const excluded = createMatcher(exclude, false);
  return (file) => included(file) && !excluded(file);
}

function createMatcher(patterns: readonly string[] | undefined, emptyValue: boolean): PluginFileFilter {
  if (!patterns || patterns.length === 0) return () => emptyValue;
  if (patterns.some((pattern) => pattern.startsWith('!'))) {
    const compiled = patterns.map((pattern) => {
      const negated = pattern.startsWith('!');
      return { negated, matcher: new Minimatch(negated ? pattern.slice(1) : pattern, { dot: true }) };
    });
    const initial = patterns[0]?.startsWith('!') ?? false;
    return (file) => {
      let matches = initial;
      for (const { negated, matcher } of compiled) if (matcher.match(file)) matches = !negated;
      return matches;
    };
  }
  const compiled = patterns.map((pattern) => new Minimatch(pattern, { dot: true }));
  return (file) => compiled.some((matcher) => matcher.match(file));
}
