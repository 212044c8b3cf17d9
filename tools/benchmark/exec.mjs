// Runs a command for the benchmark: wall time, exit code, captured output tail, and the
// peak resident memory of the whole process tree from GNU time when it is available.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

const PAGE_BYTES = 4096;

/**
 * Resident memory of a process and all its descendants now, in MB, from /proc (Linux); undefined
 * elsewhere. Nx runs tasks in child processes, so the memory a run needs is the tree's sum.
 */
function treeRssMb(rootPid) {
  if (!existsSync('/proc/self/statm')) return undefined;
  const childrenOf = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!childrenOf.has(ppid)) childrenOf.set(ppid, []);
      childrenOf.get(ppid).push(Number(name));
    } catch {
      // The process ended while the list was read.
    }
  }
  let pages = 0;
  const visit = (pid) => {
    try {
      pages += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    } catch {
      // Ended meanwhile.
    }
    for (const child of childrenOf.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return (pages * PAGE_BYTES) / 1048576;
}

/**
 * Runs `command args` in `cwd` and resolves `{ ms, code, out, maxRssMb, treePeakMb }` (never rejects
 * on a non-zero exit; the caller decides). `maxRssMb` is GNU time's "Maximum resident set size" of
 * the largest single process; `treePeakMb` the largest sum over the whole process tree, sampled
 * every 250 ms.
 */
export function timed(command, args, { cwd, env = {}, log, label } = {}) {
  return new Promise((resolvePromise) => {
    let spawnCommand = command;
    let spawnArgs = args;
    let timeFile;
    if (GNU_TIME) {
      const dir = mkdtempSync(join(tmpdir(), 'nxq-bench-time-'));
      timeFile = join(dir, 'time.txt');
      spawnCommand = GNU_TIME;
      spawnArgs = ['-v', '-o', timeFile, command, ...args];
    }
    const started = process.hrtime.bigint();
    const child = spawn(spawnCommand, spawnArgs, {
      cwd,
      env: { ...process.env, FORCE_COLOR: '0', NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', CI: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let treePeakMb;
    const sampler = setInterval(() => {
      const mb = treeRssMb(child.pid);
      if (mb !== undefined && (treePeakMb === undefined || mb > treePeakMb)) treePeakMb = mb;
    }, 250);
    const chunks = [];
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
    child.on('close', (code) => {
      clearInterval(sampler);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const out = Buffer.concat(chunks).toString('utf8');
      let maxRssMb;
      if (timeFile && existsSync(timeFile)) {
        const text = readFileSync(timeFile, 'utf8');
        const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
        if (match) maxRssMb = Number(match[1]) / 1024;
        rmSync(join(timeFile, '..'), { recursive: true, force: true });
      }
      if (log) log(`    ${label ?? command} ${(ms / 1000).toFixed(1)}s exit ${code}`);
      resolvePromise({ ms, code, out, maxRssMb, treePeakMb });
    });
  });
}

/** Runs a setup command synchronously and throws with its output when it fails. */
export function mustRun(command, args, { cwd, env = {}, quiet = true } = {}) {
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', CI: 'true', ...env },
    encoding: 'utf8',
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited with ${result.status}\n${output}`);
  }
  return result.stdout ?? '';
}
