import { join } from 'node:path';
import { prepareJestConfig } from './prepare-jest-config';

const workspaceRoot = join(__dirname, '__fixtures__/jest-workspace');

describe('prepareJestConfig', () => {
  it('anchors rootDir and inline projects at the config folder and inlines TypeScript project configs', async () => {
    const configFile = join(workspaceRoot, 'jest.config.ts');
    const prepared = await prepareJestConfig(
      {
        projects: [
          { displayName: 'a', rootDir: '<rootDir>/libs/a' },
          { displayName: 'b' },
          '<rootDir>/libs/nx-style/jest.config.cts',
          '<rootDir>/libs/mixed',
        ],
      },
      configFile,
      workspaceRoot,
    );
    expect(prepared['rootDir']).toBe(workspaceRoot);
    const projects = prepared['projects'] as unknown[];
    expect(projects[0]).toEqual({ displayName: 'a', rootDir: join(workspaceRoot, 'libs/a') });
    expect(projects[1]).toEqual({ displayName: 'b', rootDir: workspaceRoot });
    expect(projects[2]).toMatchObject({ displayName: '@fixture/nx-style', rootDir: join(workspaceRoot, 'libs/nx-style'), preset: '../../jest.preset.js' });
    expect(projects[3]).toBe('<rootDir>/libs/mixed');
  });

  it('resolves a relative rootDir against the config folder', async () => {
    const prepared = await prepareJestConfig({ rootDir: 'src' }, join(workspaceRoot, 'libs/mixed/jest.config.js'), workspaceRoot);
    expect(prepared['rootDir']).toBe(join(workspaceRoot, 'libs/mixed/src'));
  });
});
