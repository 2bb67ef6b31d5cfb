// Pid files of the detached node processes. A pid is only trusted when the process with that id is
// still the one we started (its command line contains the marker, e.g. the node home as one whole
// argument): pids are reused, and signalling a stranger's process must never happen.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

export function writePid(path: string, pid: number): void {
  writeFileSync(path, `${pid}\n`);
}

export function removePid(path: string): void {
  rmSync(path, { force: true });
}

/** The pid in `path` if that process is alive and its command line contains `marker`. */
export function livePid(path: string, marker: string): number | undefined {
  if (!existsSync(path)) return undefined;
  const pid = Number(readFileSync(path, 'utf8').trim());
  if (!Number.isSafeInteger(pid) || pid <= 1) return undefined;
  return isOurProcess(pid, marker) ? pid : undefined;
}

export function isOurProcess(pid: number, marker: string): boolean {
  try {
    // /proc/<pid>/cmdline separates arguments with NUL bytes. Whole arguments only: the home
    // /x/nodes/a must not match /x/nodes/ab.
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (!` ${args.join(' ')} `.includes(` ${marker} `)) return false;
    // A zombie (exited, not yet reaped by its parent) has no live process to talk to.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

/** Waits until the process is gone (or no longer ours); false on timeout. */
export async function waitForExit(pid: number, marker: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isOurProcess(pid, marker)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !isOurProcess(pid, marker);
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
export async function terminate(pid: number, marker: string, graceMs: number): Promise<void> {
  if (!isOurProcess(pid, marker)) return;
  signal(pid, 'SIGTERM');
  if (await waitForExit(pid, marker, graceMs)) return;
  signal(pid, 'SIGKILL');
  await waitForExit(pid, marker, 5_000);
}

export function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}
