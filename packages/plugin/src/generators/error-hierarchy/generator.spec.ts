import { addProjectConfiguration, readJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as ts from 'typescript';
import { formatContent } from '../shared/format-content';
import generator from './generator';
import type { ErrorHierarchyGeneratorOptions } from './options';

// Prettier 3 loads its parsers with dynamic import(), which Jest's module sandbox does not run reliably,
// so here formatting is checked by its calls; real formatting is checked in the workspace run.
jest.mock('../shared/format-content', () => ({
  formatContent: jest.fn(async (_tree: unknown, _path: string, content: string) => content),
}));

const errorHierarchyGenerator = (tree: Tree, options: ErrorHierarchyGeneratorOptions) => generator(tree, { skipFormat: true, ...options });

const FIXTURE = join(__dirname, '__fixtures__/errors.json');

function workspace(options: { esm?: boolean; entry?: boolean; eslint?: string } = {}): Tree {
  const tree = createTreeWithEmptyWorkspace();
  // The empty workspace of Nx 23 prefers oxfmt, which is not installed here; Prettier formats instead.
  tree.delete('.oxfmtrc.json');
  tree.write('.prettierrc', JSON.stringify({ singleQuote: true }));
  addProjectConfiguration(tree, 'alpha', {
    root: 'packages/alpha',
    sourceRoot: 'packages/alpha/src',
    projectType: 'library',
  });
  tree.write(
    'packages/alpha/package.json',
    JSON.stringify({
      name: '@ws/alpha',
      ...(options.esm === false ? {} : { type: 'module' }),
    }),
  );
  tree.write('packages/alpha/src/lib/alpha.ts', "export function alpha(): string {\n  return 'alpha';\n}\n");
  if (options.entry !== false) tree.write('packages/alpha/src/index.ts', "export * from './lib/alpha.js';\n");
  if (options.eslint) tree.write('packages/alpha/eslint.config.mjs', options.eslint);
  return tree;
}

function snapshotOf(tree: Tree): Record<string, string> {
  return Object.fromEntries(
    tree
      .listChanges()
      .filter((change) => change.type !== 'DELETE')
      .map((change) => [change.path, change.content?.toString() ?? '']),
  );
}

const read = (tree: Tree, path: string) => tree.read(path, 'utf-8') ?? '';

describe('error-hierarchy generator', () => {
  describe('--spec (JSON)', () => {
    it('generates base, category files, guards, index and a spec for every class', async () => {
      const tree = workspace();
      await errorHierarchyGenerator(tree, { project: 'alpha', spec: FIXTURE });
      expect(tree.children('packages/alpha/src/lib/errors').sort()).toEqual([
        'app-error.ts',
        'authentication-error.ts',
        'authorization-error.ts',
        'errors.spec.ts',
        'guards.ts',
        'index.ts',
        'storage-error.ts',
      ]);
      const spec = read(tree, 'packages/alpha/src/lib/errors/errors.spec.ts');
      for (const name of [
        'AppError',
        'AuthenticationError',
        'TokenExpiredError',
        'InvalidCredentialsError',
        'MissingTokenError',
        'AuthorizationError',
        'ForbiddenError',
        'InsufficientScopeError',
        'StorageError',
        'FileSizeExceededError',
        'FileNotFoundError',
        'QuotaExceededError',
      ]) {
        expect(spec).toContain(`describe('${name}'`);
        expect(spec).toContain(`is${name}(error)`);
      }
    });

    it('writes the base class with code, details, ES2022 cause, status and toJSON', async () => {
      const tree = workspace();
      await errorHierarchyGenerator(tree, { project: 'alpha', spec: FIXTURE });
      expect(read(tree, 'packages/alpha/src/lib/errors/app-error.ts')).toMatchInlineSnapshot(`
       "/** Options every error of the AppError hierarchy accepts; \`cause\` is the ES2022 one. */
       export interface AppErrorOptions extends ErrorOptions {
         /** Structured, serialisable context (ids, limits, …); never secrets. */
         details?: Record<string, unknown>;
         /** HTTP status to answer with when the error reaches an HTTP boundary. */
         httpStatus?: number;
       }

       /** JSON shape of a serialised AppError (what \`toJSON\` returns). */
       export interface SerializedAppError {
         name: string;
         code: string;
         message: string;
         details: Record<string, unknown>;
         httpStatus?: number;
         cause?: { name: string; message: string } | string;
       }

       /** Base class of every error this project throws on purpose. */
       export class AppError extends Error {
         /** Stable machine-readable code, e.g. for API responses and logs. */
         readonly code: string;
         readonly details: Record<string, unknown>;
         readonly httpStatus: number;

         constructor(code: string, message: string, options: AppErrorOptions = {}) {
           super(message, options);
           // Subclass name and prototype stay right even when compiled to ES5 or minified names are kept.
           this.name = new.target.name;
           Object.setPrototypeOf(this, new.target.prototype);
           this.code = code;
           this.details = options.details ?? {};
           this.httpStatus = options.httpStatus ?? 500;
         }

         /** Plain-object form for logs and API responses (Error's own fields are not enumerable). */
         toJSON(): SerializedAppError {
           return {
             name: this.name,
             code: this.code,
             message: this.message,
             details: this.details,
             httpStatus: this.httpStatus,
             ...(this.cause === undefined ? {} : { cause: serializeCause(this.cause) }),
           };
         }
       }

       function serializeCause(cause: unknown): { name: string; message: string } | string {
         return cause instanceof Error ? { name: cause.name, message: cause.message } : String(cause);
       }
       "
      `);
    });

    it('writes one file per category with its leaves, inheriting or overriding the status', async () => {
      const tree = workspace();
      await errorHierarchyGenerator(tree, { project: 'alpha', spec: FIXTURE });
      expect(read(tree, 'packages/alpha/src/lib/errors/authorization-error.ts')).toMatchInlineSnapshot(`
       "import { AppError, type AppErrorOptions } from './app-error.js';

       /** Authorization errors. */
       export class AuthorizationError extends AppError {
         constructor(code: string, message: string, options: AppErrorOptions = {}) {
           super(code, message, { httpStatus: 403, ...options });
         }
       }

       /** This action is not allowed. */
       export class ForbiddenError extends AuthorizationError {
         static readonly code = 'FORBIDDEN';

         constructor(message = 'This action is not allowed.', options: AppErrorOptions = {}) {
           super(ForbiddenError.code, message, options);
         }
       }

       /** The token lacks a required scope. */
       export class InsufficientScopeError extends AuthorizationError {
         static readonly code = 'INSUFFICIENT_SCOPE';

         constructor(message = 'The token lacks a required scope.', options: AppErrorOptions = {}) {
           super(InsufficientScopeError.code, message, options);
         }
       }
       "
      `);
      expect(read(tree, 'packages/alpha/src/lib/errors/storage-error.ts')).toContain('super(code, message, options);');
      expect(read(tree, 'packages/alpha/src/lib/errors/index.ts')).toMatchInlineSnapshot(`
       "export * from './app-error.js';
       export * from './authentication-error.js';
       export * from './authorization-error.js';
       export * from './storage-error.js';
       export * from './guards.js';
       "
      `);
    });

    it('uses relative imports without extension in CommonJS packages', async () => {
      const tree = workspace({ esm: false });
      await errorHierarchyGenerator(tree, { project: 'alpha', spec: FIXTURE });
      expect(read(tree, 'packages/alpha/src/lib/errors/index.ts')).toContain("export * from './app-error';");
      expect(read(tree, 'packages/alpha/src/index.ts')).toContain("export * from './lib/errors/index';");
    });

    it('reads a workspace-relative YAML spec', async () => {
      const tree = workspace();
      tree.write(
        'errors.yaml',
        'base: BaseError\ncategories:\n  - name: Payment\n    httpStatus: 402\n    errors:\n      - name: CardDeclined\n',
      );
      await errorHierarchyGenerator(tree, {
        project: 'alpha',
        spec: 'errors.yaml',
      });
      const payment = read(tree, 'packages/alpha/src/lib/errors/payment-error.ts');
      expect(payment).toContain('export class PaymentError extends BaseError');
      expect(payment).toContain('export class CardDeclinedError extends PaymentError');
      expect(payment).toContain("static readonly code = 'CARD_DECLINED';");
      expect(payment).toContain("message = 'Card declined.'");
    });

    it('rejects an invalid spec naming the path of every problem', async () => {
      const tree = workspace();
      tree.write(
        'errors.json',
        JSON.stringify({
          categories: [
            { name: 'Auth', errors: [{ name: 'TokenExpired' }] },
            {
              name: 'storage',
              errors: [{ name: 'Full', code: 'disk-full' }, { name: 'TokenExpiredError' }],
            },
          ],
          extra: true,
        }),
      );
      const error = await errorHierarchyGenerator(tree, {
        project: 'alpha',
        spec: 'errors.json',
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'INVALID_ERROR_SPEC',
        file: 'errors.json',
      });
      const message = (error as Error).message;
      expect(message).toContain('Invalid error hierarchy spec errors.json');
      expect(message).toContain('categories[1].name: must be a PascalCase identifier');
      expect(message).toContain('categories[1].errors[0].code: must be UPPER_SNAKE_CASE');
      expect(message).toContain('(spec): Unrecognized key: "extra"');
    });

    it('rejects duplicate class names and codes with both places', async () => {
      const tree = workspace();
      tree.write(
        'errors.json',
        JSON.stringify({
          categories: [
            {
              name: 'Auth',
              errors: [{ name: 'Expired', code: 'X' }, { name: 'ExpiredError' }, { name: 'Other', code: 'X' }],
            },
          ],
        }),
      );
      const error = await errorHierarchyGenerator(tree, {
        project: 'alpha',
        spec: 'errors.json',
      }).catch((e: unknown) => e);
      expect((error as Error).message).toContain(
        'categories[0].errors[1].name: class ExpiredError is already defined at categories[0].errors[0]',
      );
      expect((error as Error).message).toContain('categories[0].errors[2].code: code X is already used at categories[0].errors[0]');
    });

    it('names the file of a spec with a syntax error or that does not exist', async () => {
      const tree = workspace();
      tree.write('errors.yml', 'categories: [\n');
      await expect(errorHierarchyGenerator(tree, { project: 'alpha', spec: 'errors.yml' })).rejects.toMatchObject({
        code: 'ERROR_SPEC_SYNTAX',
        file: 'errors.yml',
      });
      await expect(
        errorHierarchyGenerator(tree, {
          project: 'alpha',
          spec: 'missing.json',
        }),
      ).rejects.toMatchObject({
        code: 'ERROR_SPEC_NOT_FOUND',
        file: 'missing.json',
      });
    });
  });

  describe('--base and --categories', () => {
    it('generates the base and one class per category from the flags', async () => {
      const tree = workspace();
      await errorHierarchyGenerator(tree, {
        project: 'alpha',
        base: 'DomainError',
        categories: 'Auth, Storage',
      });
      expect(read(tree, 'packages/alpha/src/lib/errors/auth-error.ts')).toMatchInlineSnapshot(`
       "import { DomainError, type DomainErrorOptions } from './domain-error.js';

       /** Auth errors. */
       export class AuthError extends DomainError {
         constructor(code: string, message: string, options: DomainErrorOptions = {}) {
           super(code, message, options);
         }
       }
       "
      `);
      expect(tree.exists('packages/alpha/src/lib/errors/domain-error.ts')).toBe(true);
      expect(tree.exists('packages/alpha/src/lib/errors/storage-error.ts')).toBe(true);
    });

    it('accepts categories as an array', async () => {
      const tree = workspace();
      await errorHierarchyGenerator(tree, {
        project: 'alpha',
        categories: ['Auth'],
      });
      expect(tree.exists('packages/alpha/src/lib/errors/app-error.ts')).toBe(true);
    });

    it('asks for --spec or --categories when neither is given, and names bad values', async () => {
      const tree = workspace();
      await expect(errorHierarchyGenerator(tree, { project: 'alpha' })).rejects.toMatchObject({ code: 'NO_ERROR_SPEC' });
      await expect(
        errorHierarchyGenerator(tree, {
          project: 'alpha',
          base: 'app_error',
          categories: 'A',
        }),
      ).rejects.toThrow(/base: must be a PascalCase class name/);
    });
  });

  describe('--project', () => {
    it('lists the known projects when the name is wrong', async () => {
      const tree = workspace();
      await expect(errorHierarchyGenerator(tree, { project: 'nope', spec: FIXTURE })).rejects.toThrow('no project named "nope"');
    });
  });

  describe('--directory', () => {
    it('generates into the given project-relative folder and exports it from the entry', async () => {
      const tree = workspace();
      await errorHierarchyGenerator(tree, {
        project: 'alpha',
        categories: 'Auth',
        directory: 'src/errors',
      });
      expect(tree.exists('packages/alpha/src/errors/index.ts')).toBe(true);
      expect(read(tree, 'packages/alpha/src/index.ts')).toBe("export * from './lib/alpha.js';\nexport * from './errors/index.js';\n");
    });

    it('refuses a folder outside the project', async () => {
      const tree = workspace();
      await expect(
        errorHierarchyGenerator(tree, {
          project: 'alpha',
          categories: 'Auth',
          directory: '../beta',
        }),
      ).rejects.toThrow('must be a folder inside the project');
    });
  });

  describe('--exportFromEntry', () => {
    it('leaves the entry alone when false', async () => {
      const tree = workspace();
      await errorHierarchyGenerator(tree, {
        project: 'alpha',
        categories: 'Auth',
        exportFromEntry: false,
      });
      expect(read(tree, 'packages/alpha/src/index.ts')).toBe("export * from './lib/alpha.js';\n");
    });
  });

  describe('--force', () => {
    it('refuses to overwrite an edited generated file, naming it, and overwrites with --force', async () => {
      const tree = workspace();
      await errorHierarchyGenerator(tree, { project: 'alpha', spec: FIXTURE });
      tree.write('packages/alpha/src/lib/errors/guards.ts', '// edited by hand\n');
      const before = snapshotOf(tree);
      await expect(errorHierarchyGenerator(tree, { project: 'alpha', spec: FIXTURE })).rejects.toMatchObject({
        code: 'FILE_EXISTS',
        message: expect.stringContaining('packages/alpha/src/lib/errors/guards.ts'),
      });
      expect(snapshotOf(tree)).toEqual(before);
      await errorHierarchyGenerator(tree, {
        project: 'alpha',
        spec: FIXTURE,
        force: true,
      });
      expect(read(tree, 'packages/alpha/src/lib/errors/guards.ts')).toContain('export function isAppError');
    });
  });

  describe('--skipFormat', () => {
    it('formats every generated file with the workspace formatter unless --skipFormat', async () => {
      const format = jest.mocked(formatContent);
      format.mockClear();
      await errorHierarchyGenerator(workspace(), {
        project: 'alpha',
        categories: 'Auth',
        skipFormat: false,
      });
      expect(format.mock.calls.map(([, path]) => path).sort()).toEqual([
        'packages/alpha/src/lib/errors/app-error.ts',
        'packages/alpha/src/lib/errors/auth-error.ts',
        'packages/alpha/src/lib/errors/errors.spec.ts',
        'packages/alpha/src/lib/errors/guards.ts',
        'packages/alpha/src/lib/errors/index.ts',
      ]);
      format.mockClear();
      await errorHierarchyGenerator(workspace(), {
        project: 'alpha',
        categories: 'Auth',
        skipFormat: true,
      });
      expect(format).not.toHaveBeenCalled();
    });
  });

  describe('idempotence', () => {
    it('changes nothing on a second run', async () => {
      const tree = workspace({
        eslint: "export default [{ rules: { '@nx-quality/no-bare-error-throw': 'error' } }];\n",
      });
      await errorHierarchyGenerator(tree, { project: 'alpha', spec: FIXTURE });
      const first = snapshotOf(tree);
      await errorHierarchyGenerator(tree, { project: 'alpha', spec: FIXTURE });
      expect(snapshotOf(tree)).toEqual(first);
    });
  });

  describe('ESLint no-bare-error-throw', () => {
    it('points the configured rule at the base class, keeping its severity', async () => {
      const tree = workspace({
        eslint: "export default [\n  { rules: { '@nx-quality/no-bare-error-throw': ['warn'], 'no-console': 'off' } },\n];\n",
      });
      await errorHierarchyGenerator(tree, { project: 'alpha', spec: FIXTURE });
      expect(read(tree, 'packages/alpha/eslint.config.mjs')).toMatchInlineSnapshot(`
       "export default [
         { rules: { '@nx-quality/no-bare-error-throw': ['warn', { baseClass: 'AppError', importPath: '@ws/alpha' }], 'no-console': 'off' } },
       ];
       "
      `);
    });

    it('uses the folder as import path when the entry does not export the module', async () => {
      const tree = workspace({
        entry: false,
        eslint: "export default [{ rules: { '@nx-quality/no-bare-error-throw': 'error' } }];\n",
      });
      await errorHierarchyGenerator(tree, {
        project: 'alpha',
        categories: 'Auth',
      });
      expect(read(tree, 'packages/alpha/eslint.config.mjs')).toContain("{ baseClass: 'AppError', importPath: './src/lib/errors' }");
    });

    it('does not add the rule when the config does not use it', async () => {
      const config = 'export default [];\n';
      const tree = workspace({ eslint: config });
      await errorHierarchyGenerator(tree, {
        project: 'alpha',
        categories: 'Auth',
      });
      expect(read(tree, 'packages/alpha/eslint.config.mjs')).toBe(config);
    });
  });

  it('reads the spec fixture the e2e test reuses', () => {
    const spec = readJson(workspaceWithFixture(), 'errors.json') as {
      categories: { errors: unknown[] }[];
    };
    expect(spec.categories).toHaveLength(3);
    expect(spec.categories.flatMap((category) => category.errors)).toHaveLength(8);
  });
});

function workspaceWithFixture(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.write('errors.json', require('node:fs').readFileSync(FIXTURE, 'utf8'));
  return tree;
}

describe('generated module under TypeScript strict (module nodenext, ES2022)', () => {
  // The whole module and its spec must compile without a single diagnostic in an ESM package.
  it('type-checks the generated sources and spec without errors', async () => {
    const tree = workspace();
    await errorHierarchyGenerator(tree, { project: 'alpha', spec: FIXTURE });
    const base = join(__dirname, '../../../../../tmp');
    mkdirSync(base, { recursive: true });
    const dir = mkdtempSync(join(base, 'error-hierarchy-tsc-'));
    try {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
      const files = tree.children('packages/alpha/src/lib/errors').map((name) => join(dir, name));
      for (const name of tree.children('packages/alpha/src/lib/errors')) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), read(tree, `packages/alpha/src/lib/errors/${name}`));
      }
      const program = ts.createProgram(files, {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        lib: ['lib.es2022.d.ts'],
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        noUnusedLocals: true,
        noImplicitOverride: true,
        noImplicitReturns: true,
        isolatedModules: true,
        types: ['jest', 'node'],
      });
      const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(diagnostics).toEqual([]);
      expect(files).toHaveLength(7);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
