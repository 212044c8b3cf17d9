import type { NxJsonConfiguration } from '@nx/devkit';
import { findOfficialEntries, TOOL_KINDS, type OfficialEntry, type ToolKind } from '../../tool-facts/official-plugins';
import { OfficialPluginNotCarriedError } from './official-plugin-not-carried-error';

/** What our plugin entry takes over from the official entries of one kind. */
export interface CarriedEntry {
  targetName: string;
  include?: string[];
  exclude?: string[];
}

/** Our plugin option names per kind. */
/** The Jest configs @nx/jest/plugin's glob leaves out (it infers no target from them). */
export const JEST_JSON_CONFIGS = '**/jest.config.json';

export const KIND_OPTION_KEYS: Record<ToolKind, { include: string; exclude: string }> = {
  test: { include: 'testInclude', exclude: 'testExclude' },
  lint: { include: 'lintInclude', exclude: 'lintExclude' },
  typecheck: { include: 'typecheckInclude', exclude: 'typecheckExclude' },
};

/**
 * Official options with no effect on which projects get the target or how the tool runs:
 * @nx/jest/plugin's two only change how it reads configs to compute inputs; @nx/js/typescript's
 * `build` belongs to the build target it keeps, `verboseOutput` to tsc's log.
 */
const HARMLESS_OPTIONS: Record<ToolKind, string[]> = {
  test: ['targetName', 'disableJestRuntime', 'useJestResolver'],
  lint: ['targetName'],
  typecheck: ['typecheck', 'build', 'verboseOutput'],
};

/** Why an option we do not provide cannot be dropped, per plugin option. */
const UNSUPPORTED_REASONS: Record<string, string> = {
  ciTargetName: 'creates atomized CI targets (one per spec file), which nx-quality does not',
  ciGroupName: 'names the group of atomized CI targets, which nx-quality does not create',
  extensions: "chooses the file extensions that make a project lintable; nx-quality's lint target lints what the ESLint config matches",
  compiler: 'runs another compiler than TypeScript (e.g. tsgo) for typecheck; nx-quality type-checks with the typescript package',
};

/**
 * Reads the official entries `--replaceOfficial` will remove (or whose typecheck it turns off) and
 * returns what our options must say so the same projects keep a target of the same name. Throws
 * OfficialPluginNotCarriedError for what cannot be carried: options we do not provide, entries of
 * one plugin with different target names, or include/exclude lists one pair of lists cannot express.
 */
export function planOfficialCarryOver(nxJson: NxJsonConfiguration, ourOptions: Record<string, unknown>): Partial<Record<ToolKind, CarriedEntry>> {
  const plan: Partial<Record<ToolKind, CarriedEntry>> = {};
  const refused: OfficialPluginNotCarriedError[] = [];
  // Every refusal is collected, so one run names all of them.
  const check = (step: () => void): boolean => {
    try {
      step();
      return true;
    } catch (error) {
      if (!(error instanceof OfficialPluginNotCarriedError)) throw error;
      refused.push(error);
      return false;
    }
  };
  for (const kind of TOOL_KINDS) {
    const entries = findOfficialEntries(nxJson.plugins, kind);
    if (entries.length === 0) continue;
    for (const entry of entries) check(() => checkOptions(kind, entry));
    const names = [...new Set(entries.map((entry) => entry.targetName))];
    if (names.length > 1) {
      refused.push(
        new OfficialPluginNotCarriedError(
          'OFFICIAL_ENTRIES_DISAGREE',
          `${entries[0]?.plugin} is registered ${entries.length} times with different target names (${names.join(', ')}); nx-quality infers one ${kind} target per project.`,
          `Give the ${entries[0]?.plugin} entries one targetName, or keep them and run init without --replaceOfficial (our targets then stand beside each).`,
        ),
      );
      continue;
    }
    let lists: Pick<CarriedEntry, 'include' | 'exclude'> = {};
    if (!check(() => (lists = combineLists(kind, entries)))) continue;
    const carried: CarriedEntry = { targetName: names[0] as string, ...lists };
    // @nx/jest/plugin never matches a jest.config.json, while our inference does: excluding it keeps the same projects.
    if (kind === 'test') carried.exclude = [...(carried.exclude ?? []), JEST_JSON_CONFIGS];
    if (check(() => checkOurOptions(kind, carried, ourOptions))) plan[kind] = carried;
  }
  const error = OfficialPluginNotCarriedError.combine(refused);
  if (error) throw error;
  return plan;
}

function checkOptions(kind: ToolKind, entry: OfficialEntry): void {
  for (const key of Object.keys(entry.options)) {
    if (HARMLESS_OPTIONS[kind].includes(key)) continue;
    if (kind === 'typecheck' && key === 'compiler' && entry.options[key] === 'tsc') continue;
    throw new OfficialPluginNotCarriedError(
      'OFFICIAL_OPTION_NOT_SUPPORTED',
      `${entry.plugin} option "${key}" ${UNSUPPORTED_REASONS[key] ?? 'has no nx-quality equivalent'}.`,
      `Remove "${key}" from the ${entry.plugin} entry in nx.json first, or run init without --replaceOfficial (our targets then stand beside the official ones).`,
    );
  }
  if (entry.typecheckConfigName !== undefined && entry.typecheckConfigName !== 'tsconfig.json') {
    throw new OfficialPluginNotCarriedError(
      'OFFICIAL_OPTION_NOT_SUPPORTED',
      `${entry.plugin} infers typecheck from ${entry.typecheckConfigName} (typecheck.configName); nx-quality infers it from tsconfig.json.`,
      `Run init without --replaceOfficial, or set typecheck.configName back to tsconfig.json (and point the typecheck target's tsConfig option at ${entry.typecheckConfigName} in targetDefaults).`,
    );
  }
}

/**
 * One include/exclude pair covering the union of the entries' projects: identical entries collapse;
 * entries with the same exclude list (and no ordered "!" includes) join their includes, an entry
 * without include covering everything its exclude leaves. Anything else is refused.
 */
function combineLists(kind: ToolKind, entries: OfficialEntry[]): Pick<CarriedEntry, 'include' | 'exclude'> {
  const key = (list: string[] | undefined) => JSON.stringify(list && list.length > 0 ? list : null);
  const unique = [...new Map(entries.map((entry) => [`${key(entry.include)}|${key(entry.exclude)}`, entry])).values()];
  const lists = (entry: OfficialEntry | undefined) => ({
    ...(entry?.include?.length && { include: [...entry.include] }),
    ...(entry?.exclude?.length && { exclude: [...entry.exclude] }),
  });
  if (unique.length === 1) return lists(unique[0]);
  const sameExclude = unique.every((entry) => key(entry.exclude) === key(unique[0]?.exclude));
  const negated = unique.some((entry) => entry.include?.some((pattern) => pattern.startsWith('!')));
  if (!sameExclude || negated) {
    throw new OfficialPluginNotCarriedError(
      'OFFICIAL_ENTRIES_DISAGREE',
      `${unique[0]?.plugin} is registered ${unique.length} times with include/exclude lists (${unique
        .map((entry) => `include ${key(entry.include)}, exclude ${key(entry.exclude)}`)
        .join('; ')}) that one ${kind}Include/${kind}Exclude pair cannot express.`,
      `Merge the ${unique[0]?.plugin} entries into one (one include and one exclude list), or run init without --replaceOfficial.`,
    );
  }
  const exclude = unique[0]?.exclude;
  const everything = unique.some((entry) => !entry.include?.length);
  const include = everything ? undefined : [...new Set(unique.flatMap((entry) => entry.include ?? []))];
  return { ...(include && { include }), ...(exclude?.length && { exclude: [...exclude] }) };
}

function checkOurOptions(kind: ToolKind, carried: CarriedEntry, ours: Record<string, unknown>): void {
  const keys = KIND_OPTION_KEYS[kind];
  for (const list of ['include', 'exclude'] as const) {
    const current = ours[keys[list]];
    if (current !== undefined && JSON.stringify(current) !== JSON.stringify(carried[list])) {
      throw new OfficialPluginNotCarriedError(
        'OFFICIAL_OPTIONS_CONFLICT',
        `@nx-quality/plugin already sets ${keys[list]} ${JSON.stringify(current)}, but the ${kind} entries being replaced say ${JSON.stringify(carried[list] ?? null)}.`,
        `Remove ${keys[list]} from the @nx-quality/plugin entry (the official entry's list is carried over), or make the two agree.`,
      );
    }
  }
}
