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

type Token = { word: string; dynamic: boolean } | { operator: string };

/** Options that change only how the CLI prints, caches or exits, never which messages ESLint reports. */
const NEUTRAL_WITH_VALUE = new Set(['-f', '--format', '-o', '--output-file', '--cache-location', '--cache-file', '--cache-strategy', '--max-warnings', '--concurrency']);
const NEUTRAL_FLAGS = new Set(['--cache', '--color', '--no-color', '--quiet', '--exit-on-fatal-error', '--debug', '--pass-on-no-patterns', '--stats', '--no-cache']);
/** Package runners whose next word is the program they run (their own options before it are skipped). */
const RUNNERS = new Set(['npx', 'bunx', 'pnpx', 'cross-env']);
const RUNNER_SUBCOMMANDS: Record<string, readonly string[]> = { pnpm: ['exec'], yarn: ['exec', 'run'], npm: ['exec'], bun: ['x', 'run'] };

/**
 * The ESLint invocation in a package.json script or run-commands command (`eslint --cache ./src`,
 * `npx eslint . --max-warnings 0`, `pnpm exec eslint src && tsc`), read as ESLint's CLI reads its
 * arguments: undefined when no part of the command runs ESLint; `uncarried` when one does but it
 * cannot be reproduced through ESLint's API (ESLint run twice, a shell expansion, an option that
 * changes what ESLint reports and nx-quality does not carry, such as `--rule` or `--fix`).
 */
export function parseEslintCommand(command: string): EslintCommandLine | UncarriedEslintCommand | undefined {
  const tokens = tokenize(command);
  if (!tokens) return { uncarried: 'its quoting could not be read' };
  const invocations = splitOnOperators(tokens)
    .map((words) => eslintArguments(words))
    .filter((args): args is Extract<Token, { word: string }>[] => args !== undefined);
  if (invocations.length === 0) return undefined;
  if (invocations.length > 1) return { uncarried: 'it runs ESLint more than once' };
  return readArguments(invocations[0]!);
}

function readArguments(args: Extract<Token, { word: string }>[]): EslintCommandLine | UncarriedEslintCommand {
  const line: EslintCommandLine = { patterns: [], errorOnUnmatchedPattern: true, warnIgnored: true, noEslintrc: false, rulesdir: [] };
  let onlyPatterns = false;
  for (let index = 0; index < args.length; index++) {
    const { word, dynamic } = args[index]!;
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
    const value = (): string | undefined => {
      if (equals > 0) return word.slice(equals + 1);
      const next = args[index + 1];
      if (!next || next.dynamic) return undefined;
      index++;
      return next.word;
    };
    if (NEUTRAL_FLAGS.has(name) && equals < 0) continue;
    if (NEUTRAL_WITH_VALUE.has(name)) {
      if (value() === undefined) return { uncarried: `its option \`${name}\` has no value` };
      continue;
    }
    switch (name) {
      case '-c':
      case '--config': {
        const config = value();
        if (config === undefined) return { uncarried: `its option \`${name}\` has no value` };
        line.config = config;
        continue;
      }
      case '--no-error-on-unmatched-pattern':
        line.errorOnUnmatchedPattern = false;
        continue;
      case '--no-warn-ignored':
        line.warnIgnored = false;
        continue;
      case '--no-eslintrc':
        line.noEslintrc = true;
        continue;
      case '--rulesdir':
      case '--ignore-path':
      case '--resolve-plugins-relative-to': {
        const given = value();
        if (given === undefined) return { uncarried: `its option \`${name}\` has no value` };
        if (name === '--rulesdir') line.rulesdir.push(given);
        else if (name === '--ignore-path') line.ignorePath = given;
        else line.resolvePluginsRelativeTo = given;
        continue;
      }
      default:
        return { uncarried: `its option \`${name}\` changes what ESLint reports and is not carried` };
    }
  }
  return line;
}

/** The arguments after the program when a command's words run ESLint (directly or through a package runner). */
function eslintArguments(tokens: Token[]): Extract<Token, { word: string }>[] | undefined {
  const words = tokens.filter((token): token is Extract<Token, { word: string }> => 'word' in token);
  let index = 0;
  // Environment assignments before the program (`NODE_OPTIONS=… eslint .`).
  while (index < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[index]!.word)) index++;
  for (;;) {
    const program = words[index]?.word;
    if (program === undefined) return undefined;
    if (isEslintProgram(program)) return words.slice(index + 1);
    if (program === 'node' && words[index + 1] && /(^|\/)eslint\/bin\/eslint\.js$/.test(words[index + 1]!.word)) return words.slice(index + 2);
    const subcommands = RUNNER_SUBCOMMANDS[program];
    if (RUNNERS.has(program) || (subcommands && words[index + 1] && (subcommands.includes(words[index + 1]!.word) || isEslintProgram(words[index + 1]!.word)))) {
      index += subcommands && subcommands.includes(words[index + 1]!.word) ? 2 : 1;
      // The runner's own options and environment assignments (`npx --yes`, `cross-env A=1`).
      while (index < words.length && (words[index]!.word.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[index]!.word))) index++;
      continue;
    }
    return undefined;
  }
}

function isEslintProgram(word: string): boolean {
  return word === 'eslint' || /(^|\/)node_modules\/\.bin\/eslint$/.test(word);
}

function splitOnOperators(tokens: Token[]): Token[][] {
  const parts: Token[][] = [[]];
  for (const token of tokens) {
    if ('operator' in token) parts.push([]);
    else parts[parts.length - 1]!.push(token);
  }
  return parts;
}

/**
 * Words and control operators of a POSIX shell command line, quotes and backslashes read as sh
 * reads them. A word the shell would change before ESLint sees it is `dynamic`: an unquoted or
 * double-quoted `$` or backquote, a leading `~`, an unquoted glob character (sh expands `src/*.ts`
 * into the files it matches, which ESLint then treats as named files, warning about ignored ones).
 * Undefined for an unterminated quote.
 */
function tokenize(command: string): Token[] | undefined {
  const tokens: Token[] = [];
  let word: string | undefined;
  let dynamic = false;
  const end = (): void => {
    if (word !== undefined) tokens.push({ word, dynamic });
    word = undefined;
    dynamic = false;
  };
  for (let index = 0; index < command.length; index++) {
    const char = command[index]!;
    if (char === ' ' || char === '\t' || char === '\n') {
      end();
      continue;
    }
    const two = command.slice(index, index + 2);
    if (two === '&&' || two === '||') {
      end();
      tokens.push({ operator: two });
      index++;
      continue;
    }
    if (char === ';' || char === '|' || char === '&' || char === '(' || char === ')') {
      end();
      tokens.push({ operator: char });
      continue;
    }
    word ??= '';
    if (char === "'") {
      const close = command.indexOf("'", index + 1);
      if (close < 0) return undefined;
      word += command.slice(index + 1, close);
      index = close;
    } else if (char === '"') {
      let close = index + 1;
      for (; close < command.length && command[close] !== '"'; close++) {
        const inner = command[close]!;
        if (inner === '\\' && close + 1 < command.length && '"\\$`'.includes(command[close + 1]!)) {
          word += command[++close];
        } else {
          if (inner === '$' || inner === '`') dynamic = true;
          word += inner;
        }
      }
      if (close >= command.length) return undefined;
      index = close;
    } else if (char === '\\' && index + 1 < command.length) {
      word += command[++index];
    } else {
      if (char === '$' || char === '`' || char === '*' || char === '?' || char === '[' || (char === '~' && word === '')) dynamic = true;
      word += char;
    }
  }
  end();
  return tokens;
}
