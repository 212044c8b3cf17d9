import { parseEslintCommand } from './parse-eslint-command';

const plain = { errorOnUnmatchedPattern: true, warnIgnored: true, ignorePatterns: [], ignore: true, inlineConfig: true, noEslintrc: false, rulesdir: [] };

describe('parseEslintCommand', () => {
  it('reads the patterns of `eslint …` as its CLI does, ESLint run directly, through a package runner or its bin', () => {
    for (const command of [
      'eslint ./src ./tests',
      'npx eslint ./src ./tests',
      'npx --yes eslint ./src ./tests',
      'pnpm exec eslint ./src ./tests',
      'pnpm eslint ./src ./tests',
      'yarn eslint ./src ./tests',
      'yarn run eslint ./src ./tests',
      'bunx eslint ./src ./tests',
      'npm exec -- eslint ./src ./tests',
      'node_modules/.bin/eslint ./src ./tests',
      'node ../../node_modules/eslint/bin/eslint.js ./src ./tests',
      'cross-env TIMING=1 eslint ./src ./tests',
      'NODE_OPTIONS=--max-old-space-size=4096 eslint ./src ./tests',
    ]) {
      expect({ command, parsed: parseEslintCommand(command) }).toEqual({ command, parsed: { patterns: ['./src', './tests'], ...plain } });
    }
  });

  it('skips the options that change only output, cache or speed (TanStack runs `eslint --concurrency=auto ./src`)', () => {
    expect(parseEslintCommand('eslint --concurrency=auto ./src')).toEqual({ patterns: ['./src'], ...plain });
    expect(parseEslintCommand('eslint --cache --cache-location .cache/eslint -f json -o out.json --quiet --color src')).toEqual({ patterns: ['src'], ...plain });
    expect(parseEslintCommand('eslint --format=stylish --stats src')).toEqual({ patterns: ['src'], ...plain });
  });

  // code-pushup's lint target runs `eslint … --max-warnings=0`: its task fails on one warning.
  it("reads `--max-warnings` as ESLint's CLI does: the last one given, any integer its option parser takes", () => {
    expect(parseEslintCommand('eslint --max-warnings 0 --quiet src')).toEqual({ ...plain, patterns: ['src'], maxWarnings: 0 });
    expect(parseEslintCommand('eslint --max-warnings=5 src --max-warnings 2')).toEqual({ ...plain, patterns: ['src'], maxWarnings: 2 });
    expect(parseEslintCommand('eslint --max-warnings=-1 src')).toEqual({ ...plain, patterns: ['src'], maxWarnings: -1 });
    expect(parseEslintCommand('eslint --max-warnings=+3 src')).toEqual({ ...plain, patterns: ['src'], maxWarnings: 3 });
  });

  it('names a `--max-warnings` value its CLI refuses (the command then lints nothing) as not carried', () => {
    expect(parseEslintCommand('eslint --max-warnings=1.5 src')).toEqual({ uncarried: "its option `--max-warnings` has the value `1.5`, which ESLint's CLI refuses" });
    expect(parseEslintCommand('eslint --max-warnings= src')).toEqual({ uncarried: "its option `--max-warnings` has the value ``, which ESLint's CLI refuses" });
    expect(parseEslintCommand('eslint --max-warnings -1 src')).toEqual({ uncarried: "its option `--max-warnings` is followed by `-1`, which ESLint's CLI reads as an unknown option" });
  });

  it('carries the config, unmatched-pattern and ignored-file options and the eslintrc ones, with their values', () => {
    expect(parseEslintCommand('eslint -c eslint.strict.mjs --no-error-on-unmatched-pattern --no-warn-ignored "src/**/*.ts"')).toEqual({
      ...plain,
      patterns: ['src/**/*.ts'],
      config: 'eslint.strict.mjs',
      errorOnUnmatchedPattern: false,
      warnIgnored: false,
    });
    expect(parseEslintCommand('eslint --config=tools/.eslintrc.js --no-eslintrc --rulesdir tools/rules --rulesdir=more --ignore-path .lintignore --resolve-plugins-relative-to tools lib')).toEqual({
      ...plain,
      patterns: ['lib'],
      config: 'tools/.eslintrc.js',
      noEslintrc: true,
      rulesdir: ['tools/rules', 'more'],
      ignorePath: '.lintignore',
      resolvePluginsRelativeTo: 'tools',
    });
    expect(parseEslintCommand('eslint . --ext .js,ts --ext=.tsx')).toEqual({ ...plain, patterns: ['.'], extensions: ['.js', '.ts', '.tsx'] });
    expect(parseEslintCommand('eslint . --ignore-pattern dist --ignore-pattern="**/*.gen.ts" --no-inline-config')).toEqual({ ...plain, patterns: ['.'], ignorePatterns: ['dist', '**/*.gen.ts'], inlineConfig: false });
    expect(parseEslintCommand('eslint --no-ignore src')).toEqual({ ...plain, patterns: ['src'], ignore: false });
    expect(parseEslintCommand('eslint -- --weird-dir')).toEqual({ ...plain, patterns: ['--weird-dir'] });
    expect(parseEslintCommand('eslint')).toEqual({ ...plain, patterns: [] });
  });

  // code-pushup's lint target runs `eslint '{projectRoot}/**/*.{ts,…}' … --no-warn-ignored --error-on-unmatched-pattern=false`.
  it("reads a Boolean option written with a value, as ESLint's CLI does: `--name=false` is `--no-name`", () => {
    expect(parseEslintCommand("eslint 'src/**/*.{ts,js}' --error-on-unmatched-pattern=false --warn-ignored=false --cache=false --quiet=true")).toEqual({
      ...plain,
      patterns: ['src/**/*.{ts,js}'],
      errorOnUnmatchedPattern: false,
      warnIgnored: false,
    });
    expect(parseEslintCommand('eslint src --no-ignore --ignore --inline-config=false --eslintrc=false --error-on-unmatched-pattern')).toEqual({
      ...plain,
      patterns: ['src'],
      inlineConfig: false,
      noEslintrc: true,
    });
    expect(parseEslintCommand('eslint src --no-warn-ignored=true --no-ignore=false')).toEqual({ ...plain, patterns: ['src'], warnIgnored: false });
    expect(parseEslintCommand('eslint src --fix=true')).toEqual({ uncarried: 'its option `--fix` changes what ESLint reports and is not carried' });
    expect(parseEslintCommand('eslint src --error-on-unmatched-pattern=maybe')).toEqual({ uncarried: 'its option `--error-on-unmatched-pattern` has the value `maybe`, which is neither true nor false' });
  });

  it('finds the ESLint part of a chained command, quotes and escapes read as sh reads them', () => {
    expect(parseEslintCommand('tsc --noEmit && eslint "src dir" \'lib\'/a\\ b; echo done')).toEqual({ ...plain, patterns: ['src dir', 'lib/a b'] });
    expect(parseEslintCommand('prettier --check . || eslint src | tee lint.log')).toEqual({ ...plain, patterns: ['src'] });
  });

  it('is undefined for a command that does not run ESLint', () => {
    for (const command of ['tsc --noEmit', 'vitest run', 'echo eslint', 'pnpm run lint:all', 'nx lint', 'eslint-doc-generator --check', '']) {
      expect({ command, parsed: parseEslintCommand(command) }).toEqual({ command, parsed: undefined });
    }
  });

  it('says why when the command runs ESLint in a way its API cannot reproduce', () => {
    expect(parseEslintCommand('eslint src --fix')).toEqual({ uncarried: 'its option `--fix` changes what ESLint reports and is not carried' });
    expect(parseEslintCommand('eslint --rule "no-console: error" src')).toEqual({ uncarried: 'its option `--rule` changes what ESLint reports and is not carried' });
    expect(parseEslintCommand('eslint src --no-inline-config --report-unused-disable-directives')).toEqual({ uncarried: 'its option `--report-unused-disable-directives` changes what ESLint reports and is not carried' });
    expect(parseEslintCommand('eslint src --ext ,ts')).toEqual({ uncarried: 'its option `--ext` has an empty extension' });
    expect(parseEslintCommand('eslint src && eslint test')).toEqual({ uncarried: 'it runs ESLint more than once' });
    expect(parseEslintCommand('eslint $DIRS')).toEqual({ uncarried: 'its argument `$DIRS` needs the shell to expand it' });
    expect(parseEslintCommand('eslint src/*.ts')).toEqual({ uncarried: 'its argument `src/*.ts` needs the shell to expand it' });
    expect(parseEslintCommand('eslint "$HOME/src"')).toEqual({ uncarried: 'its argument `$HOME/src` needs the shell to expand it' });
    expect(parseEslintCommand('eslint -c')).toEqual({ uncarried: 'its option `-c` has no value' });
    expect(parseEslintCommand('eslint "src')).toEqual({ uncarried: 'its quoting could not be read' });
  });
});
