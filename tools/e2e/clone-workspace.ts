import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runCommand } from './run-command';

/**
 * A fresh checkout of a workspace's last commit at `<parent>/<name>`, as a CI job gets it: only what
 * git tracks (no dist/, no .nx/), plus the installed node_modules, hard-linked (`cp -al`) so that a
 * clone costs no copy of the packages.
 */
export function cloneWorkspace(source: string, parent: string, name: string): string {
  const dir = join(parent, name);
  runCommand('git', ['clone', '-q', source, dir], { cwd: parent });
  execFileSync('cp', ['-al', join(source, 'node_modules'), join(dir, 'node_modules')]);
  return dir;
}
