import { Linter } from 'eslint';
import jest from 'eslint-plugin-jest';
import { configs, createHealthConfig } from '../index';
import { HEALTH_JEST_RULES, healthJestPlugin } from './health-jest-plugin';

const SPEC = "describe('x', () => {\n  it('has no assertion', () => { run(); });\n  it.skip('skipped', () => { expect(1).toBe(1); });\n  it.only('focused', () => { expect(1).toBe(1); });\n});\n";

function recordingLoad(requests: string[], fail?: (request: string) => boolean): (request: string) => unknown {
  return (request) => {
    requests.push(request);
    if (fail?.(request)) throw Object.assign(new Error(`Cannot find module '${request}'`), { code: 'MODULE_NOT_FOUND' });
    return require(request) as unknown;
  };
}

describe('healthJestPlugin', () => {
  it("holds eslint-plugin-jest's own rule objects, and its name and version", () => {
    const plugin = healthJestPlugin();
    expect(Object.keys(plugin.rules ?? {})).toEqual([...HEALTH_JEST_RULES]);
    for (const name of HEALTH_JEST_RULES) expect(plugin.rules?.[name]).toBe(jest.rules[name as keyof typeof jest.rules]);
    expect(plugin.meta).toEqual({ name: 'eslint-plugin-jest', version: (require('eslint-plugin-jest/package.json') as { version: string }).version });
  });

  it("loads the three rule files, not the package's entry point", () => {
    const requests: string[] = [];
    healthJestPlugin(recordingLoad(requests));
    expect(requests).toEqual(['eslint-plugin-jest/package.json', ...HEALTH_JEST_RULES.map((name) => `eslint-plugin-jest/lib/rules/${name}`)]);
  });

  it("falls back to the entry point's rules when a version keeps its rule files elsewhere", () => {
    const requests: string[] = [];
    const plugin = healthJestPlugin(recordingLoad(requests, (request) => request.includes('/lib/rules/')));
    expect(requests).toContain('eslint-plugin-jest');
    for (const name of HEALTH_JEST_RULES) expect(plugin.rules?.[name]).toBe(jest.rules[name as keyof typeof jest.rules]);
  });

  it('reports what the package itself reports in the health config', () => {
    const verify = (config: Linter.Config[]): string[] =>
      new Linter({ configType: 'flat' }).verify(SPEC, config, { filename: 'src/x.spec.ts' }).map((message) => `${message.ruleId}:${message.line}`);
    const lean = verify(createHealthConfig({ jestPlugin: healthJestPlugin() }));
    expect(lean).toEqual(verify(createHealthConfig()));
    expect(lean.sort()).toEqual(['jest/expect-expect:2', 'jest/no-disabled-tests:3', 'jest/no-focused-tests:4']);
  });

  it("keeps the package itself in configs.health, which a config may then combine with eslint-plugin-jest's own", () => {
    const combined: Linter.Config[] = [...configs.health, jest.configs['flat/recommended'] as Linter.Config];
    expect(() => new Linter({ configType: 'flat' }).verify(SPEC, combined, { filename: 'src/x.spec.ts' })).not.toThrow();
  });
});
