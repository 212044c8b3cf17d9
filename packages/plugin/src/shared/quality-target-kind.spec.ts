import { qualityTargetKind } from './quality-target-kind';

describe('qualityTargetKind', () => {
  it('tells a tool target by the `tool` option of @nx-quality/plugin:tool', () => {
    expect(['test', 'lint', 'typecheck', 'health', 'quality'].map((tool) => qualityTargetKind({ executor: '@nx-quality/plugin:tool', options: { tool } }))).toEqual(['test', 'lint', 'typecheck', 'health', 'quality']);
  });

  it('tells the other targets by the executor name, the single-tool executors included', () => {
    expect(['test', 'lint', 'typecheck', 'health', 'quality'].map((name) => qualityTargetKind({ executor: `@nx-quality/plugin:${name}` }))).toEqual(['test', 'lint', 'typecheck', 'health', 'quality']);
  });

  it('is undefined for targets that are not ours, the report and a tool target without a known tool', () => {
    expect(qualityTargetKind({ executor: '@nx/jest:jest' })).toBeUndefined();
    expect(qualityTargetKind({ executor: '@nx-quality/plugin:quality-report' })).toBeUndefined();
    expect(qualityTargetKind({ executor: '@nx-quality/plugin:tool', options: { tool: 'prettier' } })).toBeUndefined();
    expect(qualityTargetKind({ executor: '@nx-quality/plugin:tool' })).toBeUndefined();
    expect(qualityTargetKind(undefined)).toBeUndefined();
  });
});
