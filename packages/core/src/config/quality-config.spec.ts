import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigLoadError } from '../errors/config-load-error';
import { loadQualityConfig } from './load-quality-config';
import { mergeQualityConfigs } from './merge-quality-configs';
import { parseQualityConfig } from './parse-quality-config';
import { resolveProjectConditions } from './resolve-project-conditions';

describe('loadQualityConfig', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'nxq-config-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const write = (text: string) => writeFileSync(join(root, 'quality.config.json'), text);

  it('returns an empty config when the file does not exist', () => {
    expect(loadQualityConfig(root)).toEqual({ config: {}, file: null });
  });

  it('parses a valid file', () => {
    write(
      JSON.stringify({
        $schema: './node_modules/@nx-quality/core/schemas/quality-config.schema.json',
        gates: { tags: { 'scope:core': [{ metric: 'coverage.lines', op: '>=', threshold: 90 }] } },
        coverage: { lines: 85 },
        health: { maxFileLines: 400 },
        baseline: 'quality/baseline.json',
      }),
    );
    const loaded = loadQualityConfig(root);
    expect(loaded.file).toBe('quality.config.json');
    expect(loaded.config.gates?.tags?.['scope:core']).toEqual([{ metric: 'coverage.lines', op: '>=', threshold: 90 }]);
    expect(loaded.config.coverage).toEqual({ lines: 85 });
  });

  it('names the file and the key path of every invalid value', () => {
    write(
      JSON.stringify({
        gates: { tags: { 'scope:core': [{ metric: 'coverage.lines', op: '=>', threshold: 90 }] } },
        coverage: { lines: 120 },
        colour: 'red',
      }),
    );
    let thrown: unknown;
    try {
      loadQualityConfig(root);
    } catch (error) {
      if (!(error instanceof ConfigLoadError)) throw error;
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigLoadError);
    const error = thrown as ConfigLoadError;
    expect(error.code).toBe('QUALITY_CONFIG_INVALID');
    expect(error.file).toBe('quality.config.json');
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^quality\.config\.json: gates\.tags\.scope:core\[0\]\.op: Invalid option: expected one of "<"\|"<="\|"="\|">="\|">"$/);
    expect(lines[1]).toMatch(/^quality\.config\.json: coverage\.lines: Too big: expected number to be <=100$/);
    expect(lines[2]).toMatch(/^quality\.config\.json: \(root\): Unrecognized key: "colour"$/);
    expect(error.hint).toContain('quality-config.schema.json');
  });

  it('reports a JSON syntax error with the file name', () => {
    write('{ "gates": { , }');
    expect(() => loadQualityConfig(root)).toThrow(
      expect.objectContaining({ code: 'QUALITY_CONFIG_INVALID_JSON', file: 'quality.config.json', message: expect.stringMatching(/^quality\.config\.json is not valid JSON: /) }),
    );
  });
});

describe('parseQualityConfig', () => {
  it('starts error lines with the given source', () => {
    expect(() => parseQualityConfig({ health: true }, 'nx.json plugin options')).toThrow(/^nx\.json plugin options: health: /);
  });
});

describe('mergeQualityConfigs', () => {
  it('lets later layers win key by key, merging tags and projects per name', () => {
    const merged = mergeQualityConfigs(
      {
        gates: {
          defaults: [{ metric: 'lint.errors', op: '=', threshold: 0 }],
          tags: {
            'scope:core': [{ metric: 'coverage.lines', op: '>=', threshold: 90 }],
            'type:ui': [{ metric: 'coverage.lines', op: '>=', threshold: 60 }],
          },
        },
        coverage: { lines: 70 },
        health: { maxFileLines: 300, todo: { categories: ['bug'] } },
        baseline: 'a.json',
      },
      {
        gates: { tags: { 'scope:core': [{ metric: 'coverage.lines', op: '>=', threshold: 95 }] }, projects: { app: [] } },
        coverage: { lines: 85 },
        health: { todo: { max: 3 } },
      },
    );
    expect(merged).toEqual({
      gates: {
        defaults: [{ metric: 'lint.errors', op: '=', threshold: 0 }],
        tags: {
          'scope:core': [{ metric: 'coverage.lines', op: '>=', threshold: 95 }],
          'type:ui': [{ metric: 'coverage.lines', op: '>=', threshold: 60 }],
        },
        projects: { app: [] },
      },
      coverage: { lines: 85 },
      health: { maxFileLines: 300, todo: { categories: ['bug'], max: 3 } },
      baseline: 'a.json',
    });
  });

  it('turns health off when a later layer says false, and back on with an object', () => {
    expect(mergeQualityConfigs({ health: { maxFileLines: 300 } }, { health: false }).health).toBe(false);
    expect(mergeQualityConfigs({ health: false }, { health: { maxFileLines: 200 } }).health).toEqual({ maxFileLines: 200 });
  });
});

describe('resolveProjectConditions', () => {
  it('drops default conditions of absent result kinds but keeps tag and project demands', () => {
    const conditions = resolveProjectConditions(
      {
        coverage: { lines: 70 },
        gates: {
          tags: { 'scope:core': [{ metric: 'coverage.lines', op: '>=', threshold: 90 }] },
          projects: { docs: [{ metric: 'health.todos', op: '<=', threshold: 3 }] },
        },
      },
      { name: 'docs', tags: ['scope:core'] },
      ['test', 'health'],
    );
    expect(conditions).toEqual([
      { metric: 'lint.errors', op: '=', threshold: 0, source: 'default' },
      { metric: 'typecheck.errors', op: '=', threshold: 0, source: 'default' },
      { metric: 'coverage.lines', op: '>=', threshold: 90, source: 'tag:scope:core' },
      { metric: 'health.todos', op: '<=', threshold: 3, source: 'project' },
    ]);
  });

  it('applies the configured coverage threshold to the built-in gate', () => {
    expect(resolveProjectConditions({ coverage: { lines: 65 } }, { name: 'a' }).at(-1)).toEqual({
      metric: 'coverage.lines',
      op: '>=',
      threshold: 65,
      source: 'default',
    });
  });
});
