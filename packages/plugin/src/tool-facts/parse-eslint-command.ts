import { programArguments, type ProgramNames } from './program-arguments';
import { readShellCommand, type ShellWord } from './read-shell-command';

/** What an `eslint …` command line asks ESLint to lint, and with which config, as its CLI reads it. */
export interface EslintCommandLine {
  /** The file, folder and glob arguments, as written (relative to the directory the command runs in). */
  patterns: string[];
  /** `-c`/`--config`, as written. */
  config?: string;
  /** False with `--no-error-on-unmatched-pattern`. */
  errorOnUnmatchedPattern: boolean;
  /** False with `--no-warn-ignored`. */
  warnIgnored: boolean;
  /** `--ext`: file extensions (with their dot) linted in the folders named, besides those the config matches. */
  extensions?: string[];
  /** `--ignore-pattern`s, relative to the directory the command runs in. */
  ignorePatterns: string[];
  /** False with `--no-ignore`: ignore files and the config's ignores do not apply. */
  ignore: boolean;
  /** False with `--no-inline-config`: `eslint-disable` and other inline comments are not read. */
  inlineConfig: boolean;
  /** `--max-warnings`: the most warnings with which the command still succeeds (last one given; -1 or absent: no limit). */
  maxWarnings?: number;
  /** The eslintrc-only options (ESLint 8, or 9 with ESLINT_USE_FLAT_CONFIG=false). */
  noEslintrc: boolean;
  rulesdir: string[];
  ignorePath?: string;
  resolvePluginsRelativeTo?: string;
}

/** Why a command line that runs ESLint cannot be carried: one sentence naming what is in the way. */
export interface UncarriedEslintCommand {
  uncarried: string;
}

/** Options that change only how the CLI prints, caches or runs, never which messages ESLint reports or whether it succeeds. */
const NEUTRAL_WITH_VALUE = new Set(['-f', '--format', '-o', '--output-file', '--cache-location', '--cache-file', '--cache-strategy', '--concurrency']);
const NEUTRAL_BOOLEANS = ['cache', 'color', 'quiet', 'exit-on-fatal-error', 'debug', 'pass-on-no-patterns', 'stats'];
const NEUTRAL_FLAGS = new Set(NEUTRAL_BOOLEANS.flatMap((name) => [`--${name}`, `--no-${name}`]));
/** ESLint's Boolean options: its CLI takes each as `--name` or `--no-name`, either with `=true` or `=false`. */
const BOOLEAN_OPTIONS = new Set([...NEUTRAL_BOOLEANS, 'error-on-unmatched-pattern', 'warn-ignored', 'ignore', 'inline-config', 'eslintrc']);
/** The carried options that take a value (`--config x`, `--config=x`). */
const CARRIED_WITH_VALUE = new Set(['-c', '--config', '--ext', '--ignore-pattern', '--rulesdir', '--ignore-path', '--resolve-plugins-relative-to', '--max-warnings']);
const ESLINT: ProgramNames = { name: 'eslint', bin: 'eslint/bin/eslint.js' };

/**
 * The ESLint invocation in a package.json script or run-commands command (`eslint --cache ./src`,
 * `npx eslint . --max-warnings 0`, `pnpm exec eslint src && tsc`), read as ESLint's CLI reads its
 * arguments: undefined when no part of the command runs ESLint; `uncarried` when one does but it
 * cannot be reproduced through ESLint's API (ESLint run twice, a shell expansion, an option that
 * changes what ESLint reports and nx-quality does not carry, such as `--rule` or `--fix`).
 */
export function parseEslintCommand(command: string): EslintCommandLine | UncarriedEslintCommand | undefined {
  const commands = readShellCommand(command);
  if (!commands) return { uncarried: 'its quoting could not be read' };
  const invocations = commands.map((words) => programArguments(words, ESLINT)).filter((args) => args !== undefined);
  if (invocations.length === 0) return undefined;
  if (invocations.length > 1) return { uncarried: 'it runs ESLint more than once' };
  return readArguments(invocations[0]!);
}

function readArguments(args: ShellWord[]): EslintCommandLine | UncarriedEslintCommand {
  const line: EslintCommandLine = { patterns: [], errorOnUnmatchedPattern: true, warnIgnored: true, ignorePatterns: [], ignore: true, inlineConfig: true, noEslintrc: false, rulesdir: [] };
  let onlyPatterns = false;
  for (let index = 0; index < args.length; index++) {
    const { dynamic } = args[index]!;
    const word = withoutBooleanValue(args[index]!.word);
    if (dynamic) return { uncarried: `its argument \`${word}\` needs the shell to expand it` };
    if (onlyPatterns || !word.startsWith('-') || word === '-') {
      line.patterns.push(word);
      continue;
    }
    if (word === '--') {
      onlyPatterns = true;
      continue;
    }
    const equals = word.startsWith('--') ? word.indexOf('=') : -1;
    const name = equals > 0 ? word.slice(0, equals) : word;
    if (equals > 0 && BOOLEAN_OPTIONS.has(name.replace(/^--(no-)?/, ''))) {
      return { uncarried: `its option \`${name}\` has the value \`${word.slice(equals + 1)}\`, which is neither true nor false` };
    }
    if (NEUTRAL_FLAGS.has(name)) continue;
    let given = '';
    if (NEUTRAL_WITH_VALUE.has(name) || CARRIED_WITH_VALUE.has(name)) {
      const next = args[index + 1];
      if (equals > 0) given = word.slice(equals + 1);
      else if (next && !next.dynamic) {
        given = next.word;
        index++;
      } else return { uncarried: `its option \`${name}\` has no value` };
      if (NEUTRAL_WITH_VALUE.has(name)) continue;
    }
    switch (name) {
      case '-c':
      case '--config':
        line.config = given;
        continue;
      case '--error-on-unmatched-pattern':
      case '--no-error-on-unmatched-pattern':
        line.errorOnUnmatchedPattern = name === '--error-on-unmatched-pattern';
        continue;
      case '--warn-ignored':
      case '--no-warn-ignored':
        line.warnIgnored = name === '--warn-ignored';
        continue;
      case '--ext': {
        // As ESLint's CLI reads it: a comma-separated list, the option repeatable, the dot optional.
        const extensions = given.split(',').map((extension) => extension.trim());
        if (extensions.some((extension) => extension === '')) return { uncarried: `its option \`${name}\` has an empty extension` };
        line.extensions = [...(line.extensions ?? []), ...extensions.map((extension) => (extension.startsWith('.') ? extension : `.${extension}`))];
        continue;
      }
      case '--ignore-pattern':
        line.ignorePatterns.push(given);
        continue;
      case '--max-warnings': {
        // As its CLI's option parser reads an integer; a value it refuses makes it lint nothing, which ours would not copy.
        const limit = given.trim() === '' ? Number.NaN : Number(given);
        if (!Number.isInteger(limit)) return { uncarried: `its option \`${name}\` has the value \`${given}\`, which ESLint's CLI refuses` };
        if (equals < 0 && given.startsWith('-')) return { uncarried: `its option \`${name}\` is followed by \`${given}\`, which ESLint's CLI reads as an unknown option` };
        line.maxWarnings = limit;
        continue;
      }
      case '--ignore':
      case '--no-ignore':
        line.ignore = name === '--ignore';
        continue;
      case '--inline-config':
      case '--no-inline-config':
        line.inlineConfig = name === '--inline-config';
        continue;
      case '--eslintrc':
      case '--no-eslintrc':
        line.noEslintrc = name === '--no-eslintrc';
        continue;
      case '--rulesdir':
        line.rulesdir.push(given);
        continue;
      case '--ignore-path':
        line.ignorePath = given;
        continue;
      case '--resolve-plugins-relative-to':
        line.resolvePluginsRelativeTo = given;
        continue;
      default:
        return { uncarried: `its option \`${name}\` changes what ESLint reports and is not carried` };
    }
  }
  return line;
}

/**
 * A Boolean option with a value as its CLI reads it: `--name=true` is `--name`, `--name=false` is
 * `--no-name`, `--no-name=false` is `--name` (code-pushup lints with `--error-on-unmatched-pattern=false`;
 * run-commands forwards an option `no-warn-ignored: true` as `--no-warn-ignored=true`).
 */
function withoutBooleanValue(word: string): string {
  const match = /^--(no-)?([a-z-]+)=(true|false)$/.exec(word);
  if (!match || !BOOLEAN_OPTIONS.has(match[2]!)) return word;
  const on = (match[3] === 'true') !== (match[1] === 'no-');
  return on ? `--${match[2]}` : `--no-${match[2]}`;
}
