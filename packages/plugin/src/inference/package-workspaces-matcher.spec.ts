import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPackageWorkspacesMatcher } from './package-workspaces-matcher';

describe('createPackageWorkspacesMatcher', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'nxq-workspaces-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => writeFileSync(join(root, file), text);

  it('reads npm/yarn workspaces (array and object form) with negations', () => {
    write('package.json', JSON.stringify({ name: 'ws', workspaces: { packages: ['packages/*', 'apps/**', '!apps/legacy'] } }));
    const { isPackageProject, declaresWorkspaces } = createPackageWorkspacesMatcher(root);
    expect(declaresWorkspaces).toBe(true);
    expect(isPackageProject('packages/a/package.json')).toBe(true);
    expect(isPackageProject('packages/a/b/package.json')).toBe(false);
    expect(isPackageProject('apps/web/admin/package.json')).toBe(true);
    expect(isPackageProject('apps/legacy/package.json')).toBe(false);
    expect(isPackageProject('package.json')).toBe(false);
  });

  it('reads pnpm-workspace.yaml and lerna.json, and counts the root only with an nx key', () => {
    write('package.json', JSON.stringify({ name: 'ws', nx: {} }));
    write('pnpm-workspace.yaml', "packages:\n  - 'libs/*'\n");
    write('lerna.json', JSON.stringify({ packages: ['tools/*'] }));
    const { isPackageProject, declaresWorkspaces } = createPackageWorkspacesMatcher(root);
    expect(declaresWorkspaces).toBe(true);
    expect(['libs/a/package.json', 'tools/b/package.json', 'package.json'].map(isPackageProject)).toEqual([true, true, true]);
    expect(isPackageProject('other/c/package.json')).toBe(false);
  });

  it('treats a single-package repo as no workspaces, and survives a broken pnpm-workspace.yaml', () => {
    write('package.json', JSON.stringify({ name: 'app' }));
    write('pnpm-workspace.yaml', 'packages: [unclosed');
    const { isPackageProject, declaresWorkspaces } = createPackageWorkspacesMatcher(root);
    expect(declaresWorkspaces).toBe(false);
    expect(isPackageProject('package.json')).toBe(false);
  });
});
